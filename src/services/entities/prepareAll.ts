/**
 * Validation and normalisation of entity writes before anything is stored: pure (no store), so it
 * runs on a pool thread for large batches (prepare.task.ts) as well as in the request.
 */
import { prepareEntity } from '../../domain/entity/prepare.ts';
import type { PreparedEntity } from '../../domain/entity/prepared.ts';
import type { Grading } from '../../domain/records.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';

export interface EntityWrite {
  id?: string | undefined;
  schema: string;
  properties: unknown;
  grading?: Grading | undefined;
}

/** Re-labels an error with where it happened: `entities[3].properties.phone[0]`, `line 17: …`. */
export function atPath(e: unknown, prefix: string): unknown {
  if (!isAppError(e)) return e;
  const path = e.path
    ? prefix.endsWith(':')
      ? `${prefix} ${e.path}`
      : `${prefix}.${e.path}`
    : prefix.replace(/:$/, '');
  return new AppError(e.code, e.message, path);
}

export interface WriteOptions {
  sourceId?: string | null | undefined;
  strictSelectors?: boolean;
  skipRequired?: boolean;
  /** A contributing agency with part of the case: what it adds joins its shared part. */
  sharedWith?: string | null | undefined;
  /**
   * The entities the writer may refer to (a partial share); ends outside it answer as missing
   * ones do, so a write never tells whether an unshared id exists. Null or absent: the whole case.
   */
  within?: ReadonlySet<string> | null | undefined;
  /** How each item is named in errors, e.g. i => `entities[${i}]` or i => `line ${i + 1}:`. */
  itemPath?: (index: number) => string;
}

/**
 * The items with ids the server chooses: a partner given part of a case cannot learn that an id
 * is taken in the unshared part by offering it. References inside the batch (a link between two
 * new entities) follow the new ids.
 */
export function withServerIds(items: readonly EntityWrite[]): EntityWrite[] {
  const fresh = new Map(items.flatMap((i) => (i.id ? [[i.id, uuidv7()] as const] : [])));
  const repoint = (props: unknown): unknown => {
    if (!props || typeof props !== 'object' || Array.isArray(props)) return props;
    return Object.fromEntries(
      Object.entries(props).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? (fresh.get(x) ?? x) : x)) : v,
      ]),
    );
  };
  return items.map((i) => ({ ...i, id: (i.id && fresh.get(i.id)) ?? uuidv7(), properties: repoint(i.properties) }));
}

/** Validates and indexes entities against the case's settings (no database writes). */
export function prepareAll(items: readonly EntityWrite[], country: string, opts: WriteOptions): PreparedEntity[] {
  return items.map((item, i) => {
    try {
      return prepareEntity(
        { id: item.id ?? uuidv7(), schema: item.schema, properties: item.properties, grading: item.grading },
        {
          defaultCountry: country,
          strictSelectors: opts.strictSelectors ?? true,
          skipRequired: opts.skipRequired ?? false,
        },
      );
    } catch (e) {
      throw opts.itemPath ? atPath(e, opts.itemPath(i)) : e;
    }
  });
}

/** Writes prepared entities inside an open transaction, checking ids and link ends first. */
