/**
 * Reconstructs subcontracting and posting chains: from the end client or main contractor down
 * through each Subcontract to the companies that employ or post the workers, and the workers
 * themselves. A Posting whose host did not subcontract to the sending company in the data still
 * hangs the sending company under its host (the host is where the work is done). A company seen
 * twice on one path (a circular contract) is shown once more, marked, and not descended again.
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
  const edges = edgesOf(g);
  const workers = workersOf(g);
  const below = new Set<string>();
  for (const list of edges.values()) for (const e of list) below.add(e.to);
  const roots = [...edges.keys()].filter((id) => !below.has(id) && g.companies.has(id));
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
