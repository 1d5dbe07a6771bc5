import { describe, expect, it } from 'vitest';
import { emptyTruthPart, type GroundTruth } from '../src/demo/groundTruth.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import { Matcher, pairKey, pairOf, personEnds } from './matcher.ts';

const person = (name: string, birthDate = '', idNumber = '', passportNumber = '') => ({
  name,
  birthDate,
  idNumber,
  passportNumber,
  phone: '',
});
const ids: TruthIdentifiers = {
  persons: {
    c: person('Aleksandra Woźniak', '1975-08-31', '75083164262'),
    d: person('Aleksandra Wozniak', '1975-08-31', '75083164262'),
    k: person('Rein Karu', '', '', 'K5022283'),
    l: person('Rein Karu', '', '', 'K5022283'),
    m: person('Signe Raudsepp', '2002-06-29', '60206296077'),
    n: person('Signe Raudsepp'),
    o: person('Edgars Ozoliņš', '1952-02-11', '110252-17374'),
  },
  companies: {},
  accounts: {},
  ads: {},
  lines: {},
};
const truth = emptyTruthPart() as unknown as GroundTruth;
const m = new Matcher(truth, ids);
const planted = new Set([pairKey('c', 'd'), pairKey('k', 'l'), pairKey('m', 'n')]);

describe('telling a record from its duplicate in the score', () => {
  it('tells two records sharing a personal code apart by the name each writes', () => {
    expect(m.personsOf({ name: 'Aleksandra Woźniak', birthDate: '1975-08-31', idNumber: '75083164262' })).toEqual([
      'c',
    ]);
    expect(m.personsOf({ name: 'Aleksandra Wozniak', idNumber: '75083164262' })).toEqual(['d']);
  });

  it('reads a record without birth date or code as the duplicate that lacks them', () => {
    expect(m.personsOf({ name: 'Signe Raudsepp' })).toEqual(['n']);
  });

  it('counts a pair of two records no value tells apart as that pair, and a pair of one record as none', () => {
    const rein = { name: 'Rein Karu', passportNumber: 'K5022283' };
    const ends = personEnds(m, rein, rein);
    expect(pairOf(ends.a, ends.b, planted)).toBe(pairKey('k', 'l'));
    const woz = { name: 'Aleksandra Woźniak', birthDate: '1975-08-31' };
    expect(pairOf(m.personsOf(woz), m.personsOf(woz), planted)).toBe('same');
  });

  it("matches a bare account holder's name, in capitals without diacritics, only as the end of a pair", () => {
    const holder = { name: 'EDGARS OZOLINS' };
    expect(m.personsOf(holder)).toEqual([]);
    const ends = personEnds(m, { name: 'Edgars Ozoliņš', birthDate: '1952-02-11' }, holder);
    expect(ends).toEqual({ a: ['o'], b: ['o'] });
    expect(pairOf(ends.a, ends.b, planted)).toBe('same');
    // A holder written as one of two records sharing a code is that record: no pair, no false alarm.
    const both = personEnds(m, { name: 'Aleksandra Woźniak', idNumber: '75083164262' }, { name: 'ALEKSANDRA WOŹNIAK' });
    expect(pairOf(both.a, both.b, planted)).toBe('same');
  });
});
