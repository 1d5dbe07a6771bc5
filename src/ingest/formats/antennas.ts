/**
 * Cell and antenna positions (`cdr-antennas`): one row per antenna with its id, latitude and
 * longitude (and the tower it is on), as operators and research tool kits deliver them. They
 * give places to calls: each antenna becomes a cell site, an Address entity with its position,
 * whose id derives from the data set and the antenna id (`cellSiteId`), so a call record naming
 * the antenna and an antenna file meet whichever is imported first.
 *
 * Read on its own, or together with a call record (CDR options `antennas`, the CLI's
 * `--antennas`). An antenna without coordinates is skipped with a warning; a coordinate that is
 * not a number or out of range refuses the file, naming the line.
 */
import { createHash } from 'node:crypto';
import { errors } from '../../shared/errors.ts';
import type { TextEncoding } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { readCsv } from './csvRecords.ts';

export interface AntennaMapping {
  id?: string | undefined;
  latitude?: string | undefined;
  longitude?: string | undefined;
  tower?: string | undefined;
}

export interface AntennaOptions {
  /** Column names; without them the usual names are looked for (antenna_id, latitude, lat, …). */
  mapping?: AntennaMapping | undefined;
  /** The data set antenna ids belong to (see CdrOptions.dataset). */
  dataset?: string | undefined;
  delimiter?: string | undefined;
  encoding?: TextEncoding | undefined;
}

type Key = keyof AntennaMapping;

/** Header names tried, in order, for a column the mapping does not name (compared in lower case). */
const USUAL: Record<Key, readonly string[]> = {
  id: ['antenna_id', 'cell_id', 'antenna', 'cell', 'cgi', 'site_id', 'id'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  tower: ['tower_id', 'tower', 'site'],
};

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** The cell site entity of an antenna id in a data set (the empty string: the case's own). */
export const cellSiteId = (dataset: string, cell: string): string => `cell-${sha1(`${dataset}\u0000${cell}`)}`;

/** Column positions by key, from the mapping or the usual names; refuses a named column the file lacks. */
function columns(header: string[], mapping: AntennaMapping, fileName: string): Map<Key, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const at = new Map<Key, number>();
  for (const key of Object.keys(USUAL) as Key[]) {
    const named = mapping[key];
    if (named !== undefined) {
      const i = header.findIndex((h) => h.trim() === named);
      if (i === -1)
        throw errors.importFailed(
          `Antenna mapping: column "${named}" is not in ${fileName} (its columns: ${header.join(', ')})`,
          `antennas.mapping.${key}`,
        );
      at.set(key, i);
      continue;
    }
    const i = USUAL[key].map((n) => lower.indexOf(n)).find((x) => x !== -1);
    if (i !== undefined) at.set(key, i);
    else if (key !== 'tower')
      throw errors.importFailed(
        `${fileName} has no ${key} column (its columns: ${header.join(', ')}); name it in the antenna mapping`,
        `antennas.mapping.${key}`,
      );
  }
  return at;
}

function coordinate(text: string, limit: number, what: string, line: number): string {
  const v = Number(text.replace(',', '.'));
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text) || Math.abs(v) > limit)
    throw errors.importFailed(`Line ${line}: "${text}" is not a ${what} (−${limit} to ${limit})`, `line ${line}`);
  return String(v);
}

/** The cell sites of an antenna file: one Address entity per antenna with a position. */
export async function* readAntennas(input: ImportInput, options: AntennaOptions = {}): AsyncGenerator<ImportItem> {
  const dataset = options.dataset ?? '';
  let at: Map<Key, number> | undefined;
  const seen = new Map<string, { line: number; position: string }>();
  let rows = 0;
  for await (const { line, values } of readCsv(input, { delimiter: options.delimiter, encoding: options.encoding })) {
    if (!at) {
      at = columns(values, options.mapping ?? {}, input.fileName);
      continue;
    }
    rows++;
    const cell = (key: Key) => {
      const i = at?.get(key);
      return i === undefined ? '' : (values[i] ?? '').trim();
    };
    const id = cell('id');
    if (!id) throw errors.importFailed(`Line ${line}: the antenna has no id`, `line ${line}`);
    const [latText, lonText] = [cell('latitude'), cell('longitude')];
    if (!latText || !lonText) {
      yield* skipped(line, `antenna ${id} has no ${latText ? 'longitude' : 'latitude'}; skipped`);
      continue;
    }
    const latitude = coordinate(latText, 90, 'latitude', line);
    const longitude = coordinate(lonText, 180, 'longitude', line);
    const before = seen.get(id);
    if (before) {
      if (before.position !== `${latitude} ${longitude}`)
        throw errors.importFailed(
          `Line ${line}: antenna ${id} is placed differently on line ${before.line}`,
          `line ${line}`,
        );
      continue;
    }
    seen.set(id, { line, position: `${latitude} ${longitude}` });
    const tower = cell('tower');
    yield {
      kind: 'entity',
      line,
      record: {
        id: cellSiteId(dataset, id),
        schema: 'Address',
        properties: {
          name: [`Cell ${id}`],
          latitude: [latitude],
          longitude: [longitude],
          ...(tower ? { description: [`Antenna ${id} on tower ${tower}`] } : {}),
          ...(dataset ? { publisher: [dataset] } : {}),
        },
      },
    };
  }
  if (!at) throw errors.importFailed(`${input.fileName} is empty: it has no header row`, 'line 1');
  if (!rows) throw errors.importFailed(`${input.fileName} lists no antennas`, 'line 2');
}

/** A warning travels on an item; an antenna skipped has none, so a note-only entity item is not made. */
function* skipped(line: number, warning: string): Generator<ImportItem> {
  yield { kind: 'skipped', line, warnings: [warning] };
}

export const antennaImporter: Importer<AntennaOptions> = {
  format: 'cdr-antennas',
  label: 'Cell and antenna positions (CSV)',
  parse: readAntennas,
};
