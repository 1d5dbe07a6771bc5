/**
 * Who may change what a case already holds, beyond the entity routes: a contributing partner may
 * merge only records its own agency added, undo only merges its agency made, replace or remove
 * only the chain placements and map positions (annotations) its agency set, and import new
 * records but not re-import the owner's. The owner's records, merges and annotations answer 403
 * and stay as they were. Both databases.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorOf, addAgency, addUserWithToken } from '../../src/services/access/users.ts';
import { importFile } from '../../src/services/imports/index.ts';
import { cliCaller } from '../../src/services/useCase/index.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../support/dialects.ts';
import { bearerCaller, uniqueName, type BearerCall } from '../support/api.ts';

type Call = BearerCall;

describeEachDialect('ownership of merges and annotations in a shared case', ({ store }) => {
  let app: FastifyInstance;
  let owner: Call;
  let partner: Call;
  let partnerImport: (lines: object[]) => Promise<unknown>;
  let base = '';

  beforeAllWithStore(
    store,
    async (s) => {
      app = await buildApp({ store: s });
      const as = (token: string): Call => bearerCaller(app, token);
      const a = (await addAgency(s, { name: uniqueName('Owner'), country: 'LV', kind: 'police' })).id;
      const b = (await addAgency(s, { name: uniqueName('Partner'), country: 'EE', kind: 'police' })).id;
      const user = async (agencyId: string) =>
        (await addUserWithToken(s, { username: uniqueName('om'), platformRole: 'investigator', agencyId })).token;
      owner = as(await user(a));
      const partnerUser = await addUserWithToken(s, {
        username: uniqueName('om'),
        platformRole: 'investigator',
        agencyId: b,
      });
      partner = as(partnerUser.token);
      const dir = mkdtempSync(join(tmpdir(), 'ownership-'));
      partnerImport = async (lines) => {
        const path = join(dir, `${uniqueName('file')}.ijson`);
        writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
        return importFile(s, cliCaller(actorOf(partnerUser.user)), caseId, {
          path,
          format: 'ftm',
          bank: false,
          options: {},
        });
      };
      const caseId = String((await owner('POST', '/api/cases', { title: 'Ownership', country: 'LV' })).json().id);
      base = `/api/cases/${caseId}`;
      const share = await owner('POST', `${base}/shares`, { agencyId: b, access: 'contribute' });
      if (share.status !== 201) throw new Error(share.body);
    },
    60_000,
  );
  const company = async (as: Call, name: string) => {
    const res = await as('POST', `${base}/entities`, { schema: 'Company', properties: { name: [name] } });
    expect(res.status, res.body).toBe(201);
    return String(res.json().id);
  };
  const caption = async (id: string) => {
    const res = await owner('GET', `${base}/entities/${id}`);
    return res.status === 200 ? (res.json() as { entity: { caption: string } }).entity.caption : null;
  };

  itDb("a partner merges only its own agency's records and undoes only its own merges", async () => {
    store();
    const [o1, o2] = [await company(owner, 'Baltic Staffing SIA'), await company(owner, 'Baltic Staffing')];
    const refused = await partner('POST', `${base}/resolution/merges`, { keep: o1, merge: o2 });
    expect(refused.status, refused.body).toBe(403);
    expect(await caption(o2)).toBe('Baltic Staffing');
    // Its own record merged into the owner's would rewrite the owner's record: refused too.
    const p1 = await company(partner, 'Baltic Staffing Ltd');
    expect((await partner('POST', `${base}/resolution/merges`, { keep: o1, merge: p1 })).status).toBe(403);
    expect(await caption(p1)).toBe('Baltic Staffing Ltd');
    // Two of its own: allowed, and it may undo that merge.
    const p2 = await company(partner, 'Baltic Staffing Limited');
    const mine = await partner('POST', `${base}/resolution/merges`, { keep: p1, merge: p2 });
    expect(mine.status, mine.body).toBe(201);
    expect((await partner('DELETE', `${base}/resolution/merges/${String(mine.json().id)}`)).status).toBe(200);
    // The owner's merge the partner may not undo.
    const theirs = await owner('POST', `${base}/resolution/merges`, { keep: o1, merge: o2 });
    expect(theirs.status, theirs.body).toBe(201);
    const undo = await partner('DELETE', `${base}/resolution/merges/${String(theirs.json().id)}`);
    expect(undo.status, undo.body).toBe(403);
    expect(await caption(o2)).toBeNull();
  });

  itDb("a partner replaces or removes only its own agency's placements and positions", async () => {
    store();
    const o = await company(owner, 'Recruiting Agency SIA');
    const place = (as: Call, lane: string) =>
      as('PUT', `${base}/views/chain/placements`, { entityId: o, lane, note: 'placed by hand' });
    const first = await place(owner, 'recruitment');
    expect(first.status, first.body).toBeLessThan(300);
    expect((await place(partner, 'exploitation')).status).toBe(403);
    expect((await partner('DELETE', `${base}/views/chain/placements?entityId=${o}`)).status).toBe(403);
    const pos = (as: Call, latitude: number) =>
      as('PUT', `${base}/views/map/positions`, { entityId: o, latitude, longitude: 24.1 });
    expect((await pos(owner, 56.9)).status).toBeLessThan(300);
    expect((await pos(partner, 10)).status).toBe(403);
    expect((await partner('DELETE', `${base}/views/map/positions?entityId=${o}`)).status).toBe(403);
    const chain = (await owner('GET', `${base}/views/chain`)).json() as {
      placements?: { entityId: string; lane: string }[];
    };
    const stored = JSON.stringify(chain);
    expect(stored).toContain('recruitment');
    // On an entity nobody has placed, the partner adds its own annotation and may take it back.
    const p = await company(partner, 'Partner Placed OU');
    const own = await partner('PUT', `${base}/views/chain/placements`, { entityId: p, lane: 'recruitment' });
    expect(own.status, own.body).toBeLessThan(300);
    expect((await partner('DELETE', `${base}/views/chain/placements?entityId=${p}`)).status).toBeLessThan(300);
  });

  itDb("a partner's import adds records but never re-imports the owner's", async () => {
    store();
    const o = await company(owner, 'Owner Registered SIA');
    const rewrite = { id: o, schema: 'Company', properties: { name: ['Renamed by import'] } };
    const refused = await partnerImport([rewrite]).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(refused?.code).toBe('forbidden');
    expect(await caption(o)).toBe('Owner Registered SIA');
    const added = await partnerImport([{ id: `${o}-p`, schema: 'Company', properties: { name: ['Imported OU'] } }]);
    expect(added).toBeTruthy();
    expect(await caption(`${o}-p`)).toBe('Imported OU');
  });
});
