/**
 * Which graph the chart shows, from the address: a saved chart (`?chart=`), a walk from an
 * entity (`?focus=`, expanded step by step), or the whole case when it is small enough. The
 * shared period applies to all of them (the server filters by it).
 */
import { useEffect, useState } from 'react';
import type { CaseGraphOut, ChartOut } from '../../../../shared/contracts/views.ts';
import type { Period } from '../../../state/viewFilter.ts';
import { fetchChart, fetchNeighbourhood, fetchWholeGraph } from './chartApi.ts';

export interface ChartSource {
  chartId: string | null;
  focus: string | null;
  steps: number;
}

export interface ChartData {
  data: CaseGraphOut | null;
  chart: ChartOut | null;
  loading: boolean;
  error: unknown;
}

export function useChartData(caseId: string, src: ChartSource, period: Period | null): ChartData {
  const [state, setState] = useState<ChartData>({ data: null, chart: null, loading: true, error: null });
  const periodKey = `${period?.from ?? ''}|${period?.to ?? ''}`;
  useEffect(() => {
    const ac = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    const load = async (): Promise<Pick<ChartData, 'data' | 'chart'>> => {
      if (src.chartId) {
        const chart = await fetchChart(caseId, src.chartId, ac.signal);
        if (chart.graph) return { data: chart.graph, chart };
        const ids = chart.content.nodes.map((n) => n.id);
        const chartPeriod = period ?? chart.content.period;
        if (ids.length <= 500) return { data: await fetchNeighbourhood(caseId, ids, 0, chartPeriod, ac.signal), chart };
        const whole = await fetchWholeGraph(caseId, chartPeriod, ac.signal);
        const keep = new Set(ids);
        const nodes = whole.nodes.filter((n) => keep.has(n.id));
        return {
          data: { ...whole, nodes, edges: whole.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) },
          chart,
        };
      }
      if (src.focus)
        return { data: await fetchNeighbourhood(caseId, [src.focus], src.steps, period, ac.signal), chart: null };
      return { data: await fetchWholeGraph(caseId, period, ac.signal), chart: null };
    };
    load().then(
      (r) => setState({ ...r, loading: false, error: null }),
      (error: unknown) => {
        if (!ac.signal.aborted) setState({ data: null, chart: null, loading: false, error });
      },
    );
    return () => ac.abort();
    // periodKey stands for the period's value.
  }, [caseId, src.chartId, src.focus, src.steps, periodKey]);
  return state;
}
