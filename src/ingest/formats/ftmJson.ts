/**
 * FollowTheMoney entity files, import and export:
 * - JSON lines, one `{"id", "schema", "properties"}` object a line: the format `ftm` tools, Aleph
 *   and OpenSanctions exchange;
 * - one JSON document holding entities: an Aleph network diagram (`.vis`, entities under
 *   `layout.entities`), `{"entities": [...]}`, or a plain list. Its records are numbered by the
 *   line their id is written on.
 * What each entity object may hold, and what is skipped with a warning rather than refused, is
 * in ftmEntities.ts. Broken JSON, a truncated last line or bytes that are not UTF-8 refuse the
 * file, naming the line.
 */
import { getProperty } from '../../domain/schema/index.ts';
import type { EntityRecord } from '../../domain/records.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { readLines, type TextEncoding, type TextLine } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { FtmEntityReader, failAt } from './ftmEntities.ts';

export interface FtmJsonOptions {
  /** Default UTF-8, which is what FtM writes. */
  encoding?: TextEncoding;
}

/** A JSON document larger than this is not read whole: FtM's JSON lines suit big files. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse that reports failure instead of throwing. */
function tryJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The entity list of a JSON document: a network diagram's, an `entities` list, or the list itself. */
function documentEntities(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  const layout = doc['layout'];
  if (isObject(layout) && Array.isArray(layout['entities'])) return layout['entities'];
  if (Array.isArray(doc['entities'])) return doc['entities'];
  return undefined;
}

/** A top-level value that is one entity of a JSON lines file rather than a document. */
const isEntityLine = (v: unknown): boolean => isObject(v) && documentEntities(v) === undefined;

/** The items of a whole JSON document, each numbered by the line its id is written on. */
function* fromDocument(entities: unknown[], lines: readonly TextLine[]): Generator<ImportItem> {
  const reader = new FtmEntityReader();
  let cursor = 0;
  for (const value of entities) {
    const id = isObject(value) && typeof value['id'] === 'string' ? JSON.stringify(value['id']) : undefined;
    const found = id === undefined ? -1 : lines.findIndex((l, i) => i >= cursor && l.text.includes(id));
    if (found !== -1) cursor = found;
    yield* reader.read(value, lines[cursor]?.line ?? 1);
  }
}

async function* parse(input: ImportInput, options: FtmJsonOptions): AsyncGenerator<ImportItem> {
  const lines = readLines(input.open(), options.encoding ?? 'utf-8');
  const reader = new FtmEntityReader();
  let first = true;
  for (let next = await lines.next(); !next.done;) {
    const { line, text } = next.value;
    if (text.trim() === '') {
      next = await lines.next();
      continue;
    }
    const parsed = tryJson(text);
    if (parsed.ok && (!first || isEntityLine(parsed.value))) {
      first = false;
      yield* reader.read(parsed.value, line);
      next = await lines.next();
      continue;
    }
    if (first) {
      // Not an entity on the first line: perhaps the file is one JSON document (a network diagram).
      const doc = await readDocument(next.value, lines);
      if (doc) return yield* fromDocument(doc.entities, doc.lines);
      if (parsed.ok) throw failAt(line, 'expected a JSON object with id, schema and properties');
      throw failAt(line, `not valid JSON (${parsed.reason})`);
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
    if (!parsed.ok && isLast)
      throw failAt(line, `the last line is not complete JSON; the file looks truncated (${parsed.reason})`);
    throw failAt(line, parsed.ok ? 'expected a JSON object' : `not valid JSON (${parsed.reason})`);
  }
}

/**
 * Reads the rest of the file as one JSON document starting at `first`; undefined when it is not
 * one holding entities (the caller then names the first line's problem).
 */
async function readDocument(
  first: TextLine,
  rest: AsyncGenerator<TextLine>,
): Promise<{ entities: unknown[]; lines: TextLine[] } | undefined> {
  const all: TextLine[] = [first];
  let size = first.text.length;
  for await (const l of rest) {
    all.push(l);
    size += l.text.length + 1;
    if (size > MAX_DOCUMENT_BYTES)
      throw failAt(first.line, `a JSON document over ${MAX_DOCUMENT_BYTES >> 20} MiB; write it as JSON lines`);
  }
  const parsed = tryJson(all.map((l) => l.text).join('\n'));
  const entities = parsed.ok ? documentEntities(parsed.value) : undefined;
  return entities ? { entities, lines: all } : undefined;
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
