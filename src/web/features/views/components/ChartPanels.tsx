/** The chart's side panels: filters, key players, saved charts, and the text alternative to the canvas. */
import { useTranslation } from 'react-i18next';
import type { CaseGraphOut, ChartFilters, ChartSummaryOut } from '../../../../shared/contracts/views.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { TypeChip } from '../../../ui/EntityBadge.tsx';
import type { Measure } from '../graph/analysis.ts';

export function FiltersPanel({
  data,
  filters,
  onChange,
}: {
  data: CaseGraphOut;
  filters: ChartFilters;
  onChange: (f: ChartFilters) => void;
}) {
  const { t } = useTranslation();
  const types = [...new Set(data.nodes.map((n) => n.schema))].sort();
  const linkTypes = [...new Set(data.edges.map((e) => e.schema))].sort();
  const tags = [...new Set(data.nodes.flatMap((n) => n.tags))].sort();
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <section className="panel chart-panel" aria-labelledby="chart-filters-h">
      <h2 id="chart-filters-h">{t('chart.filters')}</h2>
      <fieldset>
        <legend>{t('chart.entityTypes')}</legend>
        {types.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenTypes.includes(s)}
              onChange={() => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, s) })}
            />
            <TypeChip schema={s} size={14} /> {t(`schema.${s}.other`, { defaultValue: s })}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('chart.linkTypes')}</legend>
        {linkTypes.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenLinkTypes.includes(s)}
              onChange={() => onChange({ ...filters, hiddenLinkTypes: toggle(filters.hiddenLinkTypes, s) })}
            />
            {s === 'Money' ? t('chart.money') : t(`schema.${s}.other`, { defaultValue: s })}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('chart.tag')}</span>
        <select value={filters.tag ?? ''} onChange={(e) => onChange({ ...filters, tag: e.target.value || null })}>
          <option value="">{t('chart.anyTag')}</option>
          {tags.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('chart.minReliability')}</span>
        <select
          value={filters.minReliability ?? ''}
          onChange={(e) =>
            onChange({ ...filters, minReliability: (e.target.value || null) as ChartFilters['minReliability'] })
          }
        >
          <option value="">{t('chart.anyGrading')}</option>
          {['A', 'B', 'C', 'D'].map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('chart.minInformation')}</span>
        <select
          value={filters.minInformation ?? ''}
          onChange={(e) =>
            onChange({ ...filters, minInformation: (e.target.value || null) as ChartFilters['minInformation'] })
          }
        >
          <option value="">{t('chart.anyGrading')}</option>
          {['1', '2', '3', '4'].map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

export function KeyPlayers({
  measureName,
  ranking,
  caption,
  onSelect,
}: {
  measureName: Measure;
  ranking: [string, number][];
  caption: (id: string) => string;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel chart-panel" aria-labelledby="chart-key-h">
      <h2 id="chart-key-h">{t('chart.keyPlayers', { measure: t(`chart.measure.${measureName}`) })}</h2>
      <ol className="key-players">
        {ranking.map(([id, v]) => (
          <li key={id}>
            <button type="button" className="link-button" onClick={() => onSelect(id)}>
              {caption(id)}
            </button>{' '}
            <span className="muted small">{v.toFixed(v < 10 ? 3 : 0)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SavedCharts({
  caseId,
  charts,
  current,
}: {
  caseId: string;
  charts: readonly ChartSummaryOut[];
  current: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel chart-panel" aria-labelledby="chart-saved-h">
      <h2 id="chart-saved-h">{t('chart.saved')}</h2>
      {charts.length === 0 ? (
        <p className="muted small">{t('chart.noneSaved')}</p>
      ) : (
        <ul className="saved-charts">
          {charts.map((c) => (
            <li key={c.id}>
              <Link
                to={paths.chart(caseId, { chart: c.id })}
                {...(c.id === current ? { 'aria-current': 'page' as const } : {})}
              >
                {c.name}
              </Link>{' '}
              <span className="muted small">
                {t('chart.nodes', { n: c.nodes })}
                {c.imported ? ` · ${t('chart.importedMark')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every drawn node and link as a table, for screen readers and for reading exact values. */
export function TextAlternative({
  data,
  drawn,
  selected,
  onSelect,
  edgeLabel,
}: {
  data: CaseGraphOut;
  drawn: ReadonlySet<string>;
  selected: string | null;
  onSelect: (id: string) => void;
  edgeLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const nodes = data.nodes.filter((n) => drawn.has(n.id)).slice(0, 2000);
  const caption = new Map(data.nodes.map((n) => [n.id, n.caption]));
  const edges = data.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).slice(0, 4000);
  return (
    <div className="chart-text" data-testid="chart-text">
      <table className="table compact">
        <caption>{t('chart.nodesTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.entity')}</th>
            <th scope="col">{t('chart.type')}</th>
            <th scope="col">{t('chart.grading')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id} data-node-id={n.id} aria-selected={n.id === selected}>
              <td>
                <button
                  type="button"
                  className={n.pseudonymised ? 'link-button pseudonym' : 'link-button'}
                  onClick={() => onSelect(n.id)}
                >
                  {n.caption}
                </button>
              </td>
              <td>
                <TypeChip schema={n.schema} size={14} /> {t(`schema.${n.schema}.one`, { defaultValue: n.schema })}
              </td>
              <td>
                {n.reliability}
                {n.information}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table compact">
        <caption>{t('chart.linksTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.from')}</th>
            <th scope="col">{t('chart.link')}</th>
            <th scope="col">{t('chart.to')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.id}>
              <td>{caption.get(e.source)}</td>
              <td>{edgeLabel(e.id)}</td>
              <td>{caption.get(e.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
