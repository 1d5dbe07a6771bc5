/**
 * Cross-case hit/no-hit inside one deployment — the deliberate exception to case scoping. A
 * user whose case shares a phone with a case they may not see learns that a hit exists and
 * whom to contact, and nothing else of the other case; the other case's lead is notified.
 * Neither sees the other's data until the other side accepts a cooperation request and shares.
 */
import { expect } from 'vitest';
import { createCase } from '../../src/services/cases/cases.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import { uniqueName, useApp } from '../support/api.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

describeEachDialect('cross-case hit/no-hit', ({ store }) => {
  const appOf = useApp(store);

  itDb('reveals a hit and whom to contact, nothing else of the other case, until it is shared', async () => {
    const fi = await addAgency(store(), { name: uniqueName('Finnish police'), country: 'FI', kind: 'police' });
    const ee = await addAgency(store(), { name: uniqueName('Estonian police'), country: 'EE', kind: 'police' });
    const finder = actorOf(
      await addUser(store(), {
        username: uniqueName('finder'),
        displayName: 'Aino Finder',
        platformRole: 'investigator',
        agencyId: fi.id,
        password: 'a long enough password',
      }),
    );
    const owner = actorOf(
      await addUser(store(), {
        username: uniqueName('owner'),
        displayName: 'Kalev Owner',
        platformRole: 'investigator',
        agencyId: ee.id,
        password: 'a long enough password',
      }),
    );
    const mine = await createCase(store(), finder, { title: 'Operation Birch', country: 'FI' });
    const theirs = await createCase(store(), owner, { title: 'Operation Amber Secret', country: 'EE' });
    const [myPerson, myOther] = await createEntities(store(), finder, mine.id, [
      { schema: 'Person', properties: { name: ['Recruiter Known'], phone: ['040 123 4567'] } },
      { schema: 'Person', properties: { name: ['Unrelated Person'], phone: ['040 999 8888'] } },
    ]);
    const [boss, kept] = await createEntities(store(), owner, theirs.id, [
      {
        schema: 'Person',
        properties: { name: ['Hidden Boss'], phone: ['+358 40 1234567'], birthDate: ['1971-02-03'] },
      },
      { schema: 'Company', properties: { name: ['Kept Secret OÜ'], email: ['boss@kept.example'] } },
    ]);
    const theirSecrets = [
      theirs.id,
      theirs.title,
      boss?.id,
      kept?.id,
      'Hidden Boss',
      'Kept Secret',
      'boss@kept.example',
      '1971-02-03',
      'Amber',
    ];
    const finderAuth = {
      authorization: `Bearer ${await issueToken(store().db, finder.id, 't')}`,
      'content-type': 'application/json',
    };
    const ownerAuth = {
      authorization: `Bearer ${await issueToken(store().db, owner.id, 't')}`,
      'content-type': 'application/json',
    };
    const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
      appOf().inject({
        method,
        url,
        headers: payload === undefined ? { authorization: headers.authorization ?? '' } : headers,
        ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
      });

    const check = await inject('POST', `/api/cases/${mine.id}/hits/check`, finderAuth, {});
    expect(check.statusCode, check.body).toBe(200);
    const notices = check.json<{
      notices: {
        id: string;
        entityIds: string[];
        kinds: Record<string, number>;
        contact: { name: string; agency: string; country: string };
      }[];
    }>().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      entityIds: [myPerson?.id],
      kinds: { phone: 1 },
      contact: { name: 'Kalev Owner', agency: ee.name, country: 'EE' },
    });
    expect(notices[0]?.entityIds).not.toContain(myOther?.id);
    const listed = await inject('GET', `/api/cases/${mine.id}/hits`, finderAuth);
    for (const body of [check.body, listed.body])
      for (const s of theirSecrets) expect(body, `the finder's view holds ${String(s)}`).not.toContain(String(s));

    // The other case stays out of reach: not found, not searchable.
    expect((await inject('GET', `/api/cases/${theirs.id}`, finderAuth)).statusCode).toBe(404);
    expect((await inject('GET', `/api/cases/${theirs.id}/entities/${boss?.id}`, finderAuth)).statusCode).toBe(404);
    expect((await inject('GET', `/api/cases/${theirs.id}/hits`, finderAuth)).statusCode).toBe(404);
    const search = await inject('GET', `/api/search?q=${encodeURIComponent('Hidden Boss')}`, finderAuth);
    expect(search.body).not.toContain(String(boss?.id));

    // The other case's lead is told, and sees the finder's name and agency, nothing of the finder's case.
    const notes = (await inject('GET', '/api/notifications', ownerAuth)).json<{
      notifications: { caseId: string; kind: string; refId: string }[];
    }>().notifications;
    expect(notes.filter((n) => n.kind === 'hit').map((n) => n.caseId)).toEqual([theirs.id]);
    const theirView = await inject('GET', `/api/cases/${theirs.id}/hits`, ownerAuth);
    const theirNotice = theirView.json<{
      notices: { id: string; role: string; entityIds: string[]; contact: { name: string } }[];
    }>().notices[0];
    expect(theirNotice).toMatchObject({ role: 'found', entityIds: [boss?.id], contact: { name: 'Aino Finder' } });
    for (const s of [mine.id, mine.title, myPerson?.id, 'Recruiter Known'])
      expect(theirView.body).not.toContain(String(s));

    // Both audit chains record the hit.
    for (const caseId of [mine.id, theirs.id]) {
      const rows = await store()
        .db.selectFrom('audit_events')
        .select(['action', 'target_type'])
        .where('case_id', '=', caseId)
        .where('target_type', '=', 'hit')
        .execute();
      expect(
        rows.map((r) => r.action),
        `audit of ${caseId}`,
      ).toContain('combination');
    }

    // Request → accept with one chosen entity → the finder sees that one, and only that one.
    const req = await inject('POST', `/api/cases/${mine.id}/cooperation/requests`, finderAuth, {
      noticeId: notices[0]?.id,
      message: 'Same phone as our recruiter',
    });
    expect(req.statusCode, req.body).toBe(201);
    const incoming = (await inject('GET', `/api/cases/${theirs.id}/cooperation/requests`, ownerAuth)).json<{
      requests: { id: string; direction: string; counterpart: { name: string } }[];
    }>().requests;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ direction: 'incoming', counterpart: { name: 'Aino Finder' } });
    expect(
      (
        await inject(
          'POST',
          `/api/cases/${mine.id}/cooperation/requests/${String(req.json().id)}/decision`,
          finderAuth,
          { decision: 'accept', entityIds: [myPerson?.id] },
        )
      ).statusCode,
    ).toBe(400);
    const accepted = await inject(
      'POST',
      `/api/cases/${theirs.id}/cooperation/requests/${incoming[0]?.id}/decision`,
      ownerAuth,
      { decision: 'accept', entityIds: [boss?.id] },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', sharedEntities: 1 });
    expect((await inject('GET', `/api/cases/${theirs.id}/entities/${boss?.id}`, finderAuth)).statusCode).toBe(200);
    expect((await inject('GET', `/api/cases/${theirs.id}/entities/${kept?.id}`, finderAuth)).statusCode).toBe(404);
    const outgoing = (await inject('GET', `/api/cases/${mine.id}/cooperation/requests`, finderAuth)).json<{
      requests: { status: string }[];
    }>().requests;
    expect(outgoing.map((r) => r.status)).toEqual(['accepted']);
  });

  itDb('training cases never meet operational ones', async () => {
    const agency = await addAgency(store(), { name: uniqueName('Academy'), country: 'LV', kind: 'police' });
    const trainer = actorOf(
      await addUser(store(), {
        username: uniqueName('trainer'),
        platformRole: 'trainer',
        agencyId: agency.id,
        password: 'a long enough password',
      }),
    );
    const inv = actorOf(
      await addUser(store(), {
        username: uniqueName('inv'),
        platformRole: 'investigator',
        agencyId: agency.id,
        password: 'a long enough password',
      }),
    );
    const training = await createCase(store(), trainer, { title: 'Exercise', country: 'LV', purpose: 'training' });
    const real = await createCase(store(), inv, { title: 'Real', country: 'LV' });
    await createEntities(store(), trainer, training.id, [
      { schema: 'Person', properties: { name: ['Exercise'], phone: ['+371 2612 3456'] } },
    ]);
    await createEntities(store(), inv, real.id, [
      { schema: 'Person', properties: { name: ['Real'], phone: ['+371 2612 3456'] } },
    ]);
    const auth = {
      authorization: `Bearer ${await issueToken(store().db, trainer.id, 't')}`,
      'content-type': 'application/json',
    };
    const r = await appOf().inject({
      method: 'POST',
      url: `/api/cases/${training.id}/hits/check`,
      headers: auth,
      payload: '{}',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<{ notices: unknown[] }>().notices).toEqual([]);
    // Two training cases holding the same synthetic selectors (one cohort's sandboxes) do not meet either.
    const sibling = await createCase(store(), trainer, {
      title: 'Exercise, second trainee',
      country: 'LV',
      purpose: 'training',
    });
    await createEntities(store(), trainer, sibling.id, [
      { schema: 'Person', properties: { name: ['Exercise'], phone: ['+371 2612 3456'] } },
    ]);
    const again = await appOf().inject({
      method: 'POST',
      url: `/api/cases/${sibling.id}/hits/check`,
      headers: auth,
      payload: '{}',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ notices: unknown[] }>().notices).toEqual([]);
  });
});
