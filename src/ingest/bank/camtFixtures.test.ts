/**
 * Every camt.052/053/054 file of the shared corpus (../shared/fixtures/bank) read by the parser,
 * checked against the facts its SOURCES.md row gives: statements, entries, transactions
 * (a batch split into its details), currency, account, balances and dates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import type { StatementRecord } from '../../domain/records.ts';
import { accountEntityId, accountRef } from './accounts.ts';
import { CamtReader } from './camtReader.ts';
import { ItemQueue } from './emit.ts';
import { checkOrder, collect, fixturePath, transactionsOf } from './statements.testing.ts';
import type { ImportItem } from '../types.ts';
import { XmlTokenizer } from './xml.ts';

interface Facts {
  message: string;
  statements: number;
  entries: number;
  /** Transactions yielded: one per booked entry, or per <TxDtls> of a split batch. */
  transactions: number;
  currency: string;
  account: string;
  net: number;
  /**
   * Per statement: [opening, date, closing, date]; a balance the file does not give is null (the
   * statement is then not reconcilable) and its date is the statement's period.
   */
  balances: [number | null, string, number | null, string][];
  /** Booking dates of the transactions, in order, when the row names them. */
  bookingDates?: string[];
  amounts?: [number, string][];
  /** The statements' sequence numbers (<ElctrncSeqNb>), where given. */
  sequences?: string[];
}

const FACTS: Record<string, Facts> = {
  'genkgo_camt053.v2.minimal.xml': {
    message: '053',
    statements: 1,
    entries: 1,
    transactions: 1,
    currency: 'EUR',
    account: 'NL26VAYB8060476890',
    net: 885,
    balances: [[1815, '2014-12-30', -2700, '2014-12-31']],
  },
  'genkgo_camt053.v8.xml': {
    message: '053',
    statements: 1,
    entries: 1,
    transactions: 1,
    currency: 'EUR',
    account: 'NL26VAYB8060476890',
    net: 885,
    balances: [[1815, '2014-12-30', -2700, '2014-12-30']],
  },
  'genkgo_camt053.v2.multi.statement.xml': {
    message: '053',
    statements: 2,
    entries: 2,
    transactions: 2,
    currency: 'EUR',
    account: 'NL26VAYB8060476890',
    net: 885 - 700,
    balances: [
      [1815, '2014-12-30', 2700, '2014-12-31'],
      [2700, '2014-12-30', 2000, '2014-12-31'],
    ],
    amounts: [
      [885, 'EUR'],
      [-700, 'EUR'],
    ],
  },
  'viafintech-camt_053_vrbank_rottal-inn.v2.xml': {
    sequences: ['130000005'],
    message: '053',
    statements: 1,
    entries: 4,
    transactions: 5,
    currency: 'EUR',
    account: 'DE14740618130000033626',
    net: -1000,
    // PRCD, not OPBD, opens this statement.
    balances: [[3306, '2013-12-27', 2306, '2013-12-27']],
    // The first entry is a debit of 2.00 although its text says "Gutschrift"; the last a batch of 2 (6.00).
    amounts: [
      [-200, 'EUR'],
      [-300, 'EUR'],
      [100, 'EUR'],
      [-350, 'EUR'],
      [-250, 'EUR'],
    ],
  },
  'viafintech-camt_052_vrbank_rottal-inn.v2.xml': {
    sequences: ['130000005'],
    message: '052',
    statements: 1,
    entries: 2,
    transactions: 2,
    currency: 'EUR',
    account: 'DE58740618130100033626',
    net: 500,
    balances: [[850, '2013-12-27', 1350, '2013-12-27']],
    amounts: [
      [200, 'EUR'],
      [300, 'EUR'],
    ],
  },
  'viafintech-camt_053_postfinance_sps.v4.xml': {
    sequences: ['85'],
    message: '053',
    statements: 1,
    entries: 13,
    transactions: 32,
    currency: 'CHF',
    account: 'CH0309000000250090342',
    net: 53761,
    balances: [[32215216, '2016-04-29', 32268977, '2016-04-30']],
  },
  'viafintech-camt_053_ubs_sps.v8.xml': {
    sequences: ['122'],
    message: '053',
    statements: 1,
    entries: 3,
    transactions: 3,
    currency: 'CHF',
    account: 'CH1111111111111111111',
    net: 47440 + 8885 - 2097,
    balances: [[8272195, '2023-06-20', 8451525, '2023-06-20']],
    bookingDates: ['2023-06-20', '2023-06-20', '2023-06-20'],
    // A debit in EUR inside a CHF account.
    amounts: [
      [47440, 'CHF'],
      [8885, 'CHF'],
      [-2097, 'EUR'],
    ],
  },
  'viafintech-camt_053_ing_nl_batch.v2.xml': {
    message: '053',
    statements: 1,
    entries: 3,
    // The batch of 3 has no TxDtls: it stays one line.
    transactions: 3,
    currency: 'EUR',
    account: 'NL18INGB00012345678',
    net: -475374 + 268800 + 500000,
    // OPBD is preferred to the PRCD of the day before.
    balances: [[732980, '2019-01-01', 2303820, '2019-06-23']],
    amounts: [
      [-475374, 'EUR'],
      [268800, 'EUR'],
      [500000, 'EUR'],
    ],
  },
  'viafintech-camt_053_wise.v10.xml': {
    message: '053',
    statements: 1,
    entries: 1,
    transactions: 1,
    currency: 'USD',
    account: '11111111',
    net: 19586,
    // Only a closing balance: the opening is null, dated by <FrToDt><FrDtTm>.
    balances: [[null, '2022-07-07', 60680, '2023-07-07']],
    // BookgDt as a DtTm with microseconds and +00:00.
    bookingDates: ['2023-06-21'],
    amounts: [[19586, 'USD']],
  },
  'viafintech-camt_054_postfinance.v4.xml': {
    message: '054',
    statements: 1,
    entries: 4,
    transactions: 5,
    currency: 'CHF',
    account: 'CH0309000000250090342',
    net: 5903,
    // A notification has no balances: its statement is its period (<FrToDt>).
    balances: [[null, '2016-04-10', null, '2016-04-10']],
    amounts: [
      [1500, 'CHF'],
      [900, 'CHF'],
      [5656, 'CHF'],
      [-600, 'CHF'],
      [-1553, 'CHF'],
    ],
  },
};

async function read(name: string): Promise<{ reader: CamtReader; items: ImportItem[] }> {
  const queue = new ItemQueue(undefined, Number.MAX_SAFE_INTEGER);
  const reader = new CamtReader(queue);
  const xml = new XmlTokenizer(reader);
  xml.write(readFileSync(fixturePath(name)));
  xml.end();
  reader.finish();
  return { reader, items: await collect(queue.drain()) };
}

const idOf = (account: string): string => {
  const ref = accountRef(account);
  if (!ref) throw new Error(`no account in ${account}`);
  return accountEntityId(ref);
};

describeWithFixtures('camt corpus: every camt.05x file reads as its SOURCES.md row says', () => {
  it('covers every camt file of the corpus', () => {
    const files = readdirSync(fixturePath('')).filter((f) => /camt[._]?05[234]/i.test(f));
    expect(files.sort()).toEqual(Object.keys(FACTS).sort());
  });

  for (const [name, facts] of Object.entries(FACTS)) {
    it(name, async () => {
      const { reader, items } = await read(name);
      checkOrder(items);
      expect(reader.message).toBe(facts.message);
      expect(reader.statements).toBe(facts.statements);
      expect(reader.entriesRead).toBe(facts.entries);
      const txs = transactionsOf(items);
      expect(txs).toHaveLength(facts.transactions);
      expect(txs.reduce((sum, t) => sum + t.amountMinor, 0)).toBe(facts.net);
      expect(new Set(txs.map((t) => t.accountId))).toEqual(new Set([idOf(facts.account)]));
      if (!facts.amounts) expect(new Set(txs.map((t) => t.currency))).toEqual(new Set([facts.currency]));
      else expect(txs.map((t) => [t.amountMinor, t.currency])).toEqual(facts.amounts);
      if (facts.bookingDates) expect(txs.map((t) => t.bookingDate)).toEqual(facts.bookingDates);
      const statements = items.flatMap((i): StatementRecord[] => (i.kind === 'statement' ? [i.statement] : []));
      expect(statements.map((s) => [s.openingMinor, s.openingDate, s.closingMinor, s.closingDate])).toEqual(
        facts.balances,
      );
      for (const s of statements) expect(s).toMatchObject({ accountId: idOf(facts.account), currency: facts.currency });
      if (facts.sequences) expect(statements.map((s) => s.sequence)).toEqual(facts.sequences);
      if (statements.length === facts.statements)
        expect(statements.reduce((n, s) => n + s.entries, 0)).toBe(facts.transactions);
      // None of these files needs an assumption to be read.
      expect(items.flatMap((i) => ('warnings' in i && i.warnings) || [])).toEqual([]);
    });
  }
});
