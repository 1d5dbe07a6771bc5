/**
 * Reconstructs subcontracting and posting chains: from the end client or main contractor down
 * through each Subcontract to the companies that employ or post the workers, and the workers
 * themselves. A Posting whose host did not subcontract to the sending company in the data still
 * hangs the sending company under its host (the host is where the work is done). Each company is
 * drawn once, at its deepest contractual position: of the links that put it under another company,
 * a Subcontract beats a Posting, then the parent deepest in the chain wins (a letterbox that is a
 * sub-subcontractor and also posts workers to the main contractor's site hangs under the
 * sub-subcontracting company only). A company seen twice on one path (a circular contract) is
 * shown once more, marked, and not descended again.
 */
import type { ChainWorkerOut } from '../../shared/contracts/companies.ts';
import type { CompanyGraph, SubcontractLink } from './facts.ts';

/** A worker under a company of the chain: the shape the chains API returns. */
export type ChainWorker = ChainWorkerOut;

export interface ChainVia {
  /** The Subcontract or Posting link that puts this company under its parent. */
  linkId: string;
  kind: 'subcontract' | 'posting';
  contract: string | null;
  start: string | null;
  end: string | null;
}

export interface ChainNode {
  companyId: string;
  name: string;
  country: string | null;
  via: ChainVia | null;
  children: ChainNode[];
  workers: ChainWorker[];
  /** Already on the path above: a circular chain, not descended again. */
  cycle: boolean;
}

interface Edge {
  to: string;
  via: ChainVia;
}

const byStartThenId = (a: Edge, b: Edge) =>
  (a.via.start ?? '').localeCompare(b.via.start ?? '') || a.to.localeCompare(b.to);

function edgesOf(g: CompanyGraph): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  const add = (from: string, e: Edge) => {
    const list = out.get(from) ?? [];
    list.push(e);
    out.set(from, list);
  };
  const contracted = new Set<string>();
  const sub = (s: SubcontractLink): ChainVia => ({
    linkId: s.id,
    kind: 'subcontract',
    contract: s.contract,
    start: s.start,
    end: s.end,
  });
  for (const s of g.subcontracts) {
    if (!g.companies.has(s.to)) continue;
    add(s.from, { to: s.to, via: sub(s) });
    contracted.add(`${s.from}\u0000${s.to}`);
  }
  const postedVia = new Set<string>();
  for (const p of g.postings) {
    if (!p.hostId || !g.companies.has(p.sendingId)) continue;
    const key = `${p.hostId}\u0000${p.sendingId}`;
    if (contracted.has(key) || postedVia.has(key)) continue;
    postedVia.add(key);
    add(p.hostId, {
      to: p.sendingId,
      via: { linkId: p.id, kind: 'posting', contract: null, start: p.start, end: p.end },
    });
  }
  for (const list of out.values()) list.sort(byStartThenId);
  return out;
}

/**
 * One parent per company: edges that close a cycle (found depth-first from the roots) are kept as
 * they are, to be marked; of the others, each company keeps the one edge from its deepest parent,
 * a Subcontract before a Posting. Depth is the longest path from a root over the acyclic edges.
 */
function deepestParents(edges: Map<string, Edge[]>, roots: readonly string[]): Map<string, Edge[]> {
  const back = new Set<Edge>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const e of edges.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') back.add(e);
      else if (!s) visit(e.to);
    }
    state.set(id, 'done');
  };
  roots.forEach(visit);
  const parents = new Map<string, { from: string; edge: Edge }[]>();
  for (const [from, list] of edges)
    for (const e of list) if (!back.has(e)) parents.set(e.to, [...(parents.get(e.to) ?? []), { from, edge: e }]);
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 0);
    const d = Math.max(0, ...(parents.get(id) ?? []).map((p) => depthOf(p.from) + 1));
    depth.set(id, d);
    return d;
  };
  const kept = new Set<Edge>(back);
  for (const [, list] of parents) {
    const best = [...list].sort(
      (a, b) =>
        Number(a.edge.via.kind !== 'subcontract') - Number(b.edge.via.kind !== 'subcontract') ||
        depthOf(b.from) - depthOf(a.from) ||
        byStartThenId(a.edge, b.edge),
    )[0];
    if (best) kept.add(best.edge);
  }
  return new Map([...edges].map(([from, list]) => [from, list.filter((e) => kept.has(e))]));
}

function workersOf(g: CompanyGraph): Map<string, ChainWorker[]> {
  const out = new Map<string, Map<string, ChainWorker>>();
  const put = (companyId: string, w: ChainWorker) => {
    const m = out.get(companyId) ?? new Map<string, ChainWorker>();
    const had = m.get(w.id);
    if (!had) m.set(w.id, w);
    else {
      had.posted ||= w.posted;
      had.hostCountry ??= w.hostCountry;
      if (w.start && (!had.start || w.start < had.start)) had.start = w.start;
      if (had.end !== null && (w.end === null || w.end > had.end)) had.end = w.end;
    }
    out.set(companyId, m);
  };
  const nameOf = (id: string) => g.persons.get(id)?.name ?? id;
  for (const e of g.employments) {
    if (!g.companies.has(e.to)) continue;
    put(e.to, { id: e.from, name: nameOf(e.from), posted: false, start: e.start, end: e.end, hostCountry: null });
  }
  for (const p of g.postings)
    put(p.sendingId, {
      id: p.workerId,
      name: nameOf(p.workerId),
      posted: true,
      start: p.start,
      end: p.end,
      hostCountry: p.hostCountry,
    });
  return new Map(
    [...out].map(([k, m]) => [
      k,
      [...m.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    ]),
  );
}

/**
 * Every chain in the case, one tree per top company (one that gives work down the chain but
 * takes none from a company above it), largest first.
 */
export function buildChains(g: CompanyGraph): ChainNode[] {
  const all = edgesOf(g);
  const workers = workersOf(g);
  const below = new Set<string>();
  for (const list of all.values()) for (const e of list) below.add(e.to);
  const roots = [...all.keys()].filter((id) => !below.has(id) && g.companies.has(id));
  const edges = deepestParents(all, roots);
  const grow = (id: string, via: ChainVia | null, path: Set<string>): ChainNode => {
    const c = g.companies.get(id);
    const node: ChainNode = {
      companyId: id,
      name: c?.name ?? id,
      country: c?.country ?? null,
      via,
      children: [],
      workers: workers.get(id) ?? [],
      cycle: path.has(id),
    };
    if (node.cycle) return node;
    const next = new Set(path).add(id);
    for (const e of edges.get(id) ?? []) node.children.push(grow(e.to, e.via, next));
    return node;
  };
  const size = (n: ChainNode): number => 1 + n.workers.length + n.children.reduce((s, c) => s + size(c), 0);
  return roots.map((r) => grow(r, null, new Set())).sort((a, b) => size(b) - size(a) || a.name.localeCompare(b.name));
}

/** Every company id in a tree (for the flags shown beside it). */
export function companiesIn(nodes: readonly ChainNode[]): string[] {
  const out = new Set<string>();
  const walk = (n: ChainNode) => {
    out.add(n.companyId);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return [...out];
}
