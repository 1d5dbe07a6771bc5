/**
 * Money flow: who paid whom, for the shared period, one currency at a time (amounts are never
 * converted: no exchange rate is assumed). Drawn as a flow diagram — payers left, payees right,
 * each band as wide as the money it carries, its amount written on it — over the finance flow
 * aggregation (GET /finance/flows). Click a band or a row for the statement lines behind it;
 * click a party to select it everywhere.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod } from '../../../state/viewFilter.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { moneyOf } from '../../finance/index.ts';
import { layoutFlows } from '../geometry/flowLayout.ts';
import { PeriodBar } from '../components/PeriodBar.tsx';
import type { FlowEdgeOut } from '../../../../shared/contracts/finance.ts';
import { useFlowLines, useFlows } from '../api/viewsApi.ts';
import './views.css';

const W = 1200;

export function MoneyFlowPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  usePageTitle(t('moneyFlow.title'));
  const period = usePeriod(caseId);
  const [level, setLevel] = useState<'entity' | 'account'>('entity');
  const [top, setTop] = useState(40);
  const [currency, setCurrency] = useState<string | null>(null);
  const [active, setActive] = useState<FlowEdgeOut | null>(null);
  const selected = useSelection((s) => (s.selected?.caseId === caseId ? s.selected.entityId : null));
  const select = useSelection((s) => s.select);
  const flows = useFlows(caseId, period, level);
  const currencies = useMemo(() => [...new Set((flows.data?.edges ?? []).map((e) => e.currency))].sort(), [flows.data]);
  const cur =
    currency && currencies.includes(currency)
      ? currency
      : ((currencies.includes('EUR') ? 'EUR' : currencies[0]) ?? null);
  const [focus, setFocus] = useState(false);
  const edges = useMemo(
    () => (flows.data?.edges ?? []).filter((e) => e.currency === cur).sort((a, b) => b.amountMinor - a.amountMinor),
    [flows.data, cur],
  );
  const focused = useMemo(
    () => (focus && selected ? edges.filter((e) => e.from === selected || e.to === selected) : edges),
    [edges, focus, selected],
  );
  const nodes = useMemo(() => new Map((flows.data?.nodes ?? []).map((n) => [n.id, n])), [flows.data]);
  const drawn = useMemo(() => layoutFlows(focused.slice(0, top), W), [focused, top]);
  const lines = useFlowLines(
    caseId,
    active && cur ? { source: active.from, target: active.to, currency: cur } : null,
    period,
    level,
  );

  if (flows.isPending) return <Loading />;
  if (flows.error) return <ErrorMessage error={flows.error} />;
  const caption = (id: string) => nodes.get(id)?.caption ?? id;
  const isEntity = (id: string) => nodes.get(id)?.kind !== 'external';
  const totalInto = selected && cur ? edges.filter((e) => e.to === selected).reduce((s, e) => s + e.amountMinor, 0) : 0;
  const totalOut =
    selected && cur ? edges.filter((e) => e.from === selected).reduce((s, e) => s + e.amountMinor, 0) : 0;

  return (
    <div className="page views-page money-flow-page" data-testid="money-flow-page">
      <header className="page-header">
        <h1>{t('moneyFlow.title')}</h1>
        <PeriodBar caseId={caseId} />
      </header>
      <div className="timeline-controls">
        <span role="group" aria-label={t('moneyFlow.currency')}>
          {currencies.map((c) => (
            <button
              key={c}
              type="button"
              className={`btn small${c === cur ? ' primary' : ''}`}
              aria-pressed={c === cur}
              onClick={() => (setCurrency(c), setActive(null))}
            >
              {c}
            </button>
          ))}
        </span>
        <label htmlFor="flow-level">{t('moneyFlow.level')}</label>
        <select
          id="flow-level"
          value={level}
          onChange={(e) => (setLevel(e.target.value as 'entity' | 'account'), setActive(null))}
        >
          <option value="entity">{t('moneyFlow.levelEntity')}</option>
          <option value="account">{t('moneyFlow.levelAccount')}</option>
        </select>
        <label htmlFor="flow-top">{t('moneyFlow.top')}</label>
        <select id="flow-top" value={top} onChange={(e) => setTop(Number(e.target.value))}>
          {[20, 40, 80, 150].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label className="small">
          <input type="checkbox" checked={focus} disabled={!selected} onChange={(e) => setFocus(e.target.checked)} />{' '}
          {t('moneyFlow.focusSelected')}
        </label>
        <span className="muted small">{t('moneyFlow.noConversion')}</span>
      </div>
      {!edges.length ? (
        <EmptyState icon="payment" title={t('moneyFlow.empty')}>
          {t('moneyFlow.emptyHint')}
        </EmptyState>
      ) : (
        <svg
          className="flow-svg"
          viewBox={`0 0 ${W} ${drawn.height}`}
          role="img"
          aria-label={t('moneyFlow.chartLabel', { count: drawn.links.length, currency: cur ?? '' })}
          data-testid="money-flow-chart"
        >
          {drawn.links.map((l) => {
            const on = active && active.from === l.edge.from && active.to === l.edge.to;
            return (
              <g key={`${l.edge.from}>${l.edge.to}`}>
                <path
                  className={`flow-link${on ? ' active' : ''}`}
                  d={l.path}
                  stroke={on ? '#1a56b0' : '#6a8fc7'}
                  strokeWidth={l.width}
                  onClick={() => setActive(l.edge)}
                  data-source={l.edge.from}
                  data-target={l.edge.to}
                >
                  <title>{`${caption(l.edge.from)} → ${caption(l.edge.to)}: ${moneyOf(f, l.edge.amountMinor, l.edge.currency)} (${l.edge.count})`}</title>
                </path>
                <text x={l.labelX} y={l.labelY} fontSize="10" textAnchor="end" fill="#1b2129" pointerEvents="none">
                  {moneyOf(f, l.edge.amountMinor, l.edge.currency)}
                </text>
              </g>
            );
          })}
          {drawn.nodes.map((n) => (
            <g
              key={n.id}
              className={`flow-node${selected === n.id ? ' selected' : ''}`}
              data-entity-id={n.id}
              onClick={() => isEntity(n.id) && select(caseId, n.id)}
            >
              <rect x={n.x} y={n.y} width={n.w} height={n.h} fill={isEntity(n.id) ? '#1a56b0' : '#8a949e'} rx={2} />
              <text
                x={n.labelLeft ? n.x - 4 : n.x + n.w + 4}
                y={n.y + n.h / 2 + 4}
                fontSize="11"
                textAnchor={n.labelLeft ? 'end' : 'start'}
                fill="#1b2129"
              >
                {caption(n.id).slice(0, 40)}
              </text>
            </g>
          ))}
        </svg>
      )}
      {selected && cur && isEntity(selected) && nodes.has(selected) ? (
        <p data-testid="money-flow-selected" data-into={totalInto} data-out={totalOut}>
          {t('moneyFlow.selectedTotals', {
            caption: caption(selected),
            into: moneyOf(f, totalInto, cur),
            out: moneyOf(f, totalOut, cur),
          })}
        </p>
      ) : null}
      <div className="map-side">
        <section className="flow-table" aria-labelledby="flows-h">
          <h2 id="flows-h">{t('moneyFlow.flows', { count: edges.length })}</h2>
          <table data-testid="money-flow-table">
            <thead>
              <tr>
                <th>{t('moneyFlow.from')}</th>
                <th>{t('moneyFlow.to')}</th>
                <th className="amount">{t('moneyFlow.amount')}</th>
                <th className="amount">{t('moneyFlow.count')}</th>
              </tr>
            </thead>
            <tbody>
              {edges.map((e) => (
                <tr
                  key={`${e.from}>${e.to}`}
                  className={active && active.from === e.from && active.to === e.to ? 'active' : ''}
                  data-source={e.from}
                  data-target={e.to}
                  data-currency={e.currency}
                  data-amount-minor={e.amountMinor}
                >
                  <td>
                    {isEntity(e.from) ? (
                      <button
                        type="button"
                        className="btn link"
                        data-select={e.from}
                        onClick={() => select(caseId, e.from)}
                      >
                        {caption(e.from)}
                      </button>
                    ) : (
                      caption(e.from)
                    )}
                  </td>
                  <td>
                    {isEntity(e.to) ? (
                      <button
                        type="button"
                        className="btn link"
                        data-select={e.to}
                        onClick={() => select(caseId, e.to)}
                      >
                        {caption(e.to)}
                      </button>
                    ) : (
                      caption(e.to)
                    )}
                  </td>
                  <td className="amount">
                    <button type="button" className="btn link" onClick={() => setActive(e)}>
                      {moneyOf(f, e.amountMinor, e.currency)}
                    </button>
                  </td>
                  <td className="amount">{e.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="flow-table" aria-labelledby="flow-lines-h" data-testid="money-flow-lines">
          <h2 id="flow-lines-h">
            {active
              ? t('moneyFlow.linesOf', { from: caption(active.from), to: caption(active.to) })
              : t('moneyFlow.pickFlow')}
          </h2>
          {lines.isFetching ? <Loading /> : null}
          {lines.error ? <ErrorMessage error={lines.error} /> : null}
          {lines.data ? (
            <table>
              <thead>
                <tr>
                  <th>{t('moneyFlow.date')}</th>
                  <th>{t('moneyFlow.text')}</th>
                  <th className="amount">{t('moneyFlow.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.data.transactions.map((x) => (
                  <tr key={x.id}>
                    <td>{f.date(x.bookingDate)}</td>
                    <td>{x.text ?? x.counterpartyName ?? ''}</td>
                    <td className="amount">{moneyOf(f, x.amountMinor, x.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      </div>
    </div>
  );
}
