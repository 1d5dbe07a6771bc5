import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
        const s = store();
        const actor = actorOf(await addUser(s, { username: `src-${Date.now()}`, platformRole: 'investigator' }));
        const kase = await createCase(s, actor, { title: 'Sources', country: 'FI' });
        const plan = readSourcePlan(dir);
        expect(new Set(plan.map((p) => p.kind))).toEqual(
          new Set(['statements', 'register', 'mapping', 'capture', 'observations']),
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
    120_000,
  );
});
