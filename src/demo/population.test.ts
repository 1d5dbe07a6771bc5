import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../domain/records.ts';
import { HARD_VARIANTS, personPopulation } from './population.ts';

const STRONG = ['phone', 'email', 'idNumber', 'passportNumber'] as const;

describe('a population of persons with hard duplicates', () => {
  const persons = new Map<string, EntityRecord>();
  const duplicates: { canonicalId: string; duplicateId: string; variant: string }[] = [];
  for (const item of personPopulation({ seed: 5, persons: 2_500 })) {
    if (item.kind === 'person') persons.set(item.record.id, item.record);
    else duplicates.push(item.duplicate);
  }

  it('holds the asked number of persons, a tenth of them duplicates of every hard variant', () => {
    expect(persons.size).toBe(2_500);
    expect(duplicates.length).toBeGreaterThan(240);
    expect(new Set(duplicates.map((d) => d.variant))).toEqual(new Set(HARD_VARIANTS));
    expect([...persons.values()].every((p) => p.schema === 'Person')).toBe(true);
  });

  it('gives a duplicate no strong identifier of its original, but a birth date or an address', () => {
    for (const d of duplicates) {
      const copy = persons.get(d.duplicateId)?.properties ?? {};
      const original = persons.get(d.canonicalId)?.properties ?? {};
      for (const p of STRONG) expect(copy[p], `${d.variant} ${p}`).toBeUndefined();
      const weak = (p: string) => (copy[p] ?? []).some((v) => (original[p] ?? []).includes(v));
      expect(weak('birthDate') || weak('address'), d.variant).toBe(true);
    }
  });

  it('is the same for the same seed', () => {
    const again = [...personPopulation({ seed: 5, persons: 300 })];
    expect([...personPopulation({ seed: 5, persons: 300 })]).toEqual(again);
  });
});
