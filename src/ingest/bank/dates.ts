/**
 * Calendar dates of statement lines as ISO `YYYY-MM-DD`. Every reader checks that the day
 * exists (no 31 April, 29 February only in leap years): a statement line with an impossible
 * date is a broken file, not something to shift silently into the next month.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The date part of an ISO date or date-time as written (`2014-12-31T13:15:00+01:00` →
 * `2014-12-31`). The bank's own calendar day is kept: converting to UTC would move late
 * evening bookings to the next day.
 */
export function isoDatePrefix(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Two-digit SWIFT years: 80–99 are 1980–1999, 00–79 are 2000–2079. */
export const swiftYear = (yy: number): number => (yy >= 80 ? 1900 + yy : 2000 + yy);

/** SWIFT `YYMMDD`. */
export function parseYymmdd(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  return m ? isoDate(swiftYear(Number(m[1])), Number(m[2]), Number(m[3])) : null;
}

/**
 * Entry and value date are normally days apart (months for a backdated correction). Every MMDD
 * is within half a year of some year, so without a limit any garbage would be accepted.
 */
const MAX_ENTRY_DISTANCE = 150 * 86_400_000;

/**
 * A `MMDD` date near `near` (an ISO date): the MT940 entry date has no year, and a booking on
 * 2 January of a value dated 31 December belongs to the next year. The candidate year closest
 * to `near` wins.
 */
export function nearestMmdd(mmdd: string, near: string): string | null {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd);
  if (!m) return null;
  const year = Number(near.slice(0, 4));
  const target = Date.parse(near);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const candidate = isoDate(y, Number(m[1]), Number(m[2]));
    if (!candidate) continue;
    const distance = Math.abs(Date.parse(candidate) - target);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= MAX_ENTRY_DISTANCE ? best : null;
}

/** Pieces of a compiled CSV date format. */
type Token = { kind: 'year4' | 'year2' | 'month' | 'day'; width: 1 | 2 | 4 } | { kind: 'literal'; text: string };

const TOKEN = /YYYY|YY|MM|M|DD|D/y;

/**
 * Compiles a date format such as `DD.MM.YYYY`, `YYYY-MM-DD`, `MM/DD/YYYY` or `D.M.YYYY`.
 * `DD`/`MM` take exactly two digits, `D`/`M` one or two, `YY` is read as a SWIFT year.
 * Anything else that is not a letter is a literal separator. Throws on unknown letters or a
 * format missing the day, month or year.
 */
export function compileDateFormat(format: string): (text: string) => string | null {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length;) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(format);
    if (m) {
      const t = m[0];
      if (t === 'YYYY') tokens.push({ kind: 'year4', width: 4 });
      else if (t === 'YY') tokens.push({ kind: 'year2', width: 2 });
      else tokens.push({ kind: t.startsWith('M') ? 'month' : 'day', width: t.length === 2 ? 2 : 1 });
      i += t.length;
      continue;
    }
    const c = format[i] ?? '';
    if (/\p{L}/u.test(c)) throw new Error(`"${c}" is not a date format letter (use YYYY, YY, MM, M, DD, D)`);
    tokens.push({ kind: 'literal', text: c });
    i++;
  }
  const count = (...kinds: Token['kind'][]) => tokens.filter((t) => kinds.includes(t.kind)).length;
  if (!count('day') || !count('month') || !count('year4', 'year2')) {
    throw new Error(`date format "${format}" needs a day, a month and a year`);
  }
  // "MMM" would otherwise read as MM followed by M: month names are not supported.
  if (count('day') > 1 || count('month') > 1 || count('year4', 'year2') > 1) {
    throw new Error(`date format "${format}" names the day, month or year more than once`);
  }
  const source = tokens
    .map((t) => {
      if (t.kind === 'literal') return t.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      if (t.kind === 'year4') return '(\\d{4})';
      if (t.kind === 'year2') return '(\\d{2})';
      return t.width === 2 ? '(\\d{2})' : '(\\d{1,2})';
    })
    .join('');
  // A time after the date ("31.12.2023 14:22") is allowed and ignored: only the day is kept.
  const re = new RegExp(`^${source}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$`);
  const fields = tokens.filter((t) => t.kind !== 'literal');
  return (text) => {
    const m = re.exec(text.trim());
    if (!m) return null;
    let year = 0;
    let month = 0;
    let day = 0;
    fields.forEach((t, i) => {
      const v = Number(m[i + 1]);
      if (t.kind === 'year4') year = v;
      else if (t.kind === 'year2') year = swiftYear(v);
      else if (t.kind === 'month') month = v;
      else if (t.kind === 'day') day = v;
    });
    return isoDate(year, month, day);
  };
}
