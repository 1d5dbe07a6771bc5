import { describe, expect, it } from 'vitest';
import { compileDateFormat, isoDate, isoDatePrefix, nearestMmdd, parseYymmdd } from './dates.ts';

describe('statement dates', () => {
  it('checks that the day exists', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2023, 4, 31)).toBeNull();
    expect(isoDate(2023, 13, 1)).toBeNull();
  });

  it('keeps the bank calendar day of a date-time', () => {
    expect(isoDatePrefix('2014-12-31T23:15:00-05:00')).toBe('2014-12-31');
    expect(isoDatePrefix('2014-12-31')).toBe('2014-12-31');
    expect(isoDatePrefix('31.12.2014')).toBeNull();
  });

  it('reads SWIFT dates and puts the MMDD entry date in the nearest year', () => {
    expect(parseYymmdd('110524')).toBe('2011-05-24');
    expect(parseYymmdd('991231')).toBe('1999-12-31');
    expect(parseYymmdd('110231')).toBeNull();
    expect(nearestMmdd('0523', '2011-05-21')).toBe('2011-05-23');
    expect(nearestMmdd('0102', '2019-12-31')).toBe('2020-01-02');
    expect(nearestMmdd('1231', '2020-01-02')).toBe('2019-12-31');
    expect(nearestMmdd('0229', '2021-03-01')).toBeNull();
    expect(nearestMmdd('0901', '2024-03-01')).toBeNull();
  });

  it('reads CSV dates in the given format', () => {
    expect(compileDateFormat('DD.MM.YYYY')('03.04.2024')).toBe('2024-04-03');
    expect(compileDateFormat('MM/DD/YYYY')('03/04/2024')).toBe('2024-03-04');
    expect(compileDateFormat('DD/MM/YYYY')('03/04/2024')).toBe('2024-04-03');
    expect(compileDateFormat('YYYY-MM-DD')('2024-04-03 14:22')).toBe('2024-04-03');
    expect(compileDateFormat('D.M.YYYY')('3.4.2024')).toBe('2024-04-03');
    expect(compileDateFormat('D.M.YYYY')('03.04.2024')).toBe('2024-04-03');
    expect(compileDateFormat('DD.MM.YY')('03.04.24')).toBe('2024-04-03');
    expect(compileDateFormat('DD.MM.YYYY')('3.4.2024')).toBeNull();
    expect(compileDateFormat('DD.MM.YYYY')('31.04.2024')).toBeNull();
    expect(compileDateFormat('DD.MM.YYYY')('2024-04-03')).toBeNull();
  });

  it('refuses formats it cannot follow', () => {
    expect(() => compileDateFormat('%d.%m.%Y')).toThrow(/"d" is not a date format letter/);
    expect(() => compileDateFormat('MM.YYYY')).toThrow(/needs a day, a month and a year/);
    expect(() => compileDateFormat('DD.MMM.YYYY')).toThrow(/more than once/);
    expect(() => compileDateFormat('DD.MM.YYYY hh')).toThrow(/"h" is not a date format letter/);
  });
});
