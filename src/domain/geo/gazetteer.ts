/**
 * Places addresses at city level, offline: a look-up of a city name (and country, when known)
 * in a gazetteer of cities. The names are folded the way search folds text (case, diacritics,
 * Cyrillic transliteration: domain/selectors foldText), so "RĪGA", "Riga" and "Rīga" are one
 * place. Among cities sharing a folded name in one country the most populous wins — the one an
 * address without a region most likely means.
 *
 * Pure: the caller hands in the city records (services/geo.ts reads them from the bundled
 * GeoNames extract).
 */
import { foldText } from '../selectors/index.ts';

export interface CityRecord {
  name: string;
  /** Other names, comma-separated in the source or as a list. */
  altNames?: readonly string[];
  /** ISO 3166-1 alpha-2, any case. */
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}

/**
 * Local names the gazetteer lists under an English exonym only. Source: GeoNames alternate
 * names of these places (geonameid 756135 Warsaw, 703448 Kyiv, 3067696 Prague, 2761369
 * Vienna, 683506 Bucharest, 593116 Vilnius, 3099434 Gdańsk, 3094802 Kraków).
 */
export const LOCAL_NAMES: readonly { country: string; local: string; listedAs: string }[] = [
  { country: 'PL', local: 'Warszawa', listedAs: 'Warsaw' },
  { country: 'PL', local: 'Krakow', listedAs: 'Kraków' },
  { country: 'UA', local: 'Kiev', listedAs: 'Kyiv' },
  { country: 'UA', local: 'Kyjiv', listedAs: 'Kyiv' },
  { country: 'UA', local: 'Київ', listedAs: 'Kyiv' },
  { country: 'CZ', local: 'Praha', listedAs: 'Prague' },
  { country: 'AT', local: 'Wien', listedAs: 'Vienna' },
  { country: 'RO', local: 'Bucharest', listedAs: 'Bucuresti' },
  { country: 'LT', local: 'Wilno', listedAs: 'Vilnius' },
  { country: 'PL', local: 'Danzig', listedAs: 'Gdańsk' },
];

/** The comparison key of a place name: folded words. */
export const placeKey = (name: string): string => foldText(name);

interface Entry extends Place {
  population: number;
}

export class Gazetteer {
  /** folded name → entries (one per country, the most populous). */
  private readonly byName = new Map<string, Entry[]>();

  constructor(cities: Iterable<CityRecord>) {
    for (const c of cities) {
      const entry: Entry = {
        name: c.name,
        country: c.country.toUpperCase(),
        latitude: c.latitude,
        longitude: c.longitude,
        population: c.population,
      };
      for (const n of [c.name, ...(c.altNames ?? [])]) this.add(placeKey(n), entry);
    }
    for (const alias of LOCAL_NAMES) {
      const target = this.byName.get(placeKey(alias.listedAs))?.find((e) => e.country === alias.country);
      if (target) this.add(placeKey(alias.local), target);
    }
  }

  private add(key: string, entry: Entry): void {
    if (!key) return;
    const list = this.byName.get(key);
    if (!list) {
      this.byName.set(key, [entry]);
      return;
    }
    const i = list.findIndex((e) => e.country === entry.country);
    if (i < 0) list.push(entry);
    else if ((list[i]?.population ?? 0) < entry.population) list[i] = entry;
  }

  /**
   * The city called `name` in `country` (ISO alpha-2, any case); without a country, the most
   * populous of that name among `preferred` countries, else anywhere. Undefined when none.
   */
  lookup(name: string, country?: string | null, preferred: readonly string[] = []): Place | undefined {
    const list = this.byName.get(placeKey(name));
    if (!list) return undefined;
    const pick = (e: Entry | undefined): Place | undefined =>
      e ? { name: e.name, country: e.country, latitude: e.latitude, longitude: e.longitude } : undefined;
    if (country) return pick(list.find((e) => e.country === country.toUpperCase()));
    const pref = new Set(preferred.map((c) => c.toUpperCase()));
    const best = (xs: Entry[]) =>
      xs.reduce<Entry | undefined>((a, b) => (!a || b.population > a.population ? b : a), undefined);
    return pick(best(list.filter((e) => pref.has(e.country))) ?? best(list));
  }

  get size(): number {
    return this.byName.size;
  }
}

const POSTAL = /^(?:[A-Z]{2}-)?\d[\d -]*$/i;

/**
 * The city an address names: its `city` property, else the parts of the full address from the
 * end ("Ozolu iela 4, LV-1010 Rīga, Latvia" → "Rīga"), postal codes stripped. Candidates in the
 * order to try.
 */
export function cityCandidates(props: Readonly<Record<string, readonly string[]>>): string[] {
  const out: string[] = [];
  for (const c of props.city ?? []) if (c.trim()) out.push(c.trim());
  for (const full of [...(props.full ?? []), ...(props.address ?? [])]) {
    const parts = full
      .split(/[,\n]/)
      .map((p) => p.trim())
      .filter(Boolean)
      .reverse();
    for (const p of parts) {
      const words = p.split(/\s+/).filter((w) => !POSTAL.test(w));
      if (words.length) out.push(words.join(' '));
    }
  }
  return [...new Set(out)];
}
