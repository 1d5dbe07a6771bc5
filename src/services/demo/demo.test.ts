import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { countScenario, groundTruthPartSchema } from '../../demo/index.ts';
import { countEntitiesBySchema } from '../../store/repos/entities/entities.ts';
import { listFiles } from '../../store/repos/files/files.ts';
import { listGroundTruthParts } from '../../../test/support/demoTruth.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import { loadDemoCase } from './demo.ts';
import { actorOf, addUser } from '../access/users.ts';
import { authorizeCase } from '../access/policy.ts';
import { searchSelector } from '../search/search.ts';

describeEachDialect('demo case', ({ store }) => {
  itDb(
    'loads a generated scenario completely, with captures and ground truth',
    async () => {
      const s = store();
      const actor = actorOf(await addUser(s, { username: `demo-${Date.now()}`, platformRole: 'investigator' }));
      const opts = { seed: 4242, scale: 2 };
      const expected = countScenario(opts);
      const { caseId, report } = await loadDemoCase(s, actor, opts);
      const scope = s.scope(caseId);
      const bySchema = Object.fromEntries((await countEntitiesBySchema(scope)).map((c) => [c.schema, c.n]));
      expect(bySchema).toEqual(expected.bySchema);
      expect(await countTransactions(scope)).toBe(expected.transactions);
      expect(report.transactionsAdded).toBe(expected.transactions);
      expect((await listFiles(scope)).length).toBe(expected.captures);
      const parts = await listGroundTruthParts(scope);
      expect(parts).toHaveLength(expected.cells);
      for (const p of parts) expect(groundTruthPartSchema.safeParse(JSON.parse(p.content)).success).toBe(true);
      // The generated phones are findable as selectors.
      const person = await scope
        .selectFrom('entities')
        .select('properties')
        .where('schema', '=', 'Person')
        .where('properties', 'like', '%"phone"%')
        .executeTakeFirstOrThrow();
      const phone = (JSON.parse(person.properties) as { phone: string[] }).phone[0] ?? '';
      const access = await authorizeCase(s, actor, caseId, 'case:read');
      expect((await searchSelector(s, access, 'phone', phone)).matches.length).toBeGreaterThan(0);
    },
    120_000,
  );
});
