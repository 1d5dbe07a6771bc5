/** The entity page's links: both ends found through their own index, a self-link once, in time order. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { testActor } from '../../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { prepareAll } from '../../../services/entities/index.ts';
import { createCase } from '../../../services/cases/index.ts';
import { insertEntities, linksOf } from './entities.ts';

describeEachDialect('links of an entity', ({ store }) => {
  let caseId = '';
  beforeAllWithStore(store, async (s) => {
    const actor = await testActor(s, 'links-of', 'investigator');
    caseId = (await createCase(s, actor, { title: 'Links', country: 'LV' })).id;
    const write = (items: Parameters<typeof prepareAll>[0], at: string) =>
      s.transaction(async (trx) =>
        insertEntities(s.scope(caseId).in(trx), prepareAll(items, 'LV', { skipRequired: true }), {
          userId: actor.id,
          at,
          provenanceSourceId: null,
        }),
      );
    await write(
      [
        { id: 'p', schema: 'Person', properties: { name: ['Anna Ozola'] } },
        { id: 'q', schema: 'Person', properties: { name: ['Jānis Ozols'] } },
        { id: 'a', schema: 'BankAccount', properties: { iban: ['LV80BANK0000435195001'] } },
      ],
      '2026-01-01T00:00:00.000Z',
    );
    await write(
      [{ id: 'own', schema: 'Ownership', properties: { owner: ['p'], asset: ['a'] } }],
      '2026-01-03T00:00:00.000Z',
    );
    await write(
      [{ id: 'fam', schema: 'Family', properties: { person: ['q'], relative: ['p'], relationship: ['spouse'] } }],
      '2026-01-02T00:00:00.000Z',
    );
    await write(
      [{ id: 'self', schema: 'Family', properties: { person: ['p'], relative: ['p'], relationship: ['self'] } }],
      '2026-01-04T00:00:00.000Z',
    );
  });

  itDb('finds links at either end, a self-link once, oldest first', async () => {
    const links = await linksOf(store().scope(caseId), 'p');
    expect(links.map((l) => l.id)).toEqual(['fam', 'own', 'self']);
    expect((await linksOf(store().scope(caseId), 'a')).map((l) => l.id)).toEqual(['own']);
    expect((await linksOf(store().scope(caseId), 'p', 2)).map((l) => l.id)).toEqual(['fam', 'own']);
  });

  itDb('looks each end up by its own index, never reading the whole case', async () => {
    const s = store();
    if (s.dialect !== 'sqlite') return;
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
      SELECT * FROM entities WHERE case_id = ${caseId} AND source_id = ${'p'}`.execute(s.db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/entities_source_idx \(case_id=\? AND source_id=\?\)/);
  });
});
