/**
 * The routes behind the web workspace: evidence files with their SHA-256, search across cases
 * (phones however written, victims kept behind pseudonyms), the entity table, members with
 * names, and the audit views.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { addUserWithToken } from '../../../services/access/users.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describeEachDialect('workspace routes', ({ store }) => {
  let api: TestApi;
  let lead: Caller;
  let member: Caller;
  let supervisorToken: string;
  let fiCase: string;
  let lvCase: string;
  let victimId: string;

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    api = await testApi(store());
    lead = await api.user(uniqueName('lead'));
    member = await api.user(uniqueName('member'));
    supervisorToken = (
      await addUserWithToken(store(), {
        username: uniqueName('sup'),
        platformRole: 'supervisor',
        password: 'Correct-Horse-Battery-9',
      })
    ).token;
    fiCase = (await lead('POST', '/api/cases', { title: 'Operation Spruce', country: 'FI' })).json<{ id: string }>().id;
    lvCase = (await lead('POST', '/api/cases', { title: 'Operation Oak', country: 'LV' })).json<{ id: string }>().id;
    await lead('POST', `/api/cases/${fiCase}/entities`, {
      schema: 'Person',
      properties: { name: ['Juha Mäkinen'], phone: ['+358 40 123 4567'], proceduralStatus: ['suspect'] },
    });
    await lead('POST', `/api/cases/${lvCase}/entities`, {
      schema: 'Person',
      properties: { name: ['Andris Liepa'], phone: ['00358401234567'] },
    });
    victimId = (
      await lead('POST', `/api/cases/${fiCase}/entities`, {
        schema: 'Person',
        properties: { name: ['Olena Kovalenko'], phone: ['+358 45 999 8877'], proceduralStatus: ['victim'] },
      })
    ).json<{ id: string }>().id;
    await lead('POST', `/api/cases/${fiCase}/members`, { userId: member.userId, caseRole: 'member' });
  });

  itDb('stores evidence with the SHA-256 of the bytes received, typed by content', async () => {
    const r = await api.app.inject({
      method: 'POST',
      url: `/api/cases/${fiCase}/files?name=photo.jpg&entityId=${victimId}`,
      payload: PNG,
      headers: { authorization: await bearer(lead), 'content-type': 'application/octet-stream' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const file = r.json<{ id: string; sha256: string; mimeType: string; sourceId: string }>();
    expect(file.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(file.mimeType).toBe('image/png'); // the name says .jpg; the bytes say PNG
    const content = await api.app.inject({
      method: 'GET',
      url: `/api/cases/${fiCase}/files/${file.id}/content`,
      headers: { authorization: await bearer(lead) },
    });
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['content-disposition']).toMatch(/^inline/);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    const sources = (await lead('GET', `/api/cases/${fiCase}/sources`)).json<{
      sources: { id: string; sha256: string; kind: string }[];
    }>().sources;
    expect(sources.find((s) => s.id === file.sourceId)).toMatchObject({ kind: 'evidence', sha256: file.sha256 });
    // A member who is not the victim's contact does not see the victim's photo.
    expect((await member('GET', `/api/cases/${fiCase}/files`)).json<{ files: unknown[] }>().files).toEqual([]);
  });

  itDb('serves other files only as downloads, and refuses an empty one at the body', async () => {
    const html = await api.app.inject({
      method: 'POST',
      url: `/api/cases/${fiCase}/files?name=ad.html`,
      payload: '<script>alert(1)</script>',
      headers: { authorization: await bearer(lead), 'content-type': 'application/octet-stream' },
    });
    const id = html.json<{ id: string }>().id;
    const content = await api.app.inject({
      method: 'GET',
      url: `/api/cases/${fiCase}/files/${id}/content`,
      headers: { authorization: await bearer(lead) },
    });
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(content.headers['content-disposition']).toMatch(/^attachment/);
    const empty = await api.app.inject({
      method: 'POST',
      url: `/api/cases/${fiCase}/files?name=x.pdf`,
      payload: '',
      headers: { authorization: await bearer(lead), 'content-type': 'application/octet-stream' },
    });
    expect(empty.statusCode).toBe(400);
  });

  itDb('finds one phone number written three ways across cases, each read with its country', async () => {
    const hits = (q: string) =>
      lead('GET', `/api/search?q=${encodeURIComponent(q)}`).then(
        (r) =>
          r.json<{ cases: { title: string; hits: { entity: { caption: string }; matchedBy: string }[] }[] }>().cases,
      );
    const names = async (q: string) =>
      (await hits(q)).flatMap((c) => c.hits.map((h) => `${c.title}: ${h.entity.caption} (${h.matchedBy})`));
    for (const written of ['+358401234567', '00358 40 1234567', '+358 (40) 123-45-67']) {
      expect(await names(written), written).toEqual(
        expect.arrayContaining(['Operation Spruce: Juha Mäkinen (phone)', 'Operation Oak: Andris Liepa (phone)']),
      );
    }
    // Written nationally, it is a Finnish number only in the Finnish case; in Latvia it would be another number.
    expect(await names('040 123 4567')).toEqual(['Operation Spruce: Juha Mäkinen (phone)']);
  });

  itDb('keeps victims behind their pseudonym, and out of search for those who are not their contact', async () => {
    const forLead = (await lead('GET', `/api/search?q=${encodeURIComponent('045 999 8877')}`)).json<{
      cases: { hits: { entity: { caption: string; pseudonym: boolean; status: string } }[] }[];
    }>().cases;
    const seen = forLead.flatMap((c) => c.hits.map((h) => h.entity)).find((e) => e.status === 'victim');
    expect(seen?.pseudonym).toBe(true);
    expect(seen?.caption).not.toContain('Olena');
    const forMember = (await member('GET', `/api/search?q=${encodeURIComponent('Olena Kovalenko')}`)).json<{
      cases: unknown[];
    }>().cases;
    expect(forMember).toEqual([]);
    const rows = (await member('GET', `/api/cases/${fiCase}/entity-rows?status=victim`)).json<{
      rows: { caption: string; pseudonym: boolean }[];
    }>().rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pseudonym: true });
    expect(rows[0]?.caption).not.toContain('Olena');
  });

  itDb('pages, filters and sorts the entity table with a total', async () => {
    const page = (q: string) =>
      lead('GET', `/api/cases/${fiCase}/entity-rows?${q}`).then((r) =>
        r.json<{ total: number; rows: { caption: string; schema: string }[] }>(),
      );
    const all = await page('limit=1');
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect((await page('q=m%C3%84kinen')).rows.map((r) => r.caption)).toEqual(['Juha Mäkinen']);
    expect((await page('q=100%25')).total).toBe(0);
    const byName = await page('schema=Person&sort=caption&dir=desc');
    expect(byName.rows.map((r) => r.caption)).toEqual([...byName.rows.map((r) => r.caption)].sort().reverse());
    expect((await page('kind=links')).total).toBe(0);
  });

  itDb('filters names the way search finds them: folded, transliterated, in any order, by alias', async () => {
    const kase = (await lead('POST', '/api/cases', { title: 'Operation Elm', country: 'LV' })).json<{ id: string }>().id;
    await lead('POST', `/api/cases/${kase}/members`, { userId: member.userId, caseRole: 'member' });
    for (const properties of [
      { name: ['Artūrs Grīnbergs'], alias: ['Ozoliņš'] },
      { name: ['Jānis Bērziņš'] },
      { name: ['Artūrs Grīnbergs'], proceduralStatus: ['victim'] },
    ])
      await lead('POST', `/api/cases/${kase}/entities`, { schema: 'Person', properties });
    const names = async (who: Caller, q: string) =>
      (await who('GET', `/api/cases/${kase}/entity-rows?kind=entities&q=${encodeURIComponent(q)}`))
        .json<{ rows: { caption: string; pseudonym: boolean }[] }>()
        .rows.map((r) => (r.pseudonym ? 'victim' : r.caption))
        .sort();
    for (const q of ['Arturs Grinbergs', 'Артурс Гринбергс', 'grinbergs art']) {
      expect(await names(lead, q), q).toEqual(['Artūrs Grīnbergs', 'victim']);
      // Without victim contact, a victim is not found by the real name behind the pseudonym.
      expect(await names(member, q), q).toEqual(['Artūrs Grīnbergs']);
    }
    expect(await names(lead, 'Ozolinsh')).toEqual(['Artūrs Grīnbergs']);
    expect(await names(lead, 'ziņš')).toEqual(['Jānis Bērziņš']);
    expect(await names(lead, 'Grinbergs Janis')).toEqual([]);
  });

  itDb('names the members, and lets only the lead change them', async () => {
    const members = (await member('GET', `/api/cases/${fiCase}/members/details`)).json<{
      members: { userId: string; caseRole: string; username: string }[];
    }>().members;
    expect(members.map((m) => m.caseRole).sort()).toEqual(['lead', 'member']);
    expect(
      (await member('PATCH', `/api/cases/${fiCase}/members/${lead.userId}`, { caseRole: 'readonly' })).status,
    ).toBe(403);
    const last = await lead('DELETE', `/api/cases/${fiCase}/members/${lead.userId}`);
    expect(last.status).toBe(409);
    expect((await lead('PATCH', `/api/cases/${fiCase}/members/${member.userId}`, { victimContact: true })).status).toBe(
      200,
    );
    expect(
      (
        await lead(
          'GET',
          `/api/users/lookup?username=${members.find((m) => m.userId === member.userId)?.username ?? ''}`,
        )
      ).json<{ id: string }>().id,
    ).toBe(member.userId);
  });

  itDb('shows the audit trail to the case lead and to supervisors only', async () => {
    const trail = (await lead('GET', `/api/cases/${fiCase}/audit?action=consultation&limit=5`)).json<{
      events: { action: string }[];
    }>().events;
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.every((e) => e.action === 'consultation')).toBe(true);
    expect((await member('GET', `/api/cases/${fiCase}/audit`)).status).toBe(403);
    expect((await member('GET', '/api/audit')).status).toBe(403);
    const all = await api.app.inject({
      method: 'GET',
      url: '/api/audit?limit=3',
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    expect(all.statusCode).toBe(200);
    expect(all.json<{ events: unknown[]; next: string | null }>().events).toHaveLength(3);
  });
});

/** The caller's bearer header, for raw requests (binary bodies) the JSON caller cannot send. */
const tokens = new Map<string, string>();
async function bearer(caller: Caller): Promise<string> {
  const known = tokens.get(caller.userId);
  if (known) return known;
  const r = await caller('POST', '/api/auth/tokens', { label: 'test' });
  const header = `Bearer ${r.json<{ token: string }>().token}`;
  tokens.set(caller.userId, header);
  return header;
}
