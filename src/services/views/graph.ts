/**
 * The case graph for the link chart: every entity the caller may see (victims by pseudonym,
 * only the shared part for a partial share), links as edges, bank transactions aggregated
 * account → account by the finance flow aggregation, messages, e-mails and calls aggregated per
 * pair of parties (domain/graph/communications.ts), filtered by the shared period
 * (domain/time/period.ts). Walks (neighbourhood, shortest paths) run on it in domain/graph.
 */
import { redactVictim } from '../../domain/access/victims.ts';
import { buildCaseGraph, subgraph, walkEdges } from '../../domain/graph/caseGraph.ts';
import { isCommunicationSchema } from '../../domain/graph/communications.ts';
import { selectorLinks } from '../../domain/graph/selectorLinks.ts';
import type { SelectorEntity } from '../../domain/graph/selectorLinks.ts';
import type { CaseGraph, EntityIn } from '../../domain/graph/caseGraph.ts';
import { adjacency, neighbourhood, shortestPaths } from '../../domain/graph/walk.ts';
import type { Period } from '../../domain/time/period.ts';
import type { CaseGraphOut, PathsOut } from '../../shared/contracts/views.ts';
import type { Store } from '../../store/store.ts';
import { caseGraphRows } from '../../store/repos/views/views.ts';
import { accountFlows } from '../finance/index.ts';
import {
  canSee,
  captionFor,
  hiddenVictim,
  seizedPropertiesFor,
  visibilityOf,
  type CaseAccess,
} from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';

export interface PeriodIn {
  from?: string | undefined;
  to?: string | undefined;
}

const periodOf = (p: PeriodIn): Period | null => (p.from || p.to ? { from: p.from ?? null, to: p.to ?? null } : null);

/** The whole case as the caller may see it, in the period. */
export async function loadCaseGraph(store: Store, access: CaseAccess, p: PeriodIn = {}): Promise<CaseGraph> {
  const v = await visibilityOf(store, access);
  const scope = store.scope(access.caseId);
  const rows = await caseGraphRows(scope);
  const entities: EntityIn[] = [];
  // Values as the caller may see them, except that a person shown by pseudonym still meets her
  // phone or e-mail on its recorded value: the edge joins two pseudonyms and shows no value.
  const recorded: SelectorEntity[] = [];
  // Who wrote to whom is read from the values as recorded too (a message to a protected person's
  // address still reaches her pseudonymous node); the edge carries ids, a count and dates only.
  const talks: SelectorEntity[] = [];
  for (const r of rows) {
    if (!canSee(v, r.id)) continue;
    const properties = JSON.parse(r.properties) as Record<string, string[]>;
    const hidden = hiddenVictim(v, r);
    const shown = hidden ? redactVictim(properties) : seizedPropertiesFor(v, r.schema, properties).properties;
    const ends = { sourceId: r.source_id, targetId: r.target_id };
    recorded.push({ id: r.id, schema: r.schema, properties: hidden ? properties : shown, ...ends });
    if (isCommunicationSchema(r.schema) || r.schema === 'Phone' || r.schema === 'EmailAddress')
      talks.push({ id: r.id, schema: r.schema, properties, ...ends });
    entities.push({
      id: r.id,
      schema: r.schema,
      caption: captionFor(v, r),
      properties: shown,
      sourceId: r.source_id,
      targetId: r.target_id,
      reliability: r.reliability,
      information: r.information,
      pseudonymised: hidden,
    });
  }
  const money = await accountFlows(scope, { from: p.from, to: p.to, accountIds: v.only ? [...v.only] : undefined });
  return buildCaseGraph(entities, money, periodOf(p), selectorLinks(recorded), talks);
}

/** The graph as the API returns it: nodes by id, edges in a stable order. */
export function graphOut(g: CaseGraph, truncated: boolean, total: number): CaseGraphOut {
  const nodes = [...g.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edges = [...g.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated, total };
}

/** The whole case when it has at most `maxNodes` nodes; otherwise nothing, marked truncated. */
export async function wholeGraph(
  store: Store,
  access: CaseAccess,
  q: PeriodIn & { maxNodes: number },
): Promise<CaseGraphOut> {
  const g = await loadCaseGraph(store, access, q);
  if (g.nodes.size > q.maxNodes) return { nodes: [], edges: [], truncated: true, total: g.nodes.size };
  return graphOut(g, false, g.nodes.size);
}

/** The entities `steps` links (or money flows) away from the given ones, with the links among them. */
export async function neighbourhoodGraph(
  store: Store,
  access: CaseAccess,
  q: PeriodIn & { ids: readonly string[]; steps: number; maxNodes: number },
): Promise<CaseGraphOut> {
  const g = await loadCaseGraph(store, access, q);
  const seeds = q.ids.filter((id) => g.nodes.has(id));
  const walk = neighbourhood(adjacency(walkEdges(g)), seeds, q.steps, q.maxNodes);
  return graphOut(subgraph(g, walk.distance.keys()), walk.truncated, g.nodes.size);
}

/** Shortest paths between two entities, with the graph of the nodes on them. */
export async function pathsBetween(
  store: Store,
  access: CaseAccess,
  q: PeriodIn & { source: string; target: string; maxHops: number; maxPaths: number },
): Promise<PathsOut> {
  const g = await loadCaseGraph(store, access, q);
  if (!g.nodes.has(q.source) || !g.nodes.has(q.target))
    return { paths: [], graph: { nodes: [], edges: [], truncated: false, total: g.nodes.size } };
  const paths = shortestPaths(adjacency(walkEdges(g)), q.source, q.target, q.maxHops, q.maxPaths);
  const onPaths = new Set(paths.flatMap((p) => p.nodes));
  const edgeIds = new Set(paths.flatMap((p) => p.edges));
  const sub = subgraph(g, onPaths);
  return {
    paths,
    graph: graphOut({ nodes: sub.nodes, edges: sub.edges.filter((e) => edgeIds.has(e.id)) }, false, g.nodes.size),
  };
}

export const openGraph = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'graph' },
  run: async ({ store, access, audit }, query: PeriodIn & { maxNodes: number }) => {
    const out = await wholeGraph(store, access, query);
    audit.returned(out.nodes.map((n) => n.id));
    audit.detail({ count: out.total });
    return out;
  },
});

export const openNeighbourhood = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'graph' },
  run: async ({ store, access, audit }, query: Parameters<typeof neighbourhoodGraph>[2]) => {
    const out = await neighbourhoodGraph(store, access, query);
    audit.returned(out.nodes.map((n) => n.id));
    audit.detail({ steps: query.steps });
    return out;
  },
});

export const findPaths = caseUseCase({
  permission: 'case:read',
  audit: { action: 'combination', target: 'graph' },
  run: async ({ store, access, audit }, query: Parameters<typeof pathsBetween>[2]) => {
    const out = await pathsBetween(store, access, query);
    audit.returned(out.graph.nodes.map((n) => n.id));
    return out;
  },
});
