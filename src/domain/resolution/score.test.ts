import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs, distinctRecords, findCandidates, precisionRecall } from './candidates.ts';
import { resolutionRecord, type ResolutionRecord } from './record.ts';
import { jaroWinkler, nameSimilarity, scorePair } from './score.ts';

const person = (id: string, props: Record<string, string[]>): ResolutionRecord => {
  const r = resolutionRecord({ id, schema: 'Person', properties: props }, 'FI');
  if (!r) throw new Error('no name');
  return r;
};

const CYR = 'абвгдежзийклмнопрстуфхцчшщыэюяіїєґ'.split('');
const LAT = 'abcdefghijklmnopqrstuvwxyzāčēģīķļņšūžõäöü'.split('');
const word = (letters: string[]) =>
  fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 }).map((cs) => cs.join(''));
const cap = (w: string) => (w[0] ?? '').toUpperCase() + w.slice(1);
const nameArb = fc.tuple(word(LAT), word(LAT)).map(([a, b]) => `${cap(a)} ${cap(b)}`);
const dateArb = fc
  .date({ min: new Date('1940-01-01'), max: new Date('2008-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const phoneArb = fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+358 40 ${n}`);
const recordArb = (id: string) =>
  fc
    .record({
      name: nameArb,
      birth: fc.option(dateArb, { nil: undefined }),
      phone: fc.option(phoneArb, { nil: undefined }),
      email: fc.option(
        word(LAT.slice(0, 26)).map((w) => `${w}@posti.example`),
        { nil: undefined },
      ),
    })
    .map((r) =>
      person(id, {
        name: [r.name],
        ...(r.birth ? { birthDate: [r.birth] } : {}),
        ...(r.phone ? { phone: [r.phone] } : {}),
        ...(r.email ? { email: [r.email] } : {}),
      }),
    );

describe('pair scoring properties', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(recordArb('a'), recordArb('b'), (a, b) => {
        const x = scorePair(a, b);
        const y = scorePair(b, a);
        expect(y.score).toBe(x.score);
        expect(y.reasons).toEqual(x.reasons);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a record with itself at the top of the name scale, above the threshold when it has a birth date', () => {
    fc.assert(
      fc.property(recordArb('a'), (a) => {
        const s = scorePair(a, { ...a, id: 'copy' });
        expect(s.reasons.find((r) => r.feature === 'name')?.value).toBe(1);
        if (a.birthDates.length) expect(s.score).toBeGreaterThan(0.5);
        for (const r of s.reasons) expect(r.verdict).not.toBe('differ');
      }),
      { numRuns: 300 },
    );
  });

  it('does not change when a name is written in Cyrillic or in its Latin transliteration', () => {
    fc.assert(
      fc.property(fc.tuple(word(CYR), word(CYR)), dateArb, recordArb('other'), ([f, l], birth, other) => {
        const cyr = person('c', { name: [`${f} ${l}`], birthDate: [birth] });
        const lat = person('c', { name: [cyr.names[0]?.join(' ') ?? ''], birthDate: [birth] });
        expect(scorePair(cyr, other)).toEqual(scorePair(lat, other));
        expect(scorePair(cyr, lat).reasons.find((r) => r.feature === 'name')?.value).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps Jaro–Winkler and name similarity symmetric and within 0…1', () => {
    fc.assert(
      fc.property(word(LAT), word(LAT), (a, b) => {
        expect(jaroWinkler(a, b)).toBe(jaroWinkler(b, a));
        expect(jaroWinkler(a, b)).toBeGreaterThanOrEqual(0);
        expect(jaroWinkler(a, b)).toBeLessThanOrEqual(1);
        expect(nameSimilarity([a, 'x'], [b])).toBe(nameSimilarity([b], [a, 'x']));
      }),
    );
  });
});

describe('scoring examples', () => {
  const base = {
    name: ['Oleksandr Kovalenko'],
    birthDate: ['1988-04-12'],
    phone: ['+380 67 123 4567'],
    passportNumber: ['FE123456'],
  };
  it('scores a typing error, a swapped order and a Cyrillic original as the same person, with reasons', () => {
    const a = person('a', base);
    for (const b of [
      person('b', { ...base, name: ['Oleksandr Kovalneko'] }),
      person('b', { ...base, name: ['KOVALENKO Oleksandr'] }),
      person('b', { ...base, name: ['Олександр Коваленко'] }),
    ]) {
      const s = scorePair(a, b);
      expect(s.score).toBeGreaterThan(0.9);
      expect(s.reasons.map((r) => r.feature)).toEqual(['name', 'birthDate', 'identifier', 'phone']);
    }
  });

  it('keeps apart a family sharing a phone and an address, and homonyms born on other days', () => {
    const home = { phone: ['+372 5123 4567'], address: ['Tamme 4, Tartu'] };
    expect(
      scorePair(
        person('a', { name: ['Jaan Tamm'], birthDate: ['1970-01-02'], ...home }),
        person('b', { name: ['Mari Tamm'], birthDate: ['1972-05-06'], ...home }),
      ).score,
    ).toBeLessThan(0.01);
    expect(
      scorePair(
        person('a', { name: ['Jaan Tamm'], birthDate: ['1970-01-02'] }),
        person('b', { name: ['Jaan Tamm'], birthDate: ['1984-09-30'] }),
      ).score,
    ).toBeLessThan(0.2);
  });

  it('blocks so that only plausible pairs are compared, and grades predictions', () => {
    const recs = [
      person('a', base),
      person('b', { ...base, name: ['Oleksandr Kovalneko'] }),
      person('c', { name: ['Anna Berzina'], birthDate: ['1990-01-01'] }),
    ];
    expect(blockingKeys(recs[0] as ResolutionRecord)).toContain('n:kovalenko oleksandr');
    expect(candidatePairs(recs)).toEqual([[0, 1]]);
    const found = findCandidates(recs);
    expect(found.map((c) => [c.a, c.b])).toEqual([['a', 'b']]);
    expect(
      precisionRecall(
        [['b', 'a']],
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
      ),
    ).toEqual({ precision: 1, recall: 0.5, truePositives: 1 });
  });

  it('shares the score of a record that fits two people shown apart (a mother and daughter of one name)', () => {
    const home = { address: ['Sadama tn 4-2, Tallinn'], phone: ['+372 5123 4567'] };
    const recs = [
      person('mother', { name: ['Signe Kask'], birthDate: ['1970-12-23'], idNumber: ['47012231944'], ...home }),
      person('daughter', { name: ['Signe Kask'], birthDate: ['2003-06-06'], ...home }),
      person('undated', { name: ['Signe Kask'], ...home }),
    ];
    expect(distinctRecords(recs[0] as ResolutionRecord, recs[1] as ResolutionRecord)).toBe(true);
    // Either alone would be queued; together neither is, and both stay visible below the threshold.
    expect(findCandidates([recs[0], recs[2]] as ResolutionRecord[]).map((c) => c.b)).toEqual(['undated']);
    expect(findCandidates(recs)).toEqual([]);
    const low = findCandidates(recs, { threshold: 0.3 });
    expect(low.map((c) => [c.a, c.b, c.alternatives])).toEqual([
      ['daughter', 'undated', 2],
      ['mother', 'undated', 2],
    ]);
    // One that fits clearly better (the phone as well as the address) keeps most of its score.
    const father = person('father', { name: ['Jari Nieminen'], birthDate: ['1965-06-05'], ...home });
    const son = person('son', { name: ['Jari Nieminen'], birthDate: ['2005-04-25'], address: home.address });
    const record = person('record', { name: ['Jari Nieminen'], ...home });
    expect(findCandidates([father, son, record]).map((c) => [c.a, c.b, c.alternatives])).toEqual([
      ['father', 'record', 2],
    ]);
    // A birth date of its own that agrees makes it one of them, not a guess between two.
    const dated = person('dated', { name: ['Signe Kask'], birthDate: ['2003-06-06'], ...home });
    expect(findCandidates([recs[0], recs[1], dated] as ResolutionRecord[]).map((c) => [c.a, c.b])).toEqual([
      ['dated', 'daughter'],
    ]);
  });
});
