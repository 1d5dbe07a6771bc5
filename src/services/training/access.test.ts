/**
 * Training never touches real cases: a trainee cannot read or search an operational case (not
 * even one they were added to by mistake), and a sandbox is its trainee's alone — it cannot be
 * shared, gain members, or be reached by anyone else, whatever the rows say.
 */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../test/support/api.ts';
import type { Caller } from '../../../test/support/api.ts';
import { addMember } from '../../store/repos/cases/cases.ts';
import { getUser } from '../../store/repos/access/users.ts';
import { createCase } from '../cases/cases.ts';
import { createEntities } from '../entities/entities.ts';
import { resolveCaseAccess } from '../access/policy.ts';
import type { CaseAccess } from '../access/policy.ts';
import { shareCase } from '../cases/sharing.ts';
import { actorOf, addAgency } from '../access/users.ts';

describeEachDialect('training and real cases kept apart', ({ store }) => {
  let investigator: Caller;
  let trainer: Caller;
  let trainee: Caller;
  let admin: Caller;
  let realCase = '';
  let sandbox = '';

  beforeAllWithStore(
    store,
    async (s) => {
      const api = await testApi(s);
      investigator = await api.user(uniqueName('inv'), 'investigator');
      trainer = await api.user(uniqueName('trn'), 'trainer');
      trainee = await api.user(uniqueName('tee'), 'trainee');
      admin = await api.user(uniqueName('adm'), 'admin');
      const lead = actorOf((await getUser(s.db, investigator.userId))!);
      realCase = (await createCase(s, lead, { title: 'Operation Real', country: 'LV' })).id;
      await createEntities(s, lead, realCase, [
        { schema: 'Person', properties: { name: ['Zigmunds Realnieks'], phone: ['+37126111222'] } },
      ]);
      // A mistake an administrator could make: the trainee added to the real case.
      await addMember(s.scope(realCase), {
        user_id: trainee.userId,
        case_role: 'member',
        victim_contact: 1,
        added_by: lead.id,
        added_at: new Date().toISOString(),
      });
      const cohort = (await trainer('POST', '/api/training/cohorts', { name: 'Access cohort', seed: 9 })).json<{
        id: string;
      }>().id;
      await trainer('POST', `/api/training/cohorts/${cohort}/assignments`, { courseId: 'thb-investigation' });
      const me = (await trainee('GET', '/api/auth/me')).json<{ user: { username: string } }>().user.username;
      await trainer('POST', `/api/training/cohorts/${cohort}/members`, { username: me });
      sandbox = (await trainee('POST', `/api/training/cohorts/${cohort}/courses/thb-investigation/sandbox`)).json<{
        caseId: string;
      }>().caseId;
    },
    60_000,
  );

  itDb('a trainee cannot read, list or search a real case, even as its member', async () => {
    expect((await investigator('GET', `/api/cases/${realCase}`)).status).toBe(200);
    for (const url of [
      `/api/cases/${realCase}`,
      `/api/cases/${realCase}/entities`,
      `/api/cases/${realCase}/search?q=Realnieks`,
      `/api/cases/${realCase}/entity-rows`,
      `/api/cases/${realCase}/export`,
    ]) {
      expect((await trainee('GET', url)).status, url).toBe(404);
    }
    expect((await trainee('GET', '/api/cases')).json<{ cases: { id: string }[] }>().cases.map((c) => c.id)).toEqual([
      sandbox,
    ]);
    for (const q of ['Realnieks', '+371 2611 1222']) {
      const found = (await trainee('GET', `/api/search?q=${encodeURIComponent(q)}`)).json<{
        cases: { caseId: string }[];
      }>().cases;
      expect(found.map((c) => c.caseId)).not.toContain(realCase);
    }
    expect(
      (await investigator('GET', `/api/search?q=Realnieks`))
        .json<{ cases: { caseId: string }[] }>()
        .cases.map((c) => c.caseId),
    ).toContain(realCase);
  });

  itDb(
    "a sandbox is reached by its trainee only: not by the trainer, an administrator or the real case's investigator",
    async () => {
      expect((await trainee('GET', `/api/cases/${sandbox}`)).status).toBe(200);
      expect((await trainee('GET', `/api/cases/${sandbox}/search?q=a`)).status).toBe(200);
      for (const other of [trainer, admin, investigator])
        expect((await other('GET', `/api/cases/${sandbox}`)).status).toBe(404);
      // Even a membership row written into it gives no one else access.
      await addMember(store().scope(sandbox), {
        user_id: admin.userId,
        case_role: 'lead',
        victim_contact: 1,
        added_by: admin.userId,
        added_at: new Date().toISOString(),
      });
      expect((await admin('GET', `/api/cases/${sandbox}`)).status).toBe(404);
      // Nor does sandbox data leak into anyone's cross-case search.
      const victim = (
        await store()
          .scope(sandbox)
          .selectFrom('entities')
          .select('caption')
          .where('schema', '=', 'Person')
          .executeTakeFirstOrThrow()
      ).caption;
      expect(
        (await investigator('GET', `/api/search?q=${encodeURIComponent(victim)}`))
          .json<{ cases: { caseId: string }[] }>()
          .cases.map((c) => c.caseId),
      ).not.toContain(sandbox);
    },
  );

  itDb('a sandbox cannot be shared or given members', async () => {
    const agency = await addAgency(store(), { name: `Share target ${uniqueName('a')}`, country: 'EE', kind: 'police' });
    const share = await trainee('POST', `/api/cases/${sandbox}/shares`, { agencyId: agency.id, access: 'read' });
    expect(share.status).toBe(403);
    expect(
      (await trainee('POST', `/api/cases/${sandbox}/members`, { userId: investigator.userId, caseRole: 'readonly' }))
        .status,
    ).toBe(403);
    // The service refuses too, whoever asks with whatever access they claim.
    const owner = actorOf((await getUser(store().db, trainee.userId))!);
    const access = (await resolveCaseAccess(store(), owner, sandbox)) as CaseAccess;
    await expect(
      shareCase(store(), owner, { ...access, role: 'lead', canManage: true }, { agencyId: agency.id, access: 'read' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await store().scope(sandbox).selectFrom('case_shares').selectAll().execute()).toEqual([]);
  });
});
