/**
 * The case as a graph for the link chart: entities are nodes, links (edge-schema entities) and
 * bank transactions aggregated account → account are edges. Pure: the service hands in the rows
 * as the caller may see them and the money flows of the period; this decides what is drawn.
 */
import type { ChartEdgeOut, ChartNodeOut } from '../../shared/contracts/views.ts';
import type { FlowEdgeOut } from '../../shared/contracts/finance.ts';
import { visibleInPeriod } from '../time/period.ts';
import type { Period } from '../time/period.ts';
import { communicationLinks } from './communications.ts';
import type { SelectorEntity, SelectorLink } from './selectorLinks.ts';
import type { WalkEdge } from './walk.ts';

export interface EntityIn {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, readonly string[]>;
  sourceId: string | null;
  targetId: string | null;
  reliability: string;
  information: string;
  /** The caller may not identify this victim: no tags, pseudonym caption. */
  pseudonymised: boolean;
}

/** The period's money flows, account → account, as the finance flows give them. */
export type MoneyIn = FlowEdgeOut;

export interface CaseGraph {
  nodes: Map<string, ChartNodeOut>;
  edges: ChartEdgeOut[];
}

/** Properties whose words say what kind of link it is, in the order they are preferred. */
const LABEL_PROPS = ['role', 'relationship', 'kind', 'summary'] as const;

const first = (p: Record<string, readonly string[]>, k: string): string | null => p[k]?.[0] ?? null;

export const moneyEdgeId = (from: string, to: string): string => `money:${from}>${to}`;

/**
 * Builds the graph. A link whose ends are not both drawn nodes is left out (an end hidden by a
 * partial share, or a link to a link); money is one edge per ordered pair of accounts with one
 * amount per currency; selectors join their holders (selectorLinks.ts); messages, e-mails and
 * calls join their parties (communications.ts, from `recorded`: the entities with their values as
 * recorded). With a period, only what `visibleInPeriod` keeps is drawn.
 */
export function buildCaseGraph(
  entities: readonly EntityIn[],
  money: readonly MoneyIn[],
  period: Period | null,
  selectors: readonly SelectorLink[] = [],
  recorded: readonly SelectorEntity[] = [],
): CaseGraph {
  const nodeRows = entities.filter((e) => e.sourceId === null || e.targetId === null);
  const linkRows = entities.filter((e) => e.sourceId !== null && e.targetId !== null);
  // Messages in the period bring their parties into it, as transactions bring their accounts.
  const nodeIds = new Set(nodeRows.map((e) => e.id));
  const talks = communicationLinks(recorded, selectors, (id) => nodeIds.has(id), period);
  const visible = visibleInPeriod(
    {
      nodes: nodeRows.map((e) => ({ id: e.id, schema: e.schema, properties: e.properties })),
      links: linkRows.map((e) => ({
        id: e.id,
        schema: e.schema,
        properties: e.properties,
        sourceId: e.sourceId,
        targetId: e.targetId,
      })),
      transactions: money
        .filter((m) => m.first !== null)
        .map((m) => ({ accountId: m.from, counterpartyAccountId: m.to, bookingDate: m.first ?? '' }))
        .concat(
          talks
            .filter((c) => c.first !== null)
            .map((c) => ({ accountId: c.source, counterpartyAccountId: c.target, bookingDate: c.first ?? '' })),
        ),
    },
    period,
  );
  const nodes = new Map<string, ChartNodeOut>();
  for (const e of nodeRows) {
    if (!visible.nodeIds.has(e.id)) continue;
    nodes.set(e.id, {
      id: e.id,
      schema: e.schema,
      caption: e.caption,
      pseudonymised: e.pseudonymised,
      status: first(e.properties, 'proceduralStatus'),
      tags: e.pseudonymised ? [] : [...(e.properties.keywords ?? []), ...(e.properties.topics ?? [])],
      reliability: e.reliability,
      information: e.information,
    });
  }
  const edges: ChartEdgeOut[] = [];
  for (const l of linkRows) {
    if (!visible.linkIds.has(l.id) || !nodes.has(l.sourceId ?? '') || !nodes.has(l.targetId ?? '')) continue;
    const label = LABEL_PROPS.map((k) => first(l.properties, k)).find((v) => v !== null) ?? null;
    edges.push({ id: l.id, kind: 'link', schema: l.schema, source: l.sourceId ?? '', target: l.targetId ?? '', label });
  }
  // A holder's phone, e-mail, address or account: drawn when both ends are (the period keeps them).
  for (const l of selectors) {
    if (!nodes.has(l.holder) || !nodes.has(l.selector)) continue;
    edges.push({
      id: l.id,
      kind: 'selector',
      schema: 'Selector',
      source: l.holder,
      target: l.selector,
      label: l.property,
    });
  }
  for (const c of talks)
    if (nodes.has(c.source) && nodes.has(c.target))
      edges.push({ ...c, kind: 'communication', schema: 'Communication', label: null });
  const pairs = new Map<string, ChartEdgeOut>();
  for (const m of money) {
    if (m.from === m.to || !nodes.has(m.from) || !nodes.has(m.to)) continue;
    const id = moneyEdgeId(m.from, m.to);
    let e = pairs.get(id);
    if (!e)
      pairs.set(
        id,
        (e = {
          id,
          kind: 'money',
          schema: 'Money',
          source: m.from,
          target: m.to,
          label: null,
          amounts: [],
          first: m.first,
          last: m.last,
        }),
      );
    e.amounts?.push({ currency: m.currency, amountMinor: m.amountMinor, count: m.count });
    if (m.first && (!e.first || m.first < e.first)) e.first = m.first;
    if (m.last && (!e.last || m.last > e.last)) e.last = m.last;
  }
  for (const e of pairs.values()) {
    e.amounts?.sort((a, b) => (a.currency < b.currency ? -1 : 1));
    edges.push(e);
  }
  return { nodes, edges };
}

export const walkEdges = (g: CaseGraph): WalkEdge[] =>
  g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

/** The part of the graph on the given nodes (edges with both ends among them). */
export function subgraph(g: CaseGraph, ids: Iterable<string>): CaseGraph {
  const nodes = new Map<string, ChartNodeOut>();
  for (const id of ids) {
    const n = g.nodes.get(id);
    if (n) nodes.set(id, n);
  }
  return { nodes, edges: g.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)) };
}
