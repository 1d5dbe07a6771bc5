import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cityCandidates, Gazetteer, placeKey } from './gazetteer.ts';

const cities = [
  { name: 'Riga', country: 'LV', latitude: 56.946, longitude: 24.106, population: 742572 },
  { name: 'Liepāja', country: 'LV', latitude: 56.505, longitude: 21.011, population: 85132 },
  { name: 'Jyväskylä', country: 'FI', latitude: 62.24, longitude: 25.75, population: 98000 },
  { name: 'Warsaw', country: 'PL', latitude: 52.23, longitude: 21.01, population: 1700000 },
  { name: 'Łódź', country: 'PL', latitude: 51.77, longitude: 19.46, population: 768000 },
  { name: 'Kyiv', country: 'UA', latitude: 50.45, longitude: 30.52, population: 2797553 },
  { name: 'Narva', country: 'EE', latitude: 59.38, longitude: 28.19, population: 57130 },
  { name: 'Narva', country: 'FI', latitude: 61.0, longitude: 24.0, population: 1200 },
  { name: 'Springfield', country: 'US', latitude: 39.8, longitude: -89.6, population: 116000 },
  { name: 'Springfield', country: 'US', latitude: 37.2, longitude: -93.3, population: 169000 },
];
const g = new Gazetteer(cities);

describe('Gazetteer', () => {
  it('matches names across case and diacritics, with the country', () => {
    expect(g.lookup('Rīga', 'lv')?.latitude).toBe(56.946);
    expect(g.lookup('RIGA', 'LV')?.name).toBe('Riga');
    expect(g.lookup('Liepaja', 'LV')?.name).toBe('Liepāja');
    expect(g.lookup('Jyvaskyla', 'FI')?.name).toBe('Jyväskylä');
    expect(g.lookup('Lodz', 'PL')?.name).toBe('Łódź');
    expect(g.lookup('Riga', 'EE')).toBeUndefined();
  });
  it('knows local names listed under an exonym, Cyrillic included', () => {
    expect(g.lookup('Warszawa', 'PL')?.name).toBe('Warsaw');
    expect(g.lookup('Київ', 'UA')?.name).toBe('Kyiv');
  });
  it("picks the most populous of a name in a country, and prefers the case's countries without one", () => {
    expect(g.lookup('Springfield', 'US')?.longitude).toBe(-93.3);
    expect(g.lookup('Narva', null, ['FI'])?.country).toBe('FI');
    expect(g.lookup('Narva')?.country).toBe('EE');
    expect(g.lookup('Nowhere')).toBeUndefined();
  });
  it('finds the same place however the name is cased, accented or spaced (property)', () => {
    const variants = fc.record({
      i: fc.nat(cities.length - 1),
      upper: fc.boolean(),
      pad: fc.boolean(),
      strip: fc.boolean(),
    });
    fc.assert(
      fc.property(variants, ({ i, upper, pad, strip }) => {
        const c = cities[i] ?? cities[0];
        if (!c) return;
        let n = c.name;
        if (strip) n = n.normalize('NFKD').replace(/\p{M}/gu, '').replace('Ł', 'L').replace('ł', 'l');
        if (upper) n = n.toUpperCase();
        if (pad) n = `  ${n} `;
        const hit = g.lookup(n, c.country.toLowerCase());
        expect(hit?.country).toBe(c.country);
        expect(placeKey(hit?.name ?? '')).toBe(placeKey(c.name));
      }),
    );
  });
  it('folds idempotently (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(placeKey(placeKey(s))).toBe(placeKey(s));
      }),
    );
  });
});

describe('cityCandidates', () => {
  it('takes the city property, then the parts of the full address without postal codes', () => {
    expect(cityCandidates({ city: ['Rīga'], full: ['Ozolu iela 4, LV-1010 Rīga'] })).toEqual(['Rīga', 'Ozolu iela']);
    expect(cityCandidates({ full: ['Rantatie 5 B 12, 00100 Helsinki, Finland'] })).toEqual([
      'Finland',
      'Helsinki',
      'Rantatie B',
    ]);
  });
});
