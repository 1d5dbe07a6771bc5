/**
 * The analysis views: the chain view (crime-script lanes, with the analyst's own placements),
 * the timeline, the map (with positions placed by hand) and the transactions behind one flow of
 * the money-flow view (the flows themselves are GET /finance/flows). Handlers only check input
 * and call services/{chainView,timeline,geo,moneyFlow}.ts.
 */
import { z } from 'zod';
import {
  ChainPlacementBody,
  EntityRefQuery,
  FlowTransactionsQuery,
  MapPositionBody,
  ViewPeriodQuery,
} from '../../../shared/contracts/views.ts';
import { chainView, placeInLane, unplaceFromLane } from '../../../services/views/chain.ts';
import { mapView, placeOnMap, unplaceFromMap } from '../../../services/views/geo.ts';
import { flowTransactions } from '../../../services/views/moneyFlow.ts';
import { timelineView } from '../../../services/views/timeline.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;
const periodOf = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from || q.to ? { from: q.from ?? null, to: q.to ?? null } : null;

export function viewRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/views/chain',
    tag: 'views',
    summary:
      'The case along the crime script: each entity in its lanes with the reasons, the persons exploited, the unplaced, flows between stages',
    params: CaseParams,
    query: ViewPeriodQuery,
    access: read,
    audit: { action: 'consultation', target: 'chain' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await chainView(store, access, periodOf(query));
      auditIds([...out.items, ...out.exploited, ...out.unplaced].map((x) => x.id));
      Object.assign(auditDetail, { from: query.from, to: query.to });
      return out;
    },
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/views/chain/placements',
    tag: 'views',
    summary: 'Place an entity in a lane of the chain by hand (or `none`: keep it out); kept until removed',
    params: CaseParams,
    body: ChainPlacementBody,
    access: write,
    audit: { action: 'alteration', target: 'chain_placement' },
    handler: async ({ store, body, actor, access, setAuditTarget, auditDetail }) => {
      const out = await placeInLane(store, actor, access, body);
      setAuditTarget(body.entityId);
      auditDetail.lane = body.lane;
      return out;
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/views/chain/placements',
    tag: 'views',
    summary: "Remove the analyst's placement of an entity; the rules place it again",
    params: CaseParams,
    query: EntityRefQuery,
    access: write,
    audit: { action: 'alteration', target: 'chain_placement' },
    handler: async ({ store, query, access, setAuditTarget }) => {
      setAuditTarget(query.entityId);
      return unplaceFromLane(store, access, query.entityId);
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/views/timeline',
    tag: 'views',
    summary:
      'Events, periods of work, posting, housing, recruitments, ads and companies over time, with statement lines per day',
    params: CaseParams,
    access: read,
    audit: { action: 'consultation', target: 'timeline' },
    handler: async ({ store, access, auditIds }) => {
      const out = await timelineView(store, access);
      auditIds(out.items.map((i) => i.id));
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/views/map',
    tag: 'views',
    summary:
      'Addresses, ad locations, recruitment places and exploitation sites placed at city level, trips and journeys as routes',
    params: CaseParams,
    query: ViewPeriodQuery,
    access: read,
    audit: { action: 'consultation', target: 'map' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await mapView(store, access, periodOf(query));
      auditIds(out.markers.map((m) => m.entityId));
      Object.assign(auditDetail, { from: query.from, to: query.to, unplaced: out.unplaced.length });
      return out;
    },
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/views/map/positions',
    tag: 'views',
    summary: 'Place or correct a point on the map by hand; it wins over the gazetteer',
    params: CaseParams,
    body: MapPositionBody,
    access: write,
    audit: { action: 'alteration', target: 'map_position' },
    handler: async ({ store, body, actor, access, setAuditTarget }) => {
      setAuditTarget(body.entityId);
      return placeOnMap(store, actor, access, body);
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/views/map/positions',
    tag: 'views',
    summary: 'Remove a position placed by hand; the gazetteer places the point again',
    params: CaseParams,
    query: EntityRefQuery,
    access: write,
    audit: { action: 'alteration', target: 'map_position' },
    handler: async ({ store, query, access, setAuditTarget }) => {
      setAuditTarget(query.entityId);
      return unplaceFromMap(store, access, query.entityId);
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/views/money-flow/transactions',
    tag: 'views',
    summary: 'The statement lines behind one flow of the money-flow view',
    params: CaseParams,
    query: FlowTransactionsQuery,
    response: z.object({ debits: z.number(), credits: z.number(), transactions: z.array(z.unknown()) }),
    access: read,
    audit: { action: 'consultation', target: 'transactions' },
    handler: async ({ store, query, access, auditIds, auditDetail }) => {
      const out = await flowTransactions(store, access, query);
      auditIds([...new Set(out.transactions.map((t) => t.accountId))]);
      Object.assign(auditDetail, {
        returned: out.transactions.length,
        from: query.from,
        to: query.to,
        currency: query.currency,
      });
      return out;
    },
  });
}
