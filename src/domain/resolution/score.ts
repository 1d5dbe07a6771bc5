/**
 * Scoring a candidate pair: each kind of evidence adds or takes away weight (log-odds style, as
 * in Fellegi–Sunter record linkage), and the sum becomes a score between 0 and 1. Every weight
 * is returned as a reason, so the analyst sees why a pair scored. The score is symmetric: the
 * pair (a, b) scores as (b, a), and a record always matches itself.
 */
import { mayBeSameWord, nameEdits } from './nameEdits.ts';
import type { ResolutionRecord } from './record.ts';

export type ReasonFeature = 'name' | 'birthDate' | 'identifier' | 'phone' | 'email' | 'address';

export interface Reason {
  feature: ReasonFeature;
  /** agree, close, differ, missing */
  verdict: 'agree' | 'close' | 'differ';
  weight: number;
  /** Name similarity 0…1 for `name`; how many values agree otherwise. */
  value: number;
}

export interface PairScore {
  score: number;
  total: number;
  reasons: Reason[];
}

/** Weights; the parameters of the model, with why. */
export const RESOLUTION_WEIGHTS = {
  /** Name similarity at which the name is neutral; each 0.01 above or below moves the sum by 0.4. */
  nameNeutral: 0.88,
  nameSlope: 40,
  nameMax: 4,
  nameMin: -8,
  /**
   * A name within a few typing errors of the other (nameEdits.ts), by errors: up to 1, up to 2,
   * up to 3, up to 4. Near the exact name's weight: a slip of the pen is far likelier than two
   * people whose names differ by one letter in each word meeting on one birth date or address.
   */
  nameEdits: [3.5, 3, 2, 1],
  /**
   * The most a name may weigh whose words are not each a slip away from the other's (another
   * first letter, more errors than a slip, another word): Anna and Hanna of one household sound
   * alike to Jaro–Winkler, but a writer's error seldom makes one of the other.
   */
  nameUnlikeMax: 1,
  birthAgree: 3,
  /** Different birth dates: usually two people (homonyms are common in a 100,000-person case). */
  birthDiffer: -6,
  /** Same year, other day: a typing error is as likely as another person. */
  birthSameYear: -2,
  identifierAgree: 5,
  /** Both have identifiers and none agrees: passports are renewed, so only a mild penalty. */
  identifierDiffer: -3,
  /** Phones are shared in families, flats and by workers given one phone: weak evidence. */
  phoneAgree: 1.5,
  emailAgree: 3,
  /** Workers share housing, families share homes: weak evidence. */
  addressAgree: 1,
  /**
   * One address with a name at most two typing errors away: a household's members differ by a
   * word, workers sharing a flat by their whole name, so this is one person written twice.
   */
  addressAgreeNearName: 2.5,
  /** The sum at which the score is 0.5. */
  bias: 5,
} as const;

// Reused match flags: scoring runs millions of times in a large case.
let aMatches = new Uint8Array(64);
let bMatches = new Uint8Array(64);

/** Jaro–Winkler similarity of two strings (symmetric, 1 for equal strings). */
export function jaroWinkler(s: string, u: string): number {
  if (s === u) return 1;
  // Greedy matching can depend on which string leads; a fixed order keeps the measure symmetric.
  const [a, b] = s < u ? [s, u] : [u, s];
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (a.length > aMatches.length || b.length > bMatches.length) {
    aMatches = new Uint8Array(Math.max(a.length, b.length) * 2);
    bMatches = new Uint8Array(Math.max(a.length, b.length) * 2);
  }
  const aMatch = aMatches.fill(0, 0, a.length);
  const bMatch = bMatches.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(i + range + 1, b.length);
    for (let j = lo; j < hi; j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How well every word of `a` finds a word of `b`, averaged. */
function oneWay(a: readonly string[], b: readonly string[]): number {
  let sum = 0;
  for (const x of a) {
    let best = 0;
    for (const y of b) best = Math.max(best, jaroWinkler(x, y));
    sum += best;
  }
  return a.length ? sum / a.length : 0;
}

/**
 * Word-set similarity of two folded names: word order does not count (surname first or last),
 * each direction is averaged so the measure is symmetric, and the weaker direction weighs more
 * so that "Anna" does not match "Anna Kalnina Berzina" fully.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  const x = oneWay(a, b);
  const y = oneWay(b, a);
  return (Math.min(x, y) * 2 + Math.max(x, y)) / 3;
}

/** The best name similarity and the fewest typing errors between any name of `a` and any of `b`. */
function bestNames(a: ResolutionRecord, b: ResolutionRecord): { sim: number; edits: number | null } {
  let sim = 0;
  let edits: number | null = null;
  for (const x of a.names)
    for (const y of b.names) {
      sim = Math.max(sim, nameSimilarity(x, y));
      const e = nameEdits(x, y);
      if (e !== null && (edits === null || e < edits)) edits = e;
    }
  return { sim, edits };
}

/** The weight of a name `edits` typing errors away (null: not within the allowance). */
function editWeight(edits: number | null, w: typeof RESOLUTION_WEIGHTS): number {
  if (edits === null) return -Infinity;
  if (edits === 0) return w.nameMax;
  return w.nameEdits[Math.ceil(edits) - 1] ?? -Infinity;
}

const common = (x: readonly string[], y: readonly string[]): number => {
  let n = 0;
  for (const v of x) if (y.includes(v)) n++;
  return n;
};

/**
 * Whether some name of `a` and some of `b` could be a few typing errors apart (nameEdits.ts): as
 * many words, at most four, each beginning as a word of the other. When none could, the name
 * weighs at most `nameUnlikeMax` — a cheap bound that spares most pairs the full comparison.
 */
function namesMayPair(a: ResolutionRecord, b: ResolutionRecord): boolean {
  for (const x of a.names)
    for (const y of b.names) {
      if (x.length !== y.length || x.length > 4) continue;
      if (x.every((p) => y.some((q) => mayBeSameWord(p, q)))) return true;
    }
  return false;
}

/** Whether a date of `x` and one of `y` (YYYY-MM-DD) fall in one year. */
function sameYear(x: readonly string[], y: readonly string[]): boolean {
  for (const d of x) for (const e of y) if (d.startsWith(e.slice(0, 4))) return true;
  return false;
}

/**
 * The most a pair could score whatever its names: when even that stays below the threshold's
 * sum, the costly name comparison is skipped (blocking yields many such pairs in a large case).
 */
export function couldReach(
  a: ResolutionRecord,
  b: ResolutionRecord,
  minTotal: number,
  w = RESOLUTION_WEIGHTS,
): boolean {
  let max = namesMayPair(a, b) ? w.nameMax : w.nameUnlikeMax;
  if (a.birthDates.length && b.birthDates.length) {
    if (common(a.birthDates, b.birthDates)) max += w.birthAgree;
    else max += sameYear(a.birthDates, b.birthDates) ? w.birthSameYear : w.birthDiffer;
  }
  if (common(a.identifiers, b.identifiers)) max += w.identifierAgree;
  if (common(a.phones, b.phones)) max += w.phoneAgree;
  if (common(a.emails, b.emails)) max += w.emailAgree;
  if (common(a.addresses, b.addresses)) max += Math.max(w.addressAgree, w.addressAgreeNearName);
  return max >= minTotal;
}

/** Scores a pair of records; the reasons list every piece of evidence that counted. */
export function scorePair(a: ResolutionRecord, b: ResolutionRecord, w = RESOLUTION_WEIGHTS): PairScore {
  const reasons: Reason[] = [];
  const names = bestNames(a, b);
  const sim = Math.round(names.sim * 1000) / 1000;
  const near = names.edits !== null && names.edits <= 2;
  const sounds = Math.max(w.nameMin, Math.min(w.nameMax, w.nameSlope * (sim - w.nameNeutral)));
  const nameWeight =
    names.edits === null ? Math.min(sounds, w.nameUnlikeMax) : Math.max(sounds, editWeight(names.edits, w));
  reasons.push({
    feature: 'name',
    verdict: sim >= 0.99 ? 'agree' : sim >= w.nameNeutral || near ? 'close' : 'differ',
    weight: round(nameWeight),
    value: sim,
  });
  if (a.birthDates.length && b.birthDates.length) {
    if (common(a.birthDates, b.birthDates))
      reasons.push({ feature: 'birthDate', verdict: 'agree', weight: w.birthAgree, value: 1 });
    else {
      const year = sameYear(a.birthDates, b.birthDates);
      reasons.push({
        feature: 'birthDate',
        verdict: year ? 'close' : 'differ',
        weight: year ? w.birthSameYear : w.birthDiffer,
        value: 0,
      });
    }
  }
  if (a.identifiers.length && b.identifiers.length) {
    const n = common(a.identifiers, b.identifiers);
    const kinds = (r: ResolutionRecord) => r.identifiers.map((i) => i.slice(0, i.indexOf(':')));
    if (n) reasons.push({ feature: 'identifier', verdict: 'agree', weight: w.identifierAgree, value: n });
    else if (common(kinds(a), kinds(b)))
      reasons.push({ feature: 'identifier', verdict: 'differ', weight: w.identifierDiffer, value: 0 });
  }
  const contact = (
    feature: 'phone' | 'email' | 'address',
    x: readonly string[],
    y: readonly string[],
    weight: number,
  ) => {
    const n = common(x, y);
    if (n) reasons.push({ feature, verdict: 'agree', weight, value: n });
  };
  contact('phone', a.phones, b.phones, w.phoneAgree);
  contact('email', a.emails, b.emails, w.emailAgree);
  contact('address', a.addresses, b.addresses, near ? w.addressAgreeNearName : w.addressAgree);
  const total = round(reasons.reduce((s, r) => s + r.weight, 0));
  return { score: round(1 / (1 + Math.exp(-(total - w.bias)))), total, reasons };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
