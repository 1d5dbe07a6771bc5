/**
 * The schema registry: look-ups over the schema tables, with inheritance resolved the way FtM
 * resolves it.
 *
 * - Properties are inherited; a schema's own definition wins, then parents in `extends` order
 *   (the first parent that has a property supplies it).
 * - `caption`, `required` and `edge` are per schema and not inherited (as in FtM's schema.py).
 */
import { errors } from '../../shared/errors.ts';
import type { EdgeDef, PropertyDef, SchemaDef, SelectorKind } from './types.ts';
import { coreSchemata } from './ftm.core.ts';
import { partySchemata } from './ftm.parties.ts';
import { thingSchemata } from './ftm.things.ts';
import { documentSchemata } from './ftm.documents.ts';
import { linkSchemata } from './ftm.links.ts';
import { thbSchemata } from './thb.extensions.ts';

const ALL: readonly SchemaDef[] = Object.freeze([
  ...coreSchemata,
  ...partySchemata,
  ...thingSchemata,
  ...documentSchemata,
  ...linkSchemata,
  ...thbSchemata,
]);

const byName = new Map<string, SchemaDef>(ALL.map((s) => [s.name, s]));
const ancestorCache = new Map<string, ReadonlySet<string>>();
const propertyCache = new Map<string, Readonly<Record<string, PropertyDef>>>();

/** The schema called `name`, or undefined. */
export function getSchema(name: string): SchemaDef | undefined {
  return byName.get(name);
}

/** The schema called `name`; throws `unknown_schema` (path `schema`) when there is none. */
export function requireSchema(name: string): SchemaDef {
  const schema = byName.get(name);
  if (!schema) throw errors.unknownSchema(name);
  return schema;
}

/** Every schema, abstract ones included (filter on `abstract` for pick-lists). */
export function listSchemata(): readonly SchemaDef[] {
  return ALL;
}

/** The schema itself and all its ancestors, by name. Empty for unknown schemata. */
export function ancestorsOf(name: string): ReadonlySet<string> {
  const cached = ancestorCache.get(name);
  if (cached) return cached;
  const schema = byName.get(name);
  const out = new Set<string>();
  if (schema) {
    out.add(schema.name);
    for (const parent of schema.extends ?? []) for (const a of ancestorsOf(parent)) out.add(a);
  }
  ancestorCache.set(name, out);
  return out;
}

/** True when `schemaName` is `ancestor` or descends from it (FtM `is_a`). */
export function isA(schemaName: string, ancestor: string): boolean {
  return ancestorsOf(schemaName).has(ancestor);
}

/** Names of all schemata that are-a `name` (itself included): what may fill a `range`. */
export function descendantsOf(name: string): string[] {
  return ALL.filter((s) => isA(s.name, name)).map((s) => s.name);
}

/**
 * All properties of a schema, inherited ones merged in. Cached and frozen.
 * Throws `unknown_schema` for an unknown schema.
 */
export function propertiesOf(schemaName: string): Readonly<Record<string, PropertyDef>> {
  const cached = propertyCache.get(schemaName);
  if (cached) return cached;
  const schema = requireSchema(schemaName);
  const merged: Record<string, PropertyDef> = { ...schema.properties };
  for (const parent of schema.extends ?? []) {
    for (const [name, def] of Object.entries(propertiesOf(parent))) {
      if (!Object.hasOwn(merged, name)) merged[name] = def;
    }
  }
  const frozen = Object.freeze(merged);
  propertyCache.set(schemaName, frozen);
  return frozen;
}

/** One property of a schema (inherited ones included), or undefined. */
export function getProperty(schemaName: string, propName: string): PropertyDef | undefined {
  if (!byName.has(schemaName)) return undefined;
  const props = propertiesOf(schemaName);
  return Object.hasOwn(props, propName) ? props[propName] : undefined;
}

/** The schema's own edge definition; FtM does not inherit edges. */
export function edgeOf(schemaName: string): EdgeDef | undefined {
  return byName.get(schemaName)?.edge;
}

/** True for link schemata (FtM edges such as Ownership, and THB ones such as Posting). */
export function isEdge(schemaName: string): boolean {
  return edgeOf(schemaName) !== undefined;
}

const SELECTOR_BY_TYPE: Partial<Record<PropertyDef['type'], SelectorKind>> = {
  phone: 'phone',
  email: 'email',
  iban: 'iban',
  plate: 'plate',
  name: 'name',
};

/**
 * What a property's values are searched by as selectors: the property's own `selector` when it
 * sets one (null included), else derived from its type. Null for unknown schema/property.
 */
export function selectorKindOf(schemaName: string, propName: string): SelectorKind | null {
  const def = getProperty(schemaName, propName);
  if (!def) return null;
  if (def.selector !== undefined) return def.selector;
  return SELECTOR_BY_TYPE[def.type] ?? null;
}

const MAX_CAPTION = 200;

/**
 * A display caption: the first value of the first caption property that has one, else the
 * schema's label. Long values (message bodies) are shortened.
 */
export function captionOf(record: { schema: string; properties: Readonly<Record<string, readonly string[]>> }): string {
  const schema = byName.get(record.schema);
  if (!schema) return record.schema;
  for (const propName of schema.caption) {
    if (!Object.hasOwn(record.properties, propName)) continue;
    const value = record.properties[propName]?.find((v) => v.trim() !== '');
    if (value === undefined) continue;
    let caption = value.trim();
    if (caption.length > MAX_CAPTION)
      caption = `${Array.from(caption)
        .slice(0, MAX_CAPTION - 1)
        .join('')}…`;
    // "1500" alone says little on a Payment or Debt: add the currency when there is one.
    const currency = propName === 'amount' ? record.properties['currency']?.[0]?.trim() : undefined;
    return currency ? `${caption} ${currency}` : caption;
  }
  return schema.label;
}
