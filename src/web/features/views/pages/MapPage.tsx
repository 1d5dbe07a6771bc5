/**
 * The map: addresses, ad locations, recruitment places and exploitation sites on a base map
 * that ships with the app, trips and the recruited persons' journeys as routes. Points are
 * placed at city level by the server's gazetteer; an analyst can place or correct any point by
 * hand (kept, audited). Drag to pan, wheel or buttons to zoom; clicking a marker selects its
 * entity everywhere.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapMarkerOut, MapOut } from '../../../../shared/contracts/views.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useCase } from '../../cases/index.ts';
import { useSelection } from '../../../state/session.ts';
import { usePeriod } from '../../../state/viewFilter.ts';
import { Caption } from '../../../ui/EntityBadge.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { loadCountries, project, unproject, type CountryShape } from '../geometry/mapProjection.ts';
import { PeriodBar } from '../components/PeriodBar.tsx';
import { placeOnMap, removeMapPosition, useMap } from '../api/viewsApi.ts';
import './views.css';

const KIND_COLOURS: Record<string, string> = {
  address: '#525c68',
  housing: '#a35b00',
  office: '#3c4a9e',
  exploitationSite: '#a11d1d',
  adLocation: '#b3267a',
  recruitmentPlace: '#8a3ffc',
};
const ROUTE_COLOURS = { trip: '#2d6a1f', journey: '#0f7b8a' } as const;
type Box = [number, number, number, number];
const ASPECT = 1.85;

export function MapPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('map.title'));
  const period = usePeriod(caseId);
  const q = useMap(caseId, period);
  const kase = useCase(caseId);
  const [countries, setCountries] = useState<CountryShape[] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    loadCountries().then(setCountries, setFailed);
  }, []);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  return (
    <div className="page views-page map-page" data-testid="map-page">
      <header className="page-header">
        <h1>{t('map.title')}</h1>
        <PeriodBar caseId={caseId} />
        <span className="muted small">
          {t('map.summary', {
            markers: q.data.markers.length,
            routes: q.data.routes.length,
            unplaced: q.data.unplaced.length,
          })}
        </span>
      </header>
      {failed ? <ErrorMessage error={failed} /> : null}
      <MapCanvas
        caseId={caseId}
        data={q.data}
        countries={countries ?? []}
        canWrite={kase.data?.access?.canWrite !== false}
      />
    </div>
  );
}

/** Markers on one town spread on a small ring so each stays visible and clickable. */
function spread(markers: readonly MapMarkerOut[], radius: number): Map<MapMarkerOut, [number, number]> {
  const groups = new Map<string, MapMarkerOut[]>();
  for (const m of markers) {
    const k = `${m.latitude.toFixed(3)},${m.longitude.toFixed(3)}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const out = new Map<MapMarkerOut, [number, number]>();
  for (const list of groups.values()) {
    list.forEach((m, i) => {
      const [x, y] = project(m.longitude, m.latitude);
      if (list.length === 1) return out.set(m, [x, y]);
      const ring = Math.floor(Math.sqrt(i));
      const angle = (2 * Math.PI * i) / Math.max(1, Math.min(list.length, 8 * (ring + 1)));
      out.set(m, [x + Math.cos(angle) * radius * (1 + ring), y + Math.sin(angle) * radius * (1 + ring)]);
    });
  }
  return out;
}

function fit(data: MapOut): Box {
  const pts = data.markers.map((m) => project(m.longitude, m.latitude));
  if (!pts.length) return [540, 250, 80, 60];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The box takes the drawing's shape (about 1.85 : 1), so marker sizes follow its width.
  const h = Math.max(4, (y1 - y0) * 1.25, ((x1 - x0) * 1.25) / ASPECT);
  const w = h * ASPECT;
  return [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
}

function MapCanvas({
  caseId,
  data,
  countries,
  canWrite,
}: {
  caseId: string;
  data: MapOut;
  countries: CountryShape[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const selected = useSelection((s) => (s.selected?.caseId === caseId ? s.selected.entityId : null));
  const select = useSelection((s) => s.select);
  const [box, setBox] = useState<Box>(() => fit(data));
  const [placing, setPlacing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const drag = useRef<{ x: number; y: number; box: Box; moved: boolean } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const r = box[2] / 200;
  const positions = useMemo(() => spread(data.markers, r * 1.6), [data.markers, r]);

  const toMap = (clientX: number, clientY: number): [number, number] => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return [box[0], box[1]];
    // preserveAspectRatio="xMidYMid meet": the box is scaled uniformly and centred.
    const s = Math.min(rect.width / box[2], rect.height / box[3]);
    const ox = (rect.width - box[2] * s) / 2;
    const oy = (rect.height - box[3] * s) / 2;
    return [box[0] + (clientX - rect.left - ox) / s, box[1] + (clientY - rect.top - oy) / s];
  };
  const zoom = (factor: number, at?: [number, number]) => {
    const [cx, cy] = at ?? [box[0] + box[2] / 2, box[1] + box[3] / 2];
    const w = Math.max(0.5, Math.min(1000, box[2] * factor));
    const h = (box[3] / box[2]) * w;
    setBox([cx - ((cx - box[0]) / box[2]) * w, cy - ((cy - box[1]) / box[3]) * h, w, h]);
  };
  const refresh = () => qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
  const placeAt = async (entityId: string, x: number, y: number) => {
    setError(null);
    try {
      await placeOnMap(caseId, { entityId, ...unproject(x, y) });
      setPlacing(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const selectedMarker = data.markers.find((m) => m.entityId === selected);

  return (
    <>
      <div className="timeline-controls">
        <button type="button" className="btn small" onClick={() => zoom(0.5)}>
          {t('map.zoomIn')}
        </button>
        <button type="button" className="btn small" onClick={() => zoom(2)}>
          {t('map.zoomOut')}
        </button>
        <button type="button" className="btn small subtle" onClick={() => setBox(fit(data))}>
          {t('map.fit')}
        </button>
        {canWrite && selected && (selectedMarker || data.unplaced.some((u) => u.id === selected)) ? (
          <button
            type="button"
            className="btn small"
            aria-pressed={placing === selected}
            onClick={() => setPlacing(placing ? null : selected)}
          >
            {placing ? t('map.placingHint') : t('map.placeSelected')}
          </button>
        ) : null}
        {canWrite && selectedMarker?.precision === 'manual' ? (
          <button
            type="button"
            className="btn small subtle"
            onClick={() => void removeMapPosition(caseId, selectedMarker.entityId).then(refresh)}
          >
            {t('map.removeManual')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <ul className="map-legend" aria-label={t('map.legend')}>
        {Object.entries(KIND_COLOURS).map(([k, c]) => (
          <li key={k}>
            <span className="swatch" style={{ background: c }} />
            {t(`map.kind.${k}`)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: ROUTE_COLOURS.journey }} />
          {t('map.route.journey')}
        </li>
        <li>
          <span className="swatch" style={{ background: ROUTE_COLOURS.trip }} />
          {t('map.route.trip')}
        </li>
      </ul>
      <svg
        ref={svgRef}
        className={`map-svg${placing ? ' placing' : ''}`}
        viewBox={box.join(' ')}
        role="img"
        aria-label={t('map.label', { count: data.markers.length })}
        data-testid="map"
        onWheel={(e) => zoom(e.deltaY > 0 ? 1.25 : 0.8, toMap(e.clientX, e.clientY))}
        onPointerDown={(e) => {
          if ((e.target as Element).closest('.map-marker')) return;
          drag.current = { x: e.clientX, y: e.clientY, box, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          const rect = svgRef.current?.getBoundingClientRect();
          if (!d || !rect) return;
          const s = Math.min(rect.width / d.box[2], rect.height / d.box[3]);
          if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 3) d.moved = true;
          setBox([d.box[0] - (e.clientX - d.x) / s, d.box[1] - (e.clientY - d.y) / s, d.box[2], d.box[3]]);
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved && placing) {
            const [x, y] = toMap(e.clientX, e.clientY);
            void placeAt(placing, x, y);
          }
        }}
      >
        <rect x={-1000} y={-1000} width={3000} height={3000} fill="#dfe9f3" />
        {countries.map((c) => (
          <path key={c.id} className="map-country" d={c.d}>
            <title>{c.name}</title>
          </path>
        ))}
        {data.routes.map((route) => {
          const pts = route.points.map((p) => project(p.longitude, p.latitude));
          return (
            <polyline
              key={route.id}
              className="map-route"
              data-route-kind={route.kind}
              points={pts.map((p) => p.join(',')).join(' ')}
              stroke={ROUTE_COLOURS[route.kind]}
              strokeOpacity={route.entityIds.includes(selected ?? '') ? 1 : 0.45}
            >
              <title>
                {t(`map.route.${route.kind}`)}: {route.caption}
              </title>
            </polyline>
          );
        })}
        {data.markers.map((m) => {
          const [x, y] = positions.get(m) ?? project(m.longitude, m.latitude);
          const on = selected === m.entityId || m.related.some((rel) => rel.id === selected);
          return (
            <circle
              key={`${m.kind}-${m.entityId}`}
              className={`map-marker${on ? ' selected' : ''}`}
              data-entity-id={m.entityId}
              data-kind={m.kind}
              data-precision={m.precision}
              cx={x}
              cy={y}
              r={on ? r * 1.5 : r}
              fill={KIND_COLOURS[m.kind] ?? '#525c68'}
              onClick={() => select(caseId, m.entityId)}
            >
              <title>{`${t(`map.kind.${m.kind}`)}: ${m.caption}${m.place ? ` · ${m.place}` : ''} · ${t(`map.precision.${m.precision}`)}`}</title>
            </circle>
          );
        })}
      </svg>
      <div className="map-side">
        <section aria-labelledby="map-selected-h">
          <h2 id="map-selected-h">{t('map.selectedHeading')}</h2>
          {selectedMarker ? (
            <p>
              <Caption caption={selectedMarker.caption} pseudonym={!!selectedMarker.pseudonymised} /> —{' '}
              {t(`map.kind.${selectedMarker.kind}`)}, {selectedMarker.place ?? ''} (
              {t(`map.precision.${selectedMarker.precision}`)})
              {selectedMarker.related.length ? <> · {selectedMarker.related.map((x) => x.caption).join(', ')}</> : null}
            </p>
          ) : (
            <p className="muted">{t('map.noneSelected')}</p>
          )}
        </section>
        <section aria-labelledby="map-unplaced-h" data-testid="map-unplaced">
          <h2 id="map-unplaced-h">{t('map.unplaced', { count: data.unplaced.length })}</h2>
          <ul>
            {data.unplaced.map((u) => (
              <li key={u.id}>
                <button type="button" className="btn link" onClick={() => select(caseId, u.id)}>
                  {u.caption}
                </button>{' '}
                {u.place ? <span className="muted">({u.place})</span> : null}
                {canWrite ? (
                  <button
                    type="button"
                    className="btn small subtle"
                    onClick={() => (select(caseId, u.id), setPlacing(u.id))}
                  >
                    {t('map.placeThis')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
