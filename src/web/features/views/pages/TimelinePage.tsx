/**
 * The timeline: one row per kind of thing (recruitments, employment, posting, housing, ads,
 * companies…) with each item's extent as a bar, and the statement lines per day underneath.
 * Drag across it to brush a period: that period is the one every view obeys (the chart, the
 * chain, the map and the money flow), cleared from any of them. The wheel zooms around the
 * pointer; rows with many items are drawn as a density so a large case stays fast.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItemOut, TimelineOut } from '../../../../shared/contracts/views.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod, useViewFilter } from '../../../state/viewFilter.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { PeriodBar } from '../components/PeriodBar.tsx';
import { useTimeline } from '../api/viewsApi.ts';
import './views.css';

const DAY = 86_400_000;
const W = 1200;
const LABEL = 130;
const ROW = 16;
const MAX_LANES = 6;
/** A row with more items than this is drawn as a density, not bar by bar. */
const DENSITY_ABOVE = 400;
const ROW_COLOURS: Record<string, string> = {
  recruitment: '#8a3ffc',
  employment: '#1a56b0',
  posting: '#0f7b8a',
  accommodation: '#a35b00',
  ad: '#b3267a',
  trip: '#2d6a1f',
  event: '#525c68',
  contract: '#3c4a9e',
  payment: '#1c6b34',
  company: '#6b6f76',
  document: '#7a4d00',
  other: '#6b6f76',
};

const ms = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export function TimelinePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('timeline.title'));
  const q = useTimeline(caseId);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  return (
    <div className="page views-page timeline-page" data-testid="timeline-page">
      <header className="page-header">
        <h1>{t('timeline.title')}</h1>
        <PeriodBar caseId={caseId} />
      </header>
      {q.data.range ? (
        <Timeline caseId={caseId} data={q.data} range={q.data.range} />
      ) : (
        <EmptyState icon="event" title={t('timeline.empty')}>
          {t('timeline.emptyHint')}
        </EmptyState>
      )}
    </div>
  );
}

interface Placed {
  item: TimelineItemOut;
  lane: number;
}

function Timeline({ caseId, data, range }: { caseId: string; data: TimelineOut; range: { from: string; to: string } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(caseId);
  const setPeriod = useViewFilter((s) => s.setPeriod);
  const selected = useSelection((s) => (s.selected?.caseId === caseId ? s.selected.entityId : null));
  const select = useSelection((s) => s.select);
  const pad = 7 * DAY;
  const full: [number, number] = [ms(range.from) - pad, ms(range.to) + pad];
  const [view, setView] = useState<[number, number]>(full);
  const [brush, setBrush] = useState<[number, number] | null>(null);
  const [from, setFrom] = useState(period?.from?.slice(0, 10) ?? '');
  const [to, setTo] = useState(period?.to?.slice(0, 10) ?? '');
  const svgRef = useRef<SVGSVGElement>(null);
  const startX = useRef(0);

  const rows = useMemo(() => {
    const byKind = new Map<string, TimelineItemOut[]>();
    for (const i of data.items) byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i]);
    return [...byKind].map(([kind, items]) => {
      const ends: number[] = [];
      const placed: Placed[] = items.map((item) => {
        const start = item.from ? ms(item.from) : full[0];
        let lane = ends.findIndex((e) => e < start);
        if (lane < 0) lane = ends.length < MAX_LANES ? ends.length : MAX_LANES - 1;
        ends[lane] = item.to ? ms(item.to) : full[1];
        return { item, lane };
      });
      return {
        kind,
        placed,
        lanes: Math.max(1, Math.min(MAX_LANES, ends.length)),
        dense: items.length > DENSITY_ABOVE,
      };
    });
  }, [data.items, full[0], full[1]]);

  const x = (time: number) => LABEL + ((time - view[0]) / (view[1] - view[0])) * (W - LABEL - 10);
  const timeAt = (px: number) => view[0] + ((px - LABEL) / (W - LABEL - 10)) * (view[1] - view[0]);
  const toLocal = (clientX: number) => {
    const r = svgRef.current?.getBoundingClientRect();
    return r ? ((clientX - r.left) / r.width) * W : 0;
  };
  const rowTops: number[] = [];
  let y = 24;
  for (const r of rows) {
    rowTops.push(y);
    y += r.lanes * ROW + 8;
  }
  const txTop = y + 4;
  const txHeight = 60;
  const height = txTop + txHeight + 20;

  // Statement lines per day, summed over currencies for the bar height (counts, not money).
  const perDay = new Map<string, number>();
  for (const d of data.transactions) perDay.set(d.date, (perDay.get(d.date) ?? 0) + d.count);
  const maxDay = Math.max(1, ...perDay.values());

  const zoom = (factor: number, at?: number) => {
    const centre = at ?? (view[0] + view[1]) / 2;
    const span = Math.max(7 * DAY, Math.min(full[1] - full[0] + 3650 * DAY, (view[1] - view[0]) * factor));
    const left = centre - ((centre - view[0]) / (view[1] - view[0])) * span;
    setView([left, left + span]);
  };
  const pan = (share: number) => {
    const d = (view[1] - view[0]) * share;
    setView([view[0] + d, view[1] + d]);
  };
  const apply = (a: string, b: string) => setPeriod(caseId, a || b ? { from: a || null, to: b || null } : null);

  const ticks: { t: number; label: string }[] = [];
  const spanDays = (view[1] - view[0]) / DAY;
  const stepMonths = spanDays > 1500 ? 12 : spanDays > 500 ? 3 : 1;
  const d0 = new Date(view[0]);
  for (
    let m = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), 1));
    m.getTime() < view[1];
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + stepMonths, 1))
  ) {
    if (m.getTime() >= view[0]) ticks.push({ t: m.getTime(), label: isoOf(m.getTime()).slice(0, 7) });
  }

  const shaded =
    brush ?? (period ? [period.from ? ms(period.from) : view[0], period.to ? ms(period.to) + DAY - 1 : view[1]] : null);

  return (
    <>
      <div className="timeline-controls">
        <button type="button" className="btn small" onClick={() => zoom(0.5)}>
          {t('timeline.zoomIn')}
        </button>
        <button type="button" className="btn small" onClick={() => zoom(2)}>
          {t('timeline.zoomOut')}
        </button>
        <button type="button" className="btn small" onClick={() => pan(-0.25)} aria-label={t('timeline.earlier')}>
          ‹
        </button>
        <button type="button" className="btn small" onClick={() => pan(0.25)} aria-label={t('timeline.later')}>
          ›
        </button>
        <button type="button" className="btn small subtle" onClick={() => setView(full)}>
          {t('timeline.reset')}
        </button>
        <form className="timeline-controls" onSubmit={(e) => (e.preventDefault(), apply(from, to))}>
          <label htmlFor="timeline-from">{t('timeline.from')}</label>
          <input id="timeline-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor="timeline-to">{t('timeline.to')}</label>
          <input
            id="timeline-to"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
          <button type="submit" className="btn small primary">
            {t('timeline.apply')}
          </button>
        </form>
        <span className="muted small">{t('timeline.hint')}</span>
      </div>
      <svg
        ref={svgRef}
        className="timeline-svg"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={t('timeline.chartLabel', { count: data.items.length })}
        data-testid="timeline-chart"
        onWheel={(e) => zoom(e.deltaY > 0 ? 1.25 : 0.8, timeAt(toLocal(e.clientX)))}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          const t0 = timeAt(toLocal(e.clientX));
          startX.current = e.clientX;
          setBrush([t0, t0]);
        }}
        onPointerMove={(e) => brush && setBrush([brush[0], timeAt(toLocal(e.clientX))])}
        onPointerLeave={() => setBrush(null)}
        onPointerUp={(e) => {
          if (!brush) return;
          const [a, b] = brush[0] <= brush[1] ? brush : [brush[1], brush[0]];
          setBrush(null);
          // A click (on a bar: it selects) is not a brush.
          if (Math.abs(e.clientX - startX.current) < 4 || b - a < DAY / 2) return;
          const next = { from: isoOf(a), to: isoOf(b) };
          setFrom(next.from);
          setTo(next.to);
          setPeriod(caseId, next);
        }}
      >
        <defs>
          <clipPath id="timeline-plot">
            <rect x={LABEL} y={0} width={W - LABEL - 10} height={height} />
          </clipPath>
        </defs>
        {ticks.map((tk) => (
          <g key={tk.t}>
            <line x1={x(tk.t)} x2={x(tk.t)} y1={16} y2={height - 14} stroke="#d3d8de" />
            <text x={x(tk.t) + 2} y={12} fontSize="10" fill="#525c68">
              {tk.label}
            </text>
          </g>
        ))}
        {rows.map((r, ri) => (
          <g key={r.kind} data-row={r.kind}>
            <text x={4} y={(rowTops[ri] ?? 0) + 12} fontSize="11" fill="#1b2129">
              {t(`timeline.row.${r.kind}`)} ({r.placed.length})
            </text>
            <g clipPath="url(#timeline-plot)">
              {r.dense ? (
                <Density
                  placed={r.placed}
                  x={x}
                  top={rowTops[ri] ?? 0}
                  colour={ROW_COLOURS[r.kind] ?? '#6b6f76'}
                  full={full}
                />
              ) : (
                r.placed.map(({ item, lane }) => {
                  const a = item.from ? ms(item.from) : full[0];
                  const b = item.to ? ms(item.to) + DAY : full[1];
                  const on = selected === item.id || item.ends.some((e) => e.id === selected);
                  return (
                    <g
                      key={item.id}
                      className={`timeline-item${on ? ' selected' : ''}`}
                      data-entity-id={item.id}
                      onClick={() => select(caseId, item.id)}
                    >
                      <title>{`${item.caption} · ${item.ends.map((e) => e.caption).join(' → ')} · ${f.date(item.from)} – ${item.to ? f.date(item.to) : '…'}`}</title>
                      <rect
                        x={x(a)}
                        y={(rowTops[ri] ?? 0) + lane * ROW}
                        width={Math.max(3, x(b) - x(a))}
                        height={ROW - 3}
                        rx={2}
                        fill={ROW_COLOURS[r.kind] ?? '#6b6f76'}
                        fillOpacity={item.to ? 0.85 : 0.5}
                      />
                    </g>
                  );
                })
              )}
            </g>
          </g>
        ))}
        <text x={4} y={txTop + 12} fontSize="11" fill="#1b2129">
          {t('timeline.row.transactions')}
        </text>
        <g clipPath="url(#timeline-plot)">
          {[...perDay].map(([date, n]) => {
            const h = (n / maxDay) * txHeight;
            return (
              <rect
                key={date}
                x={x(ms(date))}
                y={txTop + txHeight - h}
                width={Math.max(1, x(ms(date) + DAY) - x(ms(date)) - 0.5)}
                height={h}
                fill="#1c6b34"
                fillOpacity={0.7}
              />
            );
          })}
        </g>
        {shaded ? (
          <rect
            x={x(Math.min(shaded[0], shaded[1]))}
            y={16}
            width={Math.abs(x(shaded[1]) - x(shaded[0]))}
            height={height - 30}
            fill="#1a56b0"
            fillOpacity={0.12}
            stroke="#1a56b0"
            data-testid="timeline-brush"
            pointerEvents="none"
          />
        ) : null}
      </svg>
    </>
  );
}

/** Many items in one row: how many run at each point in time, as a filled profile. */
function Density({
  placed,
  x,
  top,
  colour,
  full,
}: {
  placed: Placed[];
  x: (t: number) => number;
  top: number;
  colour: string;
  full: [number, number];
}) {
  const buckets = 300;
  const counts = new Array<number>(buckets).fill(0);
  const span = full[1] - full[0];
  for (const { item } of placed) {
    const a = Math.max(0, Math.floor((((item.from ? ms(item.from) : full[0]) - full[0]) / span) * buckets));
    const b = Math.min(buckets - 1, Math.floor((((item.to ? ms(item.to) : full[1]) - full[0]) / span) * buckets));
    for (let i = a; i <= b; i++) counts[i] = (counts[i] ?? 0) + 1;
  }
  const max = Math.max(1, ...counts);
  const h = MAX_LANES * ROW - 3;
  const pts = counts.map((c, i) => `${x(full[0] + (i / buckets) * span)},${top + h - (c / max) * h}`);
  return (
    <polygon
      points={`${x(full[0])},${top + h} ${pts.join(' ')} ${x(full[1])},${top + h}`}
      fill={colour}
      fillOpacity={0.6}
    />
  );
}
