/**
 * Reading and checking an FtM mapping file (YAML) before any data is touched. The structure is
 * FollowTheMoney's mapping language (followthemoney/mapping/*.py and its docs):
 *
 *   <dataset>:            # one or more datasets; the name seeds the entity ids
 *     queries:            # or a single `query:`
 *       - csv_url: x.csv  # or csv_urls: [...]
 *         filters: {Col: value}        # keep rows where Col is value (or one of a list)
 *         filters_not: {Col: value}    # drop such rows
 *         entities:
 *           <name>:
 *             schema: Person
 *             key: Col | keys: [...]   # or id_column: Col
 *             key_literal: text        # mixed into the id
 *             properties:
 *               <prop>: {column(s), literal(s), template, entity, join, split, format, fuzzy, required}
 *
 * A file may also be a single query at top level (FtM's `make_mapping` input). Only CSV sources
 * can run here: SQL queries (`database`, `tables`) are refused naming the key. Every error's
 * `path` names the key that is wrong, e.g. `queries[0].entities.donor.properties.nme`.
 */
import { createHash, type Hash } from 'node:crypto';
import { parse as parseYaml, YAMLError } from 'yaml';
import { errors } from '../../shared/errors.ts';
import { currentSchemaName, getProperty, getSchema, isA, type PropertyType } from '../../domain/schema/index.ts';
import { compileFormat } from './dates.ts';

export interface PropertySpec {
  name: string;
  path: string;
  type: PropertyType;
  /** Column references with the key path that names each (template references included). */
  refs: ColumnRef[];
  columns: string[];
  literals: string[];
  template?: string | undefined;
  entity?: string | undefined;
  join?: string | undefined;
  split?: string | undefined;
  format?: string | undefined;
  required: boolean;
}

export interface ColumnRef {
  column: string;
  path: string;
}

export interface EntitySpec {
  name: string;
  path: string;
  schema: string;
  keys: string[];
  idColumn?: string | undefined;
  /** SHA-1 state after the dataset name and key_literal: copied for every row's id. */
  seed: Hash;
  properties: PropertySpec[];
  refs: ColumnRef[];
}

export interface FilterSpec {
  column: string;
  path: string;
  /** Accepted values; null matches an empty cell. */
  values: Array<string | null>;
}

export interface QuerySpec {
  path: string;
  dataset: string;
  csvUrls: Array<{ url: string; path: string }>;
  filters: FilterSpec[];
  filtersNot: FilterSpec[];
  /** In dependency order: an entity comes after the entities its properties refer to. */
  entities: EntitySpec[];
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const bad = (path: string, message: string) =>
  errors.importFailed(`Mapping ${path ? `key ${path}` : 'file'}: ${message}`, path || 'mapping');

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** FtM's `stringify`: scalars become trimmed text, blank becomes absent. */
function scalar(value: unknown, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).trim();
    return text === '' ? undefined : text;
  }
  throw bad(path, 'expected a single value');
}

/** FtM's `keys_values(data, a, b)`: both keys, each a value or a list, flattened. */
function listOf(data: Obj, base: string, ...keys: string[]): Array<{ value: string; path: string }> {
  const out: Array<{ value: string; path: string }> = [];
  for (const key of keys) {
    const raw = data[key];
    const path = join(base, key);
    const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    items.forEach((item, i) => {
      const itemPath = Array.isArray(raw) ? `${path}[${i}]` : path;
      const value = scalar(item, itemPath);
      if (value !== undefined) out.push({ value, path: itemPath });
    });
  }
  return out;
}

/** FtM's `key_bytes`: UTF-8 of the trimmed text, nothing for blank. */
export const keyBytes = (text: string | undefined): Buffer => Buffer.from(text?.trim() ?? '', 'utf8');

const PROPERTY_KEYS = new Set([
  'column',
  'columns',
  'literal',
  'literals',
  'template',
  'entity',
  'join',
  'split',
  'format',
  'fuzzy',
  'required',
]);
const TEMPLATE_REF = /{{([^(}})]*)}}/g;

function compileProperty(schema: string, name: string, data: unknown, path: string): PropertySpec {
  const def = getProperty(schema, name);
  if (!def) throw bad(path, `"${schema}" has no property "${name}"`);
  if (def.stub)
    throw bad(
      path,
      `"${name}" only lists the ${def.range ?? ''} links pointing here; map "${def.reverse ?? ''}" on them`,
    );
  if (!isObject(data)) throw bad(path, 'expected an object with column, literal, template or entity');
  for (const key of Object.keys(data))
    if (!PROPERTY_KEYS.has(key)) throw bad(join(path, key), `unknown option "${key}"`);
  const columns = listOf(data, path, 'column', 'columns');
  const literals = listOf(data, path, 'literal', 'literals');
  const text = (key: string) => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw bad(join(path, key), 'expected text');
    return String(v);
  };
  const template = text('template')?.trim() || undefined;
  const refs: ColumnRef[] = columns.map((c) => ({ column: c.value, path: c.path }));
  for (const m of template?.matchAll(TEMPLATE_REF) ?? [])
    refs.push({ column: m[1] ?? '', path: join(path, 'template') });
  const entity = scalar(data['entity'], join(path, 'entity'));
  const format = text('format')?.trim() || undefined;
  if (format !== undefined && def.type === 'date') {
    try {
      compileFormat(format);
    } catch (e) {
      throw bad(join(path, 'format'), e instanceof Error ? e.message : String(e));
    }
  }
  if (entity !== undefined && def.type !== 'entity')
    throw bad(join(path, 'entity'), `"${name}" does not refer to entities`);
  return {
    name,
    path,
    type: def.type,
    refs,
    columns: columns.map((c) => c.value),
    literals: literals.map((l) => l.value),
    template,
    entity,
    // join and split keep their spaces: ", " is a common separator.
    join: text('join'),
    split: text('split'),
    format,
    required: data['required'] === true || data['required'] === 'true',
  };
}

function compileEntity(name: string, data: unknown, path: string, dataset: string): EntitySpec {
  if (!isObject(data)) throw bad(path, 'expected an object with schema, keys and properties');
  const keys = listOf(data, path, 'key', 'keys');
  const idColumn = scalar(data['id_column'], join(path, 'id_column'));
  if (keys.length === 0 && idColumn === undefined) throw bad(path, `entity "${name}" needs key, keys or id_column`);
  if (keys.length > 0 && idColumn !== undefined)
    throw bad(join(path, 'id_column'), 'use either keys or id_column, not both');
  const written = scalar(data['schema'], join(path, 'schema'));
  if (written === undefined) throw bad(join(path, 'schema'), `entity "${name}" has no schema`);
  const props = data['properties'] ?? {};
  const schemaName = currentSchemaName(written, isObject(props) ? Object.keys(props) : []);
  const schema = getSchema(schemaName);
  if (!schema) throw bad(join(path, 'schema'), `unknown schema "${schemaName}"`);
  if (schema.abstract) throw bad(join(path, 'schema'), `"${schemaName}" is abstract; use one of its subtypes`);
  if (!isObject(props)) throw bad(join(path, 'properties'), 'expected an object of property mappings');
  const properties = Object.entries(props).map(([prop, spec]) =>
    compileProperty(schemaName, prop, spec, join(join(path, 'properties'), prop)),
  );
  const seed = createHash('sha1');
  seed.update(keyBytes(dataset));
  seed.update(keyBytes(scalar(data['key_literal'], join(path, 'key_literal'))));
  const refs: ColumnRef[] = keys.map((k) => ({ column: k.value, path: k.path }));
  if (idColumn !== undefined) refs.push({ column: idColumn, path: join(path, 'id_column') });
  for (const p of properties) refs.push(...p.refs);
  return { name, path, schema: schemaName, keys: keys.map((k) => k.value), idColumn, seed, properties, refs };
}

function compileFilters(data: unknown, path: string): FilterSpec[] {
  if (data === undefined || data === null) return [];
  if (!isObject(data)) throw bad(path, 'expected an object of column: value');
  return Object.entries(data).map(([column, raw]) => {
    const p = join(path, column);
    const values = (Array.isArray(raw) ? raw : [raw]).map((v, i) =>
      v === null ? null : (scalar(v, Array.isArray(raw) ? `${p}[${i}]` : p) ?? null),
    );
    return { column, path: p, values };
  });
}

/** Orders entities so each comes after those it refers to (FtM's dependency resolution). */
function ordered(entities: EntitySpec[], path: string): EntitySpec[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  for (const e of entities) {
    for (const p of e.properties) {
      if (p.entity === undefined) continue;
      const target = byName.get(p.entity);
      const at = join(p.path, 'entity');
      if (!target) throw bad(at, `no entity "${p.entity}" in this query`);
      const range = getProperty(e.schema, p.name)?.range ?? 'Thing';
      if (!isA(target.schema, range))
        throw bad(at, `"${p.entity}" is a ${target.schema}, but ${e.schema}.${p.name} needs a ${range}`);
    }
  }
  const out: EntitySpec[] = [];
  const done = new Set<string>();
  let rest = entities;
  while (rest.length) {
    const ready = rest.find((e) => e.properties.every((p) => p.entity === undefined || done.has(p.entity)));
    if (!ready)
      throw bad(join(path, 'entities'), `circular entity references among ${rest.map((e) => e.name).join(', ')}`);
    out.push(ready);
    done.add(ready.name);
    rest = rest.filter((e) => e !== ready);
  }
  return out;
}

function compileQuery(data: unknown, path: string, dataset: string): QuerySpec {
  if (!isObject(data)) throw bad(path, 'expected a query object');
  for (const key of ['database', 'tables', 'table', 'joins']) {
    if (key in data) {
      throw bad(
        join(path, key),
        `"${key}" describes an SQL source; only CSV sources (csv_url, csv_urls) are supported here`,
      );
    }
  }
  const csvUrls = listOf(data, path, 'csv_url', 'csv_urls').map((u) => ({ url: u.value, path: u.path }));
  if (csvUrls.length === 0) throw bad(path, 'the query needs csv_url or csv_urls');
  const entitiesData = data['entities'];
  if (!isObject(entitiesData) || Object.keys(entitiesData).length === 0) {
    throw bad(join(path, 'entities'), 'the query defines no entities');
  }
  const entities = Object.entries(entitiesData).map(([name, e]) =>
    compileEntity(name, e, join(join(path, 'entities'), name), dataset),
  );
  return {
    path,
    dataset,
    csvUrls,
    filters: compileFilters(data['filters'], join(path, 'filters')),
    filtersNot: compileFilters(data['filters_not'], join(path, 'filters_not')),
    entities: ordered(entities, path),
  };
}

export interface CompileOptions {
  /** Overrides the dataset name(s) used as id seed, like `ftm map --dataset`. */
  dataset?: string | undefined;
}

/** Parses and checks a mapping; returns its queries in file order. */
export function compileMapping(yamlText: string, opts: CompileOptions = {}): QuerySpec[] {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (e) {
    if (e instanceof YAMLError) {
      const line = e.linePos?.[0]?.line;
      throw errors.importFailed(
        `The mapping is not valid YAML: ${e.message.split('\n')[0] ?? ''}`,
        line ? `mapping line ${line}` : 'mapping',
      );
    }
    throw e;
  }
  if (!isObject(doc)) throw bad('', 'expected a YAML object (dataset name → queries)');
  // A bare query at top level, as FtM's make_mapping takes it (no dataset name: empty seed).
  if ('entities' in doc || 'database' in doc || 'tables' in doc || 'csv_url' in doc || 'csv_urls' in doc) {
    return [compileQuery(doc, '', opts.dataset ?? '')];
  }
  const datasets = Object.entries(doc);
  if (datasets.length === 0) throw bad('', 'the mapping is empty');
  const queries: QuerySpec[] = [];
  for (const [name, meta] of datasets) {
    // Paths leave the dataset out when there is only one, as FtM users write them.
    const base = datasets.length > 1 ? name : '';
    if (!isObject(meta)) throw bad(name, 'expected an object with queries');
    const dataset = opts.dataset ?? name;
    const list = meta['queries'];
    if (list !== undefined && !Array.isArray(list)) throw bad(join(base, 'queries'), 'expected a list of queries');
    (list ?? []).forEach((q: unknown, i: number) =>
      queries.push(compileQuery(q, join(base, `queries[${i}]`), dataset)),
    );
    if (meta['query'] !== undefined) queries.push(compileQuery(meta['query'], join(base, 'query'), dataset));
    if (list === undefined && meta['query'] === undefined) throw bad(name, 'the dataset has no queries (or query)');
  }
  return queries;
}
