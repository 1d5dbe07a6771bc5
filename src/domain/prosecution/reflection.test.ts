/** Reflection-period reminders fire on the right day, in the contact person's time zone. */
import { describe, expect, it } from 'vitest';
import { addDays, checkPeriod, defaultPeriod, reminderState, remindersOf, todayIn } from './reflection.ts';

const at = (iso: string) => () => new Date(iso);
const TZ = 'Europe/Helsinki';

describe('reflection period', () => {
  const period = { start: '2026-03-02', end: '2026-04-30' };

  it('lists reminders 14, 7 and 1 days before the end and on the end day', () => {
    expect(remindersOf(period).map((r) => r.date)).toEqual(['2026-04-16', '2026-04-23', '2026-04-29', '2026-04-30']);
  });

  it('fires nothing the day before the first reminder, and the reminder on its day', () => {
    expect(reminderState(period, at('2026-04-15T12:00:00Z'), TZ).due).toEqual([]);
    expect(reminderState(period, at('2026-04-15T12:00:00Z'), TZ).next?.date).toBe('2026-04-16');
    const s = reminderState(period, at('2026-04-16T06:00:00Z'), TZ);
    expect(s.due.map((r) => r.daysBefore)).toEqual([14]);
    expect(s.daysLeft).toBe(14);
  });

  it('uses the local day: 22:30 UTC on 22 April is already 23 April in Helsinki', () => {
    expect(todayIn(at('2026-04-22T22:30:00Z'), TZ)).toBe('2026-04-23');
    expect(reminderState(period, at('2026-04-22T22:30:00Z'), TZ).due.map((r) => r.date)).toEqual([
      '2026-04-16',
      '2026-04-23',
    ]);
    expect(reminderState(period, at('2026-04-22T22:30:00Z'), 'UTC').due.map((r) => r.date)).toEqual(['2026-04-16']);
  });

  it('does not fire acknowledged reminders again, and says when the period has ended', () => {
    const s = reminderState(period, at('2026-05-01T09:00:00Z'), TZ, new Set(['reflection-end-14', 'reflection-end-7']));
    expect(s.due.map((r) => r.key)).toEqual(['reflection-end-1', 'reflection-end-0']);
    expect(s.ended).toBe(true);
    expect(s.next).toBeNull();
  });

  it('offers the Convention minimum of 30 days and refuses shorter periods', () => {
    const d = defaultPeriod('2026-01-31');
    expect(d.end).toBe('2026-03-01');
    expect(checkPeriod(d)).toEqual([]);
    expect(checkPeriod({ start: '2026-01-31', end: addDays('2026-01-31', 10) })[0]).toMatch(/at least 30 days/);
    expect(checkPeriod({ start: '2026-02-30', end: '2026-03-31' })[0]).toMatch(/^start/);
  });
});
