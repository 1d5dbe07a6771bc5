/**
 * Migration 016 renames the e-mail address node `Email` to `EmailAddress` wherever a schema name
 * is stored — also where the release 0.1 fixture has none: imported charts' graphs and the
 * entities a merge keeps for its undo. Everything else is left exactly as it was.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../support/dialects.ts';

const CASE = 'c-016';
const AT = '2026-03-01T10:00:00.000Z';
const row = (id: string, schema: string, properties: Record<string, string[]>) => ({
  case_id: CASE,
  id,
  schema,
  caption: id,
  properties: JSON.stringify(properties),
  source_id: null,
  target_id: null,
  provenance_source_id: null,
  recorded_by: 'u1',
  recorded_at: AT,
  updated_at: AT,
  reliability: 'X',
  information: '4',
  version: 1,
  handling_code: null,
});
const address = row('e1', 'Email', { address: ['a@example.com'] });
const phone = row('p1', 'Phone', { number: ['+37120001234'] });
const link = row('l1', 'UnknownLink', { subject: ['p1'], object: ['e1'] });
const graph = {
  nodes: [
    { id: 'n1', schema: 'Email', caption: 'a@example.com' },
    { id: 'n2', schema: 'Person', caption: 'Jānis' },
  ],
  edges: [{ id: 'x', kind: 'link', schema: 'UnknownLink', source: 'n1', target: 'n2', label: null }],
  truncated: false,
  total: 2,
};
const content = (hiddenTypes: string[]) => ({
  nodes: [{ id: 'e1', x: 1, y: 2 }],
  filters: { hiddenTypes, hiddenLinkTypes: ['Email'], tag: 'Email', minReliability: null, minInformation: null },
  period: null,
  layout: 'manual',
});
const before = { keep: address, merged: { ...address, id: 'e2' }, refs: [link, phone] };

describeEachDialect('migration 016: Email becomes EmailAddress', ({ store }) => {
  beforeAllWithStore(store, async (s) => {
    const db = s.db;
    await db
      .insertInto('cases')
      .values({
        case_id: CASE,
        title: 'Migration 016',
        reference: null,
        country: 'LV',
        description: null,
        status: 'open',
        owner_agency_id: null,
        handling_code: null,
        purpose: 'operational',
        created_by: 'u1',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db.insertInto('entities').values([address, phone, link]).execute();
    await db
      .insertInto('entity_history')
      .values(
        [address, phone].map((e) => ({
          case_id: CASE,
          entity_id: e.id,
          version: 1,
          change: 'create',
          schema: e.schema,
          properties: e.properties,
          changed_by: 'u1',
          changed_at: AT,
        })),
      )
      .execute();
    const chart = (id: string, c: object, g: object | null) => ({
      case_id: CASE,
      id,
      name: id,
      content: JSON.stringify(c),
      graph: g && JSON.stringify(g),
      node_count: 1,
      created_by: 'u1',
      created_at: AT,
      updated_at: AT,
      version: 3,
    });
    await db
      .insertInto('charts')
      .values([
        chart('case-chart', content(['Email', 'Phone']), null),
        chart('imported', content([]), graph),
        chart('untouched', content(['Phone']), null),
      ])
      .execute();
    await db
      .insertInto('resolution_merges')
      .values({
        case_id: CASE,
        id: 'm1',
        keep_id: 'e1',
        merged_id: 'e2',
        pair_key: 'k',
        before: JSON.stringify(before),
        after_versions: '{}',
        merged_by: 'u1',
        merged_at: AT,
        undone_by: null,
        undone_at: null,
      })
      .execute();
    // The store is already at today's version: run 016 again over the rows written as 0.1 did.
    await sql`DELETE FROM schema_migrations WHERE version = 16`.execute(db);
    expect(await migrate(db as unknown as Kysely<unknown>, s.dialect)).toEqual([16]);
  });

  itDb('renames entities and their history, and nothing else', async () => {
    const db = store().db;
    const schemata = await db.selectFrom('entities').select(['id', 'schema', 'properties']).orderBy('id').execute();
    expect(schemata).toEqual([
      { id: 'e1', schema: 'EmailAddress', properties: address.properties },
      { id: 'l1', schema: 'UnknownLink', properties: link.properties },
      { id: 'p1', schema: 'Phone', properties: phone.properties },
    ]);
    const history = await db
      .selectFrom('entity_history')
      .select(['entity_id', 'schema'])
      .orderBy('entity_id')
      .execute();
    expect(history).toEqual([
      { entity_id: 'e1', schema: 'EmailAddress' },
      { entity_id: 'p1', schema: 'Phone' },
    ]);
  });

  itDb("renames saved charts' hidden types and imported graphs' nodes, keeping everything else", async () => {
    const charts = await store().db.selectFrom('charts').selectAll().orderBy('id').execute();
    const [caseChart, imported, untouched] = charts;
    expect(JSON.parse(caseChart?.content ?? '')).toEqual(content(['EmailAddress', 'Phone']));
    expect(JSON.parse(imported?.content ?? '')).toEqual(content([]));
    expect(JSON.parse(imported?.graph ?? '')).toEqual({
      ...graph,
      nodes: [{ ...graph.nodes[0], schema: 'EmailAddress' }, graph.nodes[1]],
    });
    expect(untouched?.content).toBe(JSON.stringify(content(['Phone'])));
    expect(charts.map((c) => c.version)).toEqual([3, 3, 3]);
  });

  itDb('renames the entities a merge keeps for its undo', async () => {
    const m = await store().db.selectFrom('resolution_merges').select('before').executeTakeFirstOrThrow();
    expect(JSON.parse(m.before)).toEqual({
      keep: { ...address, schema: 'EmailAddress' },
      merged: { ...address, id: 'e2', schema: 'EmailAddress' },
      refs: [link, phone],
    });
  });
});
