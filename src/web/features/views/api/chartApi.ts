/** The link chart's server calls: the case graph, walks, and saved charts. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseGraphOut,
  ChartBody,
  ChartOut,
  ChartSummaryOut,
  PathsOut,
} from '../../../../shared/contracts/views.ts';
import { api, get, qs } from '../../../ui/api/client.ts';
import type { Period } from '../../../state/viewFilter.ts';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const periodParams = (p: Period | null) => ({ from: p?.from?.slice(0, 10), to: p?.to?.slice(0, 10) });

export const chartKeys = {
  charts: (caseId: string) => ['case', caseId, 'data', 'charts'] as const,
};

export const fetchWholeGraph = (caseId: string, period: Period | null, signal?: AbortSignal) =>
  get<CaseGraphOut>(`${base(caseId)}/graph${qs(periodParams(period))}`, signal);

export const fetchNeighbourhood = (
  caseId: string,
  ids: readonly string[],
  steps: number,
  period: Period | null,
  signal?: AbortSignal,
) => get<CaseGraphOut>(`${base(caseId)}/graph/neighbourhood${qs({ ids, steps, ...periodParams(period) })}`, signal);

export const fetchPaths = (caseId: string, source: string, target: string, period: Period | null) =>
  get<PathsOut>(`${base(caseId)}/graph/paths${qs({ source, target, ...periodParams(period) })}`);

export const useSavedCharts = (caseId: string) =>
  useQuery({
    queryKey: chartKeys.charts(caseId),
    queryFn: ({ signal }) => get<{ charts: ChartSummaryOut[] }>(`${base(caseId)}/charts`, signal),
  });

export const fetchChart = (caseId: string, id: string, signal?: AbortSignal) =>
  get<ChartOut>(`${base(caseId)}/charts/${encodeURIComponent(id)}`, signal);

export function useChartMutations(caseId: string) {
  const qc = useQueryClient();
  const done = <T>(p: Promise<T>) => p.finally(() => void qc.invalidateQueries({ queryKey: chartKeys.charts(caseId) }));
  return {
    create: (body: ChartBody) => done(api<ChartOut>('POST', `${base(caseId)}/charts`, body)),
    update: (id: string, body: ChartBody & { version: number }) =>
      done(api<ChartSummaryOut>('PUT', `${base(caseId)}/charts/${encodeURIComponent(id)}`, body)),
    remove: (id: string) => done(api('DELETE', `${base(caseId)}/charts/${encodeURIComponent(id)}`)),
    importFile: (name: string, format: 'graphml' | 'gexf', content: string) =>
      done(api<ChartOut>('POST', `${base(caseId)}/charts/import`, { name, format, content })),
  };
}

export const exportUrl = (caseId: string, id: string, format: 'graphml' | 'gexf') =>
  `${base(caseId)}/charts/${encodeURIComponent(id)}/export?format=${format}`;
