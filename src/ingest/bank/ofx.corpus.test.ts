/**
 * The real OFX files of the shared corpus (../shared/fixtures/bank), checked against the facts
 * SOURCES.md records for each: dialect, currency, account as written, lines and their amounts,
 * types and dates, ledger balance. A plain clone skips this suite with one line.
 */
import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import type { StatementRecord } from '../../domain/records.ts';
import { ofxImporter } from './ofx.ts';
import { checkOrder, collect, entitiesOf, fixtureInput, transactionsOf } from './statements.testing.ts';

interface Facts {
  file: string;
  currency: string;
  account: string;
  amounts: number[];
  kinds: string[];
  ledger: number;
}

const FACTS: Facts[] = [
  {
    file: 'ofxparse_checking.ofx',
    currency: 'USD',
    account: '1452687~7',
    amounts: [1, -3451, -2500],
    kinds: ['CREDIT', 'DEBIT', 'CHECK'],
    ledger: 10099,
  },
  {
    file: 'ofxparse_suncorp.ofx',
    currency: 'AUD',
    account: '123456789',
    amounts: [-1685],
    kinds: ['DEBIT'],
    ledger: 123412,
  },
  {
    file: 'ofxparse_bank_medium.ofx',
    currency: 'CAD',
    account: '12300 000012345678',
    amounts: [-660, -31667, -2200],
    kinds: ['POS', 'CHECK', 'POS'],
    ledger: 38234,
  },
];

async function read(file: string) {
  const items = await collect(ofxImporter.parse(fixtureInput(file, 61), {}));
  checkOrder(items);
  const statements = items.flatMap((i): StatementRecord[] => (i.kind === 'statement' ? [i.statement] : []));
  return { items, statements, txs: transactionsOf(items) };
}

describeWithFixtures('OFX corpus', () => {
  it.each(FACTS)(
    '$file: one statement, its lines, currency, account and ledger balance as SOURCES.md records',
    async (f) => {
      const { items, statements, txs } = await read(f.file);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatchObject({
        currency: f.currency,
        openingMinor: null,
        closingMinor: f.ledger,
        entries: f.amounts.length,
      });
      expect(txs.map((t) => t.amountMinor)).toEqual(f.amounts);
      expect(txs.map((t) => t.kind)).toEqual(f.kinds);
      expect(new Set(txs.map((t) => t.currency))).toEqual(new Set([f.currency]));
      expect(txs.every((t) => t.reference)).toBe(true);
      const own = entitiesOf(items, 'BankAccount').find((a) => a.id === statements[0]?.accountId);
      expect(own?.properties['accountNumber']?.[0]).toBe(f.account);
      expect(items.some((i) => i.kind === 'skipped')).toBe(false);
    },
  );

  it('dialect details: DTPOSTED with a zone, CDATA with trailing spaces, apostrophes, the Intuit extension', async () => {
    const medium = await read('ofxparse_bank_medium.ofx');
    expect(medium.txs.map((t) => t.bookingDate)).toEqual(['2009-04-01', '2009-04-02', '2009-04-03']);
    expect(medium.txs.map((t) => t.counterpartyName)).toEqual([
      "MCDONALD'S #112",
      "Joe's Bald Hairstyles",
      "CONNIE'S HAIR D",
    ]);
    const suncorp = await read('ofxparse_suncorp.ofx');
    expect(suncorp.txs[0]).toMatchObject({
      bookingDate: '2013-12-15',
      counterpartyName: 'EFTPOS WDL HANDYWAY ALDI STORE',
      text: 'EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU',
    });
    expect(suncorp.statements[0]).toMatchObject({ openingDate: '2013-06-18', closingDate: '2013-12-15' });
    const checking = await read('ofxparse_checking.ofx');
    expect(checking.txs.map((t) => t.reference)).toEqual(['0000486', '0000487', '0000488']);
    expect(checking.txs[2]?.text).toMatch(/; check 319$/);
    expect(checking.statements[0]).toMatchObject({ openingDate: '2000-01-01', closingDate: '2013-05-25' });
  });
});
