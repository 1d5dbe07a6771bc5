/**
 * Candidate duplicates with blocking: records are only compared when they share a blocking key,
 * so the work grows with the records, not with their square. Keys:
 *  - the folded, sorted name (same name in any order or alphabet);
 *  - each name word with the birth date (a typing error in the other word);
 *  - each name word's first three (and two) letters with the birth date (a typing error in
 *    both… or a legacy transliteration of one word);
 *  - the birth date with the name's initials (typing errors early in every word);
 *  - each address with each name word's first letter (a typing error and no birth date);
 *  - every identifier, phone and e-mail (a missing or mistyped birth date).
 * A key shared by more records than `maxBlock` (a switchboard number, a very common name with
 * no date) is skipped: it cannot tell people apart and would cost a square of its size.
 */
import { isA } from '../schema/registry.ts';
import { soundForm } from './nameEdits.ts';
import type { ResolutionRecord } from './record.ts';
import type { PairScore } from './score.ts';
import { couldReach, RESOLUTION_WEIGHTS, scorePair } from './score.ts';

export interface Candidate extends PairScore {
  /** The pair's ids, `a` < `b`. */
  a: string;
  b: string;
  /** Records shown to be different that one end fits as well as the other end (the score is shared among them). */
  alternatives?: number;
}

export interface CandidateOptions {
  /** Pairs scoring below this are dropped (0…1). */
  threshold?: number;
  maxBlock?: number;
}

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MAX_BLOCK = 100;
/**
 * A name alone, without a date or a contact to narrow it, is a weak key: a common name is
 * shared by hundreds in a large case. Its blocks are kept small; the other keys still meet.
 */
export const NAME_ONLY_MAX_BLOCK = 12;

export function blockingKeys(r: ResolutionRecord): string[] {
  const keys = new Set<string>();
  for (const words of r.names) {
    keys.add(`n:${words.join(' ')}`);
    for (const d of r.birthDates) {
      for (const w of words) {
        keys.add(`w:${w}|${d}`);
        if (w.length > 3) keys.add(`p:${w.slice(0, 3)}|${d}`);
        if (w.length > 2) keys.add(`q:${w.slice(0, 2)}|${d}`);
      }
    }
    // First letters as sounded (nameEdits.soundForm): Halyna and Galyna, Ülle and Юлле share them.
    const initials = words.map((w) => soundForm(w).slice(0, 1)).join('');
    for (const d of r.birthDates) keys.add(`b:${initials}|${d}`);
    for (const a of r.addresses) for (const w of words) keys.add(`a:${a}|${soundForm(w).slice(0, 1)}`);
  }
  for (const v of r.identifiers) keys.add(`i:${v}`);
  for (const v of r.phones) keys.add(`t:${v}`);
  for (const v of r.emails) keys.add(`e:${v}`);
  return [...keys];
}

/**
 * Records of two schemata may be one when one is the other's legal descendant: a statement's
 * LegalEntity holder and a Person, or a Company (a Person and a Company never are).
 */
export const comparable = (a: string, b: string): boolean => a === b || isA(a, b) || isA(b, a);

/** A 32-bit FNV-1a hash of a key: blocks are runs of equal hashes, so no key string is kept. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A growable array of numbers (a million records give tens of millions of entries). */
class Numbers {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  /** Sorted, without repeats. */
  sortedUnique(): Float64Array {
    const out = this.data.subarray(0, this.length).sort();
    let k = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i] ?? 0;
    return out.subarray(0, k);
  }
}

/**
 * Records beside one another in a block too large to compare whole are compared with their next
 * few, ordered by birth date and then address (sorted neighbourhood): a duplicate without a date
 * or another spelling of the name still sits next to its original when the rest agrees.
 */
export const NEIGHBOURHOOD = 4;

const neighbourhoodKey = (r: ResolutionRecord) => `${r.birthDates[0] ?? ''}|${r.addresses[0] ?? ''}|${r.id}`;

/**
 * Each pair of records sharing a blocking key, once, in index order (`i` < `j`). Keys are hashed
 * into one sorted array of (hash, record) numbers, so memory grows with the keys and no block is
 * compared in full beyond its cap: a larger block is walked as a sorted neighbourhood instead.
 */
export function forEachCandidatePair(
  records: readonly ResolutionRecord[],
  visit: (i: number, j: number) => void,
  maxBlock = DEFAULT_MAX_BLOCK,
  nameOnlyBlocks = true,
): void {
  const n = records.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** indexBits;
  const hashes = 2 ** Math.min(32, 53 - indexBits);
  const strong = new Numbers();
  const nameOnly = new Numbers();
  records.forEach((r, i) => {
    for (const k of blockingKeys(r)) {
      const weak = k.startsWith('n:');
      if (!weak || nameOnlyBlocks) (weak ? nameOnly : strong).push((hashKey(k) % hashes) * scale + i);
    }
  });
  const pairs = new Numbers();
  const add = (i: number, j: number) => {
    if (i === j || !comparable(records[i]?.schema ?? '', records[j]?.schema ?? '')) return;
    pairs.push(i < j ? i * n + j : j * n + i);
  };
  const walk = (entries: Float64Array, cap: number) => {
    for (let start = 0; start < entries.length;) {
      const block = Math.floor((entries[start] ?? 0) / scale);
      let end = start + 1;
      while (end < entries.length && Math.floor((entries[end] ?? 0) / scale) === block) end++;
      const from = start;
      start = end;
      // Most keys are one record's alone.
      if (end - from < 2) continue;
      if (end - from <= cap) {
        for (let x = from; x < end; x++)
          for (let y = x + 1; y < end; y++) add((entries[x] ?? 0) % scale, (entries[y] ?? 0) % scale);
        continue;
      }
      const members: number[] = [];
      for (let x = from; x < end; x++) members.push((entries[x] ?? 0) % scale);
      const keyed = members.map((i) => ({ i, key: neighbourhoodKey(records[i] as ResolutionRecord) }));
      keyed.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
      for (let x = 0; x < keyed.length; x++)
        for (let y = x + 1; y < Math.min(keyed.length, x + NEIGHBOURHOOD + 1); y++)
          add(keyed[x]?.i ?? 0, keyed[y]?.i ?? 0);
    }
  };
  walk(strong.sortedUnique(), maxBlock);
  walk(nameOnly.sortedUnique(), Math.min(maxBlock, NAME_ONLY_MAX_BLOCK));
  for (const code of pairs.sortedUnique()) visit(Math.floor(code / n), code % n);
}

/** Pairs that share a blocking key, each once, as index pairs into `records`. */
export function candidatePairs(
  records: readonly ResolutionRecord[],
  maxBlock = DEFAULT_MAX_BLOCK,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachCandidatePair(records, (i, j) => out.push([i, j]), maxBlock);
  return out;
}

/** Scored candidates at or above the threshold, best first. */
export function findCandidates(records: readonly ResolutionRecord[], opts: CandidateOptions = {}): Candidate[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  // Pairs are scored down to the default threshold even when a higher one is asked: they are the
  // alternatives an ambiguous record's score is shared among (splitAmbiguous).
  const floor = Math.min(threshold, DEFAULT_THRESHOLD);
  // The sum a pair needs for that floor (the score is a logistic of the sum).
  const minTotal =
    floor <= 0 ? -Infinity : floor >= 1 ? Infinity : RESOLUTION_WEIGHTS.bias + Math.log(floor / (1 - floor));
  // A name alone weighs at most `nameMax`: above that sum a pair needs more in common (a date,
  // an address, an identifier, a phone, an e-mail), and each of those is a key of its own. The
  // name-only blocks — most of the pairs in a large case — are compared only below it.
  const nameOnlyBlocks = minTotal <= RESOLUTION_WEIGHTS.nameMax;
  const out: Candidate[] = [];
  forEachCandidatePair(
    records,
    (i, j) => {
      const x = records[i];
      const y = records[j];
      if (!x || !y || !couldReach(x, y, minTotal - 1e-9)) return;
      const s = scorePair(x, y);
      if (s.score < floor) return;
      const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
      out.push({ a, b, ...s });
    },
    opts.maxBlock,
    nameOnlyBlocks,
  );
  return splitAmbiguous(records, out)
    .filter((c) => c.score >= threshold)
    .sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

/** Identifiers a person or firm keeps for life (a passport is renewed): two records giving different ones are two. */
const LIFELONG = ['idNumber', 'registrationNumber', 'taxNumber', 'vatCode'];

/** Whether the records themselves show two people or firms: other birth (incorporation) dates or lifelong numbers. */
export function distinctRecords(a: ResolutionRecord, b: ResolutionRecord): boolean {
  if (a.birthDates.length && b.birthDates.length && !a.birthDates.some((d) => b.birthDates.includes(d))) return true;
  return LIFELONG.some((k) => {
    const x = a.identifiers.filter((i) => i.startsWith(`${k}:`));
    const y = b.identifiers.filter((i) => i.startsWith(`${k}:`));
    return x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
  });
}

/**
 * A record that fits two records shown to be different people (a mother and a daughter of one
 * name at one address, two firms of one name) by its name and contacts alone — no birth date or
 * identifier of its own agrees — can be either of them, and at most one is right: each such pair
 * keeps its evidence, but its score is weighted by its share of the alternatives' odds (the
 * logistic's e^total), so two that fit as well are each halved and none is queued as if it were
 * the only one, while one that fits clearly better (a phone as well as the address) keeps most of
 * its score. Alternatives are the pairs reaching the default threshold, whatever is asked.
 */
function splitAmbiguous(records: readonly ResolutionRecord[], found: readonly Candidate[]): Candidate[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const weak = (c: Candidate) =>
    !c.reasons.some((r) => (r.feature === 'identifier' || r.feature === 'birthDate') && r.verdict === 'agree');
  const partners = new Map<string, Candidate[]>();
  for (const c of found)
    if (c.score >= DEFAULT_THRESHOLD && weak(c)) {
      partners.set(c.a, [...(partners.get(c.a) ?? []), c]);
      partners.set(c.b, [...(partners.get(c.b) ?? []), c]);
    }
  const other = (c: Candidate, x: string) => (c.a === x ? c.b : c.a);
  /** The share of `c`'s odds among the pairs of its end `x` with records shown apart from its other end. */
  const share = (c: Candidate, x: string): { share: number; count: number } => {
    const ry = byId.get(other(c, x));
    const rivals = (partners.get(x) ?? []).filter((d) => {
      const rz = byId.get(other(d, x));
      return d !== c && !!ry && !!rz && distinctRecords(ry, rz);
    });
    const odds = (d: Candidate) => Math.exp(d.total - c.total);
    return { share: 1 / (1 + rivals.reduce((t, d) => t + odds(d), 0)), count: 1 + rivals.length };
  };
  return found.map((c) => {
    if (!weak(c)) return c;
    const [x, y] = [share(c, c.a), share(c, c.b)];
    const s = x.share <= y.share ? x : y;
    return s.count > 1 ? { ...c, score: Math.round(c.score * s.share * 1000) / 1000, alternatives: s.count } : c;
  });
}

/** Precision and recall of predicted pairs against true pairs (order within a pair ignored). */
export function precisionRecall(
  predicted: ReadonlyArray<readonly [string, string]>,
  truth: ReadonlyArray<readonly [string, string]>,
): { precision: number; recall: number; truePositives: number } {
  const key = ([a, b]: readonly [string, string]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const t = new Set(truth.map(key));
  const p = new Set(predicted.map(key));
  let tp = 0;
  for (const k of p) if (t.has(k)) tp++;
  return { precision: p.size ? tp / p.size : 1, recall: t.size ? tp / t.size : 1, truePositives: tp };
}
