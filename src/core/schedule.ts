import { invalid } from './errors.js';
import { WEEKDAYS, weekdayOfDay } from './calendar.js';
import type { ScheduleAnchor } from './habit-stats.js';

/**
 * When a habit is meant to happen. Fixed schedules name the days; per-period schedules ask for
 * N repetitions in each period and leave the days to the person.
 */
export type Schedule =
  | { type: 'daily' }
  | { type: 'weekdays' }
  | { type: 'days'; days: number[] } // ISO weekday indices, 0 = Monday
  | { type: 'per-week'; times: number }
  | { type: 'per-days'; times: number; days: number }
  | { type: 'every'; days: number };

export const SCHEDULE_HELP = 'expected daily, weekdays, mon,wed,…, N/week, N/Mdays or every N days';

const bad = () => invalid('schedule', SCHEDULE_HELP);

function positiveInt(text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw bad();
  return n;
}

export function parseSchedule(input: string): Schedule {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'daily' || text === 'every day') return { type: 'daily' };
  if (text === 'weekdays') return { type: 'weekdays' };

  let m = /^(\d+) ?\/ ?week$/.exec(text);
  if (m) {
    const times = positiveInt(m[1]!, 7);
    return { type: 'per-week', times };
  }
  m = /^(\d+) ?\/ ?(\d+) ?days?$/.exec(text);
  if (m) {
    const times = positiveInt(m[1]!, 365);
    const days = positiveInt(m[2]!, 365);
    if (times > days) throw invalid('schedule', `${times}/${days}days asks for more repetitions than days`);
    // Once in one day is daily in every respect; any other N/M stays as given (2/4 is not 1/2).
    return times === 1 && days === 1 ? { type: 'daily' } : { type: 'per-days', times, days };
  }
  m = /^every (\d+) ?days?$/.exec(text);
  if (m) {
    const days = positiveInt(m[1]!, 365);
    return days === 1 ? { type: 'daily' } : { type: 'every', days };
  }
  if (/^[a-z]{3}( ?, ?[a-z]{3})*$/.test(text)) {
    const names = text.split(',').map((s) => s.trim());
    const days = names.map((name) => {
      const index = (WEEKDAYS as readonly string[]).indexOf(name);
      if (index < 0) throw invalid('schedule', `unknown day "${name}"; ${SCHEDULE_HELP}`);
      return index;
    });
    const unique = [...new Set(days)].sort((a, b) => a - b);
    if (unique.length === 7) return { type: 'daily' };
    if (unique.join(',') === '0,1,2,3,4') return { type: 'weekdays' };
    return { type: 'days', days: unique };
  }
  throw bad();
}

export function formatSchedule(schedule: Schedule): string {
  switch (schedule.type) {
    case 'daily':
      return 'daily';
    case 'weekdays':
      return 'weekdays';
    case 'days':
      return schedule.days.map((d) => WEEKDAYS[d]).join(',');
    case 'per-week':
      return `${schedule.times}/week`;
    case 'per-days':
      return `${schedule.times}/${schedule.days}days`;
    case 'every':
      return `every ${schedule.days} days`;
  }
}

/** Repetitions N in M days, as Loop Habit Tracker's frequency. Not reduced: 2/4 is not 1/2. */
export function frequencyOf(schedule: Schedule): { numerator: number; denominator: number } {
  switch (schedule.type) {
    case 'daily':
      return { numerator: 1, denominator: 1 };
    case 'weekdays':
      return { numerator: 5, denominator: 7 };
    case 'days':
      return { numerator: schedule.days.length, denominator: 7 };
    case 'per-week':
      return { numerator: schedule.times, denominator: 7 };
    case 'per-days':
      return { numerator: schedule.times, denominator: schedule.days };
    case 'every':
      return { numerator: 1, denominator: schedule.days };
  }
}

/**
 * The schedule that Loop's frequency N/M means in grow's words: 1/1 is daily, N/7 is N per week,
 * 1/M is every M days (due M days after the last repetition, Loop's rule), anything else N in M
 * days. Throws a validation error for a
 * frequency grow cannot hold (N or M not a whole number from 1 to 365, or N > M).
 */
export function scheduleFromFrequency(numerator: number, denominator: number): Schedule {
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= 365;
  if (!whole(numerator) || !whole(denominator) || numerator > denominator) {
    throw invalid('frequency', `${numerator}/${denominator} is not a frequency grow supports (N in M days, 1 <= N <= M <= 365)`);
  }
  if (numerator === 1 && denominator === 1) return { type: 'daily' };
  if (denominator === 7) return { type: 'per-week', times: numerator };
  // Loop's 1/M is due M days after the last repetition: grow's `every M days` follows that rule.
  if (numerator === 1) return { type: 'every', days: denominator };
  return { type: 'per-days', times: numerator, days: denominator };
}

export function isPerPeriod(schedule: Schedule): schedule is Extract<Schedule, { type: 'per-week' | 'per-days' }> {
  return schedule.type === 'per-week' || schedule.type === 'per-days';
}

/**
 * Whether a fixed schedule names this day of the week. `every N days` names no day: its days follow
 * the last one done (see `everyNCoverage` in habit-stats.ts), and per-period schedules leave the
 * days to the person.
 */
export function isScheduledDay(schedule: Schedule, day: number): boolean {
  switch (schedule.type) {
    case 'daily':
      return true;
    case 'weekdays':
      return weekdayOfDay(day) < 5;
    case 'days':
      return schedule.days.includes(weekdayOfDay(day));
    case 'every':
    case 'per-week':
    case 'per-days':
      return false;
  }
}

/** The anchor in words, for `grow habit show` and the habit's page. */
export function anchorText(a: ScheduleAnchor): string {
  if (a.rule === 'fixed') return `blocks counted from ${a.date}; this block ${a.periodStart} to ${a.periodEnd}`;
  return a.date === null ? `nothing done yet; due since ${a.nextDue}` : `last done ${a.date}; next due ${a.nextDue}`;
}
