/**
 * The analysis views: the chain view (crime-script lanes, with the analyst's own placements),
 * the timeline, the map (with positions placed by hand) and the transactions behind one flow of
 * the money-flow view (the flows themselves are GET /finance/flows). Each handler calls one use
 * case of services/views.
 */
import { z } from 'zod';
import {
  ChainPlacementBody,
  EntityRefQuery,
  FlowTransactionsQuery,
  MapPositionBody,
  ViewPeriodQuery,
} from '../../../shared/contracts/views.ts';
import {
  flowLines,
  openChain,
  openMap,
  openTimeline,
  placeEntityInLane,
  placeEntityOnMap,
  unplaceEntityFromLane,
  unplaceEntityFromMap,
} from '../../../services/views/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

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
    handler: ({ store, caller, caseId, query }) => openChain(store, caller, caseId, query),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/views/chain/placements',
    tag: 'views',
    summary: 'Place an entity in a lane of the chain by hand (or `none`: keep it out); kept until removed',
    params: CaseParams,
    body: ChainPlacementBody,
    access: write,
    handler: ({ store, caller, caseId, body }) => placeEntityInLane(store, caller, caseId, body),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/views/chain/placements',
    tag: 'views',
    summary: "Remove the analyst's placement of an entity; the rules place it again",
    params: CaseParams,
    query: EntityRefQuery,
    access: write,
    handler: ({ store, caller, caseId, query }) => unplaceEntityFromLane(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/views/timeline',
    tag: 'views',
    summary:
      'Events, periods of work, posting, housing, recruitments, ads and companies over time, with statement lines per day',
    params: CaseParams,
    access: read,
    handler: ({ store, caller, caseId }) => openTimeline(store, caller, caseId),
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
    handler: ({ store, caller, caseId, query }) => openMap(store, caller, caseId, query),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/views/map/positions',
    tag: 'views',
    summary: 'Place or correct a point on the map by hand; it wins over the gazetteer',
    params: CaseParams,
    body: MapPositionBody,
    access: write,
    handler: ({ store, caller, caseId, body }) => placeEntityOnMap(store, caller, caseId, body),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/views/map/positions',
    tag: 'views',
    summary: 'Remove a position placed by hand; the gazetteer places the point again',
    params: CaseParams,
    query: EntityRefQuery,
    access: write,
    handler: ({ store, caller, caseId, query }) => unplaceEntityFromMap(store, caller, caseId, query),
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
    handler: ({ store, caller, caseId, query }) => flowLines(store, caller, caseId, query),
  });
}
