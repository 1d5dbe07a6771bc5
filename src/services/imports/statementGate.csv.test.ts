/**
 * Bank CSV statements through the real pipeline on both databases: the opening and closing
 * balance rows of an export make a statement with an identity (account, period, balances), so
 * the same statement twice in one file, or again in a second file, adds its money once; a
 * statement that does not add up is refused like any other.
 */
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { Importer } from '../../ingest/types.ts';
import { bankImporters } from '../../ingest/bank/index.ts';
import { bytesInput } from '../../ingest/bank/statements.testing.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions, listTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { runImport } from './pipeline.ts';

const LV = 'LV80BANK0000435195001';
const LT = 'LT601010012345678901';

const HEADER = '"Klienta konts";"Ieraksta tips";"Datums";"Saņēmējs/Maksātājs";"Informācija";"Summa";"Valūta";"D/K"';
/** One month of an account as a Swedbank-style export writes it: balance rows around the lines. */
const month = (account: string, mm: string, opening: string, closing: string, lines: [string, string, string][]) => [
  `"${account}";"10";"01.${mm}.2024";"";"Sākuma atlikums";"${opening}";"EUR";"K"`,
  ...lines.map(
    ([day, amount, dk]) => `"${account}";"20";"${day}.${mm}.2024";"SIA Ozols";"Rēķins";"${amount}";"EUR";"${dk}"`,
  ),
  `"${account}";"82";"30.${mm}.2024";"";"Apgrozījums";"0,00";"EUR";"D"`,
  `"${account}";"86";"30.${mm}.2024";"";"Beigu atlikums";"${closing}";"EUR";"K"`,
];
const april = month(LV, '04', '1000,00', '815,44', [
  ['03', '234,56', 'D'],
  ['04', '50,00', 'K'],
]);
const may = month(LV, '05', '815,44', '800,44', [['06', '15,00', 'D']]);
const file = (...rows: string[][]) => [HEADER, ...rows.flat()].join('\n');

const options = {
  mapping: {
    account: 'Klienta konts',
    rowType: 'Ieraksta tips',
    date: 'Datums',
    counterpartyName: 'Saņēmējs/Maksātājs',
    text: 'Informācija',
    amount: 'Summa',
    sign: 'D/K',
    currency: 'Valūta',
  },
  rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
};

describeEachDialect('bank CSV statements are never doubled', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('csvst'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'CSV statements', country: 'LV' })).id;
    const run = (name: string, text: string, opts: object = options) =>
      runImport(store, actor, caseId, bankImporters['bank-csv'] as Importer<unknown>, bytesInput(name, text), opts);
    const figures = async () => {
      const scope = store.scope(caseId);
      const rows = await listStatements(scope);
      return {
        transactions: await countTransactions(scope),
        statements: rows
          .map((s) => [
            s.reference,
            s.reconciliation,
            Number(s.opening_minor),
            Number(s.closing_minor),
            Number(s.entries),
          ])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      };
    };
    return { run, figures, store, caseId };
  }

  itDb('the same statement twice in one file and again in a second file adds its money once', async () => {
    const { run, figures, store, caseId } = await newCase(ctx.store());
    const first = await run('twice.csv', file(april, may, april));
    expect(first).toMatchObject({ transactionsAdded: 3, statementsAdded: 2 });
    expect(first.statementsSkipped).toEqual([
      expect.objectContaining({ reference: '2024-04-01/2024-04-30', account: LV, reason: 'earlier in this file' }),
    ]);
    const again = await run('again.csv', file(may, april));
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(again.statementsSkipped?.map((s) => s.reason)).toEqual(['already in the case', 'already in the case']);
    expect(await figures()).toEqual({
      transactions: 3,
      statements: [
        ['2024-04-01/2024-04-30', 'balanced', 100000, 81544, 2],
        ['2024-05-01/2024-05-30', 'balanced', 81544, 80044, 1],
      ],
    });
    // The money: -234.56 + 50.00 - 15.00, once.
    const lines = await listTransactions(store.scope(caseId), { limit: 100 });
    expect(lines.reduce((n, t) => n + Number(t.amount_minor), 0)).toBe(-19956);
  });

  itDb('two accounts interleaved: each statement claims its own lines; newest-first exports read too', async () => {
    const { run, figures } = await newCase(ctx.store());
    const other = month(LT, '04', '10,00', '5,00', [['05', '5,00', 'D']]);
    const reversed = [...month(LV, '05', '815,44', '800,44', [['06', '15,00', 'D']])].reverse();
    const report = await run(
      'mixed.csv',
      file([april[0] ?? '', other[0] ?? ''], april.slice(1), other.slice(1), reversed),
    );
    expect(report).toMatchObject({ transactionsAdded: 4, statementsAdded: 3 });
    expect((await figures()).statements.map((s) => s[1])).toEqual(['balanced', 'balanced', 'balanced']);
  });

  itDb('a CSV statement that does not add up is refused, naming account and period', async () => {
    const { run, figures } = await newCase(ctx.store());
    const off = month(LV, '04', '1000,00', '815,45', [
      ['03', '234,56', 'D'],
      ['04', '50,00', 'K'],
    ]);
    await expect(run('off.csv', file(off))).rejects.toThrow(
      `of account ${LV} for 2024-04-01 to 2024-04-30 does not reconcile`,
    );
    expect(await figures()).toEqual({ transactions: 0, statements: [] });
  });

  itDb("a transaction row outside its account's statement is refused with its line", async () => {
    const { run } = await newCase(ctx.store());
    const stray = `"${LV}";"20";"02.06.2024";"X";"Y";"1,00";"EUR";"D"`;
    await expect(run('stray.csv', file(april, [stray]))).rejects.toMatchObject({
      message: expect.stringMatching(/line 7: a transaction of an account with balance rows, outside its statement/),
    });
  });
});
