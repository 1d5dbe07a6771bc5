/**
 * Contracts of the analysis views — chain view, timeline, map, money flow — shared by the
 * routes (server/routes/views.ts) and the web pages. Periods are inclusive ISO dates.
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
