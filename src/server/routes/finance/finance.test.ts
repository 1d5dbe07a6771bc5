import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { loadDemoCaseLedBy, testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller } from '../../../../test/support/api.ts';
import { addAgency } from '../../../services/access/users.ts';

interface Finding {
  id: string;
  rule: string;
  subject: { id: string; kind: string };
  status: string;
  accountIds: string[];
  evidenceCount: number;
}

describeEachDialect('financial analysis API', ({ store }) => {
  let user: Caller;
  let caseId = '';
  let base = '';

  beforeAllWithStore(
    store,
    async (s) => {
      user = await (await testApi(s)).user(uniqueName('fin-api'), 'analyst');
      caseId = await loadDemoCaseLedBy(s, user, { seed: 57, scale: 1 });
      base = `/api/cases/${caseId}`;
    },
    120_000,
  );

  itDb('runs the rules, lists findings with evidence, and records decisions', async () => {
    const before = (await user('GET', `${base}/findings`)).json<{ stale: boolean; findings: unknown[] }>();
    expect(before).toMatchObject({ stale: true, findings: [] });
    const run = await user('POST', `${base}/findings/run`, {});
    expect(run.status).toBe(200);
    expect(run.json<{ findings: number }>().findings).toBeGreaterThan(5);
    const list = (await user('GET', `${base}/findings?limit=3`)).json<{
      findings: Finding[];
      next: string;
      stale: boolean;
    }>();
    expect(list.stale).toBe(false);
    expect(list.findings).toHaveLength(3);
    const page2 = (await user('GET', `${base}/findings?limit=3&after=${list.next}`)).json<{ findings: Finding[] }>();
    expect(page2.findings.map((f) => f.id)).not.toContain(list.findings[0]?.id);

    const funnel = (await user('GET', `${base}/findings?rule=funnelAccount`)).json<{ findings: Finding[] }>()
      .findings[0];
    if (!funnel) throw new Error('no funnel finding');
    const detail = (await user('GET', `${base}/findings/${funnel.id}`)).json<{
      finding: Finding;
      evidence: { accountId: string; kind: string }[];
    }>();
    expect(detail.evidence).toHaveLength(detail.finding.evidenceCount);
    expect(detail.evidence.some((t) => t.kind === 'cash-deposit' && t.accountId === funnel.subject.id)).toBe(true);
    const byAccount = (await user('GET', `${base}/findings?account=${funnel.subject.id}`)).json<{
      findings: Finding[];
    }>();
    expect(byAccount.findings.every((f) => f.accountIds.includes(funnel.subject.id))).toBe(true);

    const decided = await user('PATCH', `${base}/findings/${funnel.id}`, {
      status: 'confirmed',
      note: 'cash in five towns',
    });
    expect(decided.json<Finding>().status).toBe('confirmed');
    expect((await user('PATCH', `${base}/findings/${funnel.id}`, { status: 'maybe' })).status).toBe(400);
    expect((await user('GET', `${base}/findings/f-nope`)).status).toBe(404);
    const bad = await user('POST', `${base}/findings/run`, { parameters: { funnelAccount: { minPlaces: 'many' } } });
    expect(bad.json<{ error: { path: string } }>().error.path).toBe('parameters.funnelAccount.minPlaces');
    const rules = (await user('GET', '/api/finance/rules')).json<{
      rules: { id: string; source: string; defaults: object }[];
    }>();
    expect(rules.rules.map((r) => r.id)).toContain('wageKickback');
    expect(rules.rules.every((r) => r.source.length > 10)).toBe(true);
  });

  itDb('gives totals, counterparties, flows and traces', async () => {
    const accounts = (await user('GET', `${base}/finance/accounts?limit=500`)).json<{
      accounts: { id: string; holders: { id: string }[]; totals: { inMinor: number; outMinor: number }[] }[];
    }>().accounts;
    expect(accounts.length).toBeGreaterThan(50);
    const busiest = [...accounts].sort((a, b) => (b.totals[0]?.inMinor ?? 0) - (a.totals[0]?.inMinor ?? 0))[0];
    if (!busiest) throw new Error('no accounts');
    const holderId = busiest.holders[0]?.id ?? '';
    const holders = (await user('GET', `${base}/finance/holders?limit=5000`)).json<{
      holders: { id: string; totals: { inMinor: number }[] }[];
    }>().holders;
    expect(holders.find((h) => h.id === holderId)?.totals[0]?.inMinor).toBeGreaterThanOrEqual(
      busiest.totals[0]?.inMinor ?? 0,
    );

    const cps = (await user('GET', `${base}/finance/counterparties?account=${busiest.id}&limit=5`)).json<{
      counterparties: { key: string; inMinor: number; outMinor: number }[];
    }>().counterparties;
    expect(cps.length).toBeGreaterThan(0);
    expect(cps.map((c) => c.inMinor + c.outMinor)).toEqual(
      [...cps.map((c) => c.inMinor + c.outMinor)].sort((a, b) => b - a),
    );
    expect((await user('GET', `${base}/finance/counterparties`)).status).toBe(400);

    const accLevel = (await user('GET', `${base}/finance/flows?level=account&limit=50`)).json<{
      nodes: { id: string; kind: string }[];
      edges: { from: string; to: string; amountMinor: number }[];
    }>();
    expect(accLevel.edges.length).toBe(50);
    const ids = new Set(accLevel.nodes.map((n) => n.id));
    expect(accLevel.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    const entLevel = (await user('GET', `${base}/finance/flows?level=entity&account=${busiest.id}`)).json<{
      nodes: { id: string; kind: string }[];
      edges: { from: string; to: string }[];
    }>();
    expect(entLevel.nodes.some((n) => n.kind === 'holder')).toBe(true);
    expect(entLevel.edges.every((e) => e.from === holderId || e.to === holderId)).toBe(true);

    // Money from a funnel account goes on to the controller, then further.
    const funnel = (await user('GET', `${base}/findings?rule=funnelAccount`)).json<{ findings: Finding[] }>()
      .findings[0];
    const trace = (
      await user('GET', `${base}/finance/trace?account=${funnel?.subject.id}&hops=2&minAmount=10000`)
    ).json<{ nodes: { id: string; hop: number }[]; edges: { from: string; amountMinor: number }[] }>();
    expect(trace.nodes.filter((n) => n.hop === 1).length).toBeGreaterThan(0);
    expect(trace.edges.some((e) => e.from === funnel?.subject.id && e.amountMinor > 100_000)).toBe(true);
    const back = (
      await user('GET', `${base}/finance/trace?account=${funnel?.subject.id}&direction=backward&hops=1`)
    ).json<{ nodes: unknown[] }>();
    expect(back.nodes.length).toBeGreaterThanOrEqual(1);
    expect((await user('GET', `${base}/finance/trace?account=acct-unknown-x`)).status).toBe(404);
  });

  itDb('stores the proceeds model and prints every assumption with the estimate', async () => {
    const model = {
      assumptions: [
        { name: 'cashKickbackWindowDays', value: 3, unit: 'days', source: 'Statement of V1, 3 March' },
        { name: 'hoursPerMonth', value: 250, unit: 'h/month', source: 'Statements of V1–V4' },
        { name: 'hourlyWage', value: 13.5, unit: 'EUR/h', source: 'Collective agreement, construction' },
      ],
    };
    expect(
      (await user('PUT', `${base}/proceeds/model`, { assumptions: [{ name: 'x', value: 1, unit: 'h', source: '' }] }))
        .status,
    ).toBe(400);
    expect((await user('PUT', `${base}/proceeds/model`, model)).status).toBe(200);
    const stored = (await user('GET', `${base}/proceeds/model`)).json<{ model: typeof model }>();
    expect(stored.model.assumptions).toHaveLength(3);
    const est = (await user('GET', `${base}/proceeds`)).json<{
      assumptions: { source: string; used: boolean }[];
      victims: { owedMinor: number | null }[];
      totals: { proceedsMinor: number };
    }>();
    expect(est.assumptions.map((a) => a.source)).toEqual(model.assumptions.map((a) => a.source));
    expect(est.victims.length).toBeGreaterThan(3);
    expect(est.victims.every((v) => (v.owedMinor ?? 0) > 0)).toBe(true);
    const preview = (await user('POST', `${base}/proceeds/preview`, { assumptions: [] })).json<{
      totals: { proceedsMinor: number };
      notes: string[];
    }>();
    expect(preview.totals.proceedsMinor).toBeLessThan(est.totals.proceedsMinor);
    expect(preview.notes.length).toBeGreaterThan(0);
  });

  itDb("a partner agency decides open findings but not another agency's decisions or stored estimate", async () => {
    const agencyId = (await addAgency(store(), { name: uniqueName('Partner'), country: 'EE', kind: 'police' })).id;
    expect((await user('POST', `${base}/shares`, { agencyId, access: 'contribute' })).status).toBe(201);
    const partner = await (await testApi(store())).user(uniqueName('fin-partner'), 'investigator', agencyId);
    const all = (await user('GET', `${base}/findings?limit=200`)).json<{ findings: Finding[] }>().findings;
    const decided = all.find((f) => f.status === 'confirmed');
    const open = all.find((f) => f.status === 'open');
    if (!decided || !open) throw new Error('the demo case needs a confirmed and an open finding here');
    const refused = await partner('PATCH', `${base}/findings/${decided.id}`, { status: 'dismissed' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect((await user('GET', `${base}/findings/${decided.id}`)).json<{ finding: Finding }>().finding.status).toBe(
      'confirmed',
    );
    expect((await partner('PATCH', `${base}/findings/${open.id}`, { status: 'dismissed' })).status).toBe(200);
    expect((await partner('PATCH', `${base}/findings/${open.id}`, { status: 'confirmed' })).status).toBe(200);
    expect((await user('PATCH', `${base}/findings/${open.id}`, { status: 'open' })).status).toBe(200);

    const before = (await user('GET', `${base}/proceeds/model`)).json<{ model: { assumptions: unknown[] } }>();
    expect(before.model.assumptions.length).toBeGreaterThan(0);
    expect((await partner('PUT', `${base}/proceeds/model`, { assumptions: [] })).status).toBe(403);
    const after = (await user('GET', `${base}/proceeds/model`)).json<{ model: { assumptions: unknown[] } }>();
    expect(after.model.assumptions).toEqual(before.model.assumptions);
    expect((await partner('POST', `${base}/proceeds/preview`, { assumptions: [] })).status).toBe(200);
  });
});
