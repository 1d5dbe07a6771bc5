/**
 * Real files of the corpus through the pipeline on both databases: the OFX statements import
 * with their lines and ledger balance, once however often they are imported; PostFinance's
 * MT940, whose second (intermediate) statement is 0.20 off, is refused naming statement,
 * account, number and difference, and imported on acceptance; mBank's ISO-8859-2 MT940 framed
 * in SOH/ETX imports its 8 statements and 56 lines with Polish letters and one warning.
 */
import { expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { Importer } from '../../ingest/types.ts';
import { bankImporters, type BankFormat } from '../../ingest/bank/index.ts';
import { fixtureInput } from '../../ingest/bank/statements.testing.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { runImport } from './pipeline.ts';

describeEachDialectWithFixtures('real OFX and MT940 files through the pipeline', (ctx) => {
  async function newCase(store: Store) {
    const actor = actorOf(await addUser(store, { username: uniqueName('corpus'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Corpus', country: 'CH' })).id;
    const run = (format: BankFormat, file: string, options: object = {}, accept = false) =>
      runImport(store, actor, caseId, bankImporters[format] as Importer<unknown>, fixtureInput(file), options, {
        acceptUnbalanced: accept,
      });
    const statements = async () =>
      (await listStatements(store.scope(caseId))).map((s) => [s.reconciliation, Number(s.closing_minor), s.currency]);
    return { caseId, run, statements, count: () => countTransactions(store.scope(caseId)) };
  }

  itDb('the OFX files import with their lines and ledger balances, and only once', async () => {
    const { run, statements, count } = await newCase(ctx.store());
    const files = ['ofxparse_checking.ofx', 'ofxparse_suncorp.ofx', 'ofxparse_bank_medium.ofx'];
    for (const f of files) expect((await run('ofx', f)).statementsAdded).toBe(1);
    expect(await count()).toBe(7);
    for (const f of files) expect(await run('ofx', f)).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(await count()).toBe(7);
    expect((await statements()).sort()).toEqual(
      [
        ['closing balance only', 10099, 'USD'],
        ['closing balance only', 123412, 'AUD'],
        ['closing balance only', 38234, 'CAD'],
      ].sort(),
    );
  });

  itDb('PostFinance: the intermediate statement 0.20 off is refused, or imported on acceptance', async () => {
    const { run, statements, count } = await newCase(ctx.store());
    await expect(run('mt940', 'jejik-mt940_postfinance.txt')).rejects.toThrow(
      'The statement "2014040708285928" (no. 999/2) of account 123456789 for 2014-04-07 does not reconcile: ' +
        'opening 229.20 CHF plus 2 entries gives 159.40 CHF, but the closing balance is 159.60 CHF (difference 0.20 CHF)',
    );
    expect(await count()).toBe(0);
    const accepted = await run('mt940', 'jejik-mt940_postfinance.txt', {}, true);
    expect(accepted).toMatchObject({ transactionsAdded: 4, statementsAdded: 2 });
    expect(accepted.unbalancedStatements?.map((u) => [u.reference, u.differenceMinor])).toEqual([
      ['2014040708285928', 20],
    ]);
    expect(await statements()).toEqual([
      ['balanced', 22920, 'CHF'],
      ['unbalanced', 15960, 'CHF'],
    ]);
  });

  itDb('mBank: ISO-8859-2 with SOH/ETX framing imports 8 statements and 56 lines', async () => {
    const { run, statements, count } = await newCase(ctx.store());
    const report = await run('mt940', 'mbank-mt940_multiple_accounts.txt', { encoding: 'iso-8859-2' });
    expect(report).toMatchObject({ transactionsAdded: 56, statementsAdded: 8 });
    expect(report.warnings).toEqual([expect.stringMatching(/^line 1: 16 control character\(s\) removed/)]);
    expect(await count()).toBe(56);
    expect((await statements()).every(([r]) => r === 'balanced')).toBe(true);
    const again = await run('mt940', 'mbank-mt940_multiple_accounts.txt', { encoding: 'latin2' });
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(again.statementsSkipped).toHaveLength(8);
  });
});
