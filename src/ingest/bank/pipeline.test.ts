/**
 * The bank importers through the real import pipeline (SQLite in memory): their entities pass
 * schema validation, transactions find their accounts, and importing overlapping statements
 * adds nothing twice — with `known` (entities the case has are skipped) and without it
 * (entities are merged by the pipeline).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/dialects.ts';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../services/access/actor.ts';
import { createCase } from '../../services/cases/cases.ts';
import { runImport } from '../../services/imports/pipeline.ts';
import { actorOf, addUser } from '../../services/access/users.ts';
import { existingIds } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { fileInput } from '../files.ts';
import type { ImportInput } from '../types.ts';
import type { KnownIds } from './emit.ts';
import { bankImporters } from './index.ts';
import { fixturePath } from './statements.testing.ts';

describeWithFixtures('bank imports through the pipeline', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let actor: Actor;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore('sqlite'));
    actor = actorOf(await addUser(store, { username: `bank-${Date.now()}`, platformRole: 'investigator' }));
  });
  afterAll(async () => dispose());

  const newCase = async () => (await createCase(store, actor, { title: 'Bank', country: 'LV' })).id;

  /**
   * What the pipeline's caller passes as `known`. It is answered from the ids the case held
   * before the import, looked up first: the import itself runs in a transaction that holds
   * SQLite's single connection.
   */
  async function knownBefore(caseId: string, input: ImportInput): Promise<KnownIds> {
    const ids: string[] = [];
    for await (const item of bankImporters.camt053.parse(input, {}))
      if (item.kind === 'entity') ids.push(item.record.id);
    const present = await existingIds(store.scope(caseId), ids);
    return (asked) => Promise.resolve(new Set(asked.filter((id) => present.has(id))));
  }

  it('imports the camt.053 fixtures, the second one adding only what is new', async () => {
    const caseId = await newCase();
    const camt = bankImporters.camt053;
    const v2 = fileInput(fixturePath('genkgo_camt053.v2.minimal.xml'));
    const v8 = fileInput(fixturePath('genkgo_camt053.v8.xml'));
    // Neither sample reconciles (its closing balance is marked debit): imported as accepted, with the warning.
    const accept = { acceptUnbalanced: true };
    await expect(runImport(store, actor, caseId, camt, v2, {})).rejects.toThrow(/does not reconcile/);
    const first = await runImport(store, actor, caseId, camt, v2, {}, accept);
    expect(first.unbalancedStatements).toHaveLength(1);
    expect(first).toMatchObject({
      entitiesAdded: 4,
      transactionsAdded: 1,
      bySchema: { BankAccount: 2, LegalEntity: 1, Ownership: 1 },
    });
    // Same account and counterparty: only the owner FINPETROL and its Ownership are new.
    const second = await runImport(store, actor, caseId, camt, v8, { known: await knownBefore(caseId, v8) }, accept);
    expect(second.unbalancedStatements).toHaveLength(1);
    expect(second).toMatchObject({
      entitiesAdded: 2,
      entitiesMerged: 0,
      bySchema: { LegalEntity: 1, Ownership: 1 },
      transactionsReceived: 1,
    });
    // Without `known`, the pipeline merges: the account gains the servicer's name.
    const third = await runImport(store, actor, caseId, camt, v8, {}, accept);
    expect(third).toMatchObject({ entitiesAdded: 0, entitiesMerged: 1, transactionsAdded: 0 });
  });

  it('imports the MT940 fixtures twice: the second time adds no transaction and merges entities', async () => {
    const caseId = await newCase();
    // The first two samples hold statements that do not reconcile: imported as accepted, with the warning.
    for (const [name, lines, unbalanced] of [
      ['wolph-mt940_jejik_abnamro.sta', 10, 2],
      ['wolph-mt940_betterplace_sepa_snippet.sta', 11, 1],
      ['wolph-mt940_ASNB_mt940.txt', 8, 0],
    ] as const) {
      const accept = { acceptUnbalanced: unbalanced > 0 };
      const first = await runImport(
        store,
        actor,
        caseId,
        bankImporters.mt940,
        fileInput(fixturePath(name)),
        {},
        accept,
      );
      expect(first.transactionsAdded, name).toBe(lines);
      expect(first.unbalancedStatements ?? [], name).toHaveLength(unbalanced);
      const again = await runImport(
        store,
        actor,
        caseId,
        bankImporters.mt940,
        fileInput(fixturePath(name)),
        {},
        accept,
      );
      expect(again, name).toMatchObject({ entitiesAdded: 0, transactionsReceived: lines, transactionsAdded: 0 });
    }
  });
});
