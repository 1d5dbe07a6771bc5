/**
 * Reading the cells of a call-record row: call or text, direction, start and end, duration.
 * Each reader names the line when the cell cannot be read; nothing is guessed silently.
 */
import { instantOf, type CallEnd } from '../../domain/calls/matching.ts';
import { errors } from '../../shared/errors.ts';
import { parseIsoPrefix, parseWithFormat } from './dates.ts';
import { zonedToUtc } from './timeZones.ts';

export type Kind = 'call' | 'sms';

const KINDS: Record<string, Kind> = {
  call: 'call',
  voice: 'call',
  'voice call': 'call',
  phone: 'call',
  anruf: 'call',
  mtc: 'call',
  moc: 'call',
  text: 'sms',
  'sms-mo': 'sms',
  'sms-mt': 'sms',
  'mo-sms': 'sms',
  'mt-sms': 'sms',
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

export const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

/** Operators' record types that say which end logged the row: mobile-originated or -terminated. */
const END_OF_TYPE: Record<string, CallEnd> = {
  moc: 'caller',
  mtc: 'receiver',
  'sms-mo': 'caller',
  'sms-mt': 'receiver',
  'mo-sms': 'caller',
  'mt-sms': 'receiver',
};

/** Call or text, and the end that logged the row when the type says so (MOC/MTC, SMS-MO/MT). */
export function kindOf(text: string, line: number): { kind: Kind; end: CallEnd | undefined } {
  const t = text.toLowerCase().replace(/[\s_]+/g, '-');
  const kind = t === '' ? 'call' : (KINDS[t] ?? KINDS[t.replace(/-/g, ' ')]);
  if (!kind) throw fail(line, `"${text}" is neither a call nor a text message`);
  return { kind, end: END_OF_TYPE[t] };
}

export function directionOf(text: string, line: number): 'in' | 'out' {
  const direction = DIRECTIONS[text.toLowerCase()];
  if (!direction) throw fail(line, `"${text}" is not a direction (in or out)`);
  return direction;
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

export function durationOf(text: string, line: number): number | null {
  if (text === '') return null;
  const seconds = parseDuration(text);
  if (seconds === null) throw fail(line, `"${text}" is not a duration in seconds or H:MM:SS`);
  return seconds;
}

export interface TimeOptions {
  /** strptime format; default ISO-like. */
  dateFormat?: string | undefined;
  /** Zone of times written without an offset; they are stored in UTC. */
  timeZone?: string | undefined;
}

const WRITTEN_ZONE = /(Z|[+-]\d{2}:?\d{2}|UTC|GMT)\s*$/i;

/** A start or end time as an ISO prefix (in UTC when a zone is known); at least the day. */
export function timeOf(text: string, line: number, o: TimeOptions, what: string): string {
  const date = o.dateFormat ? parseWithFormat(text, o.dateFormat) : parseIsoPrefix(text);
  // A CDR row must at least say the day; a bare year or month is a broken cell.
  if (date === null || date.length < 10) {
    throw fail(
      line,
      `"${text}" is not a ${what}${o.dateFormat ? ` in the format ${o.dateFormat}` : ' (expected e.g. 2014-03-02 07:13:30)'}`,
    );
  }
  const zoned = o.dateFormat ? /%[zZ]/.test(o.dateFormat) : WRITTEN_ZONE.test(text.trim());
  return o.timeZone && !zoned ? zonedToUtc(date, o.timeZone) : date;
}

/** Start + seconds, for calls whose start is given to the second. */
export function endOf(start: string, seconds: number): string | null {
  if (start.length !== 19 || seconds <= 0) return null;
  return new Date(instantOf(start) + Math.round(seconds) * 1000).toISOString().slice(0, 19);
}

/** Seconds from start to end; refuses an end before the start. */
export function secondsBetween(start: string, end: string, line: number): number {
  const seconds = (instantOf(end) - instantOf(start)) / 1000;
  if (!(seconds >= 0)) throw fail(line, `the call ends (${end}) before it starts (${start})`);
  return seconds;
}
