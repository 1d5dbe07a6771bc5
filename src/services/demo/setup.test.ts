import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { countUsers } from '../../store/repos/access/users.ts';
import { setupDemoDeployment } from './setup.ts';

describeEachDialect('demo deployment', ({ store }) => {
  itDb(
    'opens the demo case built from its source files through the importers, with findings to review',
    async () => {
      const s = store();
      // The deployment is made once, on a store without users (the suite's store is fresh).
      expect(await countUsers(s.db)).toBe(0);
      const d = await setupDemoDeployment(s);
      if (!d) throw new Error('no deployment on an empty store');
      expect(d.demo.run.failed).toEqual([]);
      expect(d.demo.run.imported).toBeGreaterThan(40);
      expect(d.demo.transactions).toBeGreaterThan(4000);
      const scope = s.scope(d.demo.caseId);
      const count = async (schema: string) =>
        Number(
          (
            await scope
              .selectFrom('entities')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('schema', '=', schema)
              .executeTakeFirstOrThrow()
          ).n,
        );
      // Call records and ad photos came in through their importers.
      expect(await count('Call')).toBeGreaterThan(50);
      const images = await scope.selectFrom('capture_images').select('dhash').execute();
      expect(images.filter((i) => i.dhash).length).toBe(d.demo.evidenceFiles);
      // Nothing in the case carries a generator id: everything came from the files.
      const generated = await scope.selectFrom('entities').select('id').where('id', 'like', 'demo-%').execute();
      expect(generated).toEqual([]);
      const findings = await scope
        .selectFrom('findings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(findings.n)).toBeGreaterThan(0);
      expect(d.credentials.map((c) => c.username)).toContain('investigator');
    },
    300_000,
  );
});
