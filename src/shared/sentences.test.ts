import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeFormat } from './locale.ts';
import { say, sayAll } from './sentences.ts';
import type { SentenceWords } from './sentences.ts';

type Tree = { [key: string]: string | Tree };
const table = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../web/i18n/${lang}.json`, import.meta.url), 'utf8')) as { finance: Tree };
const at = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const wordsOf = (lang: string): SentenceWords => {
  const t = table(lang).finance;
  const rules = new Intl.PluralRules(lang);
  return {
    template: (key) => at(t, `explain.${key}`),
    counted: (unit, count) => (at(t, `units.${unit}_${rules.select(count)}`) ?? '').replace('{{count}}', String(count)),
  };
};

describe('sentences in the reader’s language', () => {
  const s = {
    key: 'wageKickback.transfer',
    vars: {
      workers: { count: 6, unit: 'account' },
      share: { share: 0.43 },
      window: { count: 1, unit: 'day' },
      cycles: { count: 66, unit: 'wagePayment' },
      period: { from: '2023-07-08', to: '2024-05-08' },
      total: { minor: 6_215_000, currency: 'EUR' },
    },
  };

  it('writes counts in the plural form, dates and amounts in the locale', () => {
    expect(say(s, wordsOf('en'), localeFormat('en'))).toBe(
      '6 accounts receiving wages sent on average 43% of the wage to this account within 1 day of being paid, ' +
        'in 66 wage payments between 08/07/2023 and 08/05/2024 (€62,150.00 in all).',
    );
    const lv = say(s, wordsOf('lv'), localeFormat('lv')) ?? '';
    expect(lv).toContain('6 konti');
    expect(lv).toContain('1 dienu');
    expect(lv).toContain('08.07.2023–08.05.2024');
    expect(lv).toMatch(/62\s150,00\s€/u);
  });

  it('falls back to the stored English when a sentence has no words', () => {
    expect(sayAll([{ key: 'no.such' }], wordsOf('fi'), localeFormat('fi'), 'English')).toBe('English');
    expect(sayAll(null, wordsOf('fi'), localeFormat('fi'), 'English')).toBe('English');
  });

  it('has words in every language for every sentence a rule writes', () => {
    const dir = new URL('../domain/finance/rules/', import.meta.url);
    const keys = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      for (const m of src.matchAll(/key: '([a-zA-Z]+\.[a-zA-Z]+)'/g)) keys.add(m[1] ?? '');
    }
    // Keys built from a variant (wageKickback.${key}, sharedContacts.${kind}, structuring's sources).
    for (const k of ['transfer', 'cash']) keys.add(`wageKickback.${k}`);
    for (const k of ['controller', 'email', 'phone', 'address']) keys.add(`sharedContacts.${k}`);
    for (const k of ['Law', 'Bank']) keys.add(`structuring.thresholdDefault${k}`);
    expect(keys.size).toBeGreaterThan(25);
    for (const lang of ['en', 'fi', 'et', 'lv']) {
      const t = table(lang).finance;
      for (const key of keys) expect(at(t, `explain.${key}`), `${lang} ${key}`).toBeTruthy();
      for (const unit of ['account', 'day', 'wagePayment', 'payment', 'holder', 'time', 'cashDeposit', 'place'])
        for (const form of new Intl.PluralRules(lang).resolvedOptions().pluralCategories)
          expect(at(t, `units.${unit}_${form}`), `${lang} ${unit}_${form}`).toBeTruthy();
    }
  });
});
