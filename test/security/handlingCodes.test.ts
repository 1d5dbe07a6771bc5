import { expect } from 'vitest';
import { uniqueName, useApp } from '../support/api.ts';
import { createCase } from '../../src/services/cases/cases.ts';
import { actorOf, addAgency, addUser } from '../../src/services/access/users.ts';
import { addMember } from '../../src/store/repos/cases/cases.ts';
import { issueToken } from '../../src/store/repos/access/users.ts';
import { describeEachDialect, itDb } from '../support/dialects.ts';

const uniq = uniqueName;

describeEachDialect('handling codes', ({ store }) => {
  const appOf = useApp(store);

  itDb('H2 forbids onward sharing; H1 and H2 keep exports to the lead', async () => {
    const other = (await addAgency(store(), { name: uniq('Other'), country: 'EE', kind: 'police' })).id;
    const leadRow = await addUser(store(), {
      username: uniq('hlead'),
      platformRole: 'investigator',
      password: 'a long enough password',
    });
    const member = await addUser(store(), {
      username: uniq('hmember'),
      platformRole: 'analyst',
      password: 'a long enough password',
    });
    const lead = actorOf(leadRow);
    const leadAuth = {
      authorization: `Bearer ${await issueToken(store().db, lead.id, 't')}`,
      'content-type': 'application/json',
    };
    const memberAuth = { authorization: `Bearer ${await issueToken(store().db, member.id, 't')}` };
    const h2 = await createCase(store(), lead, { title: 'Restricted', country: 'FI', handlingCode: 'H2' });
    const h1 = await createCase(store(), lead, { title: 'Not as evidence', country: 'FI', handlingCode: 'H1' });
    const h0 = await createCase(store(), lead, { title: 'Open', country: 'FI', handlingCode: 'H0' });
    for (const c of [h2, h1, h0])
      await addMember(store().scope(c.id), {
        user_id: member.id,
        case_role: 'member',
        victim_contact: 0,
        added_by: lead.id,
        added_at: new Date().toISOString(),
      });
    const share = (id: string) =>
      appOf().inject({
        method: 'POST',
        url: `/api/cases/${id}/shares`,
        headers: leadAuth,
        payload: { agencyId: other, access: 'read' },
      });
    expect((await share(h2.id)).statusCode).toBe(403);
    expect((await share(h1.id)).statusCode).toBe(201);
    const exportAs = (id: string, headers: Record<string, string>) =>
      appOf().inject({ method: 'GET', url: `/api/cases/${id}/export`, headers });
    expect((await exportAs(h2.id, memberAuth)).statusCode).toBe(403);
    expect((await exportAs(h1.id, memberAuth)).statusCode).toBe(403);
    expect((await exportAs(h0.id, memberAuth)).statusCode).toBe(200);
    expect((await exportAs(h2.id, leadAuth)).statusCode).toBe(200);
    const codes = (await appOf().inject({ method: 'GET', url: '/api/handling-codes', headers: memberAuth })).json<{
      codes: { code: string; source: string }[];
    }>();
    expect(codes.codes.map((c) => c.code)).toEqual(['H0', 'H1', 'H2', 'H3']);
    expect(codes.codes.every((c) => c.source.length > 0)).toBe(true);
  });
});
