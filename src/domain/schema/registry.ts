/**
 * The schema registry: the FtM model (ftmModel.ts) with the THB additions on top, and look-ups
 * over it, with inheritance resolved the way FtM resolves it.
 *
 * - Properties are inherited; a schema's own definition wins, then the last parent in `extends`
 *   that has the property (the FtM package's rule), an FtM definition before a THB or FtM 4 one.
 * - `caption`, `required` and `edge` are per schema and not inherited (as in FtM's schema.py).
 */
import { errors } from '../../shared/errors.ts';
import type { EdgeDef, PropertyDef, SchemaDef, SelectorKind } from './types.ts';
import { computeCaption } from './caption.ts';
import { ftmSchemata } from './ftmModel.ts';
import { ftm4Properties } from './ftm4.compat.ts';
import { edgeLabelFixes, thbAdditions } from './thb.additions.ts';
import { thbSchemata } from './thb.extensions.ts';

/** An FtM schema with the THB additions and the FtM 4 compatibility properties applied. */
function withAdditions(schema: SchemaDef): SchemaDef {
  const addition = thbAdditions[schema.name];
  const properties: Record<string, PropertyDef> = { ...schema.properties };
  for (const [name, kind] of Object.entries(addition?.selectors ?? {})) {
    const def = properties[name];
    if (def) properties[name] = { ...def, selector: kind };
  }
  // Should a later FtM model define one of these itself, its own definition is kept.
  const extra = { ...ftm4Properties[schema.name], ...addition?.properties };
  for (const [name, def] of Object.entries(extra)) if (!Object.hasOwn(properties, name)) properties[name] = def;
  const fix = edgeLabelFixes[schema.name];
  const edge = schema.edge ? { ...schema.edge, ...(fix ? { label: fix } : {}) } : addition?.edge;
  return { ...schema, properties, ...(edge ? { edge } : {}) };
}

const ALL: readonly SchemaDef[] = Object.freeze([...ftmSchemata.map(withAdditions), ...thbSchemata]);

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
  const merged: Record<string, PropertyDef> = {};
  for (const parent of schema.extends ?? []) {
    for (const [name, def] of Object.entries(propertiesOf(parent))) {
      // A later parent's definition replaces an earlier one's, as the FtM package resolves it, but
      // an FtM definition is never replaced by a compatibility one (Thing.proof stays on a
      // CallForTenders, which is also an Interval with the FtM 4 Interval.proof).
      const earlier = merged[name];
      if (!earlier || earlier.extension || !def.extension) merged[name] = def;
    }
  }
  Object.assign(merged, schema.properties);
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

/**
 * A display caption, as FtM computes it (caption.ts): the first caption property with a value
 * (among several names, the one most like the others), else the schema's label.
 */
export function captionOf(record: { schema: string; properties: Readonly<Record<string, readonly string[]>> }): string {
  const schema = byName.get(record.schema);
  if (!schema) return record.schema;
  return computeCaption({
    schema,
    properties: record.properties,
    defs: propertiesOf(schema.name),
    isThing: isA(schema.name, 'Thing'),
  });
}
