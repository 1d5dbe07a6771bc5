import { describe, expect, it } from 'vitest';
import { cashPlaceOf } from './cashPlace.ts';

describe('cashPlaceOf', () => {
  it('reads the ATM or branch after the cash words, from the code or the words of the line', () => {
    expect(cashPlaceOf('PMNT/CNTR/CDPT', 'Cash deposit | Cash deposit Tampere')).toBe('Tampere');
    expect(cashPlaceOf('CASH DEPOSIT', 'Cash deposit Rīga Cash deposit')).toBe('Rīga');
    expect(cashPlaceOf(null, 'KÄTEISPANO TAMPERE KESKUSTA 12.03 1234')).toBe('TAMPERE KESKUSTA');
    expect(cashPlaceOf('PMNT/CCRD/CWDL', 'ATM 0421 Vantaa Myyrmäki')).toBe('Vantaa Myyrmäki');
    expect(cashPlaceOf('Sularaha sissemakse', 'Sularaha sissemakse Kohtla-Järve')).toBe('Kohtla-Järve');
  });

  it('finds no place on a line that is not cash, or that names none', () => {
    expect(cashPlaceOf('PMNT/RCDT/ESCT', 'Invoice 123 Tampere')).toBeUndefined();
    expect(cashPlaceOf('PMNT/CNTR/CDPT', 'Cash deposit')).toBeUndefined();
    expect(cashPlaceOf('PMNT/CNTR/CDPT', null)).toBeUndefined();
    expect(cashPlaceOf('ATM', 'ATM 1234 5678')).toBeUndefined();
  });
});
