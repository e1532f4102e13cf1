import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { toDayNumber } from '../../src/core/calendar.js';
import {
  type Schedule,
  SCHEDULE_HELP,
  formatSchedule,
  frequencyOf,
  isPerPeriod,
  isScheduledDay,
  parseSchedule,
  scheduleFromFrequency,
} from '../../src/core/schedule.js';

const GENERIC = 'schedule: expected daily, weekdays, mon,wed,…, N/week, N/Mdays or every N days';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('parseSchedule', () => {
  it.each<[string, Schedule]>([
    ['daily', { type: 'daily' }],
    ['every day', { type: 'daily' }],
    ['  Daily  ', { type: 'daily' }],
    ['weekdays', { type: 'weekdays' }],
    ['WEEKDAYS', { type: 'weekdays' }],
    // Days in ISO order, 0 = Monday; sorted and deduplicated.
    ['mon,wed,fri', { type: 'days', days: [0, 2, 4] }],
    ['fri, mon ,wed', { type: 'days', days: [0, 2, 4] }],
    ['sun', { type: 'days', days: [6] }],
    ['sat,sun,sat', { type: 'days', days: [5, 6] }],
    // Monday to Friday is exactly "weekdays"; all seven days are exactly "daily".
    ['mon,tue,wed,thu,fri', { type: 'weekdays' }],
    ['mon,tue,wed,thu,fri,sat,sun', { type: 'daily' }],
    ['3/week', { type: 'per-week', times: 3 }],
    ['3 / week', { type: 'per-week', times: 3 }],
    ['1/week', { type: 'per-week', times: 1 }],
    ['7/week', { type: 'per-week', times: 7 }],
    ['2/3days', { type: 'per-days', times: 2, days: 3 }],
    ['2/3 days', { type: 'per-days', times: 2, days: 3 }],
    // N and M stay as given: 2 in 4 days is not 1 in 2 days.
    ['2/4days', { type: 'per-days', times: 2, days: 4 }],
    ['1/2days', { type: 'per-days', times: 1, days: 2 }],
    ['3/3days', { type: 'per-days', times: 3, days: 3 }],
    ['1/1day', { type: 'daily' }],
    ['365/365days', { type: 'per-days', times: 365, days: 365 }],
    ['every 3 days', { type: 'every', days: 3 }],
    ['Every  2   days', { type: 'every', days: 2 }],
    ['every 1 day', { type: 'daily' }],
    ['every 365 days', { type: 'every', days: 365 }],
  ])('parses %j', (input, expected) => {
    expect(parseSchedule(input)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'sometimes',
    'monthly',
    '0/week',
    '8/week',
    '-1/week',
    '1.5/week',
    '3/month',
    '3x/week',
    '0/3days',
    '2/0days',
    '1/366days',
    '2/3',
    'every 0 days',
    'every 366 days',
    'every days',
    'every -2 days',
    'monday',
    'mon;wed',
    'mon,,wed',
    'mon,wed,',
  ])('rejects %j with the generic message', (input) => {
    const error = errorOf(() => parseSchedule(input));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(GENERIC);
  });

  it('names an unknown day', () => {
    const error = errorOf(() => parseSchedule('mon,xyz'));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(`schedule: unknown day "xyz"; ${SCHEDULE_HELP}`);
  });

  it('refuses more repetitions than days', () => {
    const error = errorOf(() => parseSchedule('4/3days'));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('schedule: 4/3days asks for more repetitions than days');
  });

  it('keeps the help text the issue names', () => {
    expect(`schedule: ${SCHEDULE_HELP}`).toBe(GENERIC);
  });
});

describe('formatSchedule', () => {
  it.each<[Schedule, string]>([
    [{ type: 'daily' }, 'daily'],
    [{ type: 'weekdays' }, 'weekdays'],
    [{ type: 'days', days: [0, 2, 4] }, 'mon,wed,fri'],
    [{ type: 'days', days: [5, 6] }, 'sat,sun'],
    [{ type: 'per-week', times: 3 }, '3/week'],
    [{ type: 'per-days', times: 2, days: 4 }, '2/4days'],
    [{ type: 'every', days: 3 }, 'every 3 days'],
  ])('formats %j as %j, which parses back to the same schedule', (schedule, text) => {
    expect(formatSchedule(schedule)).toBe(text);
    expect(parseSchedule(text)).toEqual(schedule);
  });

  it('canonicalizes what people type', () => {
    const canonical = (s: string) => formatSchedule(parseSchedule(s));
    expect(canonical('Fri, Mon')).toBe('mon,fri');
    expect(canonical('every day')).toBe('daily');
    expect(canonical('2 / 3 days')).toBe('2/3days');
    expect(canonical('every 1 days')).toBe('daily');
  });
});

describe('frequencyOf', () => {
  it.each<[string, number, number]>([
    ['daily', 1, 1],
    ['weekdays', 5, 7],
    ['mon,wed,fri', 3, 7],
    ['sun', 1, 7],
    ['3/week', 3, 7],
    ['2/4days', 2, 4], // not reduced to 1/2
    ['1/2days', 1, 2],
    ['every 3 days', 1, 3],
  ])('%s repeats %i times in %i days', (text, numerator, denominator) => {
    expect(frequencyOf(parseSchedule(text))).toEqual({ numerator, denominator });
  });
});

describe('scheduleFromFrequency (Loop frequencies)', () => {
  it.each<[number, number, string]>([
    [1, 1, 'daily'],
    [1, 7, '1/week'],
    [3, 7, '3/week'],
    [7, 7, '7/week'], // Loop's "7 times per week"
    // Loop's "every 3 days" (1/3): due 3 days after the last repetition, grow's `every 3 days`.
    [1, 3, 'every 3 days'],
    [2, 4, '2/4days'],
    [1, 30, 'every 30 days'],
    [5, 30, '5/30days'],
    [2, 2, '2/2days'],
  ])('%i/%i is %s', (numerator, denominator, text) => {
    const schedule = scheduleFromFrequency(numerator, denominator);
    expect(formatSchedule(schedule)).toBe(text);
    expect(frequencyOf(schedule)).toEqual({ numerator, denominator });
  });

  it.each<[number, number]>([
    [0, 7],
    [1, 0],
    [3, 2],
    [1.5, 7],
    [1, 366],
    [-1, 7],
  ])('refuses %i/%i', (numerator, denominator) => {
    const error = errorOf(() => scheduleFromFrequency(numerator, denominator));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(`frequency: ${numerator}/${denominator} is not a frequency grow supports (N in M days, 1 <= N <= M <= 365)`);
  });
});

describe('isPerPeriod and isScheduledDay', () => {
  // 2026-11-02 is a Monday: 2026-01-01 is a Thursday and 2026-11-02 is 305 days later
  // (31+28+31+30+31+30+31+31+30+31 = 304 days to 11-01, +1), 305 = 43·7 + 4, Thursday + 4 = Monday.
  const monday = toDayNumber('2026-11-02');
  const week = [0, 1, 2, 3, 4, 5, 6].map((i) => monday + i);
  const pattern = (text: string) => week.map((d) => (isScheduledDay(parseSchedule(text), d) ? 'x' : '.')).join('');

  it('knows which schedules leave the days to the person', () => {
    expect(isPerPeriod(parseSchedule('3/week'))).toBe(true);
    expect(isPerPeriod(parseSchedule('2/3days'))).toBe(true);
    for (const text of ['daily', 'weekdays', 'mon,wed', 'every 2 days']) expect(isPerPeriod(parseSchedule(text))).toBe(false);
  });

  it('names the days of fixed schedules, Monday to Sunday', () => {
    expect(pattern('daily')).toBe('xxxxxxx');
    expect(pattern('weekdays')).toBe('xxxxx..');
    expect(pattern('mon,wed,fri')).toBe('x.x.x..');
    expect(pattern('sat,sun')).toBe('.....xx');
  });

  it('names no day for every N days: its days follow the last one done', () => {
    expect(pattern('every 3 days')).toBe('.......');
    expect(pattern('every 2 days')).toBe('.......');
  });

  it('names no day for per-period schedules', () => {
    expect(pattern('3/week')).toBe('.......');
    expect(pattern('2/3days')).toBe('.......');
  });
});
