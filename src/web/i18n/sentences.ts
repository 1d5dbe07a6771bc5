/**
 * Sentences the server sends as keys and values (a finding's explanation, shared/sentences.ts),
 * written in the user's language: templates and plural forms from the translations (i18next
 * picks the plural form by the language's rules), dates and amounts by the one locale format.
 */
import { useTranslation } from 'react-i18next';
import { localeFormat } from '../../shared/locale.ts';
import { sayAll } from '../../shared/sentences.ts';
import type { Sentence } from '../../shared/sentences.ts';
import { currentLanguage } from './index.ts';

export function useSay(): (words: readonly Sentence[] | null | undefined, english: string) => string {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const format = localeFormat(lang);
  const words = {
    template: (key: string) => {
      const own: unknown = i18n.getResource(lang, 'translation', `finance.explain.${key}`);
      const en: unknown = i18n.getResource('en', 'translation', `finance.explain.${key}`);
      return typeof own === 'string' ? own : typeof en === 'string' ? en : undefined;
    },
    counted: (unit: string, count: number) =>
      t(`finance.units.${unit}`, { count, defaultValue: String(count) }).replace(String(count), format.number(count)),
  };
  return (sentences, english) => sayAll(sentences, words, format, english);
}
