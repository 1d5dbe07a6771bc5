/**
 * The chart's legend: every mark, colour and number the chart uses, for the types and edge kinds
 * actually drawn — type icons and colours (or communities), link, money, selector and communication edges with
 * what their numbers mean, what the disc size says, pseudonyms, how labels are thinned — and the
 * count of entities hidden for having no link, with the switch to show them.
 */
import { useTranslation } from 'react-i18next';
import type { MultiDirectedGraph } from 'graphology';
import { TypeChip } from '../../../ui/EntityBadge.tsx';
import type { Measure } from '../graph/analysis.ts';
import { EDGE_STYLE } from '../graph/drawn.ts';

interface Props {
  graph: MultiDirectedGraph;
  colourBy: 'type' | 'community';
  sizeBy: Measure | 'none';
  pseudonyms: boolean;
  isolated: number;
  showIsolated: boolean;
  onShowIsolated: (show: boolean) => void;
}

function EdgeSwatch({ kind }: { kind: keyof typeof EDGE_STYLE }) {
  const width = kind === 'money' ? 3 : kind === 'selector' ? 1 : kind === 'communication' ? 2 : 1.5;
  return (
    <svg width="34" height="10" viewBox="0 0 34 10" aria-hidden="true" className="legend-swatch">
      <line x1="1" y1="5" x2="26" y2="5" stroke={EDGE_STYLE[kind].color} strokeWidth={width} />
      <path d="M26 1.5 33 5 26 8.5z" fill={EDGE_STYLE[kind].color} />
    </svg>
  );
}

export function ChartLegend({ graph, colourBy, sizeBy, pseudonyms, isolated, showIsolated, onShowIsolated }: Props) {
  const { t } = useTranslation();
  const types = new Set<string>();
  graph.forEachNode((_id, a) => types.add(String(a.schema)));
  const kinds = new Set<string>();
  graph.forEachEdge((_id, a) => kinds.add(String(a.kind)));
  return (
    <section className="panel chart-panel chart-legend" aria-labelledby="chart-legend-h" data-testid="chart-legend">
      <h2 id="chart-legend-h">{t('chartLegend.title')}</h2>
      <p className="small">{t(colourBy === 'community' ? 'chartLegend.communities' : 'chartLegend.types')}</p>
      <ul className="legend-list">
        {[...types].sort().map((s) => (
          <li key={s}>
            <TypeChip schema={s} size={14} /> {t(`schema.${s}.other`, { defaultValue: s })}
          </li>
        ))}
      </ul>
      <ul className="legend-list">
        {(['link', 'money', 'selector', 'communication'] as const)
          .filter((k) => kinds.has(k))
          .map((k) => (
            <li key={k}>
              <EdgeSwatch kind={k} /> {t(`chartLegend.${k}`)}
            </li>
          ))}
      </ul>
      <p className="small">
        {sizeBy === 'none'
          ? t('chartLegend.sizeLinks')
          : t('chartLegend.sizeMeasure', { measure: t(`chart.measure.${sizeBy}`, { defaultValue: sizeBy }) })}
      </p>
      {pseudonyms ? <p className="small">{t('chartLegend.pseudonym')}</p> : null}
      <p className="small">{t('chartLegend.labels')}</p>
      {isolated > 0 ? (
        <p className="small" data-testid="chart-isolated">
          {t(showIsolated ? 'chartLegend.isolatedShown' : 'chartLegend.isolatedHidden', { count: isolated })}{' '}
          <button type="button" className="btn subtle" onClick={() => onShowIsolated(!showIsolated)}>
            {t(showIsolated ? 'chartLegend.hideIsolated' : 'chartLegend.showIsolated')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
