import { expect } from 'vitest';
import { uniqueName, useApp } from '../support/api.ts';
import { createCase } from '../../src/services/cases/cases.ts';
import { createEntities } from '../../src/services/entities/entities.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

const uniq = uniqueName;

describeEachDialect('sharing chosen entities with another agency', ({ store }) => {
  const appOf = useApp(store);

  itDb('the other agency sees the shared entities and the links between them, nothing else', async () => {
    const fi = (await addAgency(store(), { name: uniq('FI police'), country: 'FI', kind: 'police' })).id;
    const ee = (await addAgency(store(), { name: uniq('EE police'), country: 'EE', kind: 'police' })).id;
    const lead = actorOf(
      await addUser(store(), {
        username: uniq('plead'),
        platformRole: 'investigator',
        agencyId: fi,
        password: 'a long enough password',
      }),
    );
    const guest = await addUser(store(), {
      username: uniq('pguest'),
      platformRole: 'analyst',
      agencyId: ee,
      password: 'a long enough password',
    });
    const c = await createCase(store(), lead, { title: 'Joint part', country: 'FI' });
    const [a, b, hidden] = await createEntities(store(), lead, c.id, [
      { schema: 'Person', properties: { name: ['Shared One'], phone: ['+358 40 123 4567'] } },
      { schema: 'Company', properties: { name: ['Shared Two Oy'] } },
      { schema: 'Person', properties: { name: ['Kept Back'], phone: ['+358 40 765 4321'] } },
    ]);
    const [link, otherLink] = await createEntities(store(), lead, c.id, [
      { schema: 'Employment', properties: { employee: [a?.id ?? ''], employer: [b?.id ?? ''] } },
      { schema: 'Associate', properties: { person: [a?.id ?? ''], associate: [hidden?.id ?? ''] } },
    ]);
    const leadAuth = {
      authorization: `Bearer ${await issueToken(store().db, lead.id, 't')}`,
      'content-type': 'application/json',
    };
    const guestAuth = { authorization: `Bearer ${await issueToken(store().db, guest.id, 't')}` };
    const share = await appOf().inject({
      method: 'POST',
      url: `/api/cases/${c.id}/shares`,
      headers: leadAuth,
      payload: { agencyId: ee, access: 'read', entityIds: [a?.id, b?.id] },
    });
    expect(share.statusCode).toBe(201);
    expect(share.json().entities).toBe(3); // the two entities and the link between them

    const list = (
      await appOf().inject({ method: 'GET', url: `/api/cases/${c.id}/entities`, headers: guestAuth })
    ).json<{ entities: { id: string }[] }>();
    expect(list.entities.map((e) => e.id).sort()).toEqual([a?.id, b?.id, link?.id].sort());
    expect(
      (await appOf().inject({ method: 'GET', url: `/api/cases/${c.id}/entities/${hidden?.id}`, headers: guestAuth }))
        .statusCode,
    ).toBe(404);
    const page = (
      await appOf().inject({ method: 'GET', url: `/api/cases/${c.id}/entities/${a?.id}`, headers: guestAuth })
    ).json<{ links: { id: string }[] }>();
    expect(page.links.map((l) => l.id)).toEqual([link?.id]);
    expect(page.links.map((l) => l.id)).not.toContain(otherLink?.id);
    const byPhone = (
      await appOf().inject({
        method: 'GET',
        url: `/api/cases/${c.id}/selectors?kind=phone&value=${encodeURIComponent('040 765 4321')}`,
        headers: guestAuth,
      })
    ).json<{ matches: unknown[] }>();
    expect(byPhone.matches).toEqual([]);
    const exported = await appOf().inject({ method: 'GET', url: `/api/cases/${c.id}/export`, headers: guestAuth });
    expect(exported.body).toContain('Shared One');
    expect(exported.body).not.toContain('Kept Back');
    expect(
      (
        await appOf().inject({
          method: 'POST',
          url: `/api/cases/${c.id}/entities`,
          headers: { ...guestAuth, 'content-type': 'application/json' },
          payload: { schema: 'Person', properties: { name: ['X'] } },
        })
      ).statusCode,
    ).toBe(403);
  });
});
