import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { actorOf, addUser } from '../access/users.ts';
import { createCase } from '../cases/index.ts';
import { cliCaller } from '../useCase/index.ts';
import { importSources, readSourcePlan, writeDemoSources } from './sources.ts';

describeEachDialect('demo sources', ({ store }) => {
  itDb(
    'imports a sources folder through the ordinary importers with the truth file absent',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'elect-sources-'));
      try {
        writeDemoSources({ seed: 917_400, scale: 1, out: dir });
        expect(existsSync(join(dir, 'truth.json'))).toBe(true);
        rmSync(join(dir, 'truth.json'));
        rmSync(join(dir, 'truth-identifiers.json'));
        rmSync(join(dir, 'truth-mentions.json'));
        const s = store();
        const actor = actorOf(await addUser(s, { username: `src-${Date.now()}`, platformRole: 'investigator' }));
        const kase = await createCase(s, actor, { title: 'Sources', country: 'FI' });
        const plan = readSourcePlan(dir);
        expect(new Set(plan.map((p) => p.kind))).toEqual(
          new Set(['statements', 'register', 'mapping', 'calls', 'capture', 'observations', 'documents']),
        );
        const run = await importSources(s, cliCaller(actor), kase.id, dir, plan);
        expect(run.failed).toEqual([]);
        expect(run.imported).toBe(plan.length);
        const scope = s.scope(kase.id);
        const lines = await scope
          .selectFrom('transactions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(lines.n)).toBeGreaterThan(4000);
        // Call records: each subscriber's file in, a call between two subscribers once with both ends' records.
        const callRows = plan
          .filter((p) => p.kind === 'calls')
          .reduce((n, p) => n + readFileSync(join(dir, p.file), 'utf8').trim().split('\n').length - 1, 0);
        const calls = (
          await scope.selectFrom('entities').select('properties').where('schema', '=', 'Call').execute()
        ).map((c) => JSON.parse(c.properties) as Record<string, string[] | undefined>);
        const bothEnds = calls.filter((c) => (c['recordId'] ?? []).length === 2).length;
        expect(calls.length).toBeGreaterThan(50);
        expect(bothEnds).toBeGreaterThan(0);
        expect(calls.length + bothEnds).toBe(callRows);
        // Ad photos: each saved beside its page, read and fingerprinted by the capture importer.
        const photos = plan.flatMap((p) => (p.kind === 'capture' ? (p.resources ?? []) : []));
        expect(photos.length).toBeGreaterThan(5);
        const images = await scope.selectFrom('capture_images').select(['dhash', 'origin']).execute();
        expect(images.filter((i) => i.dhash && i.origin === 'part')).toHaveLength(photos.length);
        // No internal id of the generator reached the case.
        const leaked = await scope
          .selectFrom('entities')
          .select('id')
          .where('properties', 'like', '%demo-917400-%')
          .execute();
        expect(leaked).toEqual([]);
        const refs = await scope.selectFrom('transactions').select('id').where('reference', 'like', 'demo-%').execute();
        expect(refs).toEqual([]);
        // Interview records became observations on the persons they name; cash lines carry their place.
        const observations = await scope.selectFrom('indicator_observations').select('origin').execute();
        expect(observations.length).toBeGreaterThan(0);
        expect(observations.every((o) => o.origin === 'import:interviews.csv')).toBe(true);
        const placed = await scope.selectFrom('transactions').select('id').where('place', 'is not', null).execute();
        expect(placed.length).toBeGreaterThan(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
