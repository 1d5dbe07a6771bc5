/**
 * The link chart: entities and links of the case drawn with sigma.js (WebGL), expanded step by
 * step from an entity, filtered by type, link type, tag, grading and the shared period, with
 * shortest paths, communities and centrality, ForceAtlas2 (in a worker) or a layered layout for
 * subcontracting chains, selection shared with every view, saving, export and import.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Sigma from 'sigma';
import type { ChartEdgeOut, ChartFilters, ChartNodeOut } from '../../../../shared/contracts/views.ts';
import { navigate, useQueryParam } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod, useViewFilter } from '../../../state/viewFilter.ts';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { communities, measure, ranked } from '../graph/analysis.ts';
import type { Measure } from '../graph/analysis.ts';
import { fetchPaths, useSavedCharts } from '../api/chartApi.ts';
import { ChartCanvas } from '../components/ChartCanvas.tsx';
import type { Highlight } from '../components/ChartCanvas.tsx';
import { ChartLegend } from '../components/ChartLegend.tsx';
import { ChartToolbar } from '../components/ChartToolbar.tsx';
import { FiltersPanel, KeyPlayers, SavedCharts, TextAlternative } from '../components/ChartPanels.tsx';
import { connectedParts, isolatedNodes, partPositions } from '../graph/components.ts';
import { degrees, drawnGraph, EMPTY_FILTERS, mergeGraphs } from '../graph/drawn.ts';
import { forceLayout } from '../graph/layout.ts';
import { useChartData } from '../api/useChartData.ts';

/** Above this many drawn nodes the ids are not written into the page (testability contract). */
const MAX_IDS_IN_DOM = 5000;
/** Charts up to this many nodes are laid out by ForceAtlas2 as soon as they arrive. */
const AUTO_LAYOUT_MAX = 3000;

export function ChartPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  usePageTitle(t('nav.chart'));
  const chartId = useQueryParam('chart');
  const focus = useQueryParam('focus');
  const steps = Number(useQueryParam('steps') ?? '0') || 0;
  const period = usePeriod(caseId);
  const { data: loaded, chart, loading, error } = useChartData(caseId, { chartId, focus, steps }, period);
  const saved = useSavedCharts(caseId);
  const [extra, setExtra] = useState<ReturnType<typeof mergeGraphs> | null>(null);
  const [filters, setFilters] = useState<ChartFilters>(EMPTY_FILTERS);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const positions = useRef(new Map<string, { x: number; y: number }>());
  const [layoutTick, setLayoutTick] = useState(0);
  const [colourBy, setColourBy] = useState<'type' | 'community'>('type');
  const [sizeBy, setSizeBy] = useState<Measure | 'none'>('none');
  const [path, setPath] = useState<{ nodes: string[]; edges: string[] } | null>(null);
  const [pathEnds, setPathEnds] = useState<{ source: string | null; target: string | null }>({
    source: null,
    target: null,
  });
  const [pathMessage, setPathMessage] = useState<string | null>(null);
  const [showText, setShowText] = useState(false);
  const [showIsolated, setShowIsolated] = useState(false);
  const [renderer, setRenderer] = useState<Sigma | null>(null);
  const selectedState = useSelection((s) => s.selected);
  const selected = selectedState?.caseId === caseId ? selectedState.entityId : null;

  // A new source (address or period) starts a fresh chart; a saved chart brings its layout.
  // Nothing is changed that was already so: each change rebuilds the renderer, and on a big case a
  // second build on opening doubled the time to the first drawn chart.
  useEffect(() => {
    setExtra(null);
    setPath(null);
    const saved = chart?.content.nodes ?? [];
    if (saved.length || positions.current.size) {
      positions.current = new Map(saved.map((n) => [n.id, { x: n.x, y: n.y }]));
      setLayoutTick((x) => x + 1);
    }
    const nextPinned = saved.filter((n) => n.pinned).map((n) => n.id);
    setPinned((p) => (p.size === 0 && nextPinned.length === 0 ? p : new Set(nextPinned)));
    if (chart) setFilters(chart.content.filters);
  }, [loaded, chart]);

  const data = useMemo(
    () => (loaded ? mergeGraphs(loaded, extra ?? { nodes: [], edges: [], truncated: false, total: 0 }) : null),
    [loaded, extra],
  );
  const byId = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data]);
  const edgeLabel = useCallback(
    (e: ChartEdgeOut) =>
      e.kind === 'money'
        ? (e.amounts ?? []).map((a) => `${f.money(a.amountMinor / 100, a.currency)} ×${a.count}`).join(' · ')
        : e.kind === 'communication'
          ? [t('chart.communication', { count: e.count ?? 0 }), [...new Set([e.first, e.last])].map(f.date).join(' – ')]
              .filter(Boolean)
              .join(' · ')
          : `${t(`schema.${e.schema}.one`, { defaultValue: e.schema })}${e.label ? `: ${e.label}` : ''}`,
    [f, t],
  );
  const nodeLabel = useCallback((n: ChartNodeOut) => n.caption, []);
  // Entities without any link are hidden unless asked for (the focus and pinned ones stay), and
  // the rest start in connected parts, the largest in the middle, hubs at each part's centre.
  const isolated = useMemo(
    () => (data ? isolatedNodes(data, new Set([...(focus ? [focus] : []), ...pinned])) : new Set<string>()),
    [data, focus, pinned],
  );
  const hidden = useMemo(() => (showIsolated ? new Set<string>() : isolated), [isolated, showIsolated]);
  const firstPlacement = useMemo(() => {
    if (!data) return new Map<string, { x: number; y: number }>();
    const links = degrees(data);
    const parts = connectedParts(
      data.nodes.filter((n) => !hidden.has(n.id)).map((n) => n.id),
      data.edges,
    ).map((ids) => [...ids].sort((a, b) => (links.get(b) ?? 0) - (links.get(a) ?? 0)));
    return partPositions(parts);
  }, [data, hidden]);

  const plain = useMemo(
    () =>
      data
        ? drawnGraph(data, {
            filters,
            positions: positions.current,
            firstPlacement,
            hidden,
            pinned,
            community: null,
            sizeBy: null,
            nodeLabel,
            edgeLabel,
          })
        : null,
    [data, filters, pinned, nodeLabel, edgeLabel, layoutTick, firstPlacement, hidden],
  );
  const community = useMemo(() => (plain && colourBy === 'community' ? communities(plain) : null), [plain, colourBy]);
  const sizes = useMemo(() => (plain && sizeBy !== 'none' ? measure(plain, sizeBy) : null), [plain, sizeBy]);
  const graph = useMemo(
    () =>
      data && (community || sizes)
        ? drawnGraph(data, {
            filters,
            positions: positions.current,
            firstPlacement,
            hidden,
            pinned,
            community,
            sizeBy: sizes,
            nodeLabel,
            edgeLabel,
          })
        : plain,
    [data, plain, community, sizes, filters, pinned, nodeLabel, edgeLabel, firstPlacement, hidden],
  );
  const drawnIds = useMemo(() => (graph ? graph.nodes().sort() : []), [graph]);
  const drawnSet = useMemo(() => new Set(drawnIds), [drawnIds]);
  const highlight: Highlight = useMemo(
    () => ({ path: path?.nodes ?? [], pathEdges: new Set(path?.edges ?? []), selected }),
    [path, selected],
  );

  const select = useCallback((id: string) => useSelection.getState().select(caseId, id), [caseId]);
  const moved = useCallback((id: string, x: number, y: number) => {
    positions.current.set(id, { x, y });
    setPinned((p) => new Set([...p, id]));
  }, []);
  const applyPositions = useCallback(
    (next: ReadonlyMap<string, { x: number; y: number }>) => {
      for (const [id, p] of next) if (!pinned.has(id)) positions.current.set(id, p);
      setLayoutTick((x) => x + 1);
    },
    [pinned],
  );

  // A chart without a layout of its own is laid out by ForceAtlas2 once it arrives (small ones;
  // big ones keep the quick placement until the analyst asks).
  useEffect(() => {
    if (
      !plain ||
      plain.order === 0 ||
      plain.order > AUTO_LAYOUT_MAX ||
      plain.everyNode((id) => positions.current.has(id))
    )
      return;
    const job = forceLayout({
      nodes: plain.mapNodes((id, a) => ({ id, x: Number(a.x), y: Number(a.y), fixed: pinned.has(id) })),
      edges: plain.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
      iterations: 300,
    });
    job.promise.then(applyPositions, () => undefined);
    return () => job.cancel();
  }, [data]);

  useEffect(() => {
    const { source, target } = pathEnds;
    if (!source || !target) return;
    let live = true;
    setPathMessage(null);
    fetchPaths(caseId, source, target, period).then(
      (r) => {
        if (!live) return;
        const first = r.paths[0];
        if (!first) {
          setPath(null);
          setPathMessage(t('chart.noPath'));
          return;
        }
        setExtra((x) => mergeGraphs(x, r.graph));
        setPath(first);
        setPathMessage(t('chart.pathFound', { paths: r.paths.length, hops: first.nodes.length - 1 }));
      },
      () => live && setPathMessage(t('chart.noPath')),
    );
    return () => {
      live = false;
    };
  }, [caseId, pathEnds, period, t]);

  const ranking = useMemo(() => (sizes ? ranked(sizes, 10) : null), [sizes]);
  const clearPeriod = () => useViewFilter.getState().setPeriod(caseId, null);

  return (
    <div className="chart-page">
      <div className="page-header">
        <h1>{chart ? `${t('nav.chart')}: ${chart.name}` : t('nav.chart')}</h1>
        {period ? (
          <Notice kind="info" icon="eye">
            {t('chart.periodActive', { from: period.from ?? '…', to: period.to ?? '…' })}{' '}
            <button type="button" className="btn subtle" onClick={clearPeriod}>
              {t('chart.clearPeriod')}
            </button>
          </Notice>
        ) : null}
      </div>
      <ChartToolbar
        caseId={caseId}
        data={data}
        chart={chart}
        renderer={renderer}
        graph={graph}
        selected={selected}
        focus={focus}
        steps={steps}
        pinned={pinned}
        positions={positions.current}
        filters={filters}
        unlinkedHidden={hidden.size}
        period={period}
        colourBy={colourBy}
        setColourBy={setColourBy}
        sizeBy={sizeBy}
        setSizeBy={setSizeBy}
        onPin={(id) => setPinned((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])))}
        onExpandSelected={(g) => setExtra((x) => mergeGraphs(x, g))}
        onPathFrom={(id) => setPathEnds((e) => ({ ...e, source: id }))}
        onPathTo={(id) => setPathEnds((e) => ({ ...e, target: id }))}
        onClearPath={() => {
          setPath(null);
          setPathEnds({ source: null, target: null });
          setPathMessage(null);
        }}
        onPositions={applyPositions}
        showText={showText}
        setShowText={setShowText}
        onStart={(id) => navigate(paths.chart(caseId, { focus: id }))}
      />
      <p className="muted small" aria-live="polite">
        {pathEnds.source
          ? t('chart.pathFromLabel', { name: byId.get(pathEnds.source)?.caption ?? pathEnds.source })
          : null}{' '}
        {pathEnds.target
          ? t('chart.pathToLabel', { name: byId.get(pathEnds.target)?.caption ?? pathEnds.target })
          : null}{' '}
        {pathMessage}
      </p>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {data?.truncated && data.nodes.length === 0 ? (
        <Notice kind="warning" icon="warning">
          {t('chart.tooBig', { n: data.total })}
        </Notice>
      ) : null}
      <div className="chart-layout">
        <div
          className="chart-stage"
          data-testid="link-chart"
          data-node-count={drawnIds.length}
          {...(drawnIds.length <= MAX_IDS_IN_DOM
            ? { 'data-node-ids': drawnIds.join(' '), 'data-highlighted-path': (path?.nodes ?? []).join(' ') }
            : {})}
          data-loading={loading ? 'true' : 'false'}
        >
          {graph ? (
            <ChartCanvas
              graph={graph}
              highlight={highlight}
              onSelect={select}
              onMoved={moved}
              onRenderer={setRenderer}
              label={t('chart.canvasLabel', { nodes: drawnIds.length, links: graph.size })}
            />
          ) : null}
          <p className="muted small chart-count">
            {t('chart.counts', { nodes: drawnIds.length, links: graph?.size ?? 0 })}
          </p>
        </div>
        <aside className="chart-side">
          {graph ? (
            <ChartLegend
              graph={graph}
              colourBy={colourBy}
              sizeBy={sizeBy}
              pseudonyms={data?.nodes.some((n) => n.pseudonymised) ?? false}
              isolated={isolated.size}
              showIsolated={showIsolated}
              onShowIsolated={setShowIsolated}
            />
          ) : null}
          {ranking ? (
            <KeyPlayers
              measureName={sizeBy as Measure}
              ranking={ranking}
              caption={(id) => byId.get(id)?.caption ?? id}
              onSelect={select}
            />
          ) : null}
          {data ? <FiltersPanel data={data} filters={filters} onChange={setFilters} /> : null}
          <SavedCharts caseId={caseId} charts={saved.data?.charts ?? []} current={chartId} />
        </aside>
      </div>
      {showText && data ? (
        <TextAlternative
          data={data}
          drawn={drawnSet}
          selected={selected}
          onSelect={select}
          edgeLabel={(id) => {
            const e = data.edges.find((x) => x.id === id);
            return e ? edgeLabel(e) : '';
          }}
        />
      ) : null}
    </div>
  );
}
