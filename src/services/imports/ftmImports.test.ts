/**
 * FtM files through the pipeline on both databases: the corpus's FtM JSON lines and Aleph network
 * diagram give their entities per schema; re-importing an FtM file or running an FtM mapping again
 * leaves unchanged entities alone and writes changed ones as new versions; an entity of an
 * unknown schema is skipped with a warning, and a link to it is kept but not drawn.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { uniqueName } from '../../../test/support/api.ts';
import { describeEachDialect, describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { fixturePath } from '../../../test/support/fixtures.ts';
import { fileInput, memoryInput } from '../../ingest/files.ts';
import { importers } from '../../ingest/formats/index.ts';
import type { Importer } from '../../ingest/types.ts';
import { countEntitiesBySchema, getEntity, historyOf } from '../../store/repos/entities/entities.ts';
import type { Store } from '../../store/store.ts';
import { actorOf, addUser, type Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { runImport } from './pipeline.ts';

const IJSON = fixturePath('ftm/nomenklatura_donations.ijson');
const VIS = fixturePath('ftm/aleph_royal-family.vis');
const ftm = importers.ftm as Importer<unknown>;
const mapping = importers['ftm-mapping'] as Importer<unknown>;

async function newCase(store: Store, title: string): Promise<{ actor: Actor; caseId: string }> {
  const actor = actorOf(await addUser(store, { username: uniqueName('ftm'), platformRole: 'analyst' }));
  return { actor, caseId: (await createCase(store, actor, { title, country: 'DE' })).id };
}

const bySchema = async (store: Store, caseId: string) =>
  Object.fromEntries((await countEntitiesBySchema(store.scope(caseId))).map((r) => [r.schema, Number(r.n)]));

describeEachDialectWithFixtures('FtM files of the corpus', ({ store }) => {
  itDb('the donations file gives its entities per schema, counted from the file itself', async () => {
    const expected: Record<string, number> = {};
    for (const l of readFileSync(IJSON, 'utf8').split('\n').filter(Boolean)) {
      const schema = (JSON.parse(l) as { schema: string }).schema;
      expected[schema] = (expected[schema] ?? 0) + 1;
    }
    expect(expected).toEqual({ Payment: 290, Address: 89, Company: 56, Person: 22, Organization: 17 });
    const { actor, caseId } = await newCase(store(), 'Donations');
    const report = await runImport(store(), actor, caseId, ftm, fileInput(IJSON), {});
    expect(report.bySchema).toEqual(expected);
    expect(await bySchema(store(), caseId)).toEqual(expected);
  });

  itDb('the royal-family network diagram gives 3 people, 3 family links and 1 succession', async () => {
    const { actor, caseId } = await newCase(store(), 'Diagram');
    const report = await runImport(store(), actor, caseId, ftm, fileInput(VIS), {});
    expect(report.bySchema).toEqual({ Person: 3, Family: 3, Succession: 1 });
    expect(report.warnings).toBeUndefined();
    const scope = store().scope(caseId);
    const rows = await scope.selectFrom('entities').selectAll().execute();
    const caption = new Map(rows.map((r) => [r.id, r.caption]));
    const drawn = rows
      .filter((r) => r.source_id)
      .map((r) => `${caption.get(r.source_id ?? '')} ${r.schema} ${caption.get(r.target_id ?? '')} (${r.caption})`);
    expect(drawn.sort()).toEqual(expect.arrayContaining(['Queen Elizabeth II Family Prince Philip (Husband)']));
    expect(drawn.filter((d) => d.includes(' Succession '))).toEqual([
      'Queen Elizabeth II Succession Prince Charles (Succession)',
    ]);
  });

  itDb('importing the same FtM file again adds nothing; a changed entity becomes a new version', async () => {
    const { actor, caseId } = await newCase(store(), 'Re-import');
    await runImport(store(), actor, caseId, ftm, fileInput(IJSON), {});
    const again = await runImport(store(), actor, caseId, ftm, fileInput(IJSON), {});
    expect(again).toMatchObject({ entitiesAdded: 0, entitiesUnchanged: 474, entitiesUpdated: 0 });

    const lines = readFileSync(IJSON, 'utf8').split('\n');
    const first = JSON.parse(lines[0] ?? '{}') as { id: string; properties: Record<string, string[]> };
    lines[0] = JSON.stringify({
      ...first,
      properties: { ...first.properties, name: ['MLPD', 'Marxisten-Leninisten'] },
    });
    const changed = await runImport(store(), actor, caseId, ftm, memoryInput('newer.ijson', lines.join('\n')), {});
    expect(changed).toMatchObject({ entitiesAdded: 0, entitiesUnchanged: 473, entitiesUpdated: 1 });
    const scope = store().scope(caseId);
    expect(JSON.parse((await getEntity(scope, first.id))?.properties ?? '{}')).toMatchObject({
      name: ['MLPD', 'Marxisten-Leninisten'],
    });
    expect((await historyOf(scope, first.id)).map((h) => [h.version, h.change])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    expect(await bySchema(store(), caseId)).toMatchObject({ Payment: 290, Organization: 17 });
  });

  itDb('running an FtM mapping again adds nothing; a changed row updates its entities', async () => {
    const { actor, caseId } = await newCase(store(), 'Mapping re-import');
    const yml = readFileSync(fixturePath('ftm/nomenklatura_donations.yml'), 'utf8');
    const csv = readFileSync(fixturePath('ftm/nomenklatura_donations.csv'), 'utf8');
    const run = (text: string) =>
      runImport(store(), actor, caseId, mapping, memoryInput('donations.csv', text), { mapping: yml });
    const first = await run(csv);
    const total = first.entitiesAdded;
    expect(total).toBeGreaterThan(0);
    expect(await run(csv)).toMatchObject({ entitiesAdded: 0, entitiesUnchanged: total, entitiesUpdated: 0 });

    // One donor (on one row only) moves abroad: the donor changes, a new address is added.
    const moved = csv.replace(
      '"Frau Lina Dachner","Schillerstraße 19","76135 Karlsruhe","Deutschland"',
      '"Frau Lina Dachner","Schillerstraße 19","76135 Karlsruhe","Österreich"',
    );
    expect(moved).not.toBe(csv);
    const changed = await run(moved);
    expect(changed).toMatchObject({ entitiesAdded: 1, bySchema: { Address: 1 }, entitiesUpdated: 1 });
    const scope = store().scope(caseId);
    const donor = (
      await scope.selectFrom('entities').selectAll().where('caption', '=', 'Frau Lina Dachner').execute()
    )[0];
    expect(JSON.parse(donor?.properties ?? '{}')).toMatchObject({ country: ['at'] });
    expect((await historyOf(scope, donor?.id ?? '')).map((h) => h.version)).toEqual([1, 2]);
  });
});

describeEachDialect('FtM import: entities the model does not know', ({ store }) => {
  const line = (o: unknown) => `${JSON.stringify(o)}\n`;

  itDb('are skipped with a warning; a link to one is kept but not drawn', async () => {
    const { actor, caseId } = await newCase(store(), 'Unknown schema');
    const text =
      line({ id: 'l1', schema: 'UnknownLink', properties: { subject: ['p1'], object: ['x1'] } }) +
      line({ id: 'p1', schema: 'Person', properties: { name: ['Ann'], nmae: ['typo'] } }) +
      line({ id: 'x1', schema: 'Starship', properties: { name: ['Enterprise'] } });
    const report = await runImport(store(), actor, caseId, ftm, memoryInput('future.ijson', text), {});
    expect(report.bySchema).toEqual({ UnknownLink: 1, Person: 1 });
    expect(report.warnings).toEqual([
      'line 2: "Person" has no property "nmae"; the values of p1 are skipped',
      'line 3: unknown schema "Starship": entity x1 is skipped',
      'line 1: the link refers to x1, skipped on line 3; it is kept but not drawn',
    ]);
    const link = await getEntity(store().scope(caseId), 'l1');
    expect([link?.source_id, link?.target_id]).toEqual([null, null]);
  });

  itDb(
    'names a company as FtM does, and renews a caption an earlier rule wrote when it is imported again',
    async () => {
      const { actor, caseId } = await newCase(store(), 'Captions');
      const names = ['JSC NPO IZHMASH', 'JSC Kalashnikov Concern', 'Kalashnikov Concern', 'АО Концерн Калашников'];
      const text = line({
        id: 'kc',
        schema: 'Company',
        caption: 'JSC Kalashnikov Concern',
        properties: { name: names },
      });
      await runImport(store(), actor, caseId, ftm, memoryInput('kc.ijson', text), {});
      const scope = store().scope(caseId);
      expect((await getEntity(scope, 'kc'))?.caption).toBe('JSC Kalashnikov Concern');
      // As release 0.1 stored it: the first name written.
      await scope.updateTable('entities').set({ caption: 'JSC NPO IZHMASH' }).where('id', '=', 'kc').execute();
      const again = await runImport(store(), actor, caseId, ftm, memoryInput('kc.ijson', text), {});
      expect(again).toMatchObject({ entitiesUnchanged: 1, entitiesUpdated: 0 });
      expect((await getEntity(scope, 'kc'))?.caption).toBe('JSC Kalashnikov Concern');
      expect((await historyOf(scope, 'kc')).map((h) => h.version)).toEqual([1]);
    },
  );
});
