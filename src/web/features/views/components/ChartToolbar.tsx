/** The chart's commands: where to start, expand, pin, paths, layout, colour and size, save, export, import. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { CaseGraphOut, ChartFilters, ChartOut } from '../../../../shared/contracts/views.ts';
import type { EntityRowOut } from '../../../../shared/contracts/entities.ts';
import { navigate } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import type { Period } from '../../../state/viewFilter.ts';
import { ErrorText } from '../../../ui/feedback.tsx';
import { EntityPicker } from '../../entities/index.ts';
import type { Measure } from '../graph/analysis.ts';
import { exportUrl, fetchNeighbourhood, useChartMutations } from '../api/chartApi.ts';
import { savePng, saveSvg } from '../graph/exportImage.ts';
import { forceLayout, hierarchyPositions } from '../graph/layout.ts';

interface Props {
  caseId: string;
  data: CaseGraphOut | null;
  chart: ChartOut | null;
  renderer: Sigma | null;
  graph: MultiDirectedGraph | null;
  selected: string | null;
  focus: string | null;
  steps: number;
  pinned: ReadonlySet<string>;
  positions: ReadonlyMap<string, { x: number; y: number }>;
  filters: ChartFilters;
  /** Entities not drawn for having no link (the legend counts them). */
  unlinkedHidden: number;
  period: Period | null;
  colourBy: 'type' | 'community';
  setColourBy: (v: 'type' | 'community') => void;
  sizeBy: Measure | 'none';
  setSizeBy: (v: Measure | 'none') => void;
  onPin: (id: string) => void;
  onExpandSelected: (g: CaseGraphOut) => void;
  onPathFrom: (id: string) => void;
  onPathTo: (id: string) => void;
  onClearPath: () => void;
  onPositions: (p: ReadonlyMap<string, { x: number; y: number }>) => void;
  showText: boolean;
  setShowText: (v: boolean) => void;
  onStart: (id: string) => void;
}

export function ChartToolbar(p: Props) {
  const { t } = useTranslation();
  const pickerId = useId();
  const nameId = useId();
  const fileId = useId();
  const [start, setStart] = useState<EntityRowOut | null>(null);
  const [name, setName] = useState(p.chart?.name ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const m = useChartMutations(p.caseId);
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(null);
    }
  };
  const graphPositions = () => {
    const out: { id: string; x: number; y: number; pinned?: boolean }[] = [];
    p.graph?.forEachNode((id, a) =>
      out.push({ id, x: Number(a.x), y: Number(a.y), ...(p.pinned.has(id) ? { pinned: true } : {}) }),
    );
    return out;
  };
  const save = () =>
    run('save', async () => {
      const content = { nodes: graphPositions(), filters: p.filters, period: p.period, layout: 'manual' as const };
      const label = name.trim() || p.chart?.name || '';
      if (p.chart && label === p.chart.name)
        await m.update(p.chart.id, { name: label, content, version: p.chart.version });
      else navigate(paths.chart(p.caseId, { chart: (await m.create({ name: label, content })).id }));
    });
  const layoutForce = () =>
    run('layout', async () => {
      if (!p.graph) return;
      const nodes = p.graph.mapNodes((id, a) => ({ id, x: Number(a.x), y: Number(a.y), fixed: p.pinned.has(id) }));
      const edges = p.graph.mapEdges((_e, _a, s, tgt) => [s, tgt] as [string, string]);
      const iterations = nodes.length > 20_000 ? 30 : nodes.length > 5000 ? 60 : 200;
      p.onPositions(await forceLayout({ nodes, edges, iterations }).promise);
    });
  const importFile = (file: File) =>
    run('import', async () => {
      const format = /\.gexf$/i.test(file.name) ? 'gexf' : 'graphml';
      const out = await m.importFile(file.name.replace(/\.[^.]+$/, ''), format, await file.text());
      navigate(paths.chart(p.caseId, { chart: out.id }));
    });
  const sel = p.selected && p.graph?.hasNode(p.selected) ? p.selected : null;
  const exportName = (ext: string) => `${(p.chart?.name ?? 'link-chart').replace(/[^\p{L}\p{N}._-]+/gu, '-')}.${ext}`;
  return (
    <div className="chart-toolbar" role="toolbar" aria-label={t('chart.toolbar')}>
      <div className="toolbar-group">
        <label htmlFor={pickerId}>{t('chart.startFrom')}</label>
        <EntityPicker
          caseId={p.caseId}
          schemata={[]}
          value={start}
          onChange={(r) => {
            setStart(r);
            if (r) p.onStart(r.id);
          }}
          inputProps={{ id: pickerId }}
        />
        {p.focus ? (
          <button
            type="button"
            className="btn"
            onClick={() => navigate(paths.chart(p.caseId, { focus: p.focus ?? '', steps: String(p.steps + 1) }))}
          >
            {t('chart.expand', { count: p.steps + 1 })}
          </button>
        ) : null}
        {p.focus || p.chart ? (
          <button type="button" className="btn subtle" onClick={() => navigate(paths.chart(p.caseId))}>
            {t('chart.wholeCase')}
          </button>
        ) : null}
      </div>
      <div className="toolbar-group" aria-label={t('chart.selectedNode')}>
        <button
          type="button"
          className="btn"
          disabled={!sel || !!p.chart?.graph}
          onClick={() =>
            sel && run('expand', async () => p.onExpandSelected(await fetchNeighbourhood(p.caseId, [sel], 1, p.period)))
          }
        >
          {t('chart.expandSelected')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!sel}
          aria-pressed={!!sel && p.pinned.has(sel)}
          onClick={() => sel && p.onPin(sel)}
        >
          {t('chart.pin')}
        </button>
        <button type="button" className="btn" disabled={!sel} onClick={() => sel && p.onPathFrom(sel)}>
          {t('chart.pathFrom')}
        </button>
        <button type="button" className="btn" disabled={!sel} onClick={() => sel && p.onPathTo(sel)}>
          {t('chart.pathTo')}
        </button>
        <button type="button" className="btn subtle" onClick={p.onClearPath}>
          {t('chart.clearPath')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn" disabled={busy === 'layout' || !p.graph} onClick={layoutForce}>
          {busy === 'layout' ? t('chart.layingOut') : t('chart.forceLayout')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!p.graph}
          onClick={() => p.graph && p.onPositions(hierarchyPositions(p.graph))}
        >
          {t('chart.hierarchyLayout')}
        </button>
        <label className="inline-field">
          {t('chart.colourBy')}{' '}
          <select value={p.colourBy} onChange={(e) => p.setColourBy(e.target.value as 'type' | 'community')}>
            <option value="type">{t('chart.byType')}</option>
            <option value="community">{t('chart.byCommunity')}</option>
          </select>
        </label>
        <label className="inline-field">
          {t('chart.sizeBy')}{' '}
          <select value={p.sizeBy} onChange={(e) => p.setSizeBy(e.target.value as Measure | 'none')}>
            <option value="none">{t('chart.sizeNone')}</option>
            {(['degree', 'betweenness', 'pagerank'] as const).map((x) => (
              <option key={x} value={x}>
                {t(`chart.measure.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="toolbar-group">
        <label htmlFor={nameId} className="visually-hidden">
          {t('chart.name')}
        </label>
        <input id={nameId} value={name} placeholder={t('chart.name')} onChange={(e) => setName(e.target.value)} />
        <button
          type="button"
          className="btn primary"
          disabled={busy === 'save' || !p.graph || !(name.trim() || p.chart)}
          onClick={save}
        >
          {t('chart.save')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!p.renderer}
          onClick={() => p.renderer && savePng(p.renderer, exportName('png'))}
        >
          PNG
        </button>
        <button
          type="button"
          className="btn"
          disabled={!p.renderer || !p.graph}
          onClick={() => p.renderer && p.graph && saveSvg(p.renderer, p.graph, exportName('svg'))}
        >
          SVG
        </button>
        {p.chart ? (
          <>
            <a className="btn" href={exportUrl(p.caseId, p.chart.id, 'graphml')} download>
              GraphML
            </a>
            <a className="btn" href={exportUrl(p.caseId, p.chart.id, 'gexf')} download>
              GEXF
            </a>
          </>
        ) : (
          <span className="muted small">{t('chart.saveToExport')}</span>
        )}
        <label htmlFor={fileId} className="btn">
          {t('chart.import')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".graphml,.gexf,.xml"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="btn subtle"
          aria-pressed={p.showText}
          onClick={() => p.setShowText(!p.showText)}
        >
          {t('chart.textAlternative')}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="field-error">
          <ErrorText error={problem} />
        </p>
      ) : null}
      {p.data && p.graph && p.data.nodes.length > p.graph.order + p.unlinkedHidden ? (
        <p className="muted small">
          {t('chart.hiddenByFilters', { n: p.data.nodes.length - p.graph.order - p.unlinkedHidden })}
        </p>
      ) : null}
    </div>
  );
}
