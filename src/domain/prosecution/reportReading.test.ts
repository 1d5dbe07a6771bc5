import { describe, expect, it } from 'vitest';
import { idsIn, rawWordsIn, wrongLocaleIn } from './reportReading.ts';

describe('what a case report must not show', () => {
  it('finds keys and identifiers but not names, links or file names', () => {
    const text = 'birthDate: 1971 · nationality: lv · UnknownLink 7 · preview.kinds.statement · cash_deposit';
    expect(rawWordsIn(text).sort()).toEqual(['UnknownLink', 'birthDate', 'cash_deposit', 'preview.kinds.statement']);
    expect(rawWordsIn('Artūrs Grīnbergs, McAfee? no: FinCEN, https://ads.example.lv/a?b=c, ad.mhtml, a@b.lv')).toEqual([
      'McAfee',
    ]);
  });

  it('finds ids outside quoted file names', () => {
    expect(idsIn('[demo-42-c0-p10] 01a2483b-9481-7cc7-8321-a797e944d986 demo-42-c0-ad1.html')).toEqual([
      '01a2483b-9481-7cc7-8321-a797e944d986',
      'demo-42-c0-p10',
    ]);
  });

  it('finds ISO dates and amounts written in another language’s way', () => {
    expect(wrongLocaleIn('on 2023-07-08: 267 850.00 EUR', 'en')).toEqual(['2023-07-08', '267 850.00 EUR']);
    expect(wrongLocaleIn('28/03/1971 €62,150.00', 'en')).toEqual([]);
    expect(wrongLocaleIn('€62,150.00 and 1.50 €', 'lv')).toEqual(['€6', '1.50 €']);
    expect(wrongLocaleIn('28.03.1971 62 150,00\u00a0€', 'lv')).toEqual([]);
  });
});
