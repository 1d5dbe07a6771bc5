/**
 * Local times of a named zone to UTC, for call records whose operator logged local time: two
 * operators in two zones (or one file in winter and summer time) then line up. Zones are IANA
 * names (`Europe/Riga`) read through the runtime's Intl data, `UTC`, or fixed offsets (`+02:00`).
 */
import { isTimeZone } from '../../shared/contracts/imports.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

const FIXED = /^([+-])(\d{2}):?(\d{2})$/;

/** The zone's offset from UTC in milliseconds at the instant `utc`. */
function offsetAt(zone: string, utc: number): number {
  if (zone === 'UTC' || zone === 'Z') return 0;
  const fixed = FIXED.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    return (fixed[1] === '-' ? -minutes : minutes) * 60_000;
  }
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(new Date(utc))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return wall - Math.floor(utc / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2})(?::(\d{2}))?)?$/;

/**
 * `2014-03-02T07:13:30` as written in `zone`, in UTC and to the same precision. A date without
 * a time is returned as it is (a day has no instant to move).
 */
export function zonedToUtc(local: string, zone: string): string {
  const m = LOCAL.exec(local);
  if (!m) return local;
  if (!isTimeZone(zone)) throw new Error(`Unknown time zone "${zone}"`);
  const [, y, mo, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  // The offset at the guessed instant, then again at the corrected one (a DST change in between).
  const guess = wall - offsetAt(zone, wall);
  const utc = wall - offsetAt(zone, guess);
  return new Date(utc).toISOString().slice(0, local.length);
}
