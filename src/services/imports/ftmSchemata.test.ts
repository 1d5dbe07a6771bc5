/**
 * The whole FtM model through the pipeline on both databases: an entity of every concrete schema
 * (written here from the model, with valid values for its required, featured and caption
 * properties) arrives with its schema; and import → export → import is stable for entities of
 * random schemata and properties (fast-check).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { uniqueName } from '../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import type { EntityRecord } from '../../domain/records.ts';
import {
  currentSchemaName,
  descendantsOf,
  listSchemata,
  propertiesOf,
  type PropertyDef,
  type PropertyType,
} from '../../domain/schema/index.ts';
import { memoryInput } from '../../ingest/files.ts';
import { importers } from '../../ingest/formats/index.ts';
import type { Importer } from '../../ingest/types.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, authorizeCase, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { exportCaseFtm } from '../entities/index.ts';
import { runImport } from './pipeline.ts';

const ftm = importers.ftm as Importer<unknown>;
const concrete = listSchemata().filter((s) => !s.abstract);

/** A valid value of each FtM (and THB) property type. */
const SAMPLE: Record<Exclude<PropertyType, 'entity' | 'enum'>, string> = {
  name: 'Sample Name',
  string: 'sample',
  text: 'Sample text.',
  html: '<p>sample</p>',
  date: '2021-03-04',
  number: '42',
  country: 'ee',
  language: 'est',
  gender: 'female',
  phone: '+3725123456',
  email: 'sample@example.com',
  iban: 'EE382200221020145685',
  identifier: 'ID-123',
  url: 'https://example.com/sample',
  address: 'Narva mnt 1, Tallinn',
  topic: 'crime',
  mimetype: 'text/plain',
  checksum: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  ip: '10.0.0.1',
  json: '{"a": 1}',
  plate: '123 ABC',
};

const idOf = (schema: string) => `sample-${schema}`;

/** An entity of `schema` with values for its required, featured and caption properties. */
function sampleOf(schema: string): EntityRecord {
  const def = concrete.find((s) => s.name === schema);
  const defs = propertiesOf(schema);
  const wanted = new Set([...(def?.required ?? []), ...(def?.featured ?? []), ...(def?.caption ?? [])]);
  const properties: Record<string, string[]> = {};
  for (const name of wanted) {
    const p = defs[name];
    if (!p || p.stub) continue;
    if (p.type === 'entity') {
      // Refer to the sample of a concrete schema the range allows (every such sample is in the file).
      const target = descendantsOf(p.range ?? 'Thing').find((s) => concrete.some((c) => c.name === s));
      if (target) properties[name] = [idOf(target)];
    } else properties[name] = [p.type === 'enum' ? (p.values?.[0] ?? '') : SAMPLE[p.type]];
  }
  return { id: idOf(schema), schema, properties };
}

async function newCase(store: Store, title: string): Promise<{ actor: Actor; caseId: string }> {
  const actor = actorOf(await addUser(store, { username: uniqueName('ftm-model'), platformRole: 'analyst' }));
  return { actor, caseId: (await createCase(store, actor, { title, country: 'EE' })).id };
}

const toLines = (records: readonly EntityRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** The case's FtM export (victims' identities included, as the lead may), without its watermark. */
async function exported(store: Store, actor: Actor, caseId: string): Promise<EntityRecord[]> {
  let text = '';
  const access = await authorizeCase(store, actor, caseId, 'case:read');
  for await (const l of await exportCaseFtm(store, actor, access, { victimIdentities: true })) text += l;
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EntityRecord)
    .filter((e) => !e.id.startsWith('export-watermark-'));
}

/** Entities as sets: order of entities and of values does not matter. */
const canonical = (list: readonly EntityRecord[]) =>
  list
    .map((e) =>
      JSON.stringify([
        e.id,
        e.schema,
        Object.keys(e.properties)
          .sort()
          .map((k) => [k, [...(e.properties[k] ?? [])].sort()]),
      ]),
    )
    .sort();

/** Values the model accepts for a property, without surrounding spaces (stored as given). */
function valueOf(def: PropertyDef): fc.Arbitrary<string> {
  switch (def.type) {
    case 'date':
      return fc.constantFrom('1999', '2020-02', '2024-02-29', '2024-02-29T10:15:30');
    case 'number':
      return fc.integer({ min: -1e6, max: 1e6 }).map(String);
    case 'enum':
      return fc.constantFrom(...(def.values ?? ['x']));
    default:
      return fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
        .map((s) => s.trim())
        .filter((s) => s !== '');
  }
}

/** Entities e0…en of random schemata and properties; references point among them. */
const entitiesArb: fc.Arbitrary<EntityRecord[]> = fc
  .array(
    fc.constantFrom(...concrete).chain((schema) => {
      const defs = Object.entries(propertiesOf(schema.name)).filter(([, d]) => !d.stub);
      return fc.record({
        schema: fc.constant(schema.name),
        picked: fc.subarray(defs, { maxLength: 4 }).chain((picked) =>
          fc.tuple(
            ...picked.map(([name, def]) =>
              fc
                .uniqueArray(def.type === 'entity' ? fc.nat().map((n) => `#${n}`) : valueOf(def), {
                  minLength: 1,
                  maxLength: def.single ? 1 : 3,
                })
                .map((values): [string, string[]] => [name, values]),
            ),
          ),
        ),
      });
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs) =>
    specs.map(({ schema, picked }, i) => {
      const ref = (v: string) => (v.startsWith('#') ? `e${Number(v.slice(1)) % specs.length}` : v);
      const properties = Object.fromEntries(picked.map(([k, vs]) => [k, [...new Set(vs.map(ref))]]));
      return { id: `e${i}`, schema, properties };
    }),
  )
  // Release 0.1's e-mail address node is read as EmailAddress (legacy.ts): not a round trip.
  .filter((list) => list.every((e) => currentSchemaName(e.schema, Object.keys(e.properties)) === e.schema));

describeEachDialect('the whole FtM model through the pipeline', ({ store }) => {
  itDb('imports an entity of every concrete schema, each arriving with its schema', async () => {
    const samples = concrete.map((s) => sampleOf(s.name));
    expect(samples.length).toBeGreaterThanOrEqual(70);
    const { actor, caseId } = await newCase(store(), 'Every schema');
    // Every sample carries the same values (one registration number…): assembly would join them, not wanted here.
    const report = await runImport(
      store(),
      actor,
      caseId,
      ftm,
      memoryInput('all.ijson', toLines(samples)),
      {},
      {
        assemble: false,
      },
    );
    expect(report.warnings).toBeUndefined();
    expect(report.bySchema).toEqual(Object.fromEntries(concrete.map((s) => [s.name, 1])));
    const rows = await store().scope(caseId).selectFrom('entities').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const sample of samples) {
      const row = byId.get(sample.id);
      expect(row?.schema, sample.id).toBe(sample.schema);
      expect(JSON.parse(row?.properties ?? '{}'), sample.id).toEqual(sample.properties);
    }
    // A Person sample is named by its caption property, not by its schema's label.
    expect(byId.get(idOf('Person'))?.caption).toBe('Sample Name');
  });

  itDb(
    'import → export → import is stable for entities of any schema and properties',
    async () => {
      await fc.assert(
        fc.asyncProperty(entitiesArb, async (entities) => {
          const a = await newCase(store(), 'Round trip A');
          await runImport(store(), a.actor, a.caseId, ftm, memoryInput('a.ijson', toLines(entities)), {});
          const first = await exported(store(), a.actor, a.caseId);
          expect(canonical(first)).toEqual(canonical(entities));
          const b = await newCase(store(), 'Round trip B');
          await runImport(store(), b.actor, b.caseId, ftm, memoryInput('b.ijson', toLines(first)), {});
          expect(canonical(await exported(store(), b.actor, b.caseId))).toEqual(canonical(first));
          // The same export imported again into the first case changes nothing.
          const again = await runImport(store(), a.actor, a.caseId, ftm, memoryInput('a2.ijson', toLines(first)), {});
          expect(again).toMatchObject({ entitiesAdded: 0, entitiesUpdated: 0, entitiesUnchanged: entities.length });
        }),
        { numRuns: 20 },
      );
    },
    120_000,
  );
});
