/**
 * The identification API on both databases: an assessment recorded with evidence and decided,
 * its history kept, the legal-element matrix built from it; bad input answered 4xx naming the
 * field or line and leaving the case unchanged; victim data refused to members without victim
 * contact, assessed persons shown to them by pseudonym, and every view audited.
 */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../test/support/api.ts';
import type { Caller } from '../../../test/support/api.ts';
import type { Store } from '../../store/store.ts';

interface Decision {
  outcome: string;
  explanation: string;
  missing: { condition: string }[];
  nextSteps: { id: string }[];
}
interface Assessment {
  id: string;
  outcome: string;
  supersedes: string | null;
  decision: Decision;
  catalogue: { key: string; version: number };
}

describeEachDialect('identification API', ({ store }) => {
  let s: Store;
  let lead: Caller;
  let reader: Caller;
  let carer: Caller;
  let admin: Caller;
  let base = '';
  let victimId = '';
  let suspectId = '';
  let recruitmentId = '';
  let noteId = '';

  const ev = (kind: string, id: string) => [{ kind, id }];
  const full = () => ({
    list: 'adult-labour',
    population: 'adult',
    indicators: [
      { itemId: 'dr.natureOfJob', reliability: 'B', information: '2', evidence: ev('note', noteId) },
      { itemId: 'dr.wages', reliability: 'B', information: '2', evidence: ev('note', noteId) },
      { itemId: 'ec.badLiving', reliability: 'A', information: '1', evidence: ev('entity', victimId) },
      { itemId: 'ec.lowPay', reliability: 'B', information: '2', evidence: ev('note', noteId) },
      { itemId: 'ec.socialProtection', reliability: 'C', information: '3', evidence: ev('note', noteId) },
      { itemId: 'cd.debt', reliability: 'B', information: '2', evidence: ev('entity', suspectId) },
      { itemId: 'cd.withholdingWages', reliability: 'B', information: '2', evidence: ev('note', noteId) },
    ],
    acts: [{ act: 'recruitment', evidence: ev('entity', recruitmentId) }],
  });

  beforeAllWithStore(
    store,
    async (opened) => {
      s = opened;
      const api = await testApi(s);
      lead = await api.user(uniqueName('id-lead'), 'investigator');
      reader = await api.user(uniqueName('id-reader'), 'analyst');
      carer = await api.user(uniqueName('id-carer'), 'analyst');
      admin = await api.user(uniqueName('id-admin'), 'admin');
      const kase = (await lead('POST', '/api/cases', { title: 'Identification', country: 'FI' })).json<{
        id: string;
      }>();
      base = `/api/cases/${kase.id}`;
      await lead('POST', `${base}/members`, { userId: reader.userId, caseRole: 'member', victimContact: false });
      await lead('POST', `${base}/members`, { userId: carer.userId, caseRole: 'member', victimContact: true });
      victimId = (
        await lead('POST', `${base}/entities`, {
          schema: 'Person',
          properties: { name: ['Oksana Melnyk'], birthDate: ['1994-02-03'] },
        })
      ).json<{ id: string }>().id;
      suspectId = (
        await lead('POST', `${base}/entities`, {
          schema: 'Person',
          properties: { name: ['Raivo Kask'], proceduralStatus: ['suspect'] },
        })
      ).json<{ id: string }>().id;
      recruitmentId = (
        await lead('POST', `${base}/entities`, {
          schema: 'Recruitment',
          properties: { recruiter: [suspectId], recruited: [victimId] },
        })
      ).json<{ id: string }>().id;
      noteId = (
        await lead('POST', `${base}/entities/${victimId}/notes`, {
          text: 'Statement at the worksite: promised €1,800 a month, paid €400, owes the travel',
        })
      ).json<{ id: string }>().id;
    },
    60_000,
  );

  itDb('records an assessment with evidence, decides and explains it, and keeps the history', async () => {
    const first = await lead('POST', `${base}/identification/persons/${victimId}/assessments`, {
      ...full(),
      indicators: full().indicators.filter((i) => !i.itemId.startsWith('cd.')),
    });
    expect(first.status).toBe(201);
    const a1 = first.json<{ assessment: Assessment }>().assessment;
    expect(a1.outcome).toBe('notEstablished');
    expect(a1.decision.missing.map((m) => m.condition)).toEqual(['coercion']);
    expect(a1.catalogue).toEqual({ key: 'ilo-ec-delphi-2009', version: 1 });

    const second = (await lead('POST', `${base}/identification/persons/${victimId}/assessments`, full())).json<{
      assessment: Assessment;
    }>().assessment;
    expect(second.outcome).toBe('presumedVictim');
    expect(second.decision.explanation).toContain('deceptive recruitment positive by 1 strong + 1 medium');
    expect(second.decision.nextSteps.map((n) => n.id)).toEqual(
      expect.arrayContaining(['victimAssistance', 'reflectionPeriod', 'financialInvestigation', 'labourInspection']),
    );
    expect(second.supersedes).toBe(a1.id);

    const history = (await lead('GET', `${base}/identification/persons/${victimId}/assessments`)).json<{
      assessments: Assessment[];
    }>().assessments;
    expect(history.map((h) => h.id)).toEqual([second.id, a1.id]);

    const persons = (await lead('GET', `${base}/identification/persons?assessed=presumed`)).json<{
      persons: { id: string; caption: string; latest: { outcome: string } }[];
    }>().persons;
    expect(persons).toEqual([
      expect.objectContaining({
        id: victimId,
        caption: 'Oksana Melnyk',
        latest: expect.objectContaining({ outcome: 'presumedVictim' }),
      }),
    ]);
  });

  itDb('builds the legal-element matrix per victim and suspect, with the facts behind each cell', async () => {
    const m = (await lead('GET', `${base}/legal-matrix`)).json<{
      victims: {
        id: string;
        complete: boolean;
        rows: {
          suspectId: string | null;
          cells: { element: string; status: string; facts: { value: string; evidence: string[] }[] }[];
        }[];
      }[];
    }>();
    const v = m.victims.find((x) => x.id === victimId);
    expect(v?.complete).toBe(true);
    const all = v?.rows[0];
    expect(all?.suspectId).toBeNull();
    const cell = (e: string) => all?.cells.find((c) => c.element === e);
    expect(cell('act')?.facts.map((f) => f.value)).toContain('recruitment');
    expect(cell('means')?.facts.map((f) => f.value)).toEqual(expect.arrayContaining(['deception', 'coercion']));
    expect(cell('purpose')?.facts.map((f) => f.value)).toContain('forcedLabour');
    const bySuspect = v?.rows.find((r) => r.suspectId === suspectId);
    expect(bySuspect?.cells.find((c) => c.element === 'act')?.status).toBe('supported');
    expect(
      bySuspect?.cells
        .find((c) => c.element === 'means')
        ?.facts.map((f) => f.evidence)
        .flat(),
    ).toContain(`entity:${suspectId}`);
    // Facts from the note do not name the suspect: against him the purpose is still a gap.
    expect(bySuspect?.cells.find((c) => c.element === 'purpose')?.status).toBe('gap');
  });

  itDb('answers bad input with 4xx naming the field, and writes nothing', async () => {
    const url = `${base}/identification/persons/${victimId}/assessments`;
    const before = (await lead('GET', url)).json<{ assessments: unknown[] }>().assessments.length;
    const cases: [unknown, string][] = [
      [{ ...full(), list: 'adult-fishing' }, 'body.list'],
      [{ ...full(), population: 'elderly' }, 'body.population'],
      [{ ...full(), list: 'child-labour' }, 'body.population'],
      [{ ...full(), indicators: [{ ...full().indicators[0], itemId: 'dr.unicorns' }] }, 'body.indicators.0.itemId'],
      [{ ...full(), indicators: [{ ...full().indicators[0], evidence: [] }] }, 'body.indicators.0.evidence'],
      [{ ...full(), indicators: [{ ...full().indicators[0], reliability: 'Z' }] }, 'body.indicators.0.reliability'],
      [
        { ...full(), indicators: [full().indicators[0], { ...full().indicators[1], evidence: ev('finding', 'nope') }] },
        'body.indicators.1.evidence.0.id',
      ],
      [{ ...full(), indicators: [full().indicators[0], full().indicators[0]] }, 'body.indicators.1.itemId'],
      [{ ...full(), acts: [{ act: 'smuggling', evidence: ev('entity', recruitmentId) }] }, 'body.acts.0.act'],
      [{ ...full(), catalogue: 'no-such-list' }, 'body.catalogue'],
      [{ ...full(), screening: { documents: ['burnt'] } }, 'body.screening.documents'],
    ];
    for (const [body, path] of cases) {
      const r = await lead('POST', url, body);
      expect(r.status, path).toBe(400);
      expect(r.json<{ error: { path: string } }>().error.path, JSON.stringify(r.body)).toBe(path);
    }
    expect((await lead('POST', `${base}/identification/persons/${suspectId}x/assessments`, full())).status).toBe(404);
    expect((await lead('GET', url)).json<{ assessments: unknown[] }>().assessments.length).toBe(before);

    const evalBad = await lead('POST', '/api/indicators/evaluate', { list: 'nope', population: 'adult', items: [] });
    expect(evalBad.json<{ error: { path: string } }>().error.path).toBe('body.list');
  });

  itDb('imports an agency list as a new version, refusing bad lines and fields by name', async () => {
    const key = uniqueName('agency-list').replace(/[^A-Za-z0-9-]/g, '-');
    const header = 'list,population,exploitation,dimension,rating,id,text_en,text_lv,source,verification,means,purpose';
    const good = [
      header,
      'adult-labour,adult,labour,exploitativeConditions,strong,ec.hours,Excessive hours,Pārmērīgas stundas,National list 2024,verified,,true',
      'adult-labour,adult,labour,exploitativeConditions,medium,ec.pay,Low pay,Zema alga,National list 2024,verified,,true',
    ];
    const bad = [
      ...good.slice(0, 2),
      'adult-labour,adult,labour,exploitativeConditions,severe,ec.pay,Low pay,,National list 2024,verified,,',
    ];
    const csv = (lines: string[]) => ({
      format: 'csv',
      csv: `${lines.join('\n')}\n`,
      key,
      version: 1,
      title: 'National list',
      source: 'Agency manual 2024',
    });
    const refused = await admin('POST', '/api/indicator-catalogues', csv(bad));
    expect(refused.status).toBe(400);
    expect(refused.json<{ error: { path: string } }>().error.path).toBe('line 3, column rating');
    expect(
      (
        await admin('POST', '/api/indicator-catalogues', {
          format: 'json',
          catalogue: {
            key,
            version: 1,
            title: { en: 'x' },
            source: 'x',
            kind: 'delphi',
            lists: [
              {
                id: 'a',
                population: 'adult',
                exploitation: 'labour',
                text: { en: 'a' },
                items: [{ id: 'i', text: { en: 'i' }, source: 's', verification: 'maybe' }],
              },
            ],
          },
        })
      ).json<{ error: { path: string } }>().error.path,
    ).toBe('body.catalogue.lists.0.items.0.verification');
    expect((await lead('POST', '/api/indicator-catalogues', csv(good))).status).toBe(403);
    expect((await admin('POST', '/api/indicator-catalogues', csv(good))).status).toBe(201);
    expect((await admin('POST', '/api/indicator-catalogues', csv(good))).status).toBe(409);
    const got = (await lead('GET', `/api/indicator-catalogues/${key}`)).json<{
      catalogue: { version: number; lists: { items: { text: { lv?: string } }[] }[] };
    }>().catalogue;
    expect(got.lists[0]?.items[0]?.text.lv).toBe('Pārmērīgas stundas');
    // An assessment on the imported list records that list's version.
    const r = await lead('POST', `${base}/identification/persons/${victimId}/assessments`, {
      catalogue: key,
      list: 'adult-labour',
      population: 'adult',
      indicators: [
        { itemId: 'ec.hours', reliability: 'B', information: '2', evidence: ev('note', noteId) },
        { itemId: 'ec.pay', reliability: 'B', information: '2', evidence: ev('note', noteId) },
      ],
    });
    expect(r.json<{ assessment: Assessment }>().assessment.catalogue).toEqual({ key, version: 1 });
  });

  itDb('keeps victim data from members without victim contact, and audits each view', async () => {
    const url = `${base}/identification/persons/${victimId}/assessments`;
    expect((await reader('GET', url)).status).toBe(403);
    expect((await reader('POST', url, full())).status).toBe(403);
    expect((await reader('GET', `${base}/identification/observations?person=${victimId}`)).status).toBe(403);
    const seen = (await reader('GET', `${base}/identification/persons`)).json<{
      persons: { id: string; caption: string; pseudonymised: boolean }[];
    }>().persons;
    const v = seen.find((p) => p.id === victimId);
    expect(v?.pseudonymised).toBe(true);
    expect(v?.caption).toMatch(/^V-/);
    expect(JSON.stringify(seen)).not.toContain('Oksana');
    const matrix = await reader('GET', `${base}/legal-matrix`);
    expect(JSON.stringify(matrix.body)).not.toContain('Oksana');
    expect((await carer('GET', url)).status).toBe(200);
    const audit = await s
      .scope(base.split('/')[3] ?? '')
      .selectFrom('audit_events')
      .select(['user_id', 'action', 'target_id'])
      .where('user_id', '=', carer.userId)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'consultation', target_id: victimId })]),
    );
  });
});
