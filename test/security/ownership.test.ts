/**
 * Writes in a case shared for contributing: the partner adds entities, links and notes and
 * changes or deletes only what its own agency added; the owner's facts stay as the owner recorded
 * them. A change merges properties unless the client asks to replace them. Both databases.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { addAgency, addUserWithToken } from '../../src/services/access/users.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

let n = 0;
const uniq = (s: string) => `${s}-${process.pid}-${++n}`;

interface Entity {
  id: string;
  version: number;
  properties: Record<string, string[]>;
}

describeEachDialect('ownership of writes in a shared case', ({ store }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    app = await buildApp({ store: store() });
  });
  const person = async (agencyId: string) => {
    const { token } = await addUserWithToken(store(), {
      username: uniq('inv'),
      platformRole: 'investigator',
      agencyId,
    });
    return (method: string, url: string, body?: unknown) =>
      app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      });
  };

  itDb("a contributing partner adds and edits its own records, never the owner's", async () => {
    const a = (await addAgency(store(), { name: uniq('Owner'), country: 'FI', kind: 'police' })).id;
    const b = (await addAgency(store(), { name: uniq('Partner'), country: 'EE', kind: 'police' })).id;
    const owner = await person(a);
    const partner = await person(b);
    const caseId = String(
      (await owner('POST', '/api/cases', { title: 'Shared for contributing', country: 'FI' })).json().id,
    );
    const suspect = (
      await owner('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Owner Suspect'], phone: ['+358401234567'], proceduralStatus: ['suspect'] },
      })
    ).json<Entity>();
    expect((await owner('POST', `/api/cases/${caseId}/shares`, { agencyId: b, access: 'contribute' })).statusCode).toBe(
      201,
    );

    // The owner's fact is read-only to the partner: neither changed nor deleted.
    const patch = await partner('PATCH', `/api/cases/${caseId}/entities/${suspect.id}`, {
      properties: { name: ['Renamed by partner'] },
      version: suspect.version,
    });
    expect(patch.statusCode).toBe(403);
    expect((await partner('DELETE', `/api/cases/${caseId}/entities/${suspect.id}`)).statusCode).toBe(403);
    const kept = (await owner('GET', `/api/cases/${caseId}/entities/${suspect.id}`)).json<{ entity: Entity }>();
    const keptEntity = 'entity' in kept ? kept.entity : (kept as unknown as Entity);
    expect(keptEntity.properties.name).toEqual(['Owner Suspect']);
    expect(keptEntity.version).toBe(suspect.version);

    // The partner adds its own person, a link to the owner's and a note; its own it may change and delete.
    const own = (
      await partner('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Partner Witness'] },
      })
    ).json<Entity>();
    const link = await partner('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Associate',
      properties: { person: [own.id], associate: [suspect.id] },
    });
    expect(link.statusCode).toBe(201);
    expect(
      (
        await partner('POST', `/api/cases/${caseId}/entities/${suspect.id}/notes`, {
          kind: 'note',
          text: 'Seen together',
        })
      ).statusCode,
    ).toBeLessThan(300);
    const edited = await partner('PATCH', `/api/cases/${caseId}/entities/${own.id}`, {
      properties: { nationality: ['ee'] },
      version: own.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Entity>().properties.name).toEqual(['Partner Witness']);
    const linkId = link.json<Entity>().id;
    expect((await partner('DELETE', `/api/cases/${caseId}/entities/${linkId}`)).statusCode).toBeLessThan(300);
  });

  itDb('a change merges properties unless the client asks to replace them; versions count on', async () => {
    const a = (await addAgency(store(), { name: uniq('Owner'), country: 'FI', kind: 'police' })).id;
    const owner = await person(a);
    const caseId = String((await owner('POST', '/api/cases', { title: 'Merging', country: 'FI' })).json().id);
    const made = (
      await owner('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Merge Suspect'], phone: ['+358401234567'], proceduralStatus: ['suspect'] },
      })
    ).json<Entity>();
    const merged = await owner('PATCH', `/api/cases/${caseId}/entities/${made.id}`, {
      properties: { name: ['Merge Suspect Renamed'] },
      version: made.version,
    });
    expect(merged.statusCode).toBe(200);
    const m = merged.json<Entity>();
    expect(m.properties.name).toEqual(['Merge Suspect Renamed']);
    expect(m.properties.phone).toEqual(['+358401234567']);
    expect(m.properties.proceduralStatus).toEqual(['suspect']);
    expect(m.version).toBe(made.version + 1);
    const stale = await owner('PATCH', `/api/cases/${caseId}/entities/${made.id}`, {
      properties: { name: ['Too late'] },
      version: made.version,
    });
    expect(stale.statusCode).toBe(409);
    const replaced = await owner('PATCH', `/api/cases/${caseId}/entities/${made.id}`, {
      properties: { name: ['Only a name'] },
      version: m.version,
      replace: true,
    });
    expect(replaced.statusCode).toBe(200);
    expect(Object.keys(replaced.json<Entity>().properties).sort()).toEqual(['name']);
    expect(replaced.json<Entity>().version).toBe(m.version + 1);
  });
});
