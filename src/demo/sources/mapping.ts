/**
 * Record files with their FtM mapping: a CSV whose columns hold what the source knew about each
 * entity (names, dates, identifiers — never an internal id) and the mapping YAML the
 * `ftm-mapping` importer reads it with. Entities are keyed by the identifiers in their row, so
 * one file's rows about the same person or company meet, and files join only where the
 * platform itself joins (phones, accounts) or resolution does.
 */
import { stringify } from 'yaml';
import { getProperty } from '../../domain/schema/index.ts';
import type { EntityRecord } from '../../domain/records.ts';
import { csvText } from '../../shared/csv.ts';
import { first } from './keys.ts';

/** Which properties of a node a record states, and which of them key it, by schema. */
const IDENTITY: Record<string, { props: string[]; keys: string[] }> = {
  Person: {
    props: ['name', 'birthDate', 'nationality', 'passportNumber', 'idNumber'],
    keys: ['name', 'birthDate', 'passportNumber', 'idNumber'],
  },
  Company: { props: ['name', 'registrationNumber', 'jurisdiction'], keys: ['registrationNumber', 'name'] },
  Organization: { props: ['name', 'registrationNumber', 'jurisdiction'], keys: ['registrationNumber', 'name'] },
  LegalEntity: { props: ['name', 'registrationNumber'], keys: ['registrationNumber', 'name'] },
  BankAccount: { props: ['iban', 'accountNumber', 'bankName'], keys: ['iban', 'accountNumber'] },
  Address: { props: ['full', 'city', 'country'], keys: ['full'] },
  Phone: { props: ['number'], keys: ['number'] },
  EmailAddress: { props: ['address'], keys: ['address'] },
  OnlineAd: { props: ['url', 'title'], keys: ['url'] },
};
const identityOf = (schema: string) => IDENTITY[schema] ?? { props: ['name'], keys: ['name'] };

export interface MappedFile {
  csv: string;
  yaml: string;
  rows: number;
}

type Spec = Record<string, unknown>;

/**
 * One file per link schema: each row a link, each end written by its identifying properties,
 * the link's own values (dates, roles, contract numbers) beside them.
 */
export function linkRecords(
  dataset: string,
  fileName: string,
  links: readonly EntityRecord[],
  byId: ReadonlyMap<string, EntityRecord>,
  rename: (column: string) => string = (c) => c,
): MappedFile | null {
  const schema = links[0]?.schema;
  if (!schema) return null;
  const refProps = new Set<string>();
  const ownProps = new Set<string>();
  for (const l of links)
    for (const p of Object.keys(l.properties)) {
      if (getProperty(schema, p)?.type === 'entity') refProps.add(p);
      else ownProps.add(p);
    }
  // Each reference's end schema: the schema most of its targets have (one file, one column set per end).
  const endSchema = new Map<string, string>();
  for (const p of refProps) {
    const counts = new Map<string, number>();
    for (const l of links) {
      const t = byId.get(l.properties[p]?.[0] ?? '');
      if (t) counts.set(t.schema, (counts.get(t.schema) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (top) endSchema.set(p, top[0]);
  }
  const columns: { name: string; get: (l: EntityRecord) => string }[] = [];
  const entities: Record<string, Spec> = {};
  for (const [p, s] of endSchema) {
    const props: Record<string, Spec> = {};
    for (const q of identityOf(s).props) {
      const name = rename(`${p} ${q}`);
      columns.push({ name, get: (l) => first(byId.get(l.properties[p]?.[0] ?? ''), q) });
      props[q] = { column: name };
    }
    entities[p] = {
      schema: s,
      keys: identityOf(s)
        .keys.filter((k) => identityOf(s).props.includes(k))
        .map((k) => rename(`${p} ${k}`)),
      properties: props,
    };
  }
  const linkProps: Record<string, Spec> = {};
  for (const p of endSchema.keys()) linkProps[p] = { entity: p };
  for (const p of ownProps) {
    const name = rename(p);
    columns.push({ name, get: (l) => (l.properties[p] ?? []).join('; ') });
    linkProps[p] = { column: name };
  }
  entities['link'] = { schema, keys: columns.map((c) => c.name), properties: linkProps };
  const rows = links
    .filter((l) => [...endSchema.keys()].every((p) => byId.has(l.properties[p]?.[0] ?? '')))
    .map((l) => columns.map((c) => c.get(l)));
  return {
    csv: csvText(
      columns.map((c) => c.name),
      rows,
      { defuse: false },
    ),
    yaml: stringify({ [dataset]: { query: { csv_url: fileName, entities } } }),
    rows: rows.length,
  };
}

/**
 * A plain table of records with its mapping: the columns, and the entities each row makes —
 * or, with `byColumn`, the entities rows of each value of one column make (one query each).
 */
export function tableRecords(
  dataset: string,
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  entities: Record<string, Spec>,
  byColumn?: { column: string; entities: Record<string, readonly string[]> },
): MappedFile {
  const only = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, entities[n]]));
  const meta = byColumn
    ? {
        queries: Object.entries(byColumn.entities).map(([value, names]) => ({
          csv_url: fileName,
          filters: { [byColumn.column]: value },
          entities: only(names),
        })),
      }
    : { query: { csv_url: fileName, entities } };
  return { csv: csvText(header, rows, { defuse: false }), yaml: stringify({ [dataset]: meta }), rows: rows.length };
}
