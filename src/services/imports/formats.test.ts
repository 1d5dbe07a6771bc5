/**
 * Real files from other tools, imported through the pipeline into both databases: what the
 * case holds afterwards, and that a broken file leaves it untouched.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect } from 'vitest';
import { describeEachDialectWithFixtures, itDb } from '../../../test/support/dialects.ts';
import { fixturePath as fixture } from '../../../test/support/fixtures.ts';
import { fileInput, memoryInput } from '../../ingest/files.ts';
import { bandicootEgo, importers, withSubscriber } from '../../ingest/formats/index.ts';
import type { Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { exportCaseFtm } from '../entities/index.ts';
import { actorOf, addUser, authorizeCase } from '../access/index.ts';
import { runImport } from './pipeline.ts';

const IJSON = fixture('ftm/nomenklatura_donations.ijson');
const EGO = fixture('cdr/bandicoot_demo_ego.csv');

type Ftm = { id: string; schema: string; properties: Record<string, string[]> };
const canonical = (list: Ftm[]) =>
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

describeEachDialectWithFixtures('importing real files', ({ store }) => {
  let actor: Actor;
  const newCase = async (title: string) => (await createCase(store(), actor, { title, country: 'DE' })).id;
  const entityCount = async (caseId: string) =>
    (await store().scope(caseId).selectFrom('entities').select('id').execute()).length;

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    actor = actorOf(await addUser(store(), { username: `fmt-${Date.now()}`, platformRole: 'analyst' }));
  });

  itDb('the FtM donations file imports as 474 entities, every Payment connecting payer and beneficiary', async () => {
    const caseId = await newCase('FtM');
    const report = await runImport(store(), actor, caseId, importers.ftm, fileInput(IJSON), {});
    expect(report.entitiesAdded).toBe(474);
    const payments = await store()
      .scope(caseId)
      .selectFrom('entities')
      .selectAll()
      .where('schema', '=', 'Payment')
      .execute();
    expect(payments.length).toBeGreaterThan(0);
    const ids = new Set((await store().scope(caseId).selectFrom('entities').select('id').execute()).map((r) => r.id));
    for (const p of payments) {
      const props = JSON.parse(p.properties) as Record<string, string[]>;
      expect(p.source_id).toBe(props.payer?.[0]);
      expect(p.target_id).toBe(props.beneficiary?.[0]);
      expect(ids.has(p.source_id ?? '')).toBe(true);
      expect(ids.has(p.target_id ?? '')).toBe(true);
    }
  });

  itDb('export, then import into a new case, matches the original fixture', async () => {
    const original = readFileSync(IJSON, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Ftm);
    const a = await newCase('FtM round trip A');
    await runImport(store(), actor, a, importers.ftm, fileInput(IJSON), {});
    const lead = await authorizeCase(store(), actor, a, 'case:read');
    let text = '';
    for await (const line of await exportCaseFtm(store(), actor, lead)) text += line;
    // The export opens with a watermark naming who exported it, when.
    expect(JSON.parse(text.split('\n')[0] ?? '{}')).toMatchObject({
      schema: 'Document',
      properties: { title: [expect.stringContaining(actor.username)] },
    });
    const b = await newCase('FtM round trip B');
    await runImport(store(), actor, b, importers.ftm, memoryInput('export.ijson', text), {});
    let again = '';
    for await (const line of await exportCaseFtm(store(), actor, await authorizeCase(store(), actor, b, 'case:read')))
      again += line;
    const exported = again
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Ftm)
      .filter((e) => !e.id.startsWith('export-watermark-'));
    expect(canonical(exported)).toEqual(canonical(original));
  });

  itDb(
    'call records import with the saved mapping: one Call link per record, one Phone per correspondent',
    async () => {
      const rows = readFileSync(EGO, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const correspondents = new Set(rows.map((r) => r[2]));
      const caseId = await newCase('CDR');
      await runImport(store(), actor, caseId, importers.cdr, fileInput(EGO), withSubscriber(bandicootEgo, 'ego'));
      const scope = store().scope(caseId);
      const calls = await scope.selectFrom('entities').selectAll().where('schema', '=', 'Call').execute();
      expect(calls).toHaveLength(rows.length);
      expect(calls.every((c) => c.source_id && c.target_id)).toBe(true);
      const phones = await scope.selectFrom('entities').select('id').where('schema', '=', 'Phone').execute();
      expect(phones).toHaveLength(correspondents.size + 1);
      // A second record sharing numbers adds calls and merges into the same phones.
      const more =
        'interaction,direction,correspondent_id,datetime,call_duration,antenna_id\ncall,out,A,2014-04-01 10:00:00,60,1\n';
      const r2 = await runImport(
        store(),
        actor,
        caseId,
        importers.cdr,
        memoryInput('ego2.csv', more),
        withSubscriber(bandicootEgo, 'ego'),
      );
      expect(r2.bySchema).toEqual({ Call: 1 });
      expect(await scope.selectFrom('entities').select('id').where('schema', '=', 'Phone').execute()).toHaveLength(
        correspondents.size + 1,
      );
    },
  );

  itDb('a truncated, mis-encoded or malformed file of each format names the line and imports nothing', async () => {
    const caseId = await newCase('Broken files');
    const ijson = readFileSync(IJSON);
    const ego = readFileSync(EGO);
    const mapping = readFileSync(fixture('ftm/nomenklatura_donations.yml'), 'utf8');
    const csv = readFileSync(fixture('ftm/nomenklatura_donations.csv'));
    /** The file with one byte on `line` that is Latin-1, not UTF-8 (an "ä" saved by the wrong tool). */
    const latin1 = (b: Buffer, line: number) => {
      const lines = b.toString('utf8').split('\n');
      const at =
        Buffer.from(
          lines
            .slice(0, line - 1)
            .map((l) => `${l}\n`)
            .join(''),
          'utf8',
        ).length + 2;
      return Buffer.concat([b.subarray(0, at), Buffer.from([0xe4]), b.subarray(at + 1)]);
    };
    const cases = [
      {
        format: 'ftm' as const,
        input: memoryInput('t.ijson', ijson.subarray(0, ijson.length - 40)),
        opts: {},
        line: /^line 474/,
      },
      {
        format: 'ftm' as const,
        input: memoryInput('m.ijson', Buffer.concat([ijson.subarray(0, 2000), Buffer.from([0xe4, 0x0a])])),
        opts: {},
        line: /^line \d+/,
      },
      {
        format: 'ftm' as const,
        input: memoryInput('x.ijson', `${ijson.toString('utf8').split('\n').slice(0, 3).join('\n')}\n{"id": 1}\n`),
        opts: {},
        line: /^line 4/,
      },
      {
        format: 'cdr' as const,
        input: memoryInput('t.csv', ego.subarray(0, ego.length - 30)),
        opts: withSubscriber(bandicootEgo, 'ego'),
        line: /^line \d+/,
      },
      {
        format: 'cdr' as const,
        input: memoryInput('m.csv', latin1(ego, 5)),
        opts: withSubscriber(bandicootEgo, 'ego'),
        line: /^line 5/,
      },
      {
        format: 'cdr' as const,
        input: memoryInput(
          'x.csv',
          `${ego.toString('utf8').split('\n').slice(0, 3).join('\n')}\ncall,sideways,A,2014-03-02 07:13:30,10,1\n`,
        ),
        opts: withSubscriber(bandicootEgo, 'ego'),
        line: /^line 4/,
      },
      {
        format: 'ftm-mapping' as const,
        input: memoryInput('donations.csv', csv.subarray(0, csv.length - 25).toString('utf8') + '"unterminated\n'),
        opts: { mapping },
        line: /^line \d+/,
      },
      {
        format: 'ftm-mapping' as const,
        input: memoryInput('donations.csv', latin1(csv, 7)),
        opts: { mapping },
        line: /^line 7/,
      },
      {
        format: 'ftm-mapping' as const,
        input: memoryInput('donations.csv', csv),
        opts: { mapping: mapping.replace('column: Donor', 'column: Donr') },
        line: /Donr|donor/,
      },
    ];
    for (const c of cases) {
      const importer = importers[c.format] as (typeof importers)['ftm'];
      const err = await runImport(store(), actor, caseId, importer, c.input, c.opts as object).then(
        () => null,
        (e: unknown) => e as { code?: string; path?: string; message: string },
      );
      expect(err, `${c.format} ${c.input.fileName}`).not.toBeNull();
      expect(`${err?.path ?? ''} ${err?.message ?? ''}`, `${c.format} ${c.input.fileName}: ${err?.message}`).toMatch(
        c.line,
      );
      expect(await entityCount(caseId)).toBe(0);
    }
  });
});
