/**
 * FollowTheMoney entity files: one JSON object a line, `{"id", "schema", "properties"}`, the
 * format `ftm` tools, Aleph and OpenSanctions exchange. Import and export.
 *
 * Import keeps ids and values as written (the pipeline cleans and validates values); it refuses,
 * naming the line, anything it cannot take as an entity of our model: bad JSON, a truncated last
 * line, a missing id or schema, an unknown schema or property, properties that are not lists
 * of strings. Other top-level keys FtM tools add (`caption`, `datasets`, `referents`…) are
 * ignored. An `Email` written by release 0.1 (an address node) is read as `EmailAddress`.
 */
import { errors, isAppError } from '../../shared/errors.ts';
import { currentSchemaName, getProperty, getSchema, validateProperties } from '../../domain/schema/index.ts';
import type { EntityRecord } from '../../domain/records.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { readLines, type TextEncoding } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';

export interface FtmJsonOptions {
  /** Default UTF-8, which is what FtM writes. */
  encoding?: TextEncoding;
}

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one parsed line and turns it into an entity record. */
export function entityFromJson(value: unknown, line: number): EntityRecord {
  if (!isObject(value)) throw fail(line, 'expected a JSON object with id, schema and properties');
  const { id, schema: written, properties } = value;
  if (typeof id !== 'string' || id.trim() === '') throw fail(line, 'the entity has no id');
  if (typeof written !== 'string' || written === '') throw fail(line, `entity ${id} has no schema`);
  const schema = currentSchemaName(written, isObject(properties) ? Object.keys(properties) : []);
  const def = getSchema(schema);
  if (!def) throw fail(line, `unknown schema "${schema}" (entity ${id})`);
  if (def.abstract) throw fail(line, `"${schema}" is an abstract schema; entity ${id} needs a concrete one`);
  if (properties !== undefined && !isObject(properties))
    throw fail(line, 'properties must be an object of string lists');
  const out: Properties = {};
  for (const [name, values] of Object.entries(properties ?? {})) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw fail(line, `properties.${name} must be a list of strings`);
    }
    if (!getProperty(schema, name)) throw fail(line, `"${schema}" has no property "${name}"`);
    out[name] = values;
  }
  try {
    // Values (dates, numbers, enums…) are checked here too so the error names the line.
    // `required` is not enforced: FtM applies it only to entities a user creates.
    validateProperties(schema, out, { skipRequired: true });
  } catch (e) {
    if (isAppError(e)) throw fail(line, `${e.path ? `${e.path}: ` : ''}${e.message}`);
    throw e;
  }
  return { id, schema, properties: out };
}

/** JSON.parse that reports failure instead of throwing. */
function tryJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

async function* parse(input: ImportInput, options: FtmJsonOptions): AsyncGenerator<ImportItem> {
  const lines = readLines(input.open(), options.encoding ?? 'utf-8');
  for (let next = await lines.next(); !next.done;) {
    const { line, text } = next.value;
    if (text.trim() === '') {
      next = await lines.next();
      continue;
    }
    const parsed = tryJson(text);
    if (parsed.ok) {
      yield { kind: 'entity', line, record: entityFromJson(parsed.value, line) };
      next = await lines.next();
      continue;
    }
    // Look ahead: a broken line with nothing after it is a file cut off mid-entity.
    let isLast = false;
    try {
      do next = await lines.next();
      while (!next.done && next.value.text.trim() === '');
      isLast = next.done === true;
    } catch {
      // A later line that cannot be decoded: the JSON error on this line comes first.
    }
    if (isLast) throw fail(line, `the last line is not complete JSON; the file looks truncated (${parsed.reason})`);
    throw fail(line, `not valid JSON (${parsed.reason})`);
  }
}

export const ftmJsonImporter: Importer<FtmJsonOptions> = {
  format: 'ftm',
  label: 'FollowTheMoney entities (JSON lines)',
  parse,
};

export interface ExportFtmOptions {
  /**
   * Include THB extension properties of FtM schemata (e.g. Person.proceduralStatus). Default
   * true so our own exports round-trip; set false for files handed to other FtM users.
   */
  extensionProperties?: boolean;
}

/**
 * Serialises entities as FtM JSON lines (each string ends with a line break). Property names
 * are sorted so the same entity always gives the same line; values keep their order. THB
 * extension schemata (Phone, OnlineAd…) are exported too: other FtM tools will not know them,
 * but our platform reads them back.
 */
export async function* exportFtm(
  entities: AsyncIterable<EntityRecord> | Iterable<EntityRecord>,
  options: ExportFtmOptions = {},
): AsyncGenerator<string> {
  const withExtensions = options.extensionProperties ?? true;
  for await (const entity of entities) {
    const properties: Properties = {};
    for (const name of Object.keys(entity.properties).sort()) {
      const values = entity.properties[name];
      if (!values || values.length === 0) continue;
      if (!withExtensions && getProperty(entity.schema, name)?.extension) continue;
      properties[name] = [...values];
    }
    yield `${JSON.stringify({ id: entity.id, schema: entity.schema, properties })}\n`;
  }
}
