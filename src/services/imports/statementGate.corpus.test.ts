/**
 * Real notifications through the pipeline on both databases: the camt.054 file of the corpus has
 * no balances, so its statement is stored as not reconcilable ("no balances"), the account shows
 * it, and importing the file again adds nothing.
 */
import { expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import type { Importer } from '../../ingest/types.ts';
import { bankImporters } from '../../ingest/bank/index.ts';
import { fixtureInput } from '../../ingest/bank/statements.testing.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/cases.ts';
import { listStatements } from '../../store/repos/finance/statements.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import { listAccounts } from '../finance/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { runImport } from './pipeline.ts';

const NOTIFICATION = 'viafintech-camt_054_postfinance.v4.xml';

describeEachDialectWithFixtures('a real camt.054 notification is kept as "no balances"', (ctx) => {
  itDb('imports its statement as not reconcilable, shown on the account, and only once', async () => {
    const store = ctx.store();
    const actor = actorOf(await addUser(store, { username: uniqueName('ntfctn'), platformRole: 'investigator' }));
    const caseId = (await createCase(store, actor, { title: 'Notification', country: 'CH' })).id;
    const run = () =>
      runImport(store, actor, caseId, bankImporters.camt053 as Importer<unknown>, fixtureInput(NOTIFICATION), {});

    const first = await run();
    expect(first).toMatchObject({ transactionsAdded: 5, statementsAdded: 1 });
    expect(first.warnings).toBeUndefined();
    const statements = await listStatements(store.scope(caseId));
    expect(
      statements.map((s) => [s.reference, s.reconciliation, s.opening_minor, s.closing_minor, Number(s.entries)]),
    ).toEqual([['20160410375204000131032', 'no balances', null, null, 5]]);
    const { accounts } = await listAccounts(store, cliCaller(actor), caseId, { limit: 50 });
    expect(accounts.flatMap((a) => a.statementWarnings ?? [])).toEqual([
      'statement "20160410375204000131032" for 2016-04-10: not reconcilable: no balances',
    ]);

    const again = await run();
    expect(again).toMatchObject({ transactionsAdded: 0, statementsAdded: 0 });
    expect(again.statementsSkipped?.map((s) => s.reason)).toEqual(['already in the case']);
    expect(await countTransactions(store.scope(caseId))).toBe(5);
    expect(await listStatements(store.scope(caseId))).toHaveLength(1);
  });
});
