/**
 * Sentences that every language can say: a translation key (src/web/i18n, under
 * `finance.explain`) and its values, kept typed until they are written, so an amount, a date, a
 * share and a counted noun ("6 accounts", "6 kontiem") come out the way the reader's language
 * writes them. The rules that explain a finding build these; the workspace, the report and the
 * CLI write them with the same function, each with its own lookup of the translations.
 */
import type { LocaleFormat } from './locale.ts';

export type SentenceValue =
  | string
  | number
  | { minor: number; currency: string }
  | { share: number }
  | { count: number; unit: string }
  | { from: string; to: string };

export interface Sentence {
  key: string;
  vars?: Record<string, SentenceValue> | undefined;
}

export interface SentenceWords {
  /** The template at `finance.explain.<key>` in the reader's language (English when missing). */
  template(key: string): string | undefined;
  /** "6 accounts": the count and the noun `finance.units.<unit>` in the language's plural form. */
  counted(unit: string, count: number): string;
}

const isObject = (v: SentenceValue): v is Exclude<SentenceValue, string | number> => typeof v === 'object';

function valueIn(v: SentenceValue, words: SentenceWords, f: LocaleFormat): string {
  if (!isObject(v)) return typeof v === 'number' ? f.number(v) : v;
  if ('minor' in v) return f.money(v.minor, v.currency);
  if ('share' in v) return f.percent(v.share);
  if ('unit' in v) return words.counted(v.unit, v.count);
  const key = v.from === v.to ? 'period.on' : 'period.between';
  return fill(words.template(key) ?? `${v.from} – ${v.to}`, { from: f.date(v.from), to: f.date(v.to) });
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => values[k] ?? '');

/** One sentence in the reader's language; undefined when the language has no template for it. */
export function say(s: Sentence, words: SentenceWords, f: LocaleFormat): string | undefined {
  const template = words.template(s.key);
  if (template === undefined) return undefined;
  const values = Object.fromEntries(Object.entries(s.vars ?? {}).map(([k, v]) => [k, valueIn(v, words, f)]));
  return fill(template, values);
}

/** The sentences joined; `fallback` (the stored English) when any of them has no template. */
export function sayAll(
  sentences: readonly Sentence[] | null | undefined,
  words: SentenceWords,
  f: LocaleFormat,
  fallback: string,
): string {
  if (!sentences?.length) return fallback;
  const out: string[] = [];
  for (const s of sentences) {
    const text = say(s, words, f);
    if (text === undefined) return fallback;
    if (text) out.push(text);
  }
  return out.join(' ');
}
