/**
 * Statements through the real pipeline on both databases: a statement repeated inside one file or
 * across two files is imported once (camt.053, MT940; bank CSV lines across files by their
 * fingerprints); a statement that does not reconcile is refused naming account, period and
 * difference, with nothing written, unless unbalanced statements are accepted (then it carries the
 * warning); a statement without balances is kept as "no balances".
 */
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { ImportItem, Importer } from '../../ingest/types.ts';
import { bankImporters } from '../../ingest/bank/index.ts';
import { bytesInput } from '../../ingest/bank/statements.testing.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { listAccounts } from '../finance/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { runImport } from './pipeline.ts';

const IBAN = 'DE89370400440532013000';

const camtStatement = (id: string, closing = '130.00') => `<Stmt><Id>${id}</Id>
<Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-05</Dt></BookgDt><AddtlNtryInf>Wage</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="EUR">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-06</Dt></BookgDt><AddtlNtryInf>Rent</AddtlNtryInf></Ntry>
</Stmt>`;

const camt = (...statements: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>T</MsgId><CreDtTm>2024-04-01T06:00:00</CreDtTm></GrpHdr>
${statements.join('\n')}
</BkToCstmrStmt></Document>
`;

/** Every statement `:20:STARTUMS`, as some banks write them: told apart by period and balances. */
const mt940Statement = (day: string, opening: string, closing: string) => `:20:STARTUMS
:25:37040044/0532013000
:28C:1/1
:60F:C2403${day}EUR${opening}
:61:2403${day}03${day}C50,00NTRFNONREF
:86:Wage
:61:2403${day}03${day}D20,00NTRFNONREF
:86:Rent
:62F:C2403${day}EUR${closing}
-`;

const mt940 = (...statements: string[]) => `${statements.join('\n')}\n`;

const csvOptions = {
  mapping: { date: 'D', amount: 'A', text: 'T', fixedCurrency: 'EUR', fixedAccount: IBAN },
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
};
const csv = 'D;A;T\n05.03.2024;50,00;Wage\n06.03.2024;-20,00;Rent\n';

describeEachDialect('statements reconcile and are never doubled', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('recon'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Statements', country: 'DE' })).id;
    const run = (
      format: 'camt053' | 'mt940' | 'bank-csv',
      name: string,
      text: string,
      options: object = {},
      accept = false,
    ) =>
      runImport(store, actor, caseId, bankImporters[format] as Importer<unknown>, bytesInput(name, text), options, {
        acceptUnbalanced: accept,
      });
    const figures = async () => ({
      transactions: await countTransactions(store.scope(caseId)),
      statements: (await listStatements(store.scope(caseId))).map((s) => [s.reconciliation, Number(s.entries)]),
    });
    return { actor, caseId, run, figures };
  }

  itDb('camt.053: a statement twice in one file, and again in a second file, is imported once', async () => {
    const { run, figures } = await newCase(ctx.store());
    const first = await run('camt053', 'twice.xml', camt(camtStatement('S1'), camtStatement('S1')));
    expect(first).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    expect(first.statementsSkipped).toEqual([
      expect.objectContaining({ reference: 'S1', account: IBAN, reason: 'earlier in this file' }),
    ]);
    const again = await run('camt053', 'again.xml', camt(camtStatement('S1')));
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(again.statementsSkipped?.[0]?.reason).toBe('already in the case');
    expect(await figures()).toEqual({ transactions: 2, statements: [['balanced', 2]] });
  });

  itDb("the parser's warnings reach the report, naming their line", async () => {
    const { run, figures } = await newCase(ctx.store());
    const undated = camtStatement('W1').replace(
      '<BookgDt><Dt>2024-03-06</Dt></BookgDt>',
      '<ValDt><Dt>2024-03-07</Dt></ValDt>',
    );
    const report = await run('camt053', 'undated.xml', camt(undated));
    expect(report).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    expect(report.warnings).toEqual([
      'line 9: statement 1 (W1), entry 2: the entry has no booking date (<BookgDt>): booked on its value date 2024-03-07',
    ]);
    expect(await figures()).toEqual({ transactions: 2, statements: [['balanced', 2]] });
  });

  itDb('MT940: statements with one reference are told apart; a repeated one is imported once', async () => {
    const { run, figures } = await newCase(ctx.store());
    const day1 = mt940Statement('01', '100,00', '130,00');
    const day2 = mt940Statement('02', '130,00', '160,00');
    const first = await run('mt940', 'a.sta', mt940(day1, day2, day1));
    expect(first).toMatchObject({ transactionsAdded: 4, statementsAdded: 2 });
    expect(first.statementsSkipped?.map((s) => [s.reason, s.period])).toEqual([['earlier in this file', '2024-03-01']]);
    const again = await run('mt940', 'b.sta', mt940(day2, day1));
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(again.statementsSkipped).toHaveLength(2);
    expect(await figures()).toEqual({
      transactions: 4,
      statements: [
        ['balanced', 2],
        ['balanced', 2],
      ],
    });
  });

  itDb('bank CSV: the same export imported twice adds its lines once', async () => {
    const { run, figures } = await newCase(ctx.store());
    expect(await run('bank-csv', 'a.csv', csv, csvOptions)).toMatchObject({ transactionsAdded: 2 });
    expect(await run('bank-csv', 'b.csv', csv, csvOptions)).toMatchObject({
      transactionsAdded: 0,
      transactionsAlreadyPresent: 2,
    });
    expect(await figures()).toEqual({ transactions: 2, statements: [] });
  });

  itDb('a statement that does not reconcile is refused with nothing written, or accepted with a warning', async () => {
    const { actor, caseId, run, figures } = await newCase(ctx.store());
    const text = camt(camtStatement('S1'), camtStatement('S2', '131.00'));
    const refused = run('camt053', 'off.xml', text);
    await expect(refused).rejects.toThrow(
      `The statement "S2" of account ${IBAN} for 2024-03-01 to 2024-03-31 does not reconcile: opening 100.00 EUR ` +
        'plus 2 entries gives 130.00 EUR, but the closing balance is 131.00 EUR (difference 1.00 EUR)',
    );
    await expect(refused).rejects.toMatchObject({ path: expect.stringMatching(/^line \d+$/) });
    expect(await figures()).toEqual({ transactions: 0, statements: [] });

    const mt = run('mt940', 'off.sta', mt940(mt940Statement('01', '100,00', '130,50')));
    await expect(mt).rejects.toThrow(/for 2024-03-01 does not reconcile: .* \(difference 0\.50 EUR\)/);

    const accepted = await run('camt053', 'off.xml', text, {}, true);
    expect(accepted).toMatchObject({ transactionsAdded: 4, statementsAdded: 2 });
    expect(accepted.unbalancedStatements).toEqual([
      expect.objectContaining({ reference: 'S2', differenceMinor: 100, warning: expect.stringMatching(/1\.00 EUR/) }),
    ]);
    const rows = (await figures()).statements;
    expect(rows).toEqual(
      expect.arrayContaining([
        ['balanced', 2],
        ['unbalanced', 2],
      ]),
    );
    // The account shows it.
    const { accounts } = await listAccounts(ctx.store(), cliCaller(actor), caseId, { limit: 50 });
    expect(accounts.flatMap((a) => a.statementWarnings ?? [])).toEqual([
      'statement "S2" for 2024-03-01 to 2024-03-31 does not reconcile (difference 1.00 EUR); imported as accepted',
    ]);
  });

  itDb('a statement without balances is kept as "no balances", not refused', async () => {
    const store = ctx.store();
    const { actor, caseId } = await newCase(store);
    const mt = bankImporters.mt940 as Importer<unknown>;
    // A notification-like importer: the lines and a statement whose file gives no balances.
    const noBalances: Importer<unknown> = {
      ...mt,
      async *parse(input, options) {
        for await (const item of mt.parse(input, options)) {
          if (item.kind !== 'statement') yield item;
          else
            yield {
              ...item,
              statement: { ...item.statement, openingMinor: null, closingMinor: null },
            } satisfies ImportItem;
        }
      },
    };
    const text = mt940(mt940Statement('01', '100,00', '999,00'));
    const report = await runImport(store, actor, caseId, noBalances, bytesInput('n.sta', text), {});
    expect(report).toMatchObject({ transactionsAdded: 2, statementsAdded: 1 });
    const again = await runImport(store, actor, caseId, noBalances, bytesInput('n.sta', text), {});
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    const rows = await listStatements(store.scope(caseId));
    expect(rows.map((r) => [r.reconciliation, r.opening_minor, r.closing_minor])).toEqual([
      ['no balances', null, null],
    ]);
    const { accounts } = await listAccounts(store, cliCaller(actor), caseId, { limit: 50 });
    expect(accounts.flatMap((a) => a.statementWarnings ?? [])).toEqual([
      'statement "STARTUMS" for 2024-03-01: not reconcilable: no balances',
    ]);
  });
});
