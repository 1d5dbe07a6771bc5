/**
 * Planted duplicates for entity resolution: the same real person recorded twice, the way it
 * happens between sources — a typing error, another transliteration (or the Cyrillic original),
 * surname and given name swapped, no birth date, or simply the same record arriving in a second
 * import; and the hard ones, which share no strong identifier at all: a fuzzy name with only a
 * birth date or an address in common, or the name written in the other script (Latin/Cyrillic)
 * with only the birth date. Sources seldom repeat every identifier, so the easier variants also
 * lose a phone, an e-mail, an address or an ID code at the rates of `DUPLICATE_LOSES`. The
 * duplicate keeps the canonical person's truth and says whose duplicate it is.
 */
import type { Grading } from '../domain/records.ts';
import type { Cell, PersonInfo } from './cell.ts';
import { personRecord } from './personRecord.ts';
import { P, S } from './constants.ts';
import type { DuplicateVariant } from './groundTruth.ts';
import { DUPLICATE_VARIANTS } from './groundTruth.ts';
import { cyrillicOf, foldDiacritics, romaniseUkLegacy, type PersonName } from './names.ts';
import type { Rng } from './prng.ts';
import { LOOKALIKES_PER_CELL } from './rates.ts';

/**
 * Chance that a typo, transliteration or swapped-order duplicate lacks each identifier the
 * original has: the report or list it comes from did not record it.
 */
const DUPLICATE_LOSES = { phone: 0.5, email: 0.5, address: 0.3, idNumber: 0.3 } as const;

/** One typing error in a word: adjacent letters swapped, one dropped, one doubled or replaced. */
export function typo(rng: Rng, word: string): string {
  const chars = [...word];
  if (chars.length < 3) return word + (chars[chars.length - 1] ?? 'a');
  const i = rng.int(1, chars.length - 2);
  const c = chars[i] ?? '';
  switch (rng.int(0, 3)) {
    case 0:
      [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', c];
      break;
    case 1:
      chars.splice(i, 1);
      break;
    case 2:
      chars.splice(i, 0, c);
      break;
    default:
      chars[i] = 'aeiou'.includes(c) ? ('aeiou'[('aeiou'.indexOf(c) + 1) % 5] ?? 'a') : c === 'n' ? 'm' : 'n';
  }
  const out = chars.join('');
  return out === word ? `${word}${c}` : out;
}

function variantName(rng: Rng, variant: DuplicateVariant, p: PersonInfo): PersonName {
  const n = p.name;
  switch (variant) {
    case 'typo':
      return rng.chance(0.7)
        ? { first: n.first, last: typo(rng, n.last) }
        : { first: typo(rng, n.first), last: n.last };
    case 'transliteration': {
      if (n.firstNative !== undefined && n.lastNative !== undefined) {
        const legacy = { first: romaniseUkLegacy(n.firstNative), last: romaniseUkLegacy(n.lastNative) };
        const differs = legacy.first !== n.first || legacy.last !== n.last;
        return differs && rng.chance(0.5) ? legacy : { first: n.firstNative, last: n.lastNative };
      }
      return { first: foldDiacritics(n.first), last: foldDiacritics(n.last) };
    }
    case 'swappedOrder':
      // Entered surname-first into the given-name field, as on many forms and lists.
      return { first: n.last, last: n.first };
    case 'missingBirthDate':
    case 'secondImport':
      return { first: n.first, last: n.last };
    case 'fuzzyWeak':
      return { first: rng.chance(0.5) ? typo(rng, n.first) : n.first, last: typo(rng, n.last) };
    case 'crossScript':
      return n.firstNative !== undefined && n.lastNative !== undefined
        ? { first: n.firstNative, last: n.lastNative }
        : { first: cyrillicOf(n.first), last: cyrillicOf(n.last) };
  }
}

const SOURCE: Record<DuplicateVariant, string> = {
  typo: 'listed in a labour inspection report',
  transliteration: 'named in a foreign police request',
  swappedOrder: 'listed in a hotel or employer register',
  missingBirthDate: 'named in a witness statement',
  secondImport: 'same record in a second registry import',
  fuzzyWeak: 'named in an anonymous tip',
  crossScript: 'named in a request from a Russian-speaking police service',
};

/**
 * Can this person carry this variant so that the duplicate really differs from the original?
 * `hard`: the duplicate will keep no strong identifier, so it needs a birth date (or, without
 * one, the address) to stay apart from a namesake.
 */
export function fits(variant: DuplicateVariant, p: PersonInfo, hard = false): boolean {
  if (hard && variant === 'missingBirthDate') return p.addressId !== null;
  // Typing errors, spellings and swapped names keep the birth date (the address may be lost).
  if (hard && ['typo', 'transliteration', 'swappedOrder'].includes(variant) && p.noBirthDate) return false;
  // The hard variants keep one weak attribute in common (the birth date, or for fuzzyWeak the
  // address instead): a person with neither would leave a bare name, which no source can tell
  // from a namesake's.
  if (variant === 'crossScript') return !p.noBirthDate;
  if (variant === 'fuzzyWeak') return !p.noBirthDate || p.addressId !== null;
  if (variant === 'transliteration') {
    return (
      p.name.firstNative !== undefined ||
      foldDiacritics(`${p.name.first}${p.name.last}`) !== `${p.name.first}${p.name.last}`
    );
  }
  return true;
}

/**
 * Writes one duplicate of `canonical` into the cell with its truth. `hard`: as the sources
 * generator's harder records come (a tip, a foreign request, a hotel list), it keeps no strong
 * identifier (phone, e-mail, personal code, passport) whatever the variant.
 */
export function plantDuplicate(
  cell: Cell,
  rng: Rng,
  variant: DuplicateVariant,
  canonical: PersonInfo,
  hard = false,
): void {
  const name = variantName(rng, variant, canonical);
  const copy: PersonInfo = { ...canonical, name };
  const id = cell.ids.next('p');
  const record = personRecord(id, copy, rng.int(0, 4));
  if (variant === 'missingBirthDate') {
    delete record.properties[P.birthDate];
    delete record.properties[P.idNumber];
  }
  if (variant === 'swappedOrder')
    record.properties[P.name] = [`${canonical.name.last.toUpperCase()} ${canonical.name.first}`];
  const drop = (props: readonly string[]) => {
    for (const prop of props) delete record.properties[prop];
  };
  const strong = [P.phone, P.email, P.idNumber, P.passportNumber];
  if (variant === 'typo' || variant === 'transliteration' || variant === 'swappedOrder') {
    if (rng.chance(DUPLICATE_LOSES.phone)) drop([P.phone]);
    if (rng.chance(DUPLICATE_LOSES.email)) drop([P.email]);
    if (rng.chance(DUPLICATE_LOSES.address)) drop([P.address, P.addressEntity]);
    if (rng.chance(DUPLICATE_LOSES.idNumber)) drop([P.idNumber]);
  }
  if (variant === 'fuzzyWeak') {
    // One weak attribute in common: the birth date or the address, not both.
    drop(strong);
    const keepBirthDate = !canonical.noBirthDate && (canonical.addressId === null || rng.chance(0.5));
    drop(keepBirthDate ? [P.address, P.addressEntity] : [P.birthDate]);
  }
  if (variant === 'crossScript') drop([...strong, P.address, P.addressEntity]);
  if (hard) drop(strong);
  if (variant === 'secondImport') {
    const grading: Grading = { reliability: 'B', information: '2' };
    record.grading = grading;
  }
  cell.entities.push(record);
  cell.truth.persons.push({
    id,
    proceduralStatus: canonical.status,
    crimeScriptFunctions: canonical.functions,
    networkId: canonical.networkId,
    role: `duplicate record (${variant})`,
    isDuplicateOf: canonical.id,
  });
  cell.truth.duplicates.push({ canonicalId: canonical.id, duplicateId: id, variant });
  if (canonical.anchorId)
    cell.link(S.UnknownLink, { [P.subject]: [id], [P.object]: [canonical.anchorId], [P.role]: [SOURCE[variant]] });
}

/**
 * Plant one duplicate of every easy variant (and up to two more at random) and
 * `LOOKALIKES_PER_CELL` of each hard one among `candidates`, each of a different person.
 */
export function plantDuplicates(cell: Cell, candidates: readonly PersonInfo[]): void {
  const rng = cell.rng('duplicates');
  const easy = DUPLICATE_VARIANTS.filter((v) => v !== 'fuzzyWeak' && v !== 'crossScript');
  const variants: DuplicateVariant[] = [...easy];
  for (let k = rng.int(0, 2); k > 0; k--) variants.push(rng.pick(easy));
  for (let k = 0; k < LOOKALIKES_PER_CELL; k++) variants.push('fuzzyWeak', 'crossScript');
  // Transliteration first: it has the fewest fitting candidates.
  variants.sort((a, b) => Number(b === 'transliteration') - Number(a === 'transliteration'));
  const used = new Set<string>();
  for (const variant of variants) {
    const pool = candidates.filter((p) => !used.has(p.id) && fits(variant, p));
    if (pool.length === 0) throw new Error(`no candidate for a ${variant} duplicate in cell ${cell.index}`);
    const canonical = rng.pick(pool);
    used.add(canonical.id);
    plantDuplicate(cell, rng, variant, canonical);
  }
}
