import { describe, expect, it } from 'vitest';
import { Classifier } from './classify.ts';
import { TxFlag } from './types.ts';
import { foldWords, wordMatcher } from './vocabulary.ts';

describe('statement line classification', () => {
  const c = new Classifier();
  it('reads wages, taxes, housing and cash in the region’s languages and ISO codes', () => {
    expect(c.flags('transfer', 'ALGA 03/2024', null, 190000) & TxFlag.wage).toBeTruthy();
    expect(c.flags('PMNT/RCDT/SALA', null, null, 190000) & TxFlag.wage).toBeTruthy();
    expect(c.flags('salary', 'PALKKA', 'Logistiikka Oy', 250000) & TxFlag.wage).toBeTruthy();
    expect(c.flags('transfer', 'Wynagrodzenie', null, 800000) & TxFlag.wage).toBeTruthy();
    expect(c.flags('transfer', 'taskuraha', null, 15000) & TxFlag.wage).toBe(0);
    expect(c.flags('transfer', 'Oma-aloitteiset verot', 'Verohallinto', -150000) & TxFlag.tax).toBeTruthy();
    expect(c.flags('transfer', 'Składki', 'ZUS', -300000) & TxFlag.tax).toBeTruthy();
    expect(c.flags('transfer', 'īre', null, -40000) & TxFlag.housing).toBeTruthy();
    expect(c.flags('transfer', 'üür', null, -40000) & TxFlag.housing).toBeTruthy();
    expect(c.flags('cash-deposit', 'Cash deposit', null, 120000)).toBe(TxFlag.cashDeposit);
    expect(c.flags('PMNT/CNTR/CWDL', null, null, -50000)).toBe(TxFlag.cashWithdrawal);
    expect(c.flags('card', null, 'Otto Virtanen', -5000)).toBe(0);
  });

  it('matches whole words and word starts on folded text', () => {
    expect(foldWords('Käteisnosto / ATM, Rīga')).toBe('kateisnosto atm riga');
    const m = wordMatcher(['vero', 'palk*']);
    expect(m.test('vero 2024')).toBe(true);
    expect(m.test('veronica')).toBe(false);
    expect(m.test('palkka 3')).toBe(true);
  });
});
