/**
 * Call-detail records (CDR) from CSV (`cdr`): one row per call or text message, as operators
 * and extraction tools deliver them. A mapping names the columns (the options file, or a saved
 * preset from cdrMappings.ts).
 *
 * Two layouts:
 * - caller + callee columns (an operator's traffic data): each row is the caller's record, or
 *   the receiver's when its type says so (MTC, SMS-MT);
 * - one subscriber's record (bandicoot's "ego" file): the subscriber's own number or label is
 *   given in the mapping, each row names the correspondent and a direction (in/out).
 *
 * Output, per row: the two Phones (merged into the case's) and a Call that is one end's
 * *sighting* of the call (see domain/calls/matching.ts); the import joins the sightings of both
 * ends into one call (services/imports/callGate.ts).
 * - Numbers are normalised to E.164 when they parse; a Phone's id derives from the number,
 *   `phone-<sha1>`, and the import finds a phone already in the case by its number. Identifiers
 *   that are not numbers (pseudonyms such as "A") are one phone across the files of a data set
 *   (`dataset`, by default the case): their id derives from data set and identifier.
 * - A Call links the caller's Phone to the receiver's (THB extension of FtM's Call) and carries
 *   the numbers, start/end/duration, the record id of its sighting (end, kind, start) and the
 *   cell of the end that logged it with that cell's site (`callerPlace`/`receiverPlace`; the
 *   import drops a site the case does not know). Texts are Calls with summary "SMS": FtM's
 *   Message needs a body and a sender person, which a CDR does not have.
 * - IMEI and IMSI columns describe the record owner's phone (the subscriber, or the caller).
 * - An antenna file (`antennaFile`) read with the records gives the cell sites their positions.
 */
import { createHash } from 'node:crypto';
import { recordIdOf, type CallEnd } from '../../domain/calls/matching.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { normaliseSelector } from '../../domain/selectors/index.ts';
import { isTimeZone } from '../../shared/contracts/imports.ts';
import { AppError, errors, isAppError } from '../../shared/errors.ts';
import type { TextEncoding } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { cellSiteId, readAntennas, type AntennaOptions } from './antennas.ts';
import { readCsv } from './csvRecords.ts';
import { compileFormat } from './dates.ts';
import { directionOf, durationOf, endOf, fail, kindOf, secondsBetween, timeOf, type TimeOptions } from './cdrRows.ts';

export { parseDuration } from './cdrRows.ts';

/** Column names, except `subscriber`, which is the record owner's number (or label) itself. */
export interface CdrMapping {
  caller?: string | undefined;
  callee?: string | undefined;
  /** The subscriber's own number (or pseudonym) when the file is one subscriber's record. */
  subscriber?: string | undefined;
  correspondent?: string | undefined;
  /** Column saying in/out from the subscriber's side (incoming, outgoing, MT, MO… accepted). */
  direction?: string | undefined;
  start: string;
  /** End time; the duration is taken from start and end when there is no duration column. */
  end?: string | undefined;
  /** Seconds, or H:MM:SS / M:SS. */
  duration?: string | undefined;
  /** The record owner's cell or antenna id. */
  cell?: string | undefined;
  /** Column saying call or text (call, voice, text, sms…); without it every row is a call. */
  type?: string | undefined;
  /** The record owner's handset (IMEI) and SIM (IMSI). */
  imei?: string | undefined;
  imsi?: string | undefined;
}

export interface CdrOptions extends TimeOptions {
  mapping: CdrMapping;
  delimiter?: string | undefined;
  encoding?: TextEncoding | undefined;
  /** Country (ISO alpha-2) whose numbering plan reads numbers written without country code. */
  defaultCountry?: string | undefined;
  /** The data set pseudonyms and antenna ids belong to; by default the case's one. */
  dataset?: string | undefined;
  /** How far apart (seconds) two ends' records of one call may start; read by the import. */
  matchWindowSeconds?: number | undefined;
  /** Columns of the antenna file read with the records. */
  antennas?: Omit<AntennaOptions, 'dataset'> | undefined;
  /** An antenna file read with the records (the CLI's --antennas); not part of the API options. */
  antennaFile?: ImportInput | undefined;
}

const COLUMNS = [
  'caller',
  'callee',
  'correspondent',
  'direction',
  'start',
  'end',
  'duration',
  'cell',
  'type',
  'imei',
  'imsi',
] as const;
type Column = (typeof COLUMNS)[number];

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** Checks the mapping's shape before the file is read. */
function checkMapping(m: CdrMapping): void {
  const bad = (key: string, message: string) => errors.importFailed(`CDR mapping: ${message}`, `mapping.${key}`);
  if (!m.start) throw bad('start', 'name the column with the start date and time');
  const pair = m.caller !== undefined || m.callee !== undefined;
  const ego = m.subscriber !== undefined || m.correspondent !== undefined || m.direction !== undefined;
  if (pair && ego)
    throw bad(m.caller ? 'subscriber' : 'caller', 'use either caller/callee or subscriber/correspondent/direction');
  if (pair) {
    if (!m.caller) throw bad('caller', 'name the caller column');
    if (!m.callee) throw bad('callee', 'name the callee column');
    return;
  }
  if (!m.subscriber?.trim()) throw bad('subscriber', "give the subscriber's own number (or caller and callee columns)");
  if (!m.correspondent) throw bad('correspondent', 'name the correspondent column');
  if (!m.direction) throw bad('direction', 'name the direction (in/out) column');
}

function checkOptions(o: CdrOptions): void {
  checkMapping(o.mapping);
  if (o.dateFormat !== undefined) {
    try {
      compileFormat(o.dateFormat);
    } catch (e) {
      throw errors.importFailed(`CDR dateFormat: ${e instanceof Error ? e.message : String(e)}`, 'dateFormat');
    }
  }
  if (o.timeZone !== undefined && !isTimeZone(o.timeZone))
    throw errors.importFailed(`CDR timeZone: "${o.timeZone}" is not a time zone (e.g. Europe/Riga, UTC)`, 'timeZone');
}

/** The antenna file's items, its name on each warning and error (its lines are not the records'). */
async function* antennaItems(file: ImportInput, options: AntennaOptions): AsyncGenerator<ImportItem> {
  try {
    for await (const item of readAntennas(file, options))
      yield item.kind === 'skipped' ? { ...item, warnings: item.warnings.map((w) => `${file.fileName}: ${w}`) } : item;
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw new AppError(e.code, e.message, e.path ? `${file.fileName}: ${e.path}` : file.fileName);
  }
}

async function* parse(input: ImportInput, options: CdrOptions): AsyncGenerator<ImportItem> {
  checkOptions(options);
  const m = options.mapping;
  const dataset = options.dataset?.trim() ?? '';
  if (options.antennaFile) yield* antennaItems(options.antennaFile, { ...options.antennas, dataset });

  /** A number as the Phone entity and the Call carry it: E.164 when it parses, else as written. */
  const normalise = (raw: string) => {
    const r = normaliseSelector('phone', raw, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
    return r.ok ? r.value : raw;
  };
  /** E.164 numbers are the same phone everywhere; another identifier within its data set. */
  const phoneId = (number: string) =>
    number.startsWith('+') ? `phone-${sha1(number)}` : `phone-${sha1(`pseudonym\u0000${dataset}\u0000${number}`)}`;

  const phones = new Map<string, string>();
  function* phone(number: string, line: number, device: Properties = {}): Generator<ImportItem> {
    const key = `${number}\u0000${device['imei']?.[0] ?? ''}\u0000${device['imsi']?.[0] ?? ''}`;
    if (phones.has(key)) return;
    phones.set(key, number);
    const pseudonym: Properties = !number.startsWith('+') && dataset ? { publisher: [dataset] } : {};
    yield {
      kind: 'entity',
      line,
      merge: true,
      record: { id: phoneId(number), schema: 'Phone', properties: { number: [number], ...pseudonym, ...device } },
    };
  }

  const occurrences = new Map<string, number>();
  let column: ((row: string[], key: Column, line: number, required: boolean) => string) | undefined;
  for await (const { line, values } of readCsv(input, { delimiter: options.delimiter, encoding: options.encoding })) {
    if (!column) {
      const header = values.map((v) => v.trim());
      const index = new Map<Column, number>();
      for (const key of COLUMNS) {
        const name = m[key];
        if (name === undefined) continue;
        const at = header.indexOf(name);
        if (at === -1)
          throw errors.importFailed(
            `CDR mapping: column "${name}" is not in ${input.fileName} (its columns: ${header.join(', ')})`,
            `mapping.${key}`,
          );
        index.set(key, at);
      }
      column = (row, key, at, required) => {
        const i = index.get(key);
        const value = i === undefined ? '' : (row[i] ?? '').trim();
        if (required && value === '') throw fail(at, `the ${key} column "${m[key] ?? ''}" is empty`);
        return value;
      };
      continue;
    }
    const get = (key: Column, required = false) => (column as NonNullable<typeof column>)(values, key, line, required);
    const { kind, end: typedEnd } = kindOf(get('type'), line);
    const start = timeOf(get('start', true), line, options, 'date and time');
    const endText = get('end');
    const end = endText ? timeOf(endText, line, options, 'date and time') : null;
    let duration = durationOf(get('duration'), line);
    if (duration === null && end) duration = secondsBetween(start, end, line);

    let caller: string;
    let receiver: string;
    let owner: CallEnd;
    if (m.subscriber !== undefined) {
      const own = normalise(m.subscriber.trim());
      const other = normalise(get('correspondent', true));
      owner = directionOf(get('direction', true), line) === 'out' ? 'caller' : 'receiver';
      [caller, receiver] = owner === 'caller' ? [own, other] : [other, own];
    } else {
      caller = normalise(get('caller', true));
      receiver = normalise(get('callee', true));
      // An operator's row is the caller's record unless its type says it was terminated (MTC).
      owner = typedEnd ?? 'caller';
    }
    const device: Properties = {};
    for (const key of ['imei', 'imsi'] as const) {
      const v = get(key);
      if (v) device[key] = [v];
    }
    yield* phone(caller, line, owner === 'caller' ? device : {});
    yield* phone(receiver, line, owner === 'receiver' ? device : {});

    const key = [owner, kind, start, caller, receiver].join('\u0000');
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const recordId = recordIdOf({ dataset, end: owner, kind, start, occurrence });
    const cell = get('cell');
    const properties: Properties = {
      callerPhone: [phoneId(caller)],
      receiverPhone: [phoneId(receiver)],
      callerNumber: [caller],
      receiverNumber: [receiver],
      date: [start],
      startDate: [start],
      recordId: [recordId],
    };
    if (duration !== null) {
      properties['duration'] = [String(duration)];
      const until = end ?? endOf(start, duration);
      if (until) properties['endDate'] = [until];
    } else if (end) properties['endDate'] = [end];
    if (kind === 'sms') properties['summary'] = ['SMS'];
    if (cell) {
      properties[`${owner}Cell`] = [cell];
      properties[`${owner}Place`] = [cellSiteId(dataset, cell)];
    }
    // The id names the sighting: the same row read again has it again.
    const id = `call-${sha1(['sighting', dataset, caller, receiver, recordId].join('\u0000'))}`;
    yield { kind: 'entity', line, record: { id, schema: 'Call', properties } };
  }
  if (!column) throw errors.importFailed(`${input.fileName} is empty: it has no header row`, 'line 1');
}

export const cdrImporter: Importer<CdrOptions> = {
  format: 'cdr',
  label: 'Call-detail records (CSV)',
  parse,
};
