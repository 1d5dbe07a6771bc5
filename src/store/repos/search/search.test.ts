/** Full-text search finds a case's own documents only, the words matched without the case key. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { testActor } from '../../../../test/support/api.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { prepareAll } from '../../../services/entities/index.ts';
import { createCase } from '../../../services/cases/index.ts';
import { insertEntities } from '../entities/entities.ts';
import { entityIdsMatching, fullTextSearchFor } from './search.ts';

describeEachDialect('full-text search within one case', ({ store }) => {
  const cases: string[] = [];
  beforeAllWithStore(store, async (s) => {
    const actor = await testActor(s, 'fts-cases', 'investigator');
    for (const [n, others] of [
      ['a', ['Olga Petrova']],
      ['b', ['Anna Kalnina', 'Anna Berzina']],
    ] as const) {
      const caseId = (await createCase(s, actor, { title: `Case ${n}`, country: 'LV' })).id;
      cases.push(caseId);
      const items = prepareAll(
        [{ id: `${n}-anna`, schema: 'Person', properties: { name: ['Anna Ozola'] } }].concat(
          others.map((name, i) => ({ id: `${n}-${i}`, schema: 'Person', properties: { name: [name] } })),
        ),
        'LV',
        {},
      );
      await s.transaction(async (trx) =>
        insertEntities(s.scope(caseId).in(trx), items, {
          userId: actor.id,
          at: '2026-01-01T00:00:00.000Z',
          provenanceSourceId: null,
        }),
      );
    }
  });

  itDb("returns the case's own matches, never another case's", async () => {
    const s = store();
    const [a, b] = cases as [string, string];
    const search = fullTextSearchFor(s.dialect);
    expect((await search.search(s.scope(a), 'anna', 10)).map((h) => h.entityId)).toEqual(['a-anna']);
    expect((await search.search(s.scope(b), 'anna', 10)).map((h) => h.entityId).sort()).toEqual([
      'b-0',
      'b-1',
      'b-anna',
    ]);
    expect((await search.search(s.scope(a), 'anna ozola', 10)).map((h) => h.entityId)).toEqual(['a-anna']);
    expect(await search.search(s.scope(a), 'kalnina', 10)).toEqual([]);
    const ids = await s.db
      .selectFrom('entities')
      .select('id')
      .where('case_id', '=', a)
      .where(sql<boolean>`id IN (${entityIdsMatching(s.scope(a), s.dialect, 'anna')})`)
      .execute();
    expect(ids.map((r) => r.id)).toEqual(['a-anna']);
  });
});
