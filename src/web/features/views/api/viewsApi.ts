/** Server state of the analysis views (routes/views.ts and the finance flows), through TanStack Query. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, get, qs } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import type { FlowEdgeOut, FlowNodeOut } from '../../../../shared/contracts/finance.ts';
import type { ChainOut, MapOut, TimelineOut } from '../../../../shared/contracts/views.ts';
import type { Period } from '../../../state/viewFilter.ts';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
export const periodParams = (p: Period | null) => ({ from: p?.from?.slice(0, 10), to: p?.to?.slice(0, 10) });

export const useChain = (caseId: string, period: Period | null) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'views', 'chain', period],
    queryFn: ({ signal }) => get<ChainOut>(`${base(caseId)}/views/chain${qs(periodParams(period))}`, signal),
    placeholderData: keepPreviousData,
  });

export const useTimeline = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'views', 'timeline'],
    queryFn: ({ signal }) => get<TimelineOut>(`${base(caseId)}/views/timeline`, signal),
  });

export const useMap = (caseId: string, period: Period | null) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'views', 'map', period],
    queryFn: ({ signal }) => get<MapOut>(`${base(caseId)}/views/map${qs(periodParams(period))}`, signal),
    placeholderData: keepPreviousData,
  });

/** The finance flow aggregation (GET /finance/flows): the one the money-flow view draws. */
export const useFlows = (caseId: string, period: Period | null, level: 'entity' | 'account') =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'views', 'flows', period, level],
    queryFn: ({ signal }) =>
      get<{ level: string; nodes: FlowNodeOut[]; edges: FlowEdgeOut[] }>(
        `${base(caseId)}/finance/flows${qs({ ...periodParams(period), level, limit: 5000 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export interface FlowLine {
  id: string;
  accountId: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  amountMinor: number;
  currency: string;
  bookingDate: string;
  text: string | null;
  reference: string | null;
  kind: string | null;
}

export const useFlowLines = (
  caseId: string,
  flow: { source: string; target: string; currency: string } | null,
  period: Period | null,
  level: 'entity' | 'account',
) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'views', 'flowLines', flow, period, level],
    queryFn: ({ signal }) =>
      get<{ debits: number; credits: number; transactions: FlowLine[] }>(
        `${base(caseId)}/views/money-flow/transactions${qs({ ...(flow ?? {}), ...periodParams(period), level })}`,
        signal,
      ),
    enabled: !!flow,
  });

export const placeInLane = (caseId: string, body: { entityId: string; lane: string; note?: string }) =>
  api('PUT', `${base(caseId)}/views/chain/placements`, body);
export const removeLanePlacement = (caseId: string, entityId: string) =>
  api('DELETE', `${base(caseId)}/views/chain/placements${qs({ entityId })}`);
export const placeOnMap = (caseId: string, body: { entityId: string; latitude: number; longitude: number }) =>
  api('PUT', `${base(caseId)}/views/map/positions`, body);
export const removeMapPosition = (caseId: string, entityId: string) =>
  api('DELETE', `${base(caseId)}/views/map/positions${qs({ entityId })}`);
