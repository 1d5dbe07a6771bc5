/**
 * The rows of a large case for bench/searchScale.ts: persons (name, phone, passport), bank
 * accounts (IBAN) and ownership links, as the store writes them (entities, entity_history,
 * selectors, search_docs). Made directly, without validating each entity, so a million are ready
 * in seconds; `checkAgainstPrepare` proves on a sample that they are what `prepareEntity` makes.
 */
import { prepareEntity } from '../src/domain/entity/prepare.ts';
import type { PreparedEntity } from '../src/domain/entity/prepared.ts';
import { foldText, normaliseSelector } from '../src/domain/selectors/index.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { iban } from '../src/services/assembly/samples.testing.ts';

const FIRST = ['Anna', 'Jānis', 'Olga', 'Andris', 'Ivan', 'Marija', 'Pēteris', 'Elena', 'Sergejs', 'Līga'];
const FIRST_MORE = ['Inese', 'Dmitrijs', 'Kristīne', 'Aleksandrs', 'Natālija', 'Mārtiņš', 'Svetlana', 'Edgars'];
const FIRSTS = [...FIRST, ...FIRST_MORE, ...Array.from({ length: 32 }, (_, i) => `Vards${i}`)];
/** 2,000 surnames: a surname names about 300 of 600,000 persons. */
const LASTS = Array.from({ length: 2_000 }, (_, i) => `${['Berzin', 'Kalnin', 'Ozolin', 'Petrov'][i % 4]}${i}s`);
/** The rare name: one person in the case holds it. */
export const RARE_NAME = 'Vecvagare';
/** The common first name: 1 in 50 persons. */
export const COMMON_NAME = 'Anna';

export interface ScaleCase {
  persons: number;
  accounts: number;
  /** Every n-th person: values looked up in the bench. */
  phones: string[];
  ibans: string[];
  documents: string[];
  entityIds: string[];
}

const phoneOf = (i: number) => `+3712${String(i).padStart(7, '0')}`;
const passportOf = (i: number) => `LV${String(i).padStart(7, '0')}`;
const ibanOf = (i: number) => iban('LV', `HABA${String(i).padStart(13, '0')}`);
const nameOf = (i: number, rare: number) =>
  `${FIRSTS[i % FIRSTS.length] ?? ''} ${i === rare ? RARE_NAME : (LASTS[Math.floor(i / FIRSTS.length) % LASTS.length] ?? '')}`;

const foldCache = new Map<string, { folded: string; key: string }>();
function foldedName(name: string): { folded: string; key: string } {
  let f = foldCache.get(name);
  if (!f) {
    const n = normaliseSelector('name', name, { defaultCountry: 'LV' });
    f = { folded: foldText(name), key: n.ok ? n.value : '' };
    foldCache.set(name, f);
  }
  return f;
}

const grading = { reliability: 'X', information: '4' } as const;
const OWNERSHIP_TEXT = foldText('Ownership');

function person(i: number, rare: number): PreparedEntity {
  const name = nameOf(i, rare);
  const { folded, key } = foldedName(name);
  const phone = phoneOf(i);
  const passport = passportOf(i);
  return {
    id: uuidv7(),
    schema: 'Person',
    caption: name,
    properties: { name: [name], phone: [phone], passportNumber: [passport] },
    sourceId: null,
    targetId: null,
    selectors: [
      { kind: 'name', value: key, property: 'name' },
      { kind: 'phone', value: phone, property: 'phone' },
      { kind: 'document', value: passport, property: 'passportNumber' },
    ],
    searchText: `${folded} ${folded} ${phone.slice(1)} ${passport.toLowerCase()}`,
    grading,
  };
}

function account(i: number): PreparedEntity {
  const value = ibanOf(i);
  const folded = value.toLowerCase();
  return {
    id: uuidv7(),
    schema: 'BankAccount',
    caption: value,
    properties: { iban: [value] },
    sourceId: null,
    targetId: null,
    selectors: [{ kind: 'iban', value, property: 'iban' }],
    searchText: `${folded} ${folded}`,
    grading,
  };
}

function ownership(owner: string, asset: string): PreparedEntity {
  return {
    id: uuidv7(),
    schema: 'Ownership',
    caption: 'Ownership',
    properties: { owner: [owner], asset: [asset] },
    sourceId: owner,
    targetId: asset,
    selectors: [],
    searchText: OWNERSHIP_TEXT,
    grading,
  };
}

/**
 * `total` entities in batches: 60 % persons, 20 % accounts each owned by a person, 20 %
 * ownership links. Calls `write` with each batch; returns values to look up.
 */
export async function generateCase(
  total: number,
  batch: number,
  write: (part: PreparedEntity[]) => Promise<void>,
): Promise<ScaleCase> {
  const accounts = Math.floor(total / 5);
  const persons = total - 2 * accounts;
  const rare = Math.floor(persons / 2) + 7;
  const sampleEvery = Math.max(1, Math.floor(persons / 500));
  const out: ScaleCase = { persons, accounts, phones: [], ibans: [], documents: [], entityIds: [] };
  let part: PreparedEntity[] = [];
  const flush = async () => {
    if (part.length) await write(part);
    part = [];
  };
  for (let i = 0; i < persons; i++) {
    const p = person(i, rare);
    part.push(p);
    if (i < accounts) {
      const a = account(i);
      part.push(a, ownership(p.id, a.id));
      if (i % sampleEvery === 0) out.ibans.push(a.properties.iban?.[0] ?? '');
    }
    if (i % sampleEvery === 0) {
      out.phones.push(phoneOf(i));
      out.documents.push(passportOf(i));
      out.entityIds.push(p.id);
    }
    if (part.length >= batch) await flush();
  }
  await flush();
  return out;
}

/** Throws unless the generator's rows equal what the platform's own preparation makes of them. */
export function checkAgainstPrepare(): void {
  const samples: PreparedEntity[] = [person(3, 3), person(123_457, -1), account(42)];
  const p = samples[0] as PreparedEntity;
  const a = samples[2] as PreparedEntity;
  samples.push(ownership(p.id, a.id));
  for (const e of samples) {
    const made = prepareEntity(
      { id: e.id, schema: e.schema, properties: e.properties },
      { defaultCountry: 'LV', strictSelectors: true },
    );
    const want = JSON.stringify(made);
    if (JSON.stringify(e) !== want)
      throw new Error(`generator differs from prepareEntity:\n${JSON.stringify(e)}\n${want}`);
  }
}
