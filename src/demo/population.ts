/**
 * A population of persons only, for entity resolution at a million records: residents drawn as
 * the background population is (names by nationality, birth dates, addresses shared by
 * households, phones, passports of foreign residents), a share of them recorded twice
 * with the hard duplicates of ./duplicates.ts — no strong identifier in common (no phone,
 * e-mail, personal code or passport), a typing error, the legacy or Cyrillic spelling, surname
 * and given name swapped, or no birth date. No accounts, statement lines or networks: a million
 * persons are ready in about a minute. The duplicates' truth comes apart, as with the scenario.
 */
import type { EntityRecord } from '../domain/records.ts';
import { Cell } from './cell.ts';
import { S, type Nationality } from './constants.ts';
import { fits, plantDuplicate } from './duplicates.ts';
import type { DuplicateVariant, Duplicate } from './groundTruth.ts';
import { UniqueRegistry } from './ids.ts';
import type { PersonInfo } from './people.ts';
import { CITIES, type BankCountry } from './places.ts';
import { RATES } from './rates.ts';

/** Records (originals and duplicates) per cell: one cell's identifiers and ids stay apart. */
export const POPULATION_CELL = 1_000;

/** The hard variants planted: every one but a second import of the same record. */
export const HARD_VARIANTS: readonly DuplicateVariant[] = [
  'typo',
  'transliteration',
  'swappedOrder',
  'missingBirthDate',
  'fuzzyWeak',
  'crossScript',
];

// More Ukrainians than the background has: the Cyrillic and transliterated spellings need them.
const NATS: readonly Nationality[] = ['fi', 'fi', 'fi', 'fi', 'fi', 'ee', 'ee', 'lv', 'lv', 'ua', 'ua', 'ro', 'pl'];

export interface PopulationOptions {
  seed: number;
  /** Records in all, duplicates included. */
  persons: number;
  /** Duplicates per record (0 … 0.5). */
  duplicateShare?: number;
}

export type PopulationItem = { kind: 'person'; record: EntityRecord } | { kind: 'duplicate'; duplicate: Duplicate };

function residents(cell: Cell, n: number): PersonInfo[] {
  const rng = cell.rng('population');
  const out: PersonInfo[] = [];
  let home: { id: string; full: string; city: string } | null = null;
  for (let i = 0; i < n; i++) {
    const nat = rng.pick(NATS);
    const residence: BankCountry = nat === 'ee' || nat === 'lv' ? (rng.chance(0.5) ? nat : 'fi') : 'fi';
    const address: { id: string; full: string; city: string } =
      home && rng.chance(0.3)
        ? home
        : cell.address(rng, rng.pick(CITIES[residence]), 'privateHome', { flat: rng.chance(0.6), background: true });
    home = address;
    out.push(
      cell.person(rng, {
        nat,
        gender: rng.chance(0.5) ? 'female' : 'male',
        age: [19, 78],
        residence,
        status: 'none',
        networkId: null,
        role: 'resident',
        background: true,
        // An address per name and birth year runs out at a million; duplicates drop it anyway.
        email: false,
        passport: nat !== residence && rng.chance(0.5),
        address,
        birthDate: !rng.chance(RATES.missingBirthDate),
      }),
    );
  }
  return out;
}

/** The persons of the population, cell by cell (one cell in memory), each duplicate's truth after its cell. */
export function* personPopulation(opts: PopulationOptions): Generator<PopulationItem, void, undefined> {
  const share = Math.min(0.5, Math.max(0, opts.duplicateShare ?? 0.1));
  const registry = new UniqueRegistry();
  for (let index = 0, made = 0; made < opts.persons; index++) {
    const size = Math.min(POPULATION_CELL, opts.persons - made);
    const duplicates = Math.floor(size * share);
    const cell = new Cell(opts.seed, index, registry);
    const people = residents(cell, size - duplicates);
    const rng = cell.rng('population duplicates');
    const used = new Set<string>();
    for (let k = 0; k < duplicates; k++) {
      const variant = HARD_VARIANTS[k % HARD_VARIANTS.length] ?? 'typo';
      let canonical: PersonInfo | undefined;
      for (let tries = 0; tries < 50 && !canonical; tries++) {
        const p = rng.pick(people);
        if (!used.has(p.id) && fits(variant, p, true)) canonical = p;
      }
      if (!canonical) continue;
      used.add(canonical.id);
      plantDuplicate(cell, rng, variant, canonical, true);
    }
    for (const record of cell.entities) if (record.schema === S.Person) yield { kind: 'person', record };
    for (const duplicate of cell.truth.duplicates) yield { kind: 'duplicate', duplicate };
    made += size;
  }
}
