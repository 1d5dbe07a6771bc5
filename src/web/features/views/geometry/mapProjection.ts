/**
 * Web Mercator on a square of SIZE units and the country outlines drawn with it. The outlines
 * are Natural Earth 1:50m (npm `world-atlas`), shipped with the app as a build asset and
 * fetched from this server: no tiles, nothing from the internet.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';

export const SIZE = 1000;
const MAX_LAT = 85;

export function project(longitude: number, latitude: number): [number, number] {
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, latitude));
  const x = ((longitude + 180) / 360) * SIZE;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * SIZE;
  return [x, y];
}

export function unproject(x: number, y: number): { latitude: number; longitude: number } {
  const longitude = (x / SIZE) * 360 - 180;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / SIZE))) * 180) / Math.PI;
  return { latitude, longitude };
}

type Ring = number[][];

function ringPath(ring: Ring): string {
  let d = '';
  let prevX: number | null = null;
  for (const [lon = 0, lat = 0] of ring) {
    const [x, y] = project(lon, lat);
    // A ring crossing the antimeridian would draw a line across the world: start afresh.
    d +=
      prevX === null || Math.abs(x - prevX) > SIZE / 2
        ? `M${x.toFixed(2)},${y.toFixed(2)}`
        : `L${x.toFixed(2)},${y.toFixed(2)}`;
    prevX = x;
  }
  return `${d}Z`;
}

export interface CountryShape {
  id: string;
  name: string;
  d: string;
}

let cached: Promise<CountryShape[]> | undefined;

/** The countries as SVG paths, fetched once per page load. */
export function loadCountries(): Promise<CountryShape[]> {
  cached ??= fetch(atlasUrl, { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topo) => {
      const fc = feature(topo, topo.objects.countries);
      return fc.features.map((f, i) => {
        const g = f.geometry as { type: string; coordinates: unknown } | null;
        const polys = !g
          ? []
          : g.type === 'Polygon'
            ? [g.coordinates as Ring[]]
            : g.type === 'MultiPolygon'
              ? (g.coordinates as Ring[][])
              : [];
        return {
          id: String(f.id ?? i),
          name: f.properties?.name ?? '',
          d: polys.flatMap((p) => p.map(ringPath)).join(''),
        };
      });
    });
  return cached;
}
