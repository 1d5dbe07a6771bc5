/**
 * The real MT940 files of the shared corpus (../shared/fixtures/bank), checked against the facts
 * SOURCES.md records for each: statements, :61: lines, currency, first opening and last closing
 * balance, the account of :25:, and which statements add up. A plain clone has no corpus: the
 * suite is then skipped with one line, except under CI=true, where that is a failure.
 */
import { expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import { reconcile } from '../../domain/finance/reconcile.ts';
import type { StatementRecord } from '../../domain/records.ts';
import { mt940Importer, type Mt940ImportOptions } from './mt940.ts';
import { checkOrder, collect, entitiesOf, fixtureInput, transactionsOf } from './statements.testing.ts';

interface Facts {
  file: string;
  options?: Mt940ImportOptions;
  statements: number;
  entries: number;
  currencies: string[];
  opening: number;
  closing: number;
  /** accountNumber or iban of the first statement's account. */
  account: string;
  /** Closing − (opening + Σ entries) per statement, where a statement does not add up. */
  off?: Record<number, number>;
}

const FACTS: Facts[] = [
  {
    file: 'jejik-mt940_volksbankenraiffeisenbanken.txt',
    statements: 8,
    entries: 12,
    currencies: ['EUR'],
    opening: 308500,
    closing: 383000,
    account: '93387',
  },
  {
    file: 'jejik-mt940_postfinance.txt',
    statements: 2,
    entries: 4,
    currencies: ['CHF'],
    opening: 0,
    closing: 15960,
    account: '123456789',
    off: { 1: 20 },
  },
  {
    file: 'jejik-mt940_sparkasse_interim_balance.txt',
    statements: 3,
    entries: 2,
    currencies: ['EUR'],
    opening: 19457,
    closing: 0,
    account: '123456789',
  },
  {
    file: 'jejik-mt940_deutschebank.txt',
    statements: 1,
    entries: 1,
    currencies: ['EUR'],
    opening: 0,
    closing: 0,
    account: '0123456601',
    off: { 0: 1235 },
  },
  {
    file: 'jejik-mt940_triodos.txt',
    statements: 1,
    entries: 2,
    currencies: ['EUR'],
    opening: 497509,
    closing: 437079,
    account: '0390123456',
    off: { 0: 11140 },
  },
  {
    file: 'php-mt940_bunq_sample.sta',
    statements: 1,
    entries: 111,
    currencies: ['EUR'],
    opening: 3233,
    closing: 566,
    account: 'NL10BUNQ2290325473',
  },
  {
    file: 'php-mt940_penta_sample.sta',
    statements: 1,
    entries: 30,
    currencies: ['EUR'],
    opening: 2041966,
    closing: 984336,
    account: '2324817618',
  },
  {
    file: 'php-mt940_kbs_mk_sample2.sta',
    statements: 1,
    entries: 7,
    currencies: ['MKD'],
    opening: 18572300,
    closing: 20847800,
    account: '300000002778989',
  },
  {
    file: 'mt940-rs_danskebank_SE_example.sta',
    statements: 12,
    entries: 103,
    currencies: ['SEK'],
    opening: 246034764,
    closing: 1298874324,
    account: '11111111111',
  },
  {
    file: 'mt940-rs_danskebank_NO_example.sta',
    statements: 13,
    entries: 24,
    currencies: ['NOK'],
    opening: 9437295120,
    closing: 9675560022,
    account: '11111111111',
  },
  {
    file: 'mbank-mt940_multiple_accounts.txt',
    options: { encoding: 'iso-8859-2' },
    statements: 8,
    entries: 56,
    currencies: ['PLN', 'PLN', 'PLN', 'EUR', 'EUR', 'EUR', 'USD', 'USD'],
    opening: 898599577225,
    closing: 14446,
    account: 'PL46114010100000579009004001',
  },
  {
    file: 'wolph-mt940_ASNB_mt940.txt',
    statements: 31,
    entries: 8,
    currencies: ['EUR'],
    opening: 44429,
    closing: 50123,
    account: 'NL81ASNB9999999999',
  },
  // SOURCES.md records no figures for these two; they are excerpts that do not add up as published.
  {
    file: 'wolph-mt940_jejik_abnamro.sta',
    statements: 2,
    entries: 10,
    currencies: ['EUR'],
    opening: 323628,
    closing: 184975,
    account: '517852257',
    off: { 0: -203800, 1: -100260 },
  },
  {
    file: 'wolph-mt940_betterplace_sepa_snippet.sta',
    statements: 2,
    entries: 11,
    currencies: ['EUR'],
    opening: 76665649,
    closing: -447204909,
    account: '0194787400888',
    off: { 1: 30008 },
  },
];

async function read(f: Facts) {
  const items = await collect(mt940Importer.parse(fixtureInput(f.file, 97), f.options ?? {}));
  checkOrder(items);
  const statements = items.flatMap((i): StatementRecord[] => (i.kind === 'statement' ? [i.statement] : []));
  return { items, statements, txs: transactionsOf(items) };
}

/** Closing − (opening + Σ entries) of each statement that does not add up. */
function offBy(statements: readonly StatementRecord[], amounts: readonly number[]): Record<number, number> {
  const off: Record<number, number> = {};
  let at = 0;
  statements.forEach((s, i) => {
    const r = reconcile({ ...s, amountsMinor: amounts.slice(at, at + s.entries) });
    at += s.entries;
    if (r.status === 'unbalanced') off[i] = r.differenceMinor;
  });
  return off;
}

describeWithFixtures('MT940 corpus', () => {
  it.each(FACTS)('$file: statements, lines, currency, balances and account as SOURCES.md records', async (f) => {
    const { items, statements, txs } = await read(f);
    expect(statements).toHaveLength(f.statements);
    expect(txs).toHaveLength(f.entries);
    expect(statements.reduce((n, s) => n + s.entries, 0)).toBe(f.entries);
    const currencies = statements.map((s) => s.currency);
    expect(f.currencies.length === 1 ? [...new Set(currencies)] : [...currencies].sort()).toEqual(
      f.currencies.length === 1 ? f.currencies : [...f.currencies].sort(),
    );
    expect(statements[0]?.openingMinor).toBe(f.opening);
    expect(statements.at(-1)?.closingMinor).toBe(f.closing);
    const own = entitiesOf(items, 'BankAccount').find((a) => a.id === statements[0]?.accountId);
    expect([...(own?.properties['accountNumber'] ?? []), ...(own?.properties['iban'] ?? [])]).toContain(f.account);
    expect(
      offBy(
        statements,
        txs.map((t) => t.amountMinor),
      ),
    ).toEqual(f.off ?? {});
  });

  it('dialect details: credits only, funds codes, debit balances, several accounts', async () => {
    const byFile = (name: string) => FACTS.find((f) => f.file === name) as Facts;
    const volks = await read(byFile('jejik-mt940_volksbankenraiffeisenbanken.txt'));
    expect(volks.txs.every((t) => t.amountMinor > 0)).toBe(true);
    expect(new Set(volks.statements.map((s) => s.reference))).toEqual(new Set(['STARTUMS']));
    expect(volks.txs.filter((t) => t.text?.includes('SVWZ+'))).toHaveLength(12);
    expect(volks.txs.filter((t) => t.text?.includes('EREF+'))).toHaveLength(2);
    // An IBAN broken across ?22 in the remittance text is joined again.
    expect(volks.txs.some((t) => t.text?.includes('IBAN: DE83500105179219844142'))).toBe(true);
    const kbs = await read(byFile('php-mt940_kbs_mk_sample2.sta'));
    expect(kbs.txs.filter((t) => t.amountMinor < 0)).toHaveLength(6);
    expect(kbs.txs[0]).toMatchObject({
      counterpartyAccount: '300000003998473',
      counterpartyName: 'MAKEDONSKI TELEKOM AD - SKOPJE',
    });
    const bunq = await read(byFile('php-mt940_bunq_sample.sta'));
    expect(bunq.txs.filter((t) => t.counterpartyAccount)).toHaveLength(91);
    const penta = await read(byFile('php-mt940_penta_sample.sta'));
    expect(penta.txs[0]).toMatchObject({
      kind: 'SEPA_STANDING_ORDER',
      counterpartyName: 'Campus Business Box e.V.',
      counterpartyAccount: 'DE85213581701400076509',
    });
    // One 0,00 entry (a verification code), and no file terminator at all.
    expect(penta.txs.filter((t) => t.amountMinor === 0)).toHaveLength(1);
    // Account information in :86: before the first :61: describes the statement, not a line.
    const danske = await read(byFile('mt940-rs_danskebank_SE_example.sta'));
    expect(danske.txs[0]).toMatchObject({ amountMinor: -36039000, text: null, counterpartyName: null });
    const db = await read(byFile('jejik-mt940_deutschebank.txt'));
    expect(db.txs[0]).toMatchObject({
      amountMinor: -1235,
      kind: 'SEPA-LASTSCHR. RETOURE CORE',
      counterpartyName: 'TESTEREL',
    });
    const triodos = await read(byFile('jejik-mt940_triodos.txt'));
    expect(triodos.txs.map((t) => [t.amountMinor, t.counterpartyAccountId])).toEqual([
      [-1570, null],
      [-70000, null],
    ]);
    expect(triodos.txs[0]?.text).toBe('ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010');
    const mbank = await read(byFile('mbank-mt940_multiple_accounts.txt'));
    expect(new Set(mbank.statements.map((s) => s.accountId)).size).toBe(8);
    expect(mbank.statements.find((s) => s.openingMinor === -95945)?.currency).toBe('EUR');
    // ISO-8859-2: Polish letters read right; the SOH/ETX framing of each message stripped, with one warning.
    expect(mbank.txs.some((t) => t.text?.includes('96-300 ŚWINOUJŚCIE'))).toBe(true);
    expect(mbank.txs.some((t) => t.text?.includes('URZĄD SKARBOWY'))).toBe(true);
    expect(mbank.items.filter((i) => i.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        line: 1,
        warnings: [expect.stringMatching(/^16 control character\(s\) removed \(8 × SOH \(0x01\), 8 × ETX \(0x03\)\)/)],
      },
    ]);
    // Intermediate balances: PostFinance's first message closes with :62M:, the second opens with
    // :60M: and is 0.20 off; each message is a statement numbered by its :28C:.
    const post = await read(byFile('jejik-mt940_postfinance.txt'));
    expect(post.statements.map((s) => [s.sequence, s.openingMinor, s.closingMinor])).toEqual([
      ['999/1', 0, 22920],
      ['999/2', 22920, 15960],
    ]);
  });
});
