/**
 * No existence oracle in create, link or merge: for an agency given part of a case (contributing),
 * an id in the unshared part answers exactly like an id the case does not hold — same status,
 * same message, same field — whether it is given as a new entity's id, as a link's end (on
 * create and on change) or as a record to merge. Both databases.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addAgency, addUserWithToken } from '../../src/services/access/users.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { beforeAllWithStore, describeEachDialect, itDb } from '../support/dialects.ts';
import { bearerCaller, uniqueName, type BearerAnswer, type BearerCall } from '../support/api.ts';

type Answer = BearerAnswer;
type Call = BearerCall;

/** The answer with the asked-for id put back as `<id>`: what two answers must share. */
const shape = (a: Answer, id: string) => ({ status: a.status, body: a.body.split(id).join('<id>') });

describeEachDialect('existence oracles in create, link and merge', ({ store }) => {
  let app: FastifyInstance;
  let owner: Call;
  let partner: Call;
  let base = '';
  const ids = { shared: '', sharedCompany: '', unshared: '', unsharedCompany: '' };

  beforeAllWithStore(
    store,
    async (s) => {
      app = await buildApp({ store: s });
      const as = (token: string): Call => bearerCaller(app, token);
      const a = (await addAgency(s, { name: uniqueName('Owner'), country: 'LV', kind: 'police' })).id;
      const b = (await addAgency(s, { name: uniqueName('Partner'), country: 'EE', kind: 'police' })).id;
      const user = async (agencyId: string) =>
        (await addUserWithToken(s, { username: uniqueName('eo'), platformRole: 'investigator', agencyId })).token;
      owner = as(await user(a));
      partner = as(await user(b));
      const caseId = String((await owner('POST', '/api/cases', { title: 'Oracles', country: 'LV' })).json().id);
      base = `/api/cases/${caseId}`;
      const make = async (schema: string, name: string) => {
        const res = await owner('POST', `${base}/entities`, { schema, properties: { name: [name] } });
        if (res.status !== 201) throw new Error(res.body);
        return String(res.json().id);
      };
      ids.shared = await make('Person', 'Arvils Shared');
      ids.sharedCompany = await make('Company', 'Shared Holding SIA');
      ids.unshared = await make('Person', 'Arvils Unshared');
      ids.unsharedCompany = await make('Company', 'Unshared Holding SIA');
      const share = await owner('POST', `${base}/shares`, {
        agencyId: b,
        access: 'contribute',
        entityIds: [ids.shared, ids.sharedCompany],
      });
      if (share.status !== 201) throw new Error(share.body);
    },
    60_000,
  );

  itDb('a new entity given an id of the unshared part answers as one given a fresh id', async () => {
    store();
    const missing = uuidv7();
    const create = (id: string) =>
      partner('POST', `${base}/entities`, { id, schema: 'Person', properties: { name: ['Partner Person'] } });
    const [unsharedAnswer, missingAnswer] = [await create(ids.unshared), await create(missing)];
    expect(unsharedAnswer.status).toBe(missingAnswer.status);
    expect(unsharedAnswer.body).not.toMatch(/already exists/);
    // Both get an id the server chose, so neither answer tells whether the offered id was taken.
    expect(unsharedAnswer.json().id).not.toBe(ids.unshared);
    expect(missingAnswer.json().id).not.toBe(missing);
    const batch = (id: string) =>
      partner('POST', `${base}/entities/batch`, {
        entities: [{ id, schema: 'Person', properties: { name: ['Partner Person'] } }],
      });
    const [b1, b2] = [await batch(ids.unsharedCompany), await batch(uuidv7())];
    expect(b1.status).toBe(b2.status);
    expect(b1.body).not.toMatch(/already exists/);
    // The owner's unshared record is untouched.
    const kept = (await owner('GET', `${base}/entities/${ids.unshared}`)).json() as { entity: { caption: string } };
    expect(kept.entity.caption).toBe('Arvils Unshared');
  });

  itDb('a link to an unshared entity fails exactly as a link to a missing one', async () => {
    store();
    const link = (end: string) =>
      partner('POST', `${base}/entities`, {
        schema: 'Associate',
        properties: { person: [ids.shared], associate: [end] },
      });
    const missing = uuidv7();
    const [toUnshared, toMissing] = [await link(ids.unshared), await link(missing)];
    expect(toMissing.status).toBe(400);
    expect(shape(toUnshared, ids.unshared)).toEqual(shape(toMissing, missing));
    // Changing a link of its own to point into the unshared part answers the same too.
    const mine = (
      await partner('POST', `${base}/entities`, { schema: 'Person', properties: { name: ['Partner Witness'] } })
    ).json();
    const assoc = (
      await partner('POST', `${base}/entities`, {
        schema: 'Associate',
        properties: { person: [ids.shared], associate: [String(mine.id)] },
      })
    ).json();
    const repoint = (end: string) =>
      partner('PATCH', `${base}/entities/${String(assoc.id)}`, {
        properties: { associate: [end] },
        version: Number(assoc.version),
      });
    const [p1, p2] = [await repoint(ids.unshared), await repoint(missing)];
    expect(p2.status).toBe(400);
    expect(shape(p1, ids.unshared)).toEqual(shape(p2, missing));
  });

  itDb('a merge naming an unshared record fails exactly as one naming a missing record', async () => {
    store();
    const mine = (
      await partner('POST', `${base}/entities`, { schema: 'Company', properties: { name: ['Shared Holding'] } })
    ).json();
    const merge = (other: string) =>
      partner('POST', `${base}/resolution/merges`, { keep: String(mine.id), merge: other });
    const missing = uuidv7();
    const [m1, m2] = [await merge(ids.unsharedCompany), await merge(missing)];
    expect(m2.status).toBeGreaterThanOrEqual(400);
    expect(shape(m1, ids.unsharedCompany)).toEqual(shape(m2, missing));
    const decide = (other: string) =>
      partner('POST', `${base}/resolution/decisions`, { a: String(mine.id), b: other, decision: 'rejected' });
    const [d1, d2] = [await decide(ids.unsharedCompany), await decide(missing)];
    expect(shape(d1, ids.unsharedCompany)).toEqual(shape(d2, missing));
  });
});
