/**
 * Whether two records that meet — on a strong key, or as two holders of one account — are one,
 * and if so which stays: the more specific schema (a statement's LegalEntity holder becomes the
 * Person or Company it is). Facts that disagree are never merged but raised for the analyst: two
 * birth dates on one passport, a registration number on a person and a company, one account held
 * by two parties whose names differ.
 */
import { resolutionRecord } from '../resolution/record.ts';
import { nameSimilarity } from '../resolution/score.ts';
import { isA } from '../schema/registry.ts';
import type { KeyedRecord, StrongKey } from './keys.ts';

export type Verdict =
  | {
      kind: 'join';
      /** The entity that stays, when the schemata decide; null when the caller chooses (same schema). */
      keep: string | null;
      /** What made them one: the key, or `holder:<account key>` with the names. */
      reason: string;
    }
  | { kind: 'conflict'; reason: string };

/** Names at least this similar (domain/resolution nameSimilarity, best of each side's names) agree. */
export const NAME_AGREES = 0.92;
/** Below this, the names on one document or personal code belong to two people. */
export const NAME_DIFFERS = 0.75;

function specificOf(a: KeyedRecord, b: KeyedRecord): string | null | undefined {
  if (a.schema === b.schema) return null;
  if (isA(a.schema, b.schema)) return a.id;
  if (isA(b.schema, a.schema)) return b.id;
  return undefined;
}

const dates = (r: KeyedRecord, prop: string) => new Set((r.properties[prop] ?? []).map((d) => d.slice(0, 10)));

function disagreeing(a: KeyedRecord, b: KeyedRecord): string | null {
  for (const [prop, what] of [
    ['birthDate', 'birth dates'],
    ['incorporationDate', 'incorporation dates'],
  ] as const) {
    const x = dates(a, prop);
    const y = dates(b, prop);
    if (x.size && y.size && ![...x].some((d) => y.has(d))) return `two ${what} (${[...x][0]}, ${[...y][0]})`;
  }
  return null;
}

export function bestNameSimilarity(a: KeyedRecord, b: KeyedRecord): number {
  const x = resolutionRecord(a);
  const y = resolutionRecord(b);
  if (!x || !y) return 0;
  let best = 0;
  for (const n of x.names) for (const m of y.names) best = Math.max(best, nameSimilarity(n, m));
  return best;
}

/** Two records sharing `key`. */
export function judgeStrong(a: KeyedRecord, b: KeyedRecord, key: StrongKey): Verdict {
  const keep = specificOf(a, b);
  if (keep === undefined) return { kind: 'conflict', reason: `${key.key} names a ${a.schema} and a ${b.schema}` };
  const differ = disagreeing(a, b);
  if (differ) return { kind: 'conflict', reason: `${differ} on ${key.key}` };
  if ((key.kind === 'document' || key.kind === 'nationalId') && bestNameSimilarity(a, b) < NAME_DIFFERS)
    return { kind: 'conflict', reason: `two names on ${key.key}` };
  return { kind: 'join', keep, reason: key.key };
}

/** Two parties holding one account (`accountKey`, e.g. `account:LV80…`). */
export function judgeHolders(a: KeyedRecord, b: KeyedRecord, accountKey: string): Verdict {
  const keep = specificOf(a, b);
  const differ = disagreeing(a, b);
  const sim = bestNameSimilarity(a, b);
  if (keep === undefined || differ || sim < NAME_AGREES)
    return {
      kind: 'conflict',
      reason: `${accountKey} has two holders that are not otherwise the same${differ ? `: ${differ}` : ''}`,
    };
  return { kind: 'join', keep, reason: `holder of ${accountKey}, same name` };
}
