/**
 * Contracts of the analysis views — link chart, chain view, timeline, map, money flow — shared by
 * the routes (server/routes/views/) and the web pages. Periods are inclusive ISO dates.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(200);

export const ViewPeriodQuery = z
  .object({
    from: z.iso.date().optional().describe('First day of the period (YYYY-MM-DD), inclusive'),
    to: z.iso.date().optional().describe('Last day of the period (YYYY-MM-DD), inclusive'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const ChainPlacementBody = z.strictObject({
  entityId: Id,
  /** A lane of the chain, or `none` to keep the entity out of the chain. */
  lane: z.string().min(1).max(40),
  note: z.string().trim().max(2000).optional(),
});

export const MapPositionBody = z.strictObject({
  entityId: Id,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  note: z.string().trim().max(2000).optional(),
});

export const EntityRefQuery = z.object({ entityId: Id });

export const FlowTransactionsQuery = z.object({
  source: z.string().min(1).max(500).describe('Flow source: a holder or account id, or an external no:/name: key'),
  target: z.string().min(1).max(500).describe('Flow target, as the source'),
  currency: z.string().regex(/^[A-Z]{3}$/),
  level: z.enum(['account', 'entity']).default('entity'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export interface ViewRef {
  id: string;
  schema: string;
  caption: string;
  pseudonymised?: boolean;
}

export interface ChainReasonOut {
  rule: string;
  via: ViewRef | null;
  record: ViewRef | null;
  detail?: string;
}

export interface ChainOut {
  lanes: string[];
  stages: string[];
  items: (ViewRef & { lanes: { lane: string; reasons: ChainReasonOut[] }[] })[];
  exploited: ViewRef[];
  unplaced: ViewRef[];
  /** Victims' passage and links from one lane to the next. */
  flows: { from: string; to: string; count: number }[];
  manual: { entityId: string; lane: string; note: string | null; placedBy: string; placedAt: string }[];
  period: { from: string | null; to: string | null } | null;
}

export interface TimelineItemOut extends ViewRef {
  /**
   * The row the item is drawn in: event, employment, posting, recruitment, accommodation, trip, ad, company, contract,
   * document, other.
   */
  kind: string;
  from: string | null;
  to: string | null;
  ends: ViewRef[];
}

export interface TimelineOut {
  range: { from: string; to: string } | null;
  items: TimelineItemOut[];
  /** Statement lines per day and currency (aggregated: a case may hold millions). */
  transactions: { date: string; currency: string; count: number; inMinor: number; outMinor: number }[];
}

export interface MapMarkerOut extends ViewRef {
  /** address, adLocation, recruitmentPlace, exploitationSite, housing, office, tripStop */
  kind: string;
  latitude: number;
  longitude: number;
  /** gazetteer (city level), manual (placed by hand), recorded (coordinates in the record). */
  precision: 'gazetteer' | 'manual' | 'recorded';
  place: string | null;
  /** The entity the marker is about (an address, an ad, a recruitment link). */
  entityId: string;
  /** Entities the place concerns (the person recruited there, the company registered there). */
  related: ViewRef[];
}

export interface MapOut {
  markers: MapMarkerOut[];
  routes: {
    id: string;
    kind: 'trip' | 'journey';
    caption: string;
    points: { latitude: number; longitude: number; label: string }[];
    entityIds: string[];
  }[];
  /** Addresses and places the gazetteer could not place: for the analyst to place by hand. */
  unplaced: (ViewRef & { place: string | null })[];
}

/*
 * The link chart: the case graph it draws (entities as nodes, links and aggregated money as
 * edges), the walks it asks for (neighbourhood, shortest paths) and the charts saved per case
 * with their layout.
 */
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date: YYYY-MM-DD');

export const ChartNodeOut = z.object({
  id: Id,
  schema: z.string(),
  caption: z.string(),
  /** A victim shown by pseudonym (the caller has no victim contact). */
  pseudonymised: z.boolean(),
  /** proceduralStatus (suspect, victim…), for the role badge. */
  status: z.string().nullable(),
  /** Keywords and topics. */
  tags: z.array(z.string()),
  reliability: z.string(),
  information: z.string(),
});
export type ChartNodeOut = z.infer<typeof ChartNodeOut>;

export const MoneyAmount = z.object({ currency: z.string(), amountMinor: z.number(), count: z.number() });

export const ChartEdgeOut = z.object({
  id: z.string(),
  /**
   * A link entity, bank transactions aggregated account → account, or a selector (phone, e-mail,
   * address, account) joined to whoever carries its value (label: the holder's property), or
   * messages, e-mails and calls between two parties aggregated per pair (count, first, last).
   */
  kind: z.enum(['link', 'money', 'selector', 'communication']),
  /**
   * The link's schema (Ownership, Subcontract…); `Money` for aggregated transactions; `Selector`;
   * `Communication`.
   */
  schema: z.string(),
  source: Id,
  target: Id,
  /** The link's own words (role, relationship, kind), when it has some. */
  label: z.string().nullable(),
  amounts: z.array(MoneyAmount).optional(),
  /** A communication edge: the messages, e-mails and calls between the two ends. */
  count: z.number().optional(),
  first: z.string().nullable().optional(),
  last: z.string().nullable().optional(),
});
export type ChartEdgeOut = z.infer<typeof ChartEdgeOut>;

export const CaseGraphOut = z.object({
  nodes: z.array(ChartNodeOut),
  edges: z.array(ChartEdgeOut),
  /** The walk or the case was cut at the node limit. */
  truncated: z.boolean(),
  /** Nodes in the whole case (in the period), to say what was left out. */
  total: z.number(),
});
export type CaseGraphOut = z.infer<typeof CaseGraphOut>;

/** The shared period of the analysis views (inclusive); absent ends are open. */
export const PeriodQuery = z.object({ from: IsoDay.optional(), to: IsoDay.optional() });

const idList = z.union([Id, z.array(Id).max(500)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const GraphQuery = PeriodQuery.extend({ maxNodes: z.coerce.number().int().min(1).max(100_000).default(50_000) });
export const NeighbourhoodQuery = PeriodQuery.extend({
  ids: idList,
  steps: z.coerce.number().int().min(0).max(6).default(1),
  maxNodes: z.coerce.number().int().min(1).max(20_000).default(2_000),
});
export const PathsQuery = PeriodQuery.extend({
  source: Id,
  target: Id,
  maxHops: z.coerce.number().int().min(1).max(12).default(8),
  maxPaths: z.coerce.number().int().min(1).max(50).default(5),
});

export const PathOut = z.object({ nodes: z.array(Id), edges: z.array(z.string()) });
export const PathsOut = z.object({ paths: z.array(PathOut), graph: CaseGraphOut });
export type PathsOut = z.infer<typeof PathsOut>;

/** What a saved chart keeps: where each node is, which are pinned, the filters, the period. */
export const ChartPosition = z.strictObject({
  id: Id,
  x: z.number().finite(),
  y: z.number().finite(),
  pinned: z.boolean().optional(),
});
export const ChartFilters = z.strictObject({
  hiddenTypes: z.array(z.string().max(100)).max(200).default([]),
  hiddenLinkTypes: z.array(z.string().max(100)).max(200).default([]),
  tag: z.string().max(200).nullable().default(null),
  /** Lowest reliability (A best … D, X unknown) and information (1 best … 4) still shown. */
  minReliability: z.enum(['A', 'B', 'C', 'D', 'X']).nullable().default(null),
  minInformation: z.enum(['1', '2', '3', '4']).nullable().default(null),
});
export type ChartFilters = z.output<typeof ChartFilters>;

export const ChartContent = z.strictObject({
  nodes: z.array(ChartPosition).max(50_000),
  filters: ChartFilters.default({
    hiddenTypes: [],
    hiddenLinkTypes: [],
    tag: null,
    minReliability: null,
    minInformation: null,
  }),
  period: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }).nullable().default(null),
  layout: z.enum(['force', 'hierarchy', 'manual']).default('manual'),
});
export type ChartContent = z.output<typeof ChartContent>;

export const ChartBody = z.strictObject({
  name: z.string().trim().min(1, 'give the chart a name').max(200),
  content: ChartContent,
});
export type ChartBody = z.input<typeof ChartBody>;

export const graphFormats = ['graphml', 'gexf'] as const;
export const ChartImportBody = z.strictObject({
  name: z.string().trim().min(1, 'give the chart a name').max(200),
  format: z.enum(graphFormats),
  /** The file's text (GraphML or GEXF are XML). */
  content: z
    .string()
    .min(1, 'the file is empty')
    .max(20 * 1024 * 1024),
});

export const ChartSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  nodes: z.number(),
  /** Imported from a file: its nodes are the file's, not the case's entities. */
  imported: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ChartSummaryOut = z.infer<typeof ChartSummaryOut>;

export const ChartOut = ChartSummaryOut.extend({
  content: ChartContent,
  /** An imported chart's own graph, drawn as it came. */
  graph: CaseGraphOut.nullable(),
});
export type ChartOut = z.infer<typeof ChartOut>;
