/**
 * Checking and cleaning an entity's property values against its schema. Pure; throws the first
 * problem found as an `AppError` whose `path` names the field (`properties.birthDate[0]`).
 *
 * Selector content (phone, IBAN, e-mail…) is checked by the caller's `checkSelector` callback so
 * this module does not depend on the selectors module.
 */
import { errors } from '../../shared/errors.ts';
import type { PropertyDef, Properties, SelectorKind } from './types.ts';
import { propertiesOf, requireSchema, selectorKindOf } from './registry.ts';

export const MAX_VALUES_PER_PROPERTY = 1000;
export const MAX_VALUE_BYTES = 64 * 1024;

export interface ValidateOptions {
  /**
   * Checks one selector value; returns a reason when it is invalid, null when it is fine.
   * Called for every value of a property that has a selector kind (see `selectorKindOf`).
   */
  checkSelector?: (kind: SelectorKind, raw: string) => string | null;
  /**
   * Do not enforce `required` properties. For partial updates, and for bulk FtM imports: FtM
   * itself applies `required` only to entities a user creates.
   */
  skipRequired?: boolean;
}

const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const inRange = (s: string | undefined, lo: number, hi: number): boolean =>
  s === undefined || (Number(s) >= lo && Number(s) <= hi);

/** YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time (hours, minutes, seconds, zone optional). */
export function isIsoDatePrefix(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (!inRange(mo, 1, 12) || !inRange(h, 0, 23) || !inRange(mi, 0, 59) || !inRange(s, 0, 59)) return false;
  if (d !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (!inRange(d, 1, daysInMonth)) return false;
  }
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    if (!inRange(digits.slice(0, 2), 0, 23) || !inRange(digits.slice(2) || undefined, 0, 59)) return false;
  }
  return true;
}

export function isNumeric(value: string): boolean {
  return NUMBER_RE.test(value);
}

const encoder = new TextEncoder();
/** Over the UTF-8 size limit? Skips encoding when even 3 bytes per UTF-16 unit would fit. */
const tooLarge = (s: string): boolean => s.length * 3 > MAX_VALUE_BYTES && encoder.encode(s).length > MAX_VALUE_BYTES;

/** The raw values of one property as [original index, string] pairs. */
function rawValues(input: unknown, path: string): Array<[number, string]> {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [[0, input]];
  if (!Array.isArray(input)) throw errors.validation('Expected a list of strings', path);
  if (input.length > MAX_VALUES_PER_PROPERTY) {
    throw errors.validation(`At most ${MAX_VALUES_PER_PROPERTY} values per property`, path);
  }
  return input.map((v: unknown, i): [number, string] => {
    if (typeof v !== 'string') throw errors.validation('Expected a string', `${path}[${i}]`);
    return [i, v];
  });
}

function checkValue(
  schema: string,
  name: string,
  def: PropertyDef,
  value: string,
  path: string,
  opts: ValidateOptions,
): void {
  if (tooLarge(value)) {
    throw errors.validation(`Value is longer than ${MAX_VALUE_BYTES / 1024} KiB`, path);
  }
  switch (def.type) {
    case 'date':
      if (!isIsoDatePrefix(value)) {
        throw errors.validation(`"${value}" is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or date-time)`, path);
      }
      break;
    case 'number':
      if (!isNumeric(value)) throw errors.validation(`"${value}" is not a number`, path);
      break;
    case 'enum':
      if (!(def.values ?? []).includes(value)) {
        throw errors.validation(`"${value}" is not one of: ${(def.values ?? []).join(', ')}`, path);
      }
      break;
    default:
      break;
  }
  const kind = opts.checkSelector ? selectorKindOf(schema, name) : null;
  if (kind && opts.checkSelector) {
    const reason = opts.checkSelector(kind, value);
    if (reason !== null) throw errors.invalidSelector(`Invalid ${kind}: ${reason}`, path);
  }
}

/**
 * Validates and cleans `properties` for an entity of `schemaName`:
 * - the schema must exist (`unknown_schema`) and not be abstract (`validation_failed`, path `schema`);
 * - `properties` must be an object whose values are string lists (a lone string is wrapped);
 * - every property must exist on the schema (`unknown_property`, path `properties.<name>`), and
 *   not be an FtM reverse stub (those only list the links pointing at the entity);
 * - values are trimmed, empty ones dropped, duplicates removed;
 * - dates must be ISO prefixes, numbers numeric, enum values allowed, single-valued properties
 *   hold one value, selector values pass `opts.checkSelector` (`invalid_selector`);
 * - at most 1000 values per property and 64 KiB per value;
 * - `required` properties must have a value unless `opts.skipRequired`.
 * Returns the cleaned properties; properties left without values are omitted.
 */
export function validateProperties(schemaName: string, properties: unknown, opts: ValidateOptions = {}): Properties {
  const schema = requireSchema(schemaName);
  if (schema.abstract) {
    throw errors.validation(`"${schemaName}" is an abstract type; use one of its subtypes`, 'schema');
  }
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw errors.validation('properties must be an object of string lists', 'properties');
  }
  const defs = propertiesOf(schemaName);
  const out: Properties = {};
  for (const [name, input] of Object.entries(properties)) {
    const path = `properties.${name}`;
    if (!Object.hasOwn(defs, name)) throw errors.unknownProperty(schemaName, name, path);
    const def = defs[name] as PropertyDef;
    if (def.stub && rawValues(input, path).length > 0) {
      throw errors.validation(
        `"${name}" lists the ${def.range ?? ''} links that point here; set "${def.reverse ?? ''}" on the link instead`,
        path,
      );
    }
    const seen = new Set<string>();
    for (const [i, raw] of rawValues(input, path)) {
      const value = raw.trim();
      if (value === '' || seen.has(value)) continue;
      checkValue(schemaName, name, def, value, `${path}[${i}]`, opts);
      seen.add(value);
      if (def.single && seen.size > 1) throw errors.validation(`"${name}" takes a single value`, `${path}[${i}]`);
    }
    if (seen.size > 0) out[name] = [...seen];
  }
  if (!opts.skipRequired) {
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(out, name)) {
        throw errors.validation(`"${name}" is required for ${schema.label}`, `properties.${name}`);
      }
    }
  }
  return out;
}
