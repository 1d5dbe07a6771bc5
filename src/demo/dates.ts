/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The generator works in whole
 * days; the Date object is avoided on the hot path because formatting millions of booking dates
 * through it is slow, and because no clock may leak into the output.
 */

/** Day number of a civil date (proleptic Gregorian), after H. Hinnant's days_from_civil. */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civilOf(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Cache for 1900-01-01 … 2099-12-31 (birth dates included), indexed by day number + offset.
const CACHE_FROM = -25567;
const isoCache: (string | undefined)[] = new Array<string | undefined>(73049);

function formatIso(days: number): string {
  const { year, month, day } = civilOf(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD. Cached: a scenario books millions of lines on a few thousand distinct days. */
export function iso(days: number): string {
  const slot = days - CACHE_FROM;
  if (slot < 0 || slot >= isoCache.length) return formatIso(days);
  let s = isoCache[slot];
  if (s === undefined) {
    s = formatIso(days);
    isoCache[slot] = s;
  }
  return s;
}

/** First day of the month `n` months after the month containing `days`. */
export function monthStart(days: number, n: number): number {
  const { year, month } = civilOf(days);
  const m0 = year * 12 + (month - 1) + n;
  return dayOf(Math.floor(m0 / 12), (m0 % 12) + 1, 1);
}

export function daysInMonth(days: number): number {
  return monthStart(days, 1) - monthStart(days, 0);
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}
