/**
 * The prosecution and victim-file routes: bad input answers 4xx naming the field and changes
 * nothing; a report runs in the background and downloads as PDF; the victim's file is refused
 * to a member without victim contact and kept (optimistically) for one with it.
 */
import { beforeAll, expect } from 'vitest';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { REPORT_LANGUAGES, REPORT_SECTIONS } from '../../../domain/prosecution/report.ts';
import {
  REPORT_LANGUAGES as C_LANGUAGES,
  REPORT_SECTIONS as C_SECTIONS,
} from '../../../shared/contracts/prosecution.ts';
import { addMember } from '../../../store/repos/cases/cases.ts';

const emptyFile = {
  referral: { organisation: null, date: null, outcome: null },
  reflection: { start: null, end: null },
  residencePermit: { status: null, until: null },
  interpreterLanguage: null,
  legalCounsel: null,
  measures: [],
  nonPunishment: { flagged: false, note: null },
};

describeEachDialect('prosecution API', ({ store }) => {
  let lead: Caller;
  let other: Caller;
  let caseId = '';
  let victimId = '';
  const count = async () =>
    Number(
      (
        await store()
          .scope(caseId)
          .selectFrom('entities')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    try {
      store();
    } catch {
      return;
    }
    const api = await testApi(store());
    lead = await api.user(uniqueName('pros-lead'));
    other = await api.user(uniqueName('pros-member'));
    caseId = String((await lead('POST', '/api/cases', { title: 'Prosecution routes', country: 'LV' })).json().id);
    const made = await lead('POST', `/api/cases/${caseId}/entities`, {
      schema: 'Person',
      properties: { name: ['Jānis Ozoliņš'], proceduralStatus: ['victim'] },
    });
    victimId = String(made.json().id);
    await addMember(store().scope(caseId), {
      user_id: other.userId,
      case_role: 'member',
      victim_contact: 0,
      added_by: lead.userId,
      added_at: new Date().toISOString(),
    });
  });

  itDb('the contracts list the same sections and languages as the domain', async () => {
    expect([...C_SECTIONS]).toEqual([...REPORT_SECTIONS]);
    expect([...C_LANGUAGES]).toEqual([...REPORT_LANGUAGES]);
  });

  itDb('refuses bad report requests naming the field, then generates a report in the background', async () => {
    const bad = await lead('POST', `/api/cases/${caseId}/reports`, { sections: ['summary', 'gossip'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('sections');
    expect((await lead('POST', `/api/cases/${caseId}/reports`, { language: 'de' })).status).toBe(400);
    const started = await lead('POST', `/api/cases/${caseId}/reports`, {
      sections: ['summary', 'persons'],
      language: 'lv',
    });
    expect(started.status).toBe(202);
    const id = String(started.json().id);
    let job = started.json();
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await lead('GET', `/api/cases/${caseId}/reports/${id}`)).json();
    }
    expect(job.status).toBe('done');
    expect((await other('GET', `/api/cases/${caseId}/reports/${id}`)).status).toBe(404);
    const pdf = await lead('GET', `/api/cases/${caseId}/reports/${id}/download`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
  });

  itDb('runs at most two reports of one user at once: the third to fifth are refused with Retry-After', async () => {
    const five = await Promise.all(
      Array.from({ length: 5 }, () => lead('POST', `/api/cases/${caseId}/reports`, { sections: ['summary'] })),
    );
    const started = five.filter((r) => r.status === 202);
    const refused = five.filter((r) => r.status === 429);
    expect(started).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.stringify(r.body)).toContain('at most 2');
    }
    // Another user is not held up by them.
    expect((await other('POST', `/api/cases/${caseId}/reports`, { sections: ['summary'] })).status).toBe(202);
    for (const s of started) {
      let job = s.json();
      for (let i = 0; i < 200 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await lead('GET', `/api/cases/${caseId}/reports/${String(s.json().id)}`)).json();
      }
      expect(job.status).toBe('done');
    }
    // Finished reports give their slots back.
    expect((await lead('POST', `/api/cases/${caseId}/reports`, { sections: ['summary'] })).status).toBe(202);
  });

  itDb('refuses a bad verify flag and a broken ANX file without changing the case', async () => {
    const v = await lead('GET', `/api/cases/${caseId}/evidence-register?verify=maybe`);
    expect(v.status).toBe(400);
    expect(JSON.stringify(v.body)).toContain('verify');
    const before = await count();
    const broken = await lead('POST', `/api/cases/${caseId}/anx`, {
      fileName: 'x.anx',
      content:
        '<Chart><ChartItemCollection><ChartItem Label="A"><End X="1" Y="2"><Entity Identity="a1"/></End></ChartItem><ChartItem><Link End1Id="a1" End2Id="ghost"/></ChartItem></ChartItemCollection></Chart>',
    });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('link[0]');
    expect(await count()).toBe(before);
    const unclosed = await lead('POST', `/api/cases/${caseId}/anx`, {
      fileName: 'x.anx',
      content: '<Chart><ChartItemCollection>',
    });
    expect(unclosed.status).toBe(400);
    expect(await count()).toBe(before);
    expect((await lead('GET', `/api/cases/${caseId}/anx?format=pdf`)).status).toBe(400);
    // A DTD after the first 4 KB, and an external entity: bad input (4xx), never a fault.
    const padding = `<!--${' '.repeat(5000)}-->`;
    for (const content of [
      `<?xml version="1.0"?>${padding}<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><Chart>&x;</Chart>`,
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "http://example.org/x">]><Chart>&x;</Chart>',
    ]) {
      const r = await lead('POST', `/api/cases/${caseId}/anx`, { fileName: 'dtd.anx', content });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/DOCTYPE/);
    }
    expect(await count()).toBe(before);
  });

  itDb('the chart CSV defuses labels a spreadsheet would run as formulas', async () => {
    for (const name of ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '+1-2', '-cmd']) {
      const made = await lead('POST', `/api/cases/${caseId}/entities`, {
        schema: 'Company',
        properties: { name: [name] },
      });
      expect(made.status).toBe(201);
    }
    const csv = await lead('GET', `/api/cases/${caseId}/anx?format=entities.csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain("'@SUM(1+1)");
    expect(text).toContain("'+1-2");
    const cells = text.split(/\r\n/).flatMap((line) => line.split(','));
    expect(cells.filter((c) => /^"?[=+@-]/.test(c))).toEqual([]);
  });

  itDb("keeps the victim's file for victim contact only, refusing bad periods and stale versions", async () => {
    expect((await other('GET', `/api/cases/${caseId}/victims/${victimId}/file`)).status).toBe(403);
    expect((await other('GET', `/api/cases/${caseId}/victims`)).status).toBe(403);
    const list = await lead('GET', `/api/cases/${caseId}/victims`);
    expect(list.json<{ victims: { personId: string; caption: string }[] }>().victims).toEqual([
      expect.objectContaining({ personId: victimId, caption: 'Jānis Ozoliņš' }),
    ]);
    const short = await lead('PUT', `/api/cases/${caseId}/victims/${victimId}/file`, {
      ...emptyFile,
      version: 0,
      reflection: { start: '2026-03-01', end: '2026-03-10' },
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('reflection.end');
    const grantedUnasked = await lead('PUT', `/api/cases/${caseId}/victims/${victimId}/file`, {
      ...emptyFile,
      version: 0,
      measures: [{ measure: 'anonymity', asked: false, granted: true }],
    });
    expect(grantedUnasked.status).toBe(400);
    expect(JSON.stringify(grantedUnasked.body)).toContain('measures.0.granted');
    const saved = await lead('PUT', `/api/cases/${caseId}/victims/${victimId}/file`, {
      ...emptyFile,
      version: 0,
      referral: { organisation: 'Patvērums "Drošā māja"', date: '2026-03-01', outcome: 'accepted' },
      reflection: { start: '2026-03-01', end: '2026-04-29' },
      measures: [
        { measure: 'videoTestimony', asked: true, granted: true },
        { measure: 'noConfrontation', asked: true, granted: null },
      ],
      nonPunishment: { flagged: true, note: "Used a false document under the controller's orders" },
    });
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      exists: true,
      nonPunishment: { flagged: true },
      reminders: { ended: expect.any(Boolean) },
    });
    const stale = await lead('PUT', `/api/cases/${caseId}/victims/${victimId}/file`, { ...emptyFile, version: 0 });
    expect(stale.status).toBe(409);
    expect((await lead('GET', `/api/cases/${caseId}/victims/${victimId}/file`)).json()).toMatchObject({
      version: 1,
      referral: { outcome: 'accepted' },
    });
    expect(
      (await lead('POST', `/api/cases/${caseId}/victims/${victimId}/file/reminders`, { key: 'reflection-end-99' }))
        .status,
    ).toBe(400);
    const claim = await lead('POST', `/api/cases/${caseId}/victims/${victimId}/file/claim`);
    expect(claim.status).toBe(200);
    expect(claim.json()).toMatchObject({ compensation: { totalMinor: 0, currency: 'EUR' } });
    const audited = await store()
      .scope(caseId)
      .selectFrom('audit_events')
      .select(['action', 'target_type'])
      .where('target_type', '=', 'victim-file')
      .execute();
    expect(audited.filter((a) => a.action === 'consultation').length).toBeGreaterThanOrEqual(1);
  });
});
