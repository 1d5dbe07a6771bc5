/**
 * The FollowTheMoney schemata, read from the model data the maintained `@alephdata/followthemoney`
 * package publishes (`dist/defaultModel.json`, the same data its `defaultModel` export holds):
 * every schema with its label, parents, caption, featured and required properties, edge, and
 * every property with its type, range, reverse, matchable, stub and hidden flags. Nothing here is
 * copied by hand; the THB additions are applied on top in registry.ts.
 *
 * The data is plain JSON, so the domain stays pure: no I/O, just a module import.
 */
import modelData from '@alephdata/followthemoney/dist/defaultModel.json' with { type: 'json' };
import type { EdgeDef, PropertyDef, PropertyType, SchemaDef } from './types.ts';

/** The shape of one property in the package's model data. */
interface RawProperty {
  readonly label: string;
  readonly type: string;
  readonly range?: string;
  readonly reverse?: string;
  readonly stub?: boolean;
  readonly matchable?: boolean;
  readonly hidden?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
}

interface RawSchema {
  readonly label: string;
  readonly plural: string;
  readonly extends?: readonly string[];
  readonly abstract?: boolean;
  readonly matchable?: boolean;
  readonly hidden?: boolean;
  readonly generated?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
  readonly caption?: readonly string[];
  readonly featured?: readonly string[];
  readonly required?: readonly string[];
  readonly edge?: {
    readonly source: string;
    readonly target: string;
    readonly directed?: boolean;
    readonly label?: string;
    readonly caption?: readonly string[];
  };
  readonly properties: Readonly<Record<string, RawProperty>>;
}

interface RawModel {
  readonly schemata: Readonly<Record<string, RawSchema>>;
  readonly types: Readonly<Record<string, unknown>>;
}

const raw: RawModel = modelData as RawModel;

const TYPES: ReadonlySet<string> = new Set<PropertyType>([
  'name',
  'string',
  'text',
  'html',
  'date',
  'number',
  'country',
  'language',
  'gender',
  'phone',
  'email',
  'iban',
  'identifier',
  'url',
  'entity',
  'address',
  'topic',
  'mimetype',
  'checksum',
  'ip',
  'json',
]);

function propertyType(schema: string, name: string, type: string): PropertyType {
  // A newer package with a type this model does not know must fail loudly, not store junk.
  if (!TYPES.has(type)) throw new Error(`FtM property ${schema}.${name} has an unknown type "${type}"`);
  return type as PropertyType;
}

function toProperty(schema: string, name: string, p: RawProperty): PropertyDef {
  return {
    type: propertyType(schema, name, p.type),
    label: p.label,
    matchable: p.matchable === true,
    ...(p.range !== undefined ? { range: p.range } : {}),
    ...(p.reverse !== undefined ? { reverse: p.reverse } : {}),
    ...(p.stub ? { stub: true } : {}),
    ...(p.hidden ? { hidden: true } : {}),
    ...(p.deprecated ? { deprecated: true } : {}),
    ...(p.description ? { description: p.description.trim() } : {}),
  };
}

function toEdge(e: NonNullable<RawSchema['edge']>): EdgeDef {
  return {
    source: e.source,
    target: e.target,
    directed: e.directed ?? true,
    label: e.label ?? '',
    caption: e.caption ?? [],
  };
}

function toSchema(name: string, s: RawSchema): SchemaDef {
  const properties: Record<string, PropertyDef> = {};
  for (const [prop, def] of Object.entries(s.properties)) properties[prop] = toProperty(name, prop, def);
  return {
    name,
    label: s.label,
    plural: s.plural,
    extends: s.extends ?? [],
    abstract: s.abstract === true,
    matchable: s.matchable === true,
    caption: s.caption ?? [],
    required: s.required ?? [],
    featured: s.featured ?? [],
    ...(s.edge ? { edge: toEdge(s.edge) } : {}),
    ...(s.hidden ? { hidden: true } : {}),
    ...(s.deprecated ? { deprecated: true } : {}),
    ...(s.description ? { description: s.description.trim() } : {}),
    properties,
  };
}

/** Every schema of the FtM model, in the package's order, with only its own properties. */
export const ftmSchemata: readonly SchemaDef[] = Object.entries(raw.schemata).map(([name, s]) => toSchema(name, s));
