import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import { tasksRun } from '../../../services/workers/index.ts';

type Err = { error: { code: string; message: string; path?: string } };

describeEachDialect('entities API', ({ store }) => {
  let api: TestApi;
  let alice: Caller;
  let caseId: string;
  let otherCaseId: string;
  let otherEntityId: string;

  const count = async () => {
    const r = await alice('GET', `/api/cases/${caseId}`);
    const counts = r.json<{ counts: { schema: string; n: number }[] }>().counts;
    return counts.reduce((a, c) => a + c.n, 0);
  };

  beforeAll(async () => {
    try {
      store();
    } catch {
      return; // dialect unavailable: every case below skips
    }
    api = await testApi(store());
    alice = await api.user(uniqueName('alice'));
    const bob = await api.user(uniqueName('bob'));
    caseId = (await alice('POST', '/api/cases', { title: 'Operation Birch', country: 'LV' })).json<{ id: string }>().id;
    otherCaseId = (await bob('POST', '/api/cases', { title: 'Another agency case', country: 'EE' })).json<{
      id: string;
    }>().id;
    otherEntityId = (
      await bob('POST', `/api/cases/${otherCaseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Secret Person'] },
      })
    ).json<{ id: string }>().id;
  });

  itDb('records a person and a link, with provenance and grading', async () => {
    const p = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: {
        name: 'Jānis Bērziņš',
        phone: ['+371 2612 3456'],
        proceduralStatus: ['suspect'],
        crimeScriptFunctions: ['recruiter', 'transporter'],
      },
      grading: { reliability: 'B', information: '2' },
    });
    expect(p.status).toBe(201);
    const person = p.json<{ id: string; caption: string; grading: unknown; provenance: { recordedBy: string } }>();
    expect(person.caption).toBe('Jānis Bērziņš');
    expect(person.grading).toEqual({ reliability: 'B', information: '2' });
    expect(person.provenance.recordedBy).toBe(alice.userId);
    const c = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Company',
      properties: { name: 'Baltic Build SIA' },
    });
    const link = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Directorship',
      properties: { director: person.id, organization: c.json<{ id: string }>().id },
    });
    expect(link.status).toBe(201);
    expect(link.json<{ sourceId: string }>().sourceId).toBe(person.id);
    const got = await alice('GET', `/api/cases/${caseId}/entities/${person.id}`);
    expect(got.json<{ links: unknown[] }>().links).toHaveLength(1);
  });

  itDb('malformed JSON is a 400 naming the body', async () => {
    const before = await count();
    const r = await alice.raw('POST', `/api/cases/${caseId}/entities`, '{"schema": "Person", "properties": {');
    expect(r.status).toBe(400);
    expect(r.json<Err>().error.code).toBe('malformed_json');
    expect(r.json<Err>().error.path).toBe('body');
    expect(await count()).toBe(before);
  });

  itDb('an unknown schema is a 400 naming "schema"', async () => {
    const r = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Spaceship',
      properties: { name: ['x'] },
    });
    expect(r.status).toBe(400);
    expect(r.json<Err>().error).toMatchObject({ code: 'unknown_schema', path: 'schema' });
  });

  itDb('a missing required property is a 400 naming it', async () => {
    const r = await alice('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties: {} });
    expect(r.status).toBe(400);
    expect(r.json<Err>().error.path).toBe('properties.name');
    const noBody = await alice('POST', `/api/cases/${caseId}/entities`, { properties: {} });
    expect(noBody.status).toBe(400);
    expect(noBody.json<Err>().error.path).toBe('body.schema');
  });

  itDb('an over-limit body is a 413 and writes nothing', async () => {
    const before = await count();
    const r = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: { name: ['x'], notes: ['y'.repeat(400_000)] },
    });
    expect(r.status).toBe(413);
    expect(r.json<Err>().error.code).toBe('payload_too_large');
    expect(await count()).toBe(before);
  });

  itDb('an id from another case is a 404, and reveals nothing', async () => {
    const r = await alice('GET', `/api/cases/${caseId}/entities/${otherEntityId}`);
    expect(r.status).toBe(404);
    const other = await alice('GET', `/api/cases/${otherCaseId}/entities/${otherEntityId}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Secret');
    // Nor can a link in my case point at it.
    const mine = (
      await alice('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties: { name: ['Linker'] } })
    ).json<{ id: string }>().id;
    const link = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Associate',
      properties: { person: mine, associate: otherEntityId },
    });
    expect(link.status).toBe(400);
    expect(link.json<Err>().error.message).toContain('not an entity of this case');
  });

  itDb('SQL and HTML metacharacters in names are stored and returned verbatim', async () => {
    const name = `Robert'); DROP TABLE entities;-- <script>alert("x")</script> & "Ö"`;
    const r = await alice('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties: { name } });
    expect(r.status).toBe(201);
    const got = await alice('GET', `/api/cases/${caseId}/entities/${r.json<{ id: string }>().id}`);
    expect(got.json<{ entity: { properties: { name: string[] } } }>().entity.properties.name).toEqual([name]);
    const s = await alice('GET', `/api/cases/${caseId}/search?q=${encodeURIComponent('DROP TABLE "; --')}`);
    expect(s.status).toBe(200);
  });

  itDb('an invalid IBAN or phone is a 400 naming the value, nothing written', async () => {
    const before = await count();
    const iban = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'BankAccount',
      properties: { iban: ['LV80BANK0000435195002'] },
    });
    expect(iban.status).toBe(400);
    expect(iban.json<Err>().error.path).toBe('properties.iban[0]');
    const phone = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: { name: ['P'], phone: ['+371 12'] },
    });
    expect(phone.status).toBe(400);
    expect(phone.json<Err>().error.path).toBe('properties.phone[0]');
    expect(await count()).toBe(before);
  });

  itDb('a batch with one bad entity writes none of them', async () => {
    const before = await count();
    const r = await alice('POST', `/api/cases/${caseId}/entities/batch`, {
      entities: [
        { schema: 'Person', properties: { name: ['Good One'] } },
        { schema: 'Person', properties: { name: ['Good Two'] } },
        { schema: 'Person', properties: { name: ['Bad'], birthDate: ['31.02.1990'] } },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.json<Err>().error.path).toBe('entities[2].properties.birthDate[0]');
    expect(await count()).toBe(before);
  });

  itDb('a batch of 10,000 persons, validated on a pool thread, writes all of them or none', async () => {
    const before = await count();
    const persons = Array.from({ length: 10_000 }, (_, i) => ({
      schema: 'Person',
      properties: { name: [`Batch Person ${i}`], birthDate: ['1990-01-01'] },
    }));
    const bad = persons.map((p, i) =>
      i === 9_999 ? { schema: 'Person', properties: { name: ['Bad'], birthDate: ['31.02.1990'] } } : p,
    );
    const ranBefore = tasksRun();
    const refused = await alice('POST', `/api/cases/${caseId}/entities/batch`, { entities: bad });
    expect(tasksRun()).toBe(ranBefore + 1);
    expect(refused.status).toBe(400);
    expect(refused.json<Err>().error.path).toBe('entities[9999].properties.birthDate[0]');
    expect(await count()).toBe(before);
    const written = await alice('POST', `/api/cases/${caseId}/entities/batch`, { entities: persons });
    expect(written.status).toBe(201);
    expect(written.json<{ created: number; ids: string[] }>().ids).toHaveLength(10_000);
    expect(await count()).toBe(before + 10_000);
    // A clash found inside the transaction (an id written twice) leaves nothing either.
    const ids = written.json<{ ids: string[] }>().ids;
    const clash = persons.map((p, i) => (i === 5_000 ? { ...p, id: ids[0] } : p));
    const again = await alice('POST', `/api/cases/${caseId}/entities/batch`, { entities: clash });
    expect(again.status).toBe(409);
    expect(await count()).toBe(before + 10_000);
  }, 120_000);

  itDb('unknown properties and unknown fields are named', async () => {
    const r = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: { name: ['A'], shoeSize: ['44'] },
    });
    expect(r.json<Err>().error).toMatchObject({ code: 'unknown_property', path: 'properties.shoeSize' });
    const extra = await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: { name: ['A'] },
      colour: 'red',
    });
    expect(extra.status).toBe(400);
    expect(extra.json<Err>().error.message).toContain('colour');
  });

  itDb('edits are optimistic and kept in the history; delete asks before taking links', async () => {
    const p = (
      await alice('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties: { name: ['Edit Me'] } })
    ).json<{ id: string }>();
    const e1 = await alice('PATCH', `/api/cases/${caseId}/entities/${p.id}`, {
      properties: { name: ['Edited'] },
      version: 1,
    });
    expect(e1.status).toBe(200);
    const stale = await alice('PATCH', `/api/cases/${caseId}/entities/${p.id}`, {
      properties: { name: ['Stale'] },
      version: 1,
    });
    expect(stale.status).toBe(409);
    const q = (
      await alice('POST', `/api/cases/${caseId}/entities`, { schema: 'Person', properties: { name: ['Friend'] } })
    ).json<{ id: string }>();
    await alice('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Associate',
      properties: { person: p.id, associate: q.id },
    });
    const refused = await alice('DELETE', `/api/cases/${caseId}/entities/${p.id}`);
    expect(refused.status).toBe(409);
    const del = await alice('DELETE', `/api/cases/${caseId}/entities/${p.id}?withLinks=true`);
    expect(del.json<{ deleted: string[] }>().deleted).toHaveLength(2);
    const h = await store()
      .scope(caseId)
      .selectFrom('entity_history')
      .selectAll()
      .where('entity_id', '=', p.id)
      .execute();
    expect(h.map((x) => x.change)).toEqual(['create', 'update', 'delete']);
  });

  itDb('every case route is audited', async () => {
    const before = await store().db.selectFrom('audit_events').select('id').where('case_id', '=', caseId).execute();
    await alice('GET', `/api/cases/${caseId}/entities`);
    const after = await store()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after[after.length - 1]).toMatchObject({
      action: 'consultation',
      target_type: 'entities',
      user_id: alice.userId,
    });
  });

  itDb(
    'typed-in text with a control character is refused naming the field; tabs and line breaks are text',
    async () => {
      const before = await count();
      const r = await alice('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Ann\u0000'], notes: ['line one\r\n\tline two'] },
      });
      expect(r.status).toBe(400);
      expect(r.json<Err>().error).toMatchObject({
        code: 'validation_failed',
        path: 'body.properties.name[0]',
        message: expect.stringMatching(/control character \(U\+0000\)/),
      });
      expect(await count()).toBe(before);
      const ok = await alice('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Person',
        properties: { name: ['Ann Control'], notes: ['line one\r\n\tline two'] },
      });
      expect(ok.status).toBe(201);
    },
  );

  itDb('without a token nothing is served', async () => {
    const r = await api.app.inject({ method: 'GET', url: `/api/cases/${caseId}/entities` });
    expect(r.statusCode).toBe(401);
  });
});
