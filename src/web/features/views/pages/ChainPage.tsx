/**
 * The chain view: the case along the trafficking crime script, the page a prosecutor reads to
 * see how the business worked. One lane per stage, left to right, with the passage of the
 * persons exploited drawn between them; advertising and communication as bands alongside.
 * Each card says why it is there on demand; what no rule placed is listed for the analyst to
 * place by hand, and that choice is kept. Clicking a card selects the entity everywhere.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainOut, ChainReasonOut } from '../../../../shared/contracts/views.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useCase } from '../../cases/index.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod } from '../../../state/viewFilter.ts';
import { Caption, TypeChip } from '../../../ui/EntityBadge.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { PeriodBar } from '../components/PeriodBar.tsx';
import { placeInLane, removeLanePlacement, useChain } from '../api/viewsApi.ts';
import './views.css';

type Item = ChainOut['items'][number];

export function ChainPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('chain.title'));
  const period = usePeriod(caseId);
  const kase = useCase(caseId);
  const chain = useChain(caseId, period);
  if (chain.isPending) return <Loading />;
  if (chain.error) return <ErrorMessage error={chain.error} />;
  const data = chain.data;
  const canWrite = kase.data?.access?.canWrite !== false;
  const inLane = (lane: string) => data.items.filter((i) => i.lanes.some((l) => l.lane === lane));
  const infra = data.lanes.filter((l) => !data.stages.includes(l));
  return (
    <div className="page views-page chain-page" data-testid="chain-page">
      <header className="page-header">
        <h1>{t('chain.title')}</h1>
        <PeriodBar caseId={caseId} />
        <span className="muted small">
          {t('chain.summary', {
            placed: data.items.length,
            exploited: data.exploited.length,
            unplaced: data.unplaced.length,
          })}
        </span>
      </header>
      {data.items.length === 0 && data.exploited.length === 0 ? (
        <EmptyState icon="link" title={t('chain.empty')}>
          {t('chain.emptyHint')}
        </EmptyState>
      ) : null}
      <section className="chain-exploited" aria-labelledby="chain-exploited-h">
        <h2 id="chain-exploited-h">{t('chain.exploited', { count: data.exploited.length })}</h2>
        <ul className="chain-chips">
          {data.exploited.map((e) => (
            <li key={e.id}>
              <SelectButton caseId={caseId} id={e.id} className="chain-chip" testid="chain-exploited">
                <TypeChip schema={e.schema} size={12} />
                <Caption caption={e.caption} pseudonym={!!e.pseudonymised} />
              </SelectButton>
            </li>
          ))}
        </ul>
      </section>
      <StageFlows stages={data.stages} flows={data.flows} />
      <div className="chain-stages" role="list" aria-label={t('chain.stagesLabel')}>
        {data.stages.map((stage, i) => (
          <section
            key={stage}
            className="chain-lane"
            data-lane={stage}
            role="listitem"
            aria-labelledby={`lane-${stage}`}
          >
            <h2 id={`lane-${stage}`}>
              <span className="chain-step" aria-hidden="true">
                {i + 1}
              </span>{' '}
              {t(`chain.lane.${stage}`)} <span className="muted small">({inLane(stage).length})</span>
            </h2>
            <ul>
              {inLane(stage).map((item) => (
                <li key={item.id}>
                  <ChainCard caseId={caseId} item={item} lane={stage} canWrite={canWrite} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="chain-infra">
        {infra.map((lane) => (
          <section key={lane} className="chain-lane chain-band" data-lane={lane} aria-labelledby={`lane-${lane}`}>
            <h2 id={`lane-${lane}`}>
              {t(`chain.lane.${lane}`)} <span className="muted small">({inLane(lane).length})</span>
            </h2>
            <ul>
              {inLane(lane).map((item) => (
                <li key={item.id}>
                  <ChainCard caseId={caseId} item={item} lane={lane} canWrite={canWrite} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <Unplaced caseId={caseId} data={data} canWrite={canWrite} />
    </div>
  );
}

function SelectButton({
  caseId,
  id,
  className,
  testid,
  children,
}: {
  caseId: string;
  id: string;
  className: string;
  testid: string;
  children: ReactNode;
}) {
  const selected = useSelection((s) => s.selected?.entityId === id && s.selected.caseId === caseId);
  const select = useSelection((s) => s.select);
  return (
    <button
      type="button"
      className={`${className}${selected ? ' selected' : ''}`}
      aria-pressed={selected}
      data-entity-id={id}
      data-testid={testid}
      onClick={() => select(caseId, id)}
    >
      {children}
    </button>
  );
}

function ChainCard({ caseId, item, lane, canWrite }: { caseId: string; item: Item; lane: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const reasons = item.lanes.find((l) => l.lane === lane)?.reasons ?? [];
  const manual = reasons.some((r) => r.rule === 'manual');
  return (
    <div className="chain-card">
      <SelectButton caseId={caseId} id={item.id} className="chain-item" testid="chain-item">
        <TypeChip schema={item.schema} size={12} />
        <Caption caption={item.caption} pseudonym={!!item.pseudonymised} />
      </SelectButton>
      <details className="chain-why">
        <summary>{t('chain.why')}</summary>
        <ul>
          {reasons.map((r, i) => (
            <li key={i}>
              <ReasonText reason={r} />
            </li>
          ))}
        </ul>
        {manual && canWrite ? (
          <button
            type="button"
            className="btn small"
            onClick={() =>
              void removeLanePlacement(caseId, item.id).then(() =>
                qc.invalidateQueries({ queryKey: keys.caseData(caseId) }),
              )
            }
          >
            {t('chain.removeManual')}
          </button>
        ) : null}
      </details>
    </div>
  );
}

function ReasonText({ reason }: { reason: ChainReasonOut }) {
  const { t } = useTranslation();
  const via = reason.via?.caption ?? '';
  const record = reason.record?.caption ?? '';
  const detail = reason.detail ? t(`function.${reason.detail}`, { defaultValue: reason.detail }) : '';
  return <>{t(`chain.reason.${reason.rule}`, { via, record, detail })}</>;
}

/** Arrows from stage to stage, as wide as the number of exploited persons who passed that way. */
function StageFlows({ stages, flows }: { stages: string[]; flows: ChainOut['flows'] }) {
  const { t } = useTranslation();
  const w = 100;
  const x = (s: string) => (stages.indexOf(s) + 0.5) * w;
  const max = Math.max(1, ...flows.map((f) => f.count));
  return (
    <svg
      className="chain-flows"
      viewBox={`0 0 ${stages.length * w} 64`}
      role="img"
      aria-label={t('chain.flowsLabel')}
      data-testid="chain-flows"
    >
      <defs>
        <marker
          id="chain-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#1a56b0" />
        </marker>
      </defs>
      {stages.map((s) => (
        <circle key={s} cx={x(s)} cy={56} r={3} fill="#525c68" />
      ))}
      {flows.map((f) => {
        const x1 = x(f.from);
        const x2 = x(f.to);
        const lift = 12 + Math.min(40, Math.abs(x2 - x1) / 6);
        return (
          <g key={`${f.from}-${f.to}`} data-from={f.from} data-to={f.to} data-count={f.count}>
            <title>
              {t('chain.flowTitle', { from: t(`chain.lane.${f.from}`), to: t(`chain.lane.${f.to}`), count: f.count })}
            </title>
            <path
              d={`M${x1},54 C${x1},${54 - lift} ${x2},${54 - lift} ${x2},54`}
              fill="none"
              stroke="#1a56b0"
              strokeOpacity={0.55}
              strokeWidth={1 + (4 * f.count) / max}
              markerEnd="url(#chain-arrow)"
            />
            <text x={(x1 + x2) / 2} y={54 - lift * 0.75 - 2} textAnchor="middle" fontSize="8" fill="#1b2129">
              {f.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Unplaced({ caseId, data, canWrite }: { caseId: string; data: ChainOut; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [lanes, setLanes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!data.unplaced.length) return <p className="muted small">{t('chain.noneUnplaced')}</p>;
  const place = async (id: string) => {
    setError(null);
    try {
      await placeInLane(caseId, { entityId: id, lane: lanes[id] ?? data.stages[0] ?? 'recruitment' });
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="chain-unplaced" aria-labelledby="chain-unplaced-h" data-testid="chain-unplaced">
      <h2 id="chain-unplaced-h">{t('chain.unplaced', { count: data.unplaced.length })}</h2>
      <p className="muted small">{t('chain.unplacedHint')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <ul>
        {data.unplaced.map((u) => (
          <li key={u.id} className="chain-unplaced-row">
            <SelectButton caseId={caseId} id={u.id} className="chain-item" testid="chain-unplaced-item">
              <TypeChip schema={u.schema} size={12} />
              <Caption caption={u.caption} pseudonym={!!u.pseudonymised} />
            </SelectButton>
            {canWrite ? (
              <>
                <label className="visually-hidden" htmlFor={`lane-for-${u.id}`}>
                  {t('chain.laneFor', { caption: u.caption })}
                </label>
                <select
                  id={`lane-for-${u.id}`}
                  value={lanes[u.id] ?? data.stages[0]}
                  onChange={(e) => setLanes({ ...lanes, [u.id]: e.target.value })}
                >
                  {[...data.lanes, 'none'].map((l) => (
                    <option key={l} value={l}>
                      {t(`chain.lane.${l}`)}
                    </option>
                  ))}
                </select>
                <button type="button" className="btn small" onClick={() => void place(u.id)}>
                  {t('chain.place')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
