/**
 * Date parsing for the CSV importers, giving ISO 8601 prefixes (`2011`, `2011-12`,
 * `2011-12-29`, `2011-12-29T07:13:30`) as the case data model stores them.
 *
 * - `parseWithFormat` reads Python `strptime` formats (`%Y-%m-%d`), because FtM mappings and
 *   their users write formats that way. Like FtM (prefixdate), the result is only as precise as
 *   the format: `%Y-%m` gives `2011-12`.
 * - `parseIsoPrefix` reads ISO-like text without a format, keeping the longest valid prefix
 *   (FtM's behaviour for date properties without `format`).
 * Times with a zone are converted to UTC; times without one are kept as written (a CDR's
 * local time is what the operator logged and must not be shifted by our server's zone).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  yday?: number;
  hour?: number;
  minute?: number;
  second?: number;
  pm?: boolean;
  /** Offset from UTC in minutes. */
  offset?: number;
}

type Precision = 1 | 2 | 3 | 4 | 5 | 6; // year, month, day, hour, minute, second

const alt = (words: readonly string[]) => `(${[...words].sort((a, b) => b.length - a.length).join('|')})`;

/** Regex source and setter for each supported directive. */
const DIRECTIVES: Record<string, { re: string; set: (p: Parts, v: string) => void; precision: Precision }> = {
  Y: { re: '(\\d{4})', set: (p, v) => (p.year = Number(v)), precision: 1 },
  y: { re: '(\\d{2})', set: (p, v) => (p.year = Number(v) + (Number(v) < 69 ? 2000 : 1900)), precision: 1 },
  m: { re: '(\\d{1,2})', set: (p, v) => (p.month = Number(v)), precision: 2 },
  b: { re: alt(MONTHS), set: (p, v) => (p.month = MONTHS.indexOf(v.toLowerCase()) + 1), precision: 2 },
  B: { re: alt(MONTH_NAMES), set: (p, v) => (p.month = MONTH_NAMES.indexOf(v.toLowerCase()) + 1), precision: 2 },
  d: { re: '(\\d{1,2})', set: (p, v) => (p.day = Number(v)), precision: 3 },
  j: { re: '(\\d{1,3})', set: (p, v) => (p.yday = Number(v)), precision: 3 },
  a: { re: alt(DAYS), set: () => undefined, precision: 1 },
  A: { re: alt(DAY_NAMES), set: () => undefined, precision: 1 },
  H: { re: '(\\d{1,2})', set: (p, v) => (p.hour = Number(v)), precision: 4 },
  I: { re: '(\\d{1,2})', set: (p, v) => (p.hour = Number(v)), precision: 4 },
  p: { re: '(am|pm)', set: (p, v) => (p.pm = v.toLowerCase() === 'pm'), precision: 1 },
  M: { re: '(\\d{1,2})', set: (p, v) => (p.minute = Number(v)), precision: 5 },
  S: { re: '(\\d{1,2})', set: (p, v) => (p.second = Number(v)), precision: 6 },
  f: { re: '(\\d{1,6})', set: () => undefined, precision: 6 },
  z: { re: '(Z|[+-]\\d{2}:?\\d{2})', set: (p, v) => (p.offset = offsetMinutes(v)), precision: 1 },
  Z: { re: '(UTC|GMT|Z)', set: (p) => (p.offset = 0), precision: 1 },
};

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledFormat {
  re: RegExp;
  setters: Array<(p: Parts, v: string) => void>;
  precision: Precision;
  twelveHour: boolean;
}

const compiled = new Map<string, CompiledFormat>();

/** Compiles a strptime format; throws a plain Error naming an unsupported directive. */
export function compileFormat(format: string): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  let source = '^\\s*';
  const setters: CompiledFormat['setters'] = [];
  let precision: Precision = 1;
  let twelveHour = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === '%') {
      const d = format[++i];
      if (d === '%') {
        source += '%';
        continue;
      }
      const directive = d === undefined ? undefined : DIRECTIVES[d];
      if (!directive || d === undefined)
        throw new Error(`Unsupported date format directive %${d ?? ''} in "${format}"`);
      source += directive.re;
      setters.push(directive.set);
      if (directive.precision > precision) precision = directive.precision;
      if (d === 'I') twelveHour = true;
    } else if (/\s/.test(c)) {
      // As in Python, whitespace in the format matches any run of whitespace.
      if (!source.endsWith('\\s*')) source += '\\s*';
    } else {
      source += escapeRe(c);
    }
  }
  const result = { re: new RegExp(`${source}\\s*$`, 'i'), setters, precision, twelveHour };
  compiled.set(format, result);
  return result;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Turns parsed parts into an ISO prefix of the given precision, or null if they are not a date. */
function render(p: Parts, precision: Precision): string | null {
  const year = p.year ?? 1900; // Python's strptime default
  let month = p.month ?? 1;
  let day = p.day ?? 1;
  if (p.yday !== undefined) {
    const d = new Date(Date.UTC(year, 0, p.yday));
    if (p.yday < 1 || d.getUTCFullYear() !== year) return null;
    month = d.getUTCMonth() + 1;
    day = d.getUTCDate();
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  let hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (hour > 23 || minute > 59 || second > 61) return null;
  if (p.pm !== undefined) hour = (hour % 12) + (p.pm ? 12 : 0);
  let fields = [year, month, day, hour, minute, Math.min(second, 59)];
  if (p.offset !== undefined && p.offset !== 0) {
    const t = new Date(Date.UTC(year, month - 1, day, hour, minute, fields[5]) - p.offset * 60_000);
    fields = [
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
      t.getUTCSeconds(),
    ];
  }
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  const parts = [pad(y, 4), `-${pad(mo)}`, `-${pad(d)}`, `T${pad(h)}`, `:${pad(mi)}`, `:${pad(s)}`];
  return parts.slice(0, precision).join('');
}

/** Parses `text` with a strptime `format`; null when it does not match or is no real date. */
export function parseWithFormat(text: string, format: string): string | null {
  const f = compileFormat(format);
  const m = f.re.exec(text);
  if (!m) return null;
  const parts: Parts = {};
  f.setters.forEach((set, i) => set(parts, m[i + 1] ?? ''));
  if (f.twelveHour && (parts.hour === undefined || parts.hour < 1 || parts.hour > 12)) return null;
  return render(parts, f.precision);
}

const ISO_RE =
  /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO-like date or date-time without a format and returns the longest valid prefix
 * (`2011-13-05` gives `2011`), or null when not even the year is readable.
 */
export function parseIsoPrefix(text: string): string | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const values = [y, mo, d, h, mi, s].map((v) => (v === undefined ? undefined : Number(v)));
  let precision = values.findIndex((v) => v === undefined);
  if (precision === -1) precision = 6;
  // Drop components from the first invalid one on.
  const limits: Array<[number, number]> = [
    [1, 9999],
    [1, 12],
    [1, 31],
    [0, 23],
    [0, 59],
    [0, 59],
  ];
  for (let i = 0; i < precision; i++) {
    const v = values[i] as number;
    const [lo, hi] = limits[i] as [number, number];
    const dayMax = i === 2 ? daysIn(values[0] as number, values[1] as number) : hi;
    if (v < lo || v > Math.min(hi, dayMax)) {
      precision = i;
      break;
    }
  }
  if (precision === 0) return null;
  // Components past the valid prefix are left out (render fills in harmless defaults).
  const [year, month, day, hour, minute, second] = values.map((v, i) => (i < precision ? v : undefined));
  const parts: Parts = { year, month, day, hour, minute, second };
  // A zone only means something on a time; on a bare date it is dropped.
  if (zone && precision >= 4) parts.offset = offsetMinutes(zone.toUpperCase());
  return render(parts, precision as Precision);
}
