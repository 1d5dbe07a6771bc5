/**
 * What an audit record may say. The log records who did what to which ids — never names,
 * phone numbers, search words or other personal data in clear. Everything a caller passes in
 * `detail` goes through `sanitizeDetail`, an allow-list:
 *
 * - numbers, booleans and null: kept (counts, flags);
 * - free text under a known text key (`q`, `value`, `file`, `name`…): replaced by its keyed hash
 *   under `<key>Hash` (the words cannot be read back, but a DPO with the key can test a guess);
 * - `route`: kept when it is a route template (`GET /api/cases/:caseId/search`);
 * - codes under code keys (`via`, `format`, `kind`, `schema`…): kept when they look like a code;
 * - dates under date keys (`from`, `to`…): kept when ISO-8601;
 * - ids under id keys (`…Id`, `…Ids`, `case`, `user`, `sha256`…): kept when they look like ids;
 * - one level of nested objects of numbers (e.g. counts per entity type);
 * - anything else is dropped, and its key named in `redacted`.
 */
import { isIP } from 'node:net';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Keys whose string values are free text: stored only as a keyed hash. */
const TEXT_KEYS = new Set([
  'q',
  'query',
  'text',
  'value',
  'file',
  'fileName',
  'out',
  'name',
  'label',
  'title',
  'reference',
  'description',
  'reason',
  'path',
  'username',
  'email',
  'phone',
]);
/** Keys whose values are codes from a small vocabulary. */
const CODE_KEYS = new Set([
  'via',
  'format',
  'kind',
  'schema',
  'change',
  'status',
  'role',
  'caseRole',
  'platformRole',
  'action',
  'target',
  'targetType',
  'mode',
  'op',
  'dialect',
  'type',
  'state',
  'result',
  'encoding',
  'delimiter',
  'scope',
]);
const DATE_KEYS = new Set(['from', 'to', 'since', 'until', 'at', 'date', 'reviewDate', 'before', 'after']);
const ID_KEY = /(^id$|^ids$|Id$|Ids$|^case$|^cases$|^user$|^users$|^entity$|^entities$|^sha256$|Sha256$|Hash$)/;

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const ROUTE = /^(GET|POST|PUT|PATCH|DELETE) \/[A-Za-z0-9/:._{}-]{0,200}$/;
const CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
/** A number as people write phones, accounts or document numbers: never an id here. */
const NUMBERISH = /^\d{6,}$/;

export const MAX_RETURNED_IDS = 100;
const MAX_ARRAY = 100;
const MAX_DETAIL_CHARS = 4000;

export const isIdLike = (s: string): boolean => ID.test(s) && !NUMBERISH.test(s);

export interface SanitizeOptions {
  /** Keyed hash for free text (the key ring's `queryHash`). */
  hash: (text: string) => string;
}

function sanitizeValue(key: string, value: unknown, opts: SanitizeOptions): { key: string; value: Json } | undefined {
  if (value === null || typeof value === 'boolean') return { key, value };
  if (typeof value === 'number') return Number.isFinite(value) ? { key, value } : undefined;
  if (typeof value === 'string') {
    if (TEXT_KEYS.has(key)) return { key: `${key}Hash`, value: opts.hash(value) };
    if (key === 'route') return ROUTE.test(value) ? { key, value } : undefined;
    if (CODE_KEYS.has(key)) return CODE.test(value) ? { key, value } : undefined;
    if (DATE_KEYS.has(key)) return ISO_DATE.test(value) ? { key, value } : undefined;
    if (ID_KEY.test(key)) return isIdLike(value) ? { key, value } : undefined;
    return undefined;
  }
  if (Array.isArray(value)) {
    if (!ID_KEY.test(key) && !CODE_KEYS.has(key)) {
      return value.every((v) => typeof v === 'number')
        ? { key, value: value.slice(0, MAX_ARRAY) as number[] }
        : undefined;
    }
    const ok = CODE_KEYS.has(key)
      ? (v: unknown) => typeof v === 'string' && CODE.test(v)
      : (v: unknown) => typeof v === 'string' && isIdLike(v);
    if (!value.every(ok)) return undefined;
    return { key, value: value.slice(0, MAX_ARRAY) as string[] };
  }
  if (typeof value === 'object') {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!KEY.test(k) || typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      out[k] = v;
    }
    return { key, value: out };
  }
  return undefined;
}

/** The detail as it may be stored, as canonical JSON text (keys sorted), or null when empty. */
export function sanitizeDetail(detail: Record<string, unknown> | undefined, opts: SanitizeOptions): string | null {
  if (!detail) return null;
  const out: Record<string, Json> = {};
  const redacted: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    const kept = KEY.test(key) ? sanitizeValue(key, value, opts) : undefined;
    if (kept) out[kept.key] = kept.value;
    else redacted.push(KEY.test(key) ? key : '?');
  }
  if (redacted.length) out.redacted = [...new Set(redacted)].sort();
  const keys = Object.keys(out).sort();
  if (!keys.length) return null;
  let text = JSON.stringify(Object.fromEntries(keys.map((k) => [k, out[k] as Json])));
  if (text.length > MAX_DETAIL_CHARS)
    text = JSON.stringify({ truncated: true, keys: keys.filter((k) => KEY.test(k)).slice(0, 50) });
  return text;
}

/**
 * An id as it may be stored: itself when it looks like an id, else its keyed hash (`h:…`), so a
 * value that only poses as an id (a phone number, a name) never reaches the log in clear.
 */
export const cleanId = (id: string, hash: (text: string) => string): string => (isIdLike(id) ? id : `h:${hash(id)}`);

/** Ids returned to the caller: the first `MAX_RETURNED_IDS` as JSON, and how many there were. */
export function capReturnedIds(
  ids: readonly string[] | undefined,
  count: number | undefined,
  hash: (text: string) => string,
): { ids: string | null; count: number } {
  const list = (ids ?? []).slice(0, MAX_RETURNED_IDS).map((id) => cleanId(id, hash));
  const n = Math.max(count ?? 0, ids?.length ?? 0);
  return { ids: list.length ? JSON.stringify(list) : null, count: n };
}

/** A client address, or null when it is not one (the field must not carry anything else). */
export const cleanIp = (ip: string | null | undefined): string | null => (ip && isIP(ip) ? ip : null);

const ACTION = /^[a-z][a-z_]{0,31}$/;
const TARGET = /^[a-z][a-z0-9_.:-]{0,39}$/i;

/** Actions and target types are codes chosen by the code, not by users: refuse anything else. */
export function checkCodes(action: string, targetType: string): void {
  if (!ACTION.test(action)) throw new Error(`Audit action must be a lower-case code, not "${action.slice(0, 40)}"`);
  if (!TARGET.test(targetType)) throw new Error('Audit target type must be a code');
}
