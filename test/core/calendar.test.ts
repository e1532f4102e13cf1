import { describe, expect, it } from 'vitest';
import { WEEKDAYS, addDays, dateInZone, fromDayNumber, isIsoDate, isValidTimeZone, toDayNumber, weekdayOfDay } from '../../src/core/calendar.js';

describe('isIsoDate', () => {
  it.each(['2026-11-23', '2024-02-29', '2000-02-29', '1970-01-01', '2026-12-31', '0099-06-15'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2026-02-29', // 2026 is not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-2',
    '26-11-23',
    '2026/11/23',
    '2026-11-23T00:00:00Z',
    ' 2026-11-23',
    '',
    'today',
  ])('rejects %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });
});

describe('day numbers', () => {
  it('counts days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    // 1970..1999 is 30 years with 7 leap years (72, 76, 80, 84, 88, 92, 96): 30·365 + 7 = 10957.
    expect(toDayNumber('2000-01-01')).toBe(10957);
    // 2000 is a leap year: 31 (Jan) + 29 (Feb) = 60 days after 2000-01-01.
    expect(toDayNumber('2000-03-01')).toBe(10957 + 60);
  });

  it('turns day numbers back into dates', () => {
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(fromDayNumber(10957)).toBe('2000-01-01');
    for (const date of ['2024-02-29', '2026-11-23', '1999-12-31', '2100-03-01']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('gives the date Date gives: every day of 1900 to 2100, and every 37th day of 0000 to 9999 and beyond', () => {
    const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const check = (day: number) => {
      if (fromDayNumber(day) !== viaDate(day)) expect(fromDayNumber(day)).toBe(viaDate(day));
    };
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day++) check(day);
    for (let day = toDayNumber('0000-01-01') - 400; day <= toDayNumber('9999-12-31') + 400; day += 37) check(day);
    for (const edge of ['0000-01-01', '0000-02-29', '9999-12-31']) check(toDayNumber(edge));
    expect(fromDayNumber(0.5)).toBe('1970-01-01');
    expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
    // 2024 is a leap year: 366 days from 2024-01-01 is 2025-01-01.
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
});

describe('weekdayOfDay', () => {
  it('uses ISO order, 0 = Monday', () => {
    expect(WEEKDAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(weekdayOfDay(0)).toBe(3); // 1970-01-01 was a Thursday
    expect(weekdayOfDay(-1)).toBe(2); // 1969-12-31, a Wednesday
    expect(weekdayOfDay(-4)).toBe(6); // 1969-12-28, a Sunday
    expect(weekdayOfDay(4)).toBe(0); // 1970-01-05, a Monday
    // 2026-11-23: 2026-01-01 is a Thursday, and 11-23 is 326 days later; 326 = 46·7 + 4 → Monday.
    expect(weekdayOfDay(toDayNumber('2026-11-23'))).toBe(0);
    expect(weekdayOfDay(toDayNumber('2026-11-29'))).toBe(6);
    // 2000-01-01 was a Saturday.
    expect(weekdayOfDay(10957)).toBe(5);
  });
});

describe('dateInZone', () => {
  it('gives the calendar date of an instant where the person lives', () => {
    const instant = new Date('2026-11-23T23:30:00Z');
    expect(dateInZone(instant, 'UTC')).toBe('2026-11-23');
    expect(dateInZone(instant, 'Europe/Paris')).toBe('2026-11-24'); // UTC+1 in November
    expect(dateInZone(instant, 'America/New_York')).toBe('2026-11-23'); // UTC−5
    expect(dateInZone(new Date('2026-11-23T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-22'); // UTC−8
    expect(dateInZone(new Date('2026-11-23T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-24'); // UTC+14
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
