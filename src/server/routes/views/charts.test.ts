/**
 * The link chart's API on both databases, over a demo case: neighbourhoods and shortest paths
 * checked against what the case's tables and the generator's ground truth say; victims by
 * pseudonym to a member without victim contact; the period; charts saved, shared, exported and
 * imported.
 */
import { expect } from 'vitest';
import { beforeAllWithStore, describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { loadDemoCaseLedBy, testApi, uniqueName } from '../../../../test/support/api.ts';
import { describeWithFixtures, fixtureText } from '../../../../test/support/fixtures.ts';
import type { Caller } from '../../../../test/support/api.ts';
import { caseAdjacency, victimToControllerPaths, within } from '../../../../test/support/graphTruth.ts';
import { parseGraphML } from '../../../domain/graph/graphml.ts';
import type { CaseGraphOut, ChartOut, PathsOut } from '../../../shared/contracts/views.ts';
import type { Store } from '../../../store/store.ts';

describeEachDialect('link chart API', ({ store }) => {
  let lead: Caller;
  let member: Caller;
  let s: Store;
  let caseId = '';
  let base = '';

  beforeAllWithStore(
    store,
    async (opened) => {
      s = opened;
      const api = await testApi(s);
      lead = await api.user(uniqueName('chart-lead'), 'analyst');
      member = await api.user(uniqueName('chart-member'), 'investigator');
      caseId = await loadDemoCaseLedBy(s, lead, { seed: 4242, scale: 1 });
      base = `/api/cases/${caseId}`;
      expect((await lead('POST', `${base}/members`, { userId: member.userId, caseRole: 'member' })).status).toBe(201);
    },
    120_000,
  );

  itDb("a two-step neighbourhood is exactly what the case's links and statements reach", async () => {
    const [truth] = await victimToControllerPaths(s, caseId);
    if (!truth) throw new Error('the demo case has no victim paying the controller');
    const expected = within(await caseAdjacency(s, caseId), truth.victimId, 2);
    const res = await lead('GET', `${base}/graph/neighbourhood?ids=${truth.victimId}&steps=2`);
    expect(res.status).toBe(200);
    const g = res.json<CaseGraphOut>();
    expect(g.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(g.truncated).toBe(false);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(g.edges.some((e) => e.kind === 'money' && e.amounts?.length)).toBe(true);
    const cut = (
      await lead('GET', `${base}/graph/neighbourhood?ids=${truth.victimId}&steps=2&maxNodes=3`)
    ).json<CaseGraphOut>();
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.nodes).toHaveLength(3);
  });

  itDb('every phone two persons use connects them, for members with and without victim contact', async () => {
    const rows = await s.scope(caseId).selectFrom('entities').select(['id', 'schema', 'properties']).execute();
    const phoneOf = new Map<string, string>();
    const usersOf = new Map<string, string[]>();
    for (const r of rows) {
      const p = JSON.parse(r.properties) as Record<string, string[]>;
      if (r.schema === 'Phone') for (const n of p.number ?? []) phoneOf.set(n, r.id);
      if (r.schema === 'Person') for (const n of p.phone ?? []) usersOf.set(n, [...(usersOf.get(n) ?? []), r.id]);
    }
    const shared = [...usersOf].filter(([n, people]) => people.length >= 2 && phoneOf.has(n));
    expect(shared.length).toBeGreaterThan(0);
    for (const caller of [lead, member]) {
      const g = (await caller('GET', `${base}/graph`)).json<CaseGraphOut>();
      const edges = new Set(g.edges.filter((e) => e.kind === 'selector').map((e) => `${e.source}>${e.target}`));
      for (const [n, people] of shared) for (const p of people) expect(edges).toContain(`${p}>${phoneOf.get(n)}`);
      // Selectors left without any edge: printed, for the chart's "hidden, not connected" count.
      const touched = new Set(g.edges.flatMap((e) => [e.source, e.target]));
      const selectors = g.nodes.filter((x) => ['Phone', 'EmailAddress', 'Address', 'BankAccount'].includes(x.schema));
      const alone = selectors.filter((x) => !touched.has(x.id));
      expect(alone.length).toBeLessThan(selectors.length / 10);
    }
  });

  itDb("the shortest path from a victim to the controlling account is the ground truth's", async () => {
    const paths = await victimToControllerPaths(s, caseId);
    expect(paths.length).toBeGreaterThan(0);
    for (const t of paths) {
      const out = (
        await lead('GET', `${base}/graph/paths?source=${t.victimId}&target=${t.controllerAccountId}`)
      ).json<PathsOut>();
      expect(out.paths[0]?.nodes).toEqual([t.victimId, t.victimAccountId, t.controllerAccountId]);
      expect(out.graph.edges.map((e) => e.kind).sort()).toEqual(['link', 'money']);
    }
  });

  itDb('a member without victim contact sees victims, and the nodes identifying them, by pseudonym only', async () => {
    const mine = (await lead('GET', `${base}/graph`)).json<CaseGraphOut>();
    const theirs = (await member('GET', `${base}/graph`)).json<CaseGraphOut>();
    expect(theirs.nodes.map((n) => n.id)).toEqual(mine.nodes.map((n) => n.id));
    // The victims the case records as such (the entities, not the ground truth, say who is one).
    const recorded = mine.nodes.filter((n) => n.status === 'victim' || n.status === 'presumedVictim').map((n) => n.id);
    expect(recorded.length).toBeGreaterThan(0);
    // Besides them: their accounts, phones and documents (pseudonymous selectors) and minors.
    const identifying = ['Person', 'Phone', 'EmailAddress', 'BankAccount', 'Passport', 'Identification', 'UserAccount'];
    for (const n of theirs.nodes) {
      if (recorded.includes(n.id)) expect(n.pseudonymised).toBe(true);
      if (n.pseudonymised) expect(identifying).toContain(n.schema);
      if (n.pseudonymised) expect(n).toMatchObject({ caption: expect.stringMatching(/^V-/), tags: [] });
    }
    expect(theirs.nodes.filter((n) => n.pseudonymised && n.schema === 'BankAccount').length).toBeGreaterThan(0);
    expect(mine.nodes.every((n) => !n.pseudonymised)).toBe(true);
  });

  itDb('a period keeps what was active in it', async () => {
    const all = (await lead('GET', `${base}/graph`)).json<CaseGraphOut>();
    const part = (await lead('GET', `${base}/graph?from=2024-03-10&to=2024-03-20`)).json<CaseGraphOut>();
    expect(part.nodes.length).toBeGreaterThan(0);
    expect(part.nodes.length).toBeLessThan(all.nodes.length);
    for (const e of part.edges.filter((x) => x.kind === 'money')) {
      expect(e.first && e.first >= '2024-03-10' && e.last && e.last <= '2024-03-20').toBe(true);
    }
    expect((await lead('GET', `${base}/graph?from=someday`)).json<{ error: { path: string } }>().error.path).toBe(
      'query.from',
    );
  });

  itDb('charts are saved, shared, guarded by version and exported; a broken file is refused', async () => {
    const g = (await lead('GET', `${base}/graph`)).json<CaseGraphOut>();
    const picked = g.nodes.slice(0, 5).map((n, i) => ({ id: n.id, x: i * 10, y: 5 - i, pinned: i === 0 }));
    const made = await lead('POST', `${base}/charts`, {
      name: 'Kick-backs',
      content: { nodes: picked, layout: 'force' },
    });
    expect(made.status).toBe(201);
    const chart = made.json<ChartOut>();
    expect((await lead('POST', `${base}/charts`, { name: 'Kick-backs', content: { nodes: [] } })).status).toBe(409);
    const listed = (await member('GET', `${base}/charts`)).json<{ charts: { id: string; nodes: number }[] }>();
    expect(listed.charts.find((c) => c.id === chart.id)?.nodes).toBe(5);
    const read = (await member('GET', `${base}/charts/${chart.id}`)).json<ChartOut>();
    expect(read.content.nodes, JSON.stringify(read.content.nodes)).toEqual(picked);
    const moved = picked.map((p) => ({ ...p, x: p.x + 1 }));
    expect(
      (
        await member('PUT', `${base}/charts/${chart.id}`, {
          name: 'Kick-backs',
          version: 1,
          content: { nodes: moved },
        })
      ).status,
    ).toBe(200);
    const stale = await lead('PUT', `${base}/charts/${chart.id}`, {
      name: 'Kick-backs',
      version: 1,
      content: { nodes: picked },
    });
    expect(stale.status).toBe(409);
    const exported = await member('GET', `${base}/charts/${chart.id}/export?format=graphml`);
    expect(exported.status).toBe(200);
    expect(String(exported.body)).toContain('Exported from ELECT THB by');
    const doc = parseGraphML(String(exported.body));
    expect(doc.nodes.map((n) => n.id).sort()).toEqual(moved.map((p) => p.id).sort());
    expect(doc.nodes.map((n) => [n.id, n.attributes.x]).sort()).toEqual(moved.map((p) => [p.id, p.x]).sort());

    const bad = await lead('POST', `${base}/charts/import`, {
      name: 'Broken',
      format: 'graphml',
      content: '<graphml>\n<graph>\n<node id="a">\n</graph>',
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { path: string } }>().error.path).toMatch(/^line \d+$/);
    expect(
      (await lead('GET', `${base}/charts`)).json<{ charts: { name: string }[] }>().charts.map((c) => c.name),
    ).not.toContain('Broken');
  });

  describeWithFixtures('a chart file from Gephi', () => {
    itDb('is imported with all its nodes and edges, exported again and deleted', async () => {
      const imported = await lead('POST', `${base}/charts/import`, {
        name: 'Les Misérables',
        format: 'gexf',
        content: fixtureText('graph', 'graphology_les_miserables.gexf'),
      });
      expect(imported.status).toBe(201);
      const im = imported.json<ChartOut>();
      expect(im.graph?.nodes).toHaveLength(77);
      expect(im.graph?.edges).toHaveLength(254);
      const back = String((await lead('GET', `${base}/charts/${im.id}/export?format=gexf`)).body);
      expect(back.match(/<node /g)).toHaveLength(77);
      expect((await lead('DELETE', `${base}/charts/${im.id}`)).status).toBe(200);
      expect((await lead('GET', `${base}/charts/${im.id}`)).status).toBe(404);
    });
  });
});
