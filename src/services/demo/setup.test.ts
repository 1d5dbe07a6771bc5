import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { countUsers, getUserByName } from '../../store/repos/access/users.ts';
import type { Store } from '../../store/store.ts';
import { actorOf } from '../access/users.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import { setupDemoDeployment } from './setup.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/**
 * The README's table of demo accounts says who reaches the demo case and how; each row's words
 * are read as the access the policy must give: none, lead, member, read-only member, or a share.
 */
function accessTheReadmeSays(what: string): string {
  if (/does not reach the demo case/.test(what)) return 'none';
  if (/the demo case's lead/.test(what)) return 'member lead write victims';
  if (/read-only share/.test(what)) return 'share shared-read';
  if (/share .*\(contributing\)/.test(what)) return 'share shared-contribute write';
  if (/read-only member/.test(what)) return 'member readonly';
  if (/member of the demo case \(reads and changes it, victims by pseudonym\)/.test(what)) return 'member member write';
  return `unread: ${what}`;
}

async function demoAccessAsDocumented(s: Store, caseId: string): Promise<void> {
  const rows = [...README.matchAll(/^\| `([a-z]+)` \| [a-z]+ \| [^|]+ \| ([^|]+) \|$/gm)];
  expect(rows.length).toBe(8);
  for (const [, username, what] of rows) {
    const user = await getUserByName(s.db, username ?? '');
    if (!user) throw new Error(`no demo account ${username}`);
    const a = await resolveCaseAccess(s, actorOf(user), caseId);
    const got = a
      ? [a.via, a.role, a.canWrite ? 'write' : '', a.victimContact ? 'victims' : ''].filter(Boolean).join(' ')
      : 'none';
    expect(got, `${username}: ${what}`).toBe(accessTheReadmeSays(what ?? ''));
    // A demo case, not an operational one: the only kind trainers and trainees may reach.
    if (a) expect(a.purpose).toBe('demo');
  }
}

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
      // Every captured ad's picture was fingerprinted (the seized chats and mailboxes are evidence
      // files too, with no picture).
      const images = await scope.selectFrom('capture_images').select('dhash').execute();
      const captures = await scope.selectFrom('captures').select('file_id').execute();
      expect(captures.length).toBeGreaterThan(10);
      expect(captures.length).toBeLessThan(d.demo.evidenceFiles);
      expect(images.filter((i) => i.dhash).length).toBe(captures.length);
      // Nothing in the case carries a generator id: everything came from the files.
      const generated = await scope.selectFrom('entities').select('id').where('id', 'like', 'demo-%').execute();
      expect(generated).toEqual([]);
      const findings = await scope
        .selectFrom('findings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(findings.n)).toBeGreaterThan(0);
      expect(d.credentials.map((c) => c.username)).toContain('investigator');
      // Who reaches the demo case, and how, is what the README says.
      await demoAccessAsDocumented(s, d.demo.caseId);
    },
    300_000,
  );
});
