/**
 * Call-detail records (CDR) from CSV (`cdr`): one row per call or text message, as operators
 * and extraction tools deliver them. A mapping names the columns; saved mappings for known
 * layouts live in cdrMappings.ts.
 *
 * Two layouts:
 * - caller + callee columns (an operator's traffic data for several lines);
 * - one subscriber's record (bandicoot's "ego" file): the subscriber's own number is given in
 *   the mapping, each row names the correspondent and a direction (in/out).
 *
 * Output: one Phone per distinct number and one Call per row (texts too, see below).
 * - Phone ids derive from the number, `phone-<sha1>`, so the same number gets the same entity in
 *   every CDR file, and a later file adds to it (the pipeline merges these). Numbers are
 *   normalised to E.164 when they parse. Pseudonymised ids ("A") mean nothing outside their own
 *   file, so they are kept as written but their ids are scoped to the subscriber (or the file).
 * - A Call is a link from the caller's Phone to the receiver's (THB extension of FtM's Call),
 *   also carrying callerNumber/receiverNumber, date/startDate/endDate, duration and the cell.
 *   Texts are Calls with summary "SMS": FtM's Message needs a body and a sender person, which
 *   a CDR does not have.
 * - Call ids hash the row's content (plus a counter for identical rows) so re-importing the
 *   same file is recognised by the pipeline instead of duplicating calls.
 */
import { createHash } from 'node:crypto';
import { errors } from '../../shared/errors.ts';
import type { Properties } from '../../domain/schema/index.ts';
import { normaliseSelector } from '../../domain/selectors/index.ts';
import type { TextEncoding } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { readCsv } from './csvRecords.ts';
import { compileFormat, parseIsoPrefix, parseWithFormat } from './dates.ts';

/** Column names, except `subscriber`, which is the record owner's number itself. */
export interface CdrMapping {
  caller?: string;
  callee?: string;
  /** The subscriber's own number (or pseudonym) when the file is one subscriber's record. */
  subscriber?: string;
  correspondent?: string;
  /** Column saying in/out from the subscriber's side (incoming, outgoing, MT, MO… accepted). */
  direction?: string;
  start: string;
  /** Seconds, or H:MM:SS / M:SS. */
  duration?: string;
  cell?: string;
  /** Column saying call or text (call, voice, text, sms…); without it every row is a call. */
  type?: string;
}

export interface CdrOptions {
  mapping: CdrMapping;
  delimiter?: string;
  encoding?: TextEncoding;
  /** strptime format of the start column, e.g. `%d.%m.%Y %H:%M:%S`; default ISO-like. */
  dateFormat?: string;
  /** Country (ISO alpha-2) whose numbering plan reads numbers written without country code. */
  defaultCountry?: string;
}

type Kind = 'call' | 'sms';

const KINDS: Record<string, Kind> = {
  call: 'call',
  voice: 'call',
  'voice call': 'call',
  phone: 'call',
  anruf: 'call',
  mtc: 'call',
  moc: 'call',
  text: 'sms',
  sms: 'sms',
  'text message': 'sms',
  message: 'sms',
  mms: 'sms',
};
const DIRECTIONS: Record<string, 'in' | 'out'> = {
  in: 'in',
  incoming: 'in',
  inbound: 'in',
  received: 'in',
  mt: 'in',
  i: 'in',
  eingehend: 'in',
  out: 'out',
  outgoing: 'out',
  outbound: 'out',
  sent: 'out',
  mo: 'out',
  o: 'out',
  ausgehend: 'out',
};

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);
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

/** A number as the Phone entity and the Call carry it: E.164 when it parses, else as written. */
function normaliseNumber(raw: string, defaultCountry: string | undefined): string {
  const result = normaliseSelector('phone', raw, defaultCountry ? { defaultCountry } : {});
  return result.ok ? result.value : raw;
}

/** Seconds from "75", "75.5", "1:15" or "0:01:15"; null when unreadable. */
export function parseDuration(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [, h, mi, s] = m;
  if (Number(s) > 59 || (h !== undefined && Number(mi) > 59)) return null;
  return Number(h ?? 0) * 3600 + Number(mi) * 60 + Number(s);
}

/** Start + seconds, for calls whose start is given to the second. */
function endOf(start: string, seconds: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(start);
  if (!m || seconds <= 0) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const end = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0) + Math.round(seconds) * 1000);
  return end.toISOString().slice(0, 19);
}

function readStart(text: string, line: number, format: string | undefined): string {
  const date = format ? parseWithFormat(text, format) : parseIsoPrefix(text);
  // A CDR row must at least say the day; a bare year or month is a broken cell.
  if (date === null || date.length < 10) {
    throw fail(
      line,
      `"${text}" is not a date and time${format ? ` in the format ${format}` : ' (expected e.g. 2014-03-02 07:13:30)'}`,
    );
  }
  return date;
}

async function* parse(input: ImportInput, options: CdrOptions): AsyncGenerator<ImportItem> {
  const m = options.mapping;
  checkMapping(m);
  if (options.dateFormat !== undefined) {
    try {
      compileFormat(options.dateFormat);
    } catch (e) {
      throw errors.importFailed(`CDR dateFormat: ${e instanceof Error ? e.message : String(e)}`, 'dateFormat');
    }
  }
  const phones = new Set<string>();
  const callIds = new Map<string, number>();
  let column: ((row: string[], key: keyof CdrMapping, line: number, required: boolean) => string) | undefined;

  const pseudonymScope = m.subscriber?.trim() || input.fileName;
  /** E.164 numbers are the same phone everywhere; a pseudonym only within its own record. */
  const phoneId = (number: string) =>
    number.startsWith('+') ? `phone-${sha1(number)}` : `phone-${sha1(`${pseudonymScope}\u0000${number}`)}`;

  function* phone(number: string, line: number): Generator<ImportItem> {
    if (phones.has(number)) return;
    phones.add(number);
    yield {
      kind: 'entity',
      line,
      merge: true,
      record: { id: phoneId(number), schema: 'Phone', properties: { number: [number] } },
    };
  }

  for await (const { line, values } of readCsv(input, { delimiter: options.delimiter, encoding: options.encoding })) {
    if (!column) {
      const header = values.map((v) => v.trim());
      const index = new Map<string, number>();
      for (const key of [
        'caller',
        'callee',
        'correspondent',
        'direction',
        'start',
        'duration',
        'cell',
        'type',
      ] as const) {
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
    const kindText = column(values, 'type', line, false).toLowerCase();
    const kind = kindText === '' ? 'call' : KINDS[kindText];
    if (!kind) throw fail(line, `"${kindText}" is neither a call nor a text message`);
    const start = readStart(column(values, 'start', line, true), line, options.dateFormat);
    const durationText = column(values, 'duration', line, false);
    const duration = durationText === '' ? null : parseDuration(durationText);
    if (durationText !== '' && duration === null)
      throw fail(line, `"${durationText}" is not a duration in seconds or H:MM:SS`);

    let caller: string;
    let receiver: string;
    if (m.subscriber !== undefined) {
      const own = normaliseNumber(m.subscriber.trim(), options.defaultCountry);
      const other = normaliseNumber(column(values, 'correspondent', line, true), options.defaultCountry);
      const dirText = column(values, 'direction', line, true).toLowerCase();
      const direction = DIRECTIONS[dirText];
      if (!direction) throw fail(line, `"${dirText}" is not a direction (in or out)`);
      [caller, receiver] = direction === 'out' ? [own, other] : [other, own];
    } else {
      caller = normaliseNumber(column(values, 'caller', line, true), options.defaultCountry);
      receiver = normaliseNumber(column(values, 'callee', line, true), options.defaultCountry);
    }
    yield* phone(caller, line);
    yield* phone(receiver, line);

    const cell = column(values, 'cell', line, false);
    const properties: Properties = {
      callerPhone: [phoneId(caller)],
      receiverPhone: [phoneId(receiver)],
      callerNumber: [caller],
      receiverNumber: [receiver],
      date: [start],
      startDate: [start],
    };
    if (duration !== null) {
      properties['duration'] = [String(duration)];
      const end = endOf(start, duration);
      if (end) properties['endDate'] = [end];
    }
    if (kind === 'sms') properties['summary'] = ['SMS'];
    if (cell) properties['cell'] = [cell];
    const content = [caller, receiver, start, durationText, kind, cell].join('\u0000');
    const seen = callIds.get(content) ?? 0;
    callIds.set(content, seen + 1);
    // Identical rows (same second, same parties) are distinct events: number the repeats.
    const id = `call-${sha1(seen === 0 ? content : `${content}\u0000${seen}`)}`;
    yield { kind: 'entity', line, record: { id, schema: 'Call', properties } };
  }
  if (!column) throw errors.importFailed(`${input.fileName} is empty: it has no header row`, 'line 1');
}

export const cdrImporter: Importer<CdrOptions> = {
  format: 'cdr',
  label: 'Call-detail records (CSV)',
  parse,
};
