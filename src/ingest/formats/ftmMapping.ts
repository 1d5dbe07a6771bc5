/**
 * FtM mapping importer (`ftm-mapping`): runs a FollowTheMoney mapping (YAML) over CSV files and
 * yields the entities FtM would make, with the same ids, so an FtM user's mapping and our
 * import agree and re-imports meet the same entities.
 *
 * Semantics follow followthemoney/mapping (query.py, entity.py, property.py, csv.py):
 * - id = hex SHA-1 over: dataset name, key_literal, then the key columns' trimmed values as
 *   UTF-8, sorted bytewise, blanks left out; no non-blank key value → the entity is skipped.
 *   With id_column the column's value is the id.
 * - Within a row entities are mapped in dependency order; `entity:` adds the referenced
 *   entity's id and, on schemata with `namesMentioned` (Payment…), its names (FtM inline_names).
 * - Country properties are mapped first so phone numbers can use them as hints.
 * - A `required` property without value skips the entity for that row.
 * - Values are cleaned per property type (ftmClean.ts); unreadable values are dropped.
 * - Entities with the same id (several rows, several queries) are merged: values unioned, the
 *   narrower schema kept (LegalEntity + Person → Person), as FtM's aggregation does. They are
 *   therefore yielded after all rows are read, each with the first CSV line it came from.
 */
import path from 'node:path';
import { errors } from '../../shared/errors.ts';
import { isA, propertiesOf } from '../../domain/schema/index.ts';
import type { Properties } from '../../domain/schema/index.ts';
import type { TextEncoding } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { readCsv } from './csvRecords.ts';
import { cleanValue, sanitizeCell } from './ftmClean.ts';
import {
  compileMapping,
  keyBytes,
  type EntitySpec,
  type FilterSpec,
  type PropertySpec,
  type QuerySpec,
} from './ftmMappingSpec.ts';

export interface DiscardedValue {
  line: number;
  entity: string;
  property: string;
  value: string;
}

export interface FtmMappingOptions {
  /** The mapping file's text (YAML). */
  mapping: string;
  /** Further CSV files, by file name (the `csv_url` is matched on its last path segment). */
  csvs?: Record<string, ImportInput>;
  /** Overrides the dataset name that seeds the ids (FtM's `--dataset`). */
  dataset?: string;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Told about each value FtM's cleaning drops (a date not in `format`, an unknown country…). */
  onDiscard?: (d: DiscardedValue) => void;
}

type Row = ReadonlyMap<string, string>;

interface Proxy {
  id: string;
  schema: string;
  properties: Map<string, string[]>;
}

interface Merged extends Proxy {
  line: number;
}

const lastSegment = (url: string) => path.posix.basename(url.replace(/[?#].*$/, '').replace(/\\/g, '/'));

/** Finds the CSV a `csv_url` means: a supplied file of that name, else the main input. */
function resolveCsv(
  url: string,
  at: string,
  input: ImportInput,
  options: FtmMappingOptions,
  urlCount: number,
): ImportInput {
  const name = lastSegment(url);
  const supplied = options.csvs?.[url] ?? options.csvs?.[name];
  if (supplied) return supplied;
  // The uploaded file is the mapping's data when names agree or the mapping reads one file only.
  if (lastSegment(input.fileName) === name || urlCount === 1) return input;
  throw errors.importFailed(`Mapping key ${at}: no CSV file named "${name}" was given`, at);
}

function addValue(proxy: Proxy, prop: string, value: string): void {
  const values = proxy.properties.get(prop);
  if (!values) proxy.properties.set(prop, [value]);
  else if (!values.includes(value)) values.push(value);
}

/** FtM PropertyMapping.record_values + join/split: the raw values before cleaning. */
function rawValues(spec: PropertySpec, row: Row): string[] {
  let values: string[];
  if (spec.template !== undefined) {
    let text = spec.template;
    for (const ref of spec.refs) text = text.split(`{{${ref.column}}}`).join(row.get(ref.column) ?? '');
    values = [text.trim()];
  } else {
    values = [...spec.literals];
    for (const column of spec.columns) {
      const v = row.get(column);
      if (v !== undefined) values.push(v);
    }
  }
  if (spec.join !== undefined) values = [values.join(spec.join)];
  if (spec.split !== undefined) values = values.flatMap((v) => v.split(spec.split as string));
  return values;
}

/** FtM EntityMapping.compute_key. */
function computeId(spec: EntitySpec, row: Row): string | null {
  if (spec.idColumn !== undefined) return row.get(spec.idColumn)?.trim() || null;
  const parts = spec.keys.map((k) => keyBytes(row.get(k))).sort(Buffer.compare);
  const digest = spec.seed.copy();
  let hasValue = false;
  for (const part of parts) {
    if (part.length === 0) continue;
    hasValue = true;
    digest.update(part);
  }
  return hasValue ? digest.digest('hex') : null;
}

function mapEntity(
  spec: EntitySpec,
  row: Row,
  mapped: Map<string, Proxy>,
  line: number,
  options: FtmMappingOptions,
): Proxy | null {
  const proxy: Proxy = { id: '', schema: spec.schema, properties: new Map() };
  const defs = propertiesOf(spec.schema);
  const countryProps = Object.entries(defs)
    .filter(([, d]) => d.type === 'country')
    .map(([n]) => n);
  const mapProperty = (p: PropertySpec) => {
    if (p.entity !== undefined) {
      const related = mapped.get(p.entity);
      if (!related) return;
      addValue(proxy, p.name, related.id);
      // FtM inline_names: a Payment is found by searching its parties' names.
      if (defs['namesMentioned']) {
        const relatedDefs = propertiesOf(related.schema);
        for (const [prop, values] of related.properties) {
          if (relatedDefs[prop]?.type !== 'name') continue;
          for (const v of values) {
            const name = cleanValue('name', v);
            if (name !== null) addValue(proxy, 'namesMentioned', name);
          }
        }
      }
      return;
    }
    const countries = countryProps.flatMap((c) => proxy.properties.get(c) ?? []);
    for (const raw of rawValues(p, row)) {
      let value = cleanValue(p.type, raw, { format: p.format, countries });
      // THB closed vocabularies (Person.proceduralStatus…): only their listed values.
      if (value !== null && defs[p.name]?.type === 'enum' && !defs[p.name]?.values?.includes(value)) value = null;
      if (value !== null) addValue(proxy, p.name, value);
      else if (raw.trim() !== '') options.onDiscard?.({ line, entity: spec.name, property: p.name, value: raw });
    }
  };
  for (const p of spec.properties) if (p.type === 'country') mapProperty(p);
  for (const p of spec.properties) if (p.type !== 'country') mapProperty(p);
  const id = computeId(spec, row);
  if (id === null) return null;
  proxy.id = id;
  for (const p of spec.properties) if (p.required && !proxy.properties.get(p.name)?.length) return null;
  return proxy;
}

/**
 * FtM's filters / filters_not. Cells are compared trimmed ("ORG " passes `DonorType: ORG`),
 * which is what FtM does when its CSV reader trims cells; null in the mapping means empty.
 */
function passes(filters: FilterSpec[], row: Row, negate: boolean): boolean {
  for (const f of filters) {
    const value = row.get(f.column)?.trim() ?? null;
    const hit = f.values.includes(value);
    if (hit === negate) return false;
  }
  return true;
}

/** Checks that every column the query names is in the CSV's header. */
function checkColumns(query: QuerySpec, header: readonly string[], fileName: string): void {
  const known = new Set(header);
  const refs = [
    ...query.entities.flatMap((e) => e.refs),
    ...[...query.filters, ...query.filtersNot].map((f) => ({ column: f.column, path: f.path })),
  ];
  for (const ref of refs) {
    if (!known.has(ref.column)) {
      throw errors.importFailed(
        `Mapping key ${ref.path}: column "${ref.column}" is not in ${fileName} (its columns: ${header.join(', ')})`,
        ref.path,
      );
    }
  }
}

function merge(all: Map<string, Merged>, proxy: Proxy, line: number): void {
  const existing = all.get(proxy.id);
  if (!existing) {
    all.set(proxy.id, { ...proxy, line });
    return;
  }
  if (isA(proxy.schema, existing.schema)) existing.schema = proxy.schema;
  else if (!isA(existing.schema, proxy.schema)) {
    throw errors.importFailed(
      `Line ${line}: entity ${proxy.id} is mapped as ${proxy.schema} here but as ${existing.schema} from line ${existing.line}; FtM cannot merge those`,
      `line ${line}`,
    );
  }
  for (const [prop, values] of proxy.properties) for (const v of values) addValue(existing, prop, v);
}

async function runQuery(
  query: QuerySpec,
  input: ImportInput,
  options: FtmMappingOptions,
  all: Map<string, Merged>,
  urlCount: number,
): Promise<void> {
  for (const { url, path: at } of query.csvUrls) {
    const csv = resolveCsv(url, at, input, options, urlCount);
    let header: string[] | undefined;
    // Python's DictReader with skipinitialspace, as FtM reads CSVs.
    for await (const { line, values } of readCsv(csv, {
      encoding: options.encoding,
      delimiter: options.delimiter,
      skipInitialSpace: true,
    })) {
      if (!header) {
        header = values;
        checkColumns(query, header, csv.fileName);
        continue;
      }
      const row = new Map<string, string>();
      header.forEach((column, i) => {
        const cell = sanitizeCell(values[i]);
        if (cell !== undefined) row.set(column, cell);
      });
      if (!passes(query.filters, row, false) || !passes(query.filtersNot, row, true)) continue;
      const mapped = new Map<string, Proxy>();
      for (const spec of query.entities) {
        const proxy = mapEntity(spec, row, mapped, line, options);
        if (proxy) mapped.set(spec.name, proxy);
      }
      for (const proxy of mapped.values()) merge(all, proxy, line);
    }
    if (!header) throw errors.importFailed(`${csv.fileName} is empty: it has no header row`, 'line 1');
  }
}

async function* parse(input: ImportInput, options: FtmMappingOptions): AsyncGenerator<ImportItem> {
  const queries = compileMapping(options.mapping, { dataset: options.dataset });
  const urlCount = new Set(queries.flatMap((q) => q.csvUrls.map((u) => u.url))).size;
  const all = new Map<string, Merged>();
  for (const query of queries) await runQuery(query, input, options, all, urlCount);
  for (const entity of all.values()) {
    const properties: Properties = Object.fromEntries(entity.properties);
    yield { kind: 'entity', line: entity.line, record: { id: entity.id, schema: entity.schema, properties } };
  }
}

export const ftmMappingImporter: Importer<FtmMappingOptions> = {
  format: 'ftm-mapping',
  label: 'CSV with a FollowTheMoney mapping',
  parse,
};
