/**
 * The recovery and reflection period of a presumed victim and the reminders before it ends.
 * Council of Europe Convention on Action against Trafficking in Human Beings (CETS 197) art. 13:
 * at least 30 days, during which no expulsion order may be enforced; Directive 2004/81/EC
 * art. 6(1): its length is set by national law. The end date is therefore entered per victim;
 * 30 days is only the default offered. Reminders fall on days before the end (and on the end
 * day) so the contact person can arrange an extension, a residence permit or the next step.
 *
 * Pure: "today" comes from an injected clock and a time zone, so tests fix both.
 */

/** CETS 197 art. 13(1): "at least 30 days". */
export const MIN_REFLECTION_DAYS = 30;
export const REFLECTION_SOURCE = 'Council of Europe Convention CETS 197 art. 13; Directive 2004/81/EC art. 6';
/** Days before the end on which the contact person is reminded. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 7, 1, 0];

export type Clock = () => Date;

const DAY = 86_400_000;
const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** `day` ± n days, as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  if (!isDay(day)) throw new RangeError(`not a date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The calendar day the clock shows in `timeZone` (the contact person's, not the server's). */
export function todayIn(clock: Clock, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(clock());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface ReflectionPeriod {
  start: string;
  end: string;
}

/** The default period from a start day: the Convention's minimum. */
export const defaultPeriod = (start: string): ReflectionPeriod => ({
  start,
  end: addDays(start, MIN_REFLECTION_DAYS - 1),
});

/** Problems with a period, in words (empty when it is fine). */
export function checkPeriod(p: ReflectionPeriod): string[] {
  const out: string[] = [];
  if (!isDay(p.start)) out.push('start: not a date (YYYY-MM-DD)');
  if (!isDay(p.end)) out.push('end: not a date (YYYY-MM-DD)');
  if (out.length) return out;
  if (p.end < p.start) out.push('end: before the start');
  else if (daysBetween(p.start, p.end) + 1 < MIN_REFLECTION_DAYS)
    out.push(`end: the period must last at least ${MIN_REFLECTION_DAYS} days (${REFLECTION_SOURCE})`);
  return out;
}

export interface Reminder {
  /** The day it fires. */
  date: string;
  daysBefore: number;
  key: string;
}

/** The period's reminders, earliest first; those before the start are left out. */
export function remindersOf(p: ReflectionPeriod, daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS): Reminder[] {
  return [...new Set(daysBefore)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .map((d) => ({ date: addDays(p.end, -d), daysBefore: d, key: `reflection-end-${d}` }))
    .filter((r) => r.date >= p.start)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

export interface ReminderState {
  /** Reminders firing today or earlier and not yet acknowledged, the latest last. */
  due: Reminder[];
  next: Reminder | null;
  daysLeft: number;
  ended: boolean;
}

/** Which reminders are due on the clock's day; acknowledged ones (by key) are not due again. */
export function reminderState(
  p: ReflectionPeriod,
  clock: Clock,
  timeZone: string,
  acknowledged: ReadonlySet<string> = new Set(),
  daysBefore?: readonly number[],
): ReminderState {
  const today = todayIn(clock, timeZone);
  const all = remindersOf(p, daysBefore);
  return {
    due: all.filter((r) => r.date <= today && !acknowledged.has(r.key)),
    next: all.find((r) => r.date > today) ?? null,
    daysLeft: daysBetween(today, p.end),
    ended: today > p.end,
  };
}
