import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, toDayNumber } from '../../src/core/calendar.js';
import {
  type CheckIn,
  type HabitKind,
  type HabitRules,
  computeHabitStats,
  everyNCoverage,
  habitHistory,
  scheduleAnchor,
  strengthSeries,
} from '../../src/core/habit-stats.js';
import { parseSchedule } from '../../src/core/schedule.js';

// Day 0 is Monday 2026-11-02 (derived in schedule.test.ts); day n is n days later, so days 0, 7, 14 …
// are Mondays and days 5, 6 a weekend.
const MON = '2026-11-02';
const day = (n: number) => addDays(MON, n);
const offset = (date: string) => toDayNumber(date) - toDayNumber(MON);

const done = (n: number, amount: number | null = null, note: string | null = null): CheckIn => ({
  date: day(n),
  status: 'done',
  amount,
  note,
});
const skip = (n: number): CheckIn => ({ date: day(n), status: 'skipped', amount: null, note: null });
const slip = (n: number, amount: number | null = null): CheckIn => ({ date: day(n), status: 'slip', amount, note: null });
const doneDays = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => done(from + i));

function rules(schedule: string, options: { kind?: HabitKind; target?: number; start?: number; anchor?: number } = {}): HabitRules {
  return {
    kind: options.kind ?? 'build',
    schedule: parseSchedule(schedule),
    target: options.target ?? null,
    startDate: day(options.start ?? 0),
    ...(options.anchor !== undefined ? { anchorDate: day(options.anchor) } : {}),
  };
}

const stats = (r: HabitRules, checkIns: CheckIn[], asOf: number) => computeHabitStats(r, checkIns, day(asOf));
const strength = (r: HabitRules, checkIns: CheckIn[], asOf: number) => stats(r, checkIns, asOf).strength;
/** History as "day:status", e.g. "3:missed". */
const history = (r: HabitRules, checkIns: CheckIn[], asOf: number) => habitHistory(r, checkIns, day(asOf)).map((h) => `${offset(h.date)}:${h.status}`);

/** Loop's multiplier m = 0.5^(sqrt(N/M)/13). */
const multiplier = (n: number, d: number) => 0.5 ** (Math.sqrt(n / d) / 13);
const DIGITS = 12; // |actual − expected| < 5e-13, far inside Loop's 1e-6

describe('strength (Loop Habit Tracker score)', () => {
  describe('daily, yes/no', () => {
    const m = multiplier(1, 1); // 0.5^(1/13)

    it('after k consecutive checks is 1 − m^k', () => {
      // s_0 = 0·m + 1·(1−m) = 1−m; if s_k = 1−m^k then s_{k+1} = (1−m^k)·m + (1−m) = 1 − m^{k+1}.
      for (const k of [1, 2, 3, 7, 30, 100]) {
        expect(strength(rules('daily'), doneDays(0, k - 1), k - 1)).toBeCloseTo(1 - m ** k, DIGITS);
      }
      // m^13 = 0.5 exactly, so 13 daily checks make a habit half strong.
      expect(strength(rules('daily'), doneDays(0, 12), 12)).toBeCloseTo(0.5, DIGITS);
    });

    it('gives one score per day from the first entry', () => {
      const { startDay, scores } = strengthSeries(rules('daily'), doneDays(0, 4), day(4));
      expect(startDay).toBe(toDayNumber(MON));
      expect(scores).toHaveLength(5);
      for (const [i, score] of scores.entries()) expect(score).toBeCloseTo(1 - m ** (i + 1), DIGITS);
    });

    it('is 0 before the first entry, even when the habit is older', () => {
      const r = rules('daily', { start: 0 });
      expect(strength(r, [done(3)], 2)).toBe(0);
      expect(strengthSeries(r, [done(3)], day(2))).toEqual({ startDay: null, scores: new Float64Array(0) });
      expect(strengthSeries(r, [], day(9)).startDay).toBeNull();
      // The series starts on day 3, the first entry, not on the start date: 1 − m after one check.
      const series = strengthSeries(r, [done(3)], day(3));
      expect(series.startDay).toBe(toDayNumber(day(3)));
      expect(series.scores[0]).toBeCloseTo(1 - m, DIGITS);
    });

    it('counts a day without an entry, today included, as a miss', () => {
      // s_1 = 1 − m², then day 2 has no entry: s_2 = s_1·m + 0.
      expect(strength(rules('daily'), [done(0), done(1)], 2)).toBeCloseTo((1 - m * m) * m, DIGITS);
      // Then day 3 done: s_3 = s_2·m + (1 − m).
      expect(strength(rules('daily'), [done(0), done(1), done(3)], 3)).toBeCloseTo((1 - m * m) * m * m + (1 - m), DIGITS);
    });

    it('freezes on a skipped day', () => {
      const checks = [...doneDays(0, 2), skip(3)];
      // Three checks give 1 − m³; the skip on day 3 keeps it.
      expect(strength(rules('daily'), checks, 3)).toBeCloseTo(1 - m ** 3, DIGITS);
      // The next check continues as if the skip were not there: 1 − m⁴.
      expect(strength(rules('daily'), [...checks, done(4)], 4)).toBeCloseTo(1 - m ** 4, DIGITS);
      // A miss after the skip decays from the frozen value: (1 − m³)·m.
      expect(strength(rules('daily'), checks, 4)).toBeCloseTo((1 - m ** 3) * m, DIGITS);
    });

    it('starts from a first entry that is a skip without changing anything', () => {
      const { scores } = strengthSeries(rules('daily'), [skip(0), done(1)], day(1));
      expect(scores[0]).toBe(0);
      expect(scores[1]).toBeCloseTo(1 - m, DIGITS);
    });
  });

  describe('fewer than once a day: the window of yes/no habits is doubled', () => {
    it('3/week counts 6 repetitions in 14 days', () => {
      const m = multiplier(3, 7);
      // Checks Mon, Tue, Wed: p = 1/6, 2/6, 3/6 (not 1/3, 2/3, 1).
      // s_2 = ((1−m)/6·m + (1−m)·2/6)·m + (1−m)·3/6 = (1−m)(m²/6 + 2m/6 + 3/6).
      const expected = (1 - m) * ((m * m) / 6 + (2 * m) / 6 + 3 / 6);
      const actual = strength(rules('3/week'), doneDays(0, 2), 2);
      expect(actual).toBeCloseTo(expected, DIGITS);
      const undoubled = (1 - m) * ((m * m) / 3 + (2 * m) / 3 + 1);
      expect(Math.abs(actual - undoubled)).toBeGreaterThan(0.01);
    });

    it('3/week: a check stays in the window for 14 days', () => {
      const m = multiplier(3, 7);
      // Days 0..13 each see the day-0 check in their 14-day window: p = 1/6 fourteen times,
      // s_13 = (1−m)/6 · (1 + m + … + m^13) = (1 − m^14)/6.
      expect(strength(rules('3/week'), [done(0)], 13)).toBeCloseTo((1 - m ** 14) / 6, DIGITS);
      // Day 14's window is days 1..14: p = 0, s_14 = m · s_13.
      expect(strength(rules('3/week'), [done(0)], 14)).toBeCloseTo((m * (1 - m ** 14)) / 6, DIGITS);
    });

    it('3/week: a skipped day inside the window freezes and adds nothing', () => {
      const m = multiplier(3, 7);
      // s_0 = (1−m)/6; day 1 skipped: s_1 = s_0; day 2: p still 1/6, s_2 = s_0·m + (1−m)/6 = (1−m²)/6.
      expect(strength(rules('3/week'), [done(0), skip(1)], 2)).toBeCloseTo((1 - m * m) / 6, DIGITS);
      // A skip as first entry leaves the window without taking anything out: with the check on
      // day 1, days 1..14 see p = 1/6 (s_14 = (1 − m^14)/6), day 15 sees none.
      expect(strength(rules('3/week'), [skip(0), done(1)], 14)).toBeCloseTo((1 - m ** 14) / 6, DIGITS);
      expect(strength(rules('3/week'), [skip(0), done(1)], 15)).toBeCloseTo((m * (1 - m ** 14)) / 6, DIGITS);
    });

    it('2 in 4 days is not 1 in 2 days', () => {
      const m = multiplier(1, 2); // both repeat half the days: same m
      // One check: 2/4 doubles to 4 in 8 days, p = 1/4; 1/2 doubles to 2 in 4 days, p = 1/2.
      expect(strength(rules('2/4days'), [done(0)], 0)).toBeCloseTo((1 - m) / 4, DIGITS);
      expect(strength(rules('1/2days'), [done(0)], 0)).toBeCloseTo((1 - m) / 2, DIGITS);
      // Checks on days 0 and 1, as of day 3.
      // 2/4days: p = 1/4, 2/4, 2/4, 2/4 → s_3 = (1−m)(m³/4 + m²/2 + m/2 + 1/2).
      expect(strength(rules('2/4days'), [done(0), done(1)], 3)).toBeCloseTo((1 - m) * (m ** 3 / 4 + m ** 2 / 2 + m / 2 + 1 / 2), DIGITS);
      // 1/2days: p = 1/2, then min(1, 2/2) = 1 while both checks sit in the 4-day window (to day 3).
      expect(strength(rules('1/2days'), [done(0), done(1)], 3)).toBeCloseTo((1 - m) * (m ** 3 / 2 + m ** 2 + m + 1), DIGITS);
    });

    it('every 3 days counts 2 in 6 days', () => {
      const m = multiplier(1, 3);
      // Checks on days 0 and 3: p = 1/2, 1/2, 1/2, then 2/2 = 1 on days 3, 4, 5.
      // s_5 = (1−m)(m⁵/2 + m⁴/2 + m³/2 + m² + m + 1).
      expect(strength(rules('every 3 days'), [done(0), done(3)], 5)).toBeCloseTo((1 - m) * (m ** 5 / 2 + m ** 4 / 2 + m ** 3 / 2 + m ** 2 + m + 1), DIGITS);
    });
  });

  describe('measurable, at least (a habit to build)', () => {
    it('compares the day’s amount with the target, daily', () => {
      const m = multiplier(1, 1);
      // Target 20: amounts 10, 20, 30 give p = 0.5, 1, min(1, 1.5) = 1.
      // s_2 = (0.5(1−m)·m + (1−m))·m + (1−m) = (1−m)(0.5m² + m + 1).
      const checks = [done(0, 10), done(1, 20), done(2, 30)];
      expect(strength(rules('daily', { target: 20 }), checks, 2)).toBeCloseTo((1 - m) * (0.5 * m * m + m + 1), DIGITS);
      // Day 3 without an entry: the 1-day window is empty, p = 0.
      expect(strength(rules('daily', { target: 20 }), checks, 3)).toBeCloseTo((1 - m) * (0.5 * m ** 3 + m * m + m), DIGITS);
    });

    it('sums the window against N targets, with no doubling', () => {
      const m = multiplier(3, 7);
      // 3/week, 10 per repetition: the 7-day window is compared with 3·10 = 30.
      // 15 on day 0: p = 15/30 = 0.5 on days 0..6, s_6 = 0.5(1 − m⁷); day 7's window (1..7) is empty.
      const r = rules('3/week', { target: 10 });
      expect(strength(r, [done(0, 15)], 6)).toBeCloseTo(0.5 * (1 - m ** 7), DIGITS);
      expect(strength(r, [done(0, 15)], 7)).toBeCloseTo(0.5 * (1 - m ** 7) * m, DIGITS);
    });

    it('matches Loop’s weekly numerical habit (N = 1)', () => {
      const m = multiplier(1, 7);
      // 50 a week: 20 on day 0, 30 on day 3. p = 0.4 on days 0..2, 50/50 = 1 on days 3..6,
      // and on day 7 the window (1..7) holds 30: p = 0.6.
      // s_7 = (1−m)(0.4(m⁷ + m⁶ + m⁵) + m⁴ + m³ + m² + m + 0.6).
      expect(strength(rules('1/week', { target: 50 }), [done(0, 20), done(3, 30)], 7)).toBeCloseTo(
        (1 - m) * (0.4 * (m ** 7 + m ** 6 + m ** 5) + m ** 4 + m ** 3 + m ** 2 + m + 0.6),
        DIGITS,
      );
    });

    it('freezes on a skipped day', () => {
      const m = multiplier(1, 1);
      expect(strength(rules('daily', { target: 20 }), [done(0, 20), skip(1)], 1)).toBeCloseTo(1 - m, DIGITS);
    });

    it('counts a skipped day as 0.003 in later windows, as Loop stores it', () => {
      const m = multiplier(1, 7);
      // 1/week, target 1: the skip on day 0 starts the series without an update (s_0 = 0), then
      // sits in the 7-day window with Loop's 0.003: p = 0.003 on days 1..6, so
      // s_6 = 0.003 · (1 − m⁶); on day 7 the window is 1..7 and p = 0.
      const r = rules('1/week', { target: 1 });
      expect(strength(r, [skip(0)], 0)).toBe(0);
      expect(strength(r, [skip(0)], 6)).toBeCloseTo(0.003 * (1 - m ** 6), DIGITS);
      expect(strength(r, [skip(0)], 7)).toBeCloseTo(0.003 * (1 - m ** 6) * m, DIGITS);
    });
  });

  describe('measurable, at most (a habit to break)', () => {
    const m = multiplier(1, 1);
    const r = rules('daily', { kind: 'break', target: 2, start: 0 });

    it('starts at 1 and stays there while under the limit', () => {
      // No slip: sum 0, p = clamp(1 − (0 − 2)/2) = clamp(2) = 1, and 1·m + 1·(1−m) = 1.
      expect(strength(r, [], 5)).toBe(1);
      // A slip of 1 or exactly 2 is within the limit: p = clamp(1.5) = 1 and clamp(1) = 1.
      expect(strength(r, [slip(1, 1), slip(2, 2)], 3)).toBeCloseTo(1, DIGITS);
    });

    it('loses in proportion to the excess', () => {
      // Day 1: 3 of at most 2, p = 1 − (3 − 2)/2 = 0.5: s_1 = m + 0.5(1−m); day 2: p = 1.
      const s1 = m + 0.5 * (1 - m);
      expect(strength(r, [slip(1, 3)], 1)).toBeCloseTo(s1, DIGITS);
      expect(strength(r, [slip(1, 3)], 2)).toBeCloseTo(s1 * m + (1 - m), DIGITS);
      // 5 of at most 2: 1 − 3/2 = −0.5, clamped to 0: s_1 = 1·m.
      expect(strength(r, [slip(1, 5)], 1)).toBeCloseTo(m, DIGITS);
    });

    it('sums a weekly limit over the window', () => {
      const mw = multiplier(1, 7);
      // At most 3 a week: 2 on day 0 (p = clamp(1 − (2−3)/3) = 1), 2 more on day 2 (sum 4,
      // p = 1 − 1/3 = 2/3): s_2 = 1·m + (2/3)(1−m).
      const weekly = rules('1/week', { kind: 'break', target: 3 });
      expect(strength(weekly, [slip(0, 2), slip(2, 2)], 2)).toBeCloseTo(mw + (2 / 3) * (1 - mw), DIGITS);
    });

    it('on a fixed schedule, ignores slips on free days', () => {
      const m5 = multiplier(5, 7);
      // Weekdays, at most 2 a day: the 7-day window is compared with 5·2 = 10.
      const weekdays = rules('weekdays', { kind: 'break', target: 2 });
      // 15 on Saturday (day 5) is not a day to keep: strength stays 1.
      expect(strength(weekdays, [slip(5, 15)], 6)).toBe(1);
      // 15 on Friday (day 4): p = 1 − (15 − 10)/10 = 0.5 on days 4, 5, 6. From 1, three updates
      // with p = 0.5 give s = 0.5 + 0.5·m³ (s_k − 0.5 = (s_{k−1} − 0.5)·m).
      expect(strength(weekdays, [slip(4, 15)], 6)).toBeCloseTo(0.5 + 0.5 * m5 ** 3, DIGITS);
    });

    it('is 0 before the habit began', () => {
      expect(strength(rules('daily', { kind: 'break', target: 2, start: 5 }), [], 4)).toBe(0);
    });
  });

  describe('yes/no habit to break: a scheduled day without a slip is a day kept', () => {
    const m = multiplier(1, 1);

    it('grows from the start date like a daily check', () => {
      // Kept days 0, 1, 2 (today counts as kept until a slip): 1 − m³.
      expect(strength(rules('daily', { kind: 'break' }), [], 2)).toBeCloseTo(1 - m ** 3, DIGITS);
      // A slip on day 1: s_0 = 1−m, s_1 = (1−m)m, s_2 = (1−m)m² + (1−m) = (1−m)(1 + m²).
      expect(strength(rules('daily', { kind: 'break' }), [slip(1)], 2)).toBeCloseTo((1 - m) * (1 + m * m), DIGITS);
    });

    it('begins on a slip recorded before the start date', () => {
      // Start day 3, slip day 1: the series starts on day 1 with p = 0 (s = 0), then keeps
      // days 2 and 3: s_3 = (1−m)·m + (1−m) = 1 − m².
      const r = rules('daily', { kind: 'break', start: 3 });
      expect(strengthSeries(r, [slip(1)], day(3)).startDay).toBe(toDayNumber(day(1)));
      expect(strength(r, [slip(1)], 3)).toBeCloseTo(1 - m * m, DIGITS);
    });

    it('keeps only the scheduled days', () => {
      const m3 = multiplier(3, 7);
      const r = rules('mon,wed,fri', { kind: 'break' });
      // A slip on every Monday, Wednesday and Friday: not one day kept, whatever the weekends.
      expect(strength(r, [slip(0), slip(2), slip(4), slip(7), slip(9), slip(11)], 13)).toBe(0);
      // No slip: kept days 0, 2, 4 in a 6-in-14 window: p = 1/6, 1/6, 2/6, 2/6, 3/6, 3/6, 3/6.
      const p = [1, 1, 2, 2, 3, 3, 3].map((k) => k / 6);
      const expected = p.reduce((s, pi) => s * m3 + pi * (1 - m3), 0);
      expect(strength(r, [], 6)).toBeCloseTo(expected, DIGITS);
    });

    it('counts every day without a slip for N per week (N days kept a week)', () => {
      const m3 = multiplier(3, 7);
      // 3/week, slips Monday to Thursday: kept Fri, Sat, Sun → p = 1/6, 2/6, 3/6 on days 4..6.
      const r = rules('3/week', { kind: 'break' });
      expect(strength(r, [slip(0), slip(1), slip(2), slip(3)], 6)).toBeCloseTo((1 - m3) * ((m3 * m3) / 6 + (2 * m3) / 6 + 3 / 6), DIGITS);
    });
  });

  it('ignores check-ins after the as-of day', () => {
    const m = multiplier(1, 1);
    expect(strength(rules('daily'), doneDays(0, 9), 4)).toBeCloseTo(1 - m ** 5, DIGITS);
    expect(strength(rules('daily'), [done(5)], 4)).toBe(0);
  });
});

describe('streaks', () => {
  it('count calendar days, skipped days included', () => {
    // Done 0, 1, skipped 2, done 3: four days.
    const s = stats(rules('daily'), [done(0), done(1), skip(2), done(3)], 3);
    expect(s.streak).toBe(4);
    expect(s.bestStreak).toBe(4);
  });

  it('are not broken by an undecided today, and keep the best run', () => {
    // Done 0..4 (5 days), day 5 missed, done 6, 7; as of day 8 with nothing yet.
    const s = stats(rules('daily'), [...doneDays(0, 4), done(6), done(7)], 8);
    expect(s.streak).toBe(2);
    expect(s.bestStreak).toBe(5);
  });

  it('end on a missed day', () => {
    const s = stats(rules('daily'), doneDays(0, 2), 5); // days 3 and 4 missed, 5 undecided
    expect(s.streak).toBe(0);
    expect(s.bestStreak).toBe(3);
  });

  it('run through the days a fixed schedule does not name', () => {
    // Weekdays done Monday to Friday; Saturday and Sunday keep the streak: 7 days as of Monday.
    expect(stats(rules('weekdays'), doneDays(0, 4), 7).streak).toBe(7);
    // Mon, Wed, Fri done; as of Sunday (not scheduled, so decided): 7 days.
    expect(stats(rules('mon,wed,fri'), [done(0), done(2), done(4)], 6).streak).toBe(7);
  });

  it('run through the auto days of a per-period schedule', () => {
    // 3/week done Mon, Tue, Wed: Thursday to Sunday are not required. As of next Monday: 7.
    const s = stats(rules('3/week'), doneDays(0, 2), 7);
    expect(s.streak).toBe(7);
    expect(s.bestStreak).toBe(7);
  });

  it('start on a repetition, not on the auto days before it', () => {
    // 3/week, two weeks of Mon–Thu auto then Fri, Sat, Sun done. As of day 14 (a Monday):
    // the streak runs from day 4 to day 13 = 10 days; days 0..3 come before any repetition.
    const checks = [done(4), done(5), done(6), done(11), done(12), done(13)];
    const s = stats(rules('3/week'), checks, 14);
    expect(s.streak).toBe(10);
    expect(s.bestStreak).toBe(10);
  });

  it('of a habit to break count the days kept', () => {
    // Daily, slip on day 2: kept 0, 1 then 3; as of day 4 (today undecided).
    const s = stats(rules('daily', { kind: 'break' }), [slip(2)], 4);
    expect(s.streak).toBe(1);
    expect(s.bestStreak).toBe(2);
  });
});

describe('never miss twice', () => {
  const r = rules('daily');

  it('is ok after a repetition, or when nothing was decided yet', () => {
    expect(stats(r, [done(0)], 1).neverMissTwice).toBe('ok');
    expect(stats(r, [], 0).neverMissTwice).toBe('ok'); // created today, nothing yet
  });

  it('warns after one miss, not counting today', () => {
    // Day 0 done, day 1 missed, day 2 (today) still open.
    expect(stats(r, [done(0)], 2).neverMissTwice).toBe('missed-once');
  });

  it('reports two misses in a row', () => {
    expect(stats(r, [done(0)], 3).neverMissTwice).toBe('missed-twice');
    // A skipped day between two misses does not separate them.
    expect(stats(r, [done(0), skip(2)], 4).neverMissTwice).toBe('missed-twice');
  });

  it('recovers with one repetition', () => {
    expect(stats(r, [done(0), done(3)], 3).neverMissTwice).toBe('ok');
  });

  it('does not count days the schedule does not require', () => {
    expect(stats(rules('3/week'), doneDays(0, 2), 10).neverMissTwice).toBe('ok');
    expect(stats(rules('weekdays'), doneDays(0, 4), 6).neverMissTwice).toBe('ok');
  });

  it('counts the slips of a habit to break, today’s included', () => {
    const b = rules('daily', { kind: 'break' });
    expect(stats(b, [slip(2)], 2).neverMissTwice).toBe('missed-once');
    expect(stats(b, [slip(1), slip(2)], 2).neverMissTwice).toBe('missed-twice');
    expect(stats(b, [slip(1)], 3).neverMissTwice).toBe('ok'); // day 2 kept
  });
});

describe('completion', () => {
  it('is repetitions over required days, today left out while undecided', () => {
    // Done 0, 1, 3, 4, 6; missed 2, 5; as of day 7 with nothing yet: 5 / 7.
    const s = stats(rules('daily'), [done(0), done(1), done(3), done(4), done(6)], 7);
    expect(s.completion30).toBeCloseTo(5 / 7, DIGITS);
    expect(s.completion365).toBeCloseTo(5 / 7, DIGITS);
  });

  it('looks at the last 30 and 365 days', () => {
    // Done 0..9, then nothing until day 40 (undecided). Last 30 days = days 11..40: 29 misses
    // and today → 0 / 29. Since day 0: 10 done, 30 missed (10..39) → 10 / 40 = 0.25.
    const s = stats(rules('daily'), doneDays(0, 9), 40);
    expect(s.completion30).toBe(0);
    expect(s.completion365).toBe(0.25);
  });

  it('leaves out skipped and auto days', () => {
    expect(stats(rules('daily'), [done(0), skip(1)], 2).completion30).toBe(1);
    expect(stats(rules('3/week'), doneDays(0, 2), 7).completion30).toBe(1);
  });

  it('is null when no day was decided yet', () => {
    const s = stats(rules('daily'), [], 0);
    expect(s.completion30).toBeNull();
    expect(s.completion365).toBeNull();
  });

  it('counts a measurable day below the target as missed', () => {
    // Target 20: 10 on day 0 (not enough), 20 on day 1 → 1 / 2.
    expect(stats(rules('daily', { target: 20 }), [done(0, 10), done(1, 20)], 2).completion30).toBe(0.5);
  });
});

describe('history statuses', () => {
  it('daily: done, skipped, missed; today without an entry is not listed', () => {
    expect(history(rules('daily'), [done(0), skip(1), done(3)], 4)).toEqual(['0:done', '1:skipped', '2:missed', '3:done']);
  });

  it('carries amounts and notes', () => {
    const [first] = habitHistory(rules('daily', { target: 20 }), [done(0, 25, 'on the train')], day(0));
    expect(first).toEqual({ date: day(0), status: 'done', amount: 25, note: 'on the train' });
  });

  it('weekdays: the weekend is not listed unless something happened', () => {
    expect(history(rules('weekdays'), [done(0)], 7)).toEqual(['0:done', '1:missed', '2:missed', '3:missed', '4:missed']);
    expect(history(rules('weekdays'), [...doneDays(0, 4), done(5)], 6)).toEqual(['0:done', '1:done', '2:done', '3:done', '4:done', '5:done']);
  });

  it('specific days: only the named days are required', () => {
    expect(history(rules('mon,wed,fri'), [done(0), done(4)], 6)).toEqual(['0:done', '2:missed', '4:done']);
  });

  it('every N days: a repetition covers N days, then every day is missed until the next', () => {
    // Loop (EntryList.buildIntervals, frequency 1/3): a check on day 0 makes days 0..2 YES_AUTO;
    // days 3 and 4 stay unchecked (missed); today (day 5) is open.
    expect(history(rules('every 3 days'), [done(0)], 5)).toEqual(['0:done', '1:auto', '2:auto', '3:missed', '4:missed']);
    // Nothing done yet: every day since the start is missed, as Loop leaves each one unchecked.
    expect(history(rules('every 3 days', { start: 1 }), [], 4)).toEqual(['1:missed', '2:missed', '3:missed']);
  });

  it('every N days: two checks in a row slide the older one back (Loop snaps intervals together)', () => {
    // Checks on days 3 and 4: intervals 4..6 and 3..5; Loop's snapIntervalsTogether slides the
    // older back until it ends the day before the newer begins: 1..3. Day 0 alone stays missed.
    expect(history(rules('every 3 days'), [done(3), done(4)], 7)).toEqual(['0:missed', '1:auto', '2:auto', '3:done', '4:done', '5:auto', '6:auto']);
  });

  it('every N days: a skipped day excuses itself but does not move the next one due', () => {
    // Loop copies a SKIP over the entry but makes no interval of it: day 4 is still missed.
    expect(history(rules('every 3 days'), [done(0), skip(3)], 5)).toEqual(['0:done', '1:auto', '2:auto', '3:skipped', '4:missed']);
  });

  it('every N days, a habit to break: a kept day covers N days, slips in them do not count', () => {
    // Kept days 3 and 5 (today, day 6, is not over): intervals 5..7 and 3..5, the older slid back
    // to 2..4 as Loop snaps them. Slips on days 0 and 1 are uncovered (lost days); the slips on
    // days 2 and 4 are covered and change nothing, as Loop turns a NO inside an interval into
    // YES_AUTO. The streak runs from day 2 to today: 5 days.
    const r = rules('every 3 days', { kind: 'break' });
    const checks = [slip(0), slip(1), slip(2), slip(4)];
    expect(history(r, checks, 6)).toEqual(['0:slip', '1:slip', '2:slip', '3:done', '4:slip', '5:done']);
    expect(stats(r, checks, 6).streak).toBe(5);
    expect(stats(r, checks, 6).completion30).toBeCloseTo(2 / 4, DIGITS);
  });

  it('N per week: required only when the rest of the week cannot make up for it', () => {
    // 3/week, nothing at all: Mon–Thu each leave 7, 6, 5, 4 days for 3 repetitions (auto);
    // Friday leaves 3 for 3, so Friday, Saturday and Sunday are missed.
    expect(history(rules('3/week'), [], 7)).toEqual(['0:auto', '1:auto', '2:auto', '3:auto', '4:missed', '5:missed', '6:missed']);
    // Done Mon–Wed: the rest of the week is auto.
    expect(history(rules('3/week'), doneDays(0, 2), 7)).toEqual(['0:done', '1:done', '2:done', '3:auto', '4:auto', '5:auto', '6:auto']);
  });

  it('N per week: periods are ISO weeks, Monday to Sunday', () => {
    // Done Sat, Sun and the next Monday. Week 1 has 2 of 3: Friday was required and missed.
    // Monday starts week 2 afresh: as of Tuesday it owes 2 more with 6 days left.
    const checks = [done(5), done(6), done(7)];
    expect(history(rules('3/week'), checks, 8)).toEqual(['0:auto', '1:auto', '2:auto', '3:auto', '4:missed', '5:done', '6:done', '7:done']);
    const s = stats(rules('3/week'), checks, 8);
    expect(s.streak).toBe(3); // days 5, 6, 7
    expect(s.dueToday).toBe(true);
  });

  it('N per week: a first week cut short owes its share, rounded up', () => {
    // Started Thursday (day 3): 4 days of the week, ceil(3·4/7) = ceil(12/7) = 2 repetitions.
    // Thu leaves 4 days for 2 (auto), Fri 3 for 2 (auto), Sat 2 for 2 (missed), Sun missed.
    expect(history(rules('3/week', { start: 3 }), [], 7)).toEqual(['3:auto', '4:auto', '5:missed', '6:missed']);
    // Two done are enough for that week.
    expect(history(rules('3/week', { start: 3 }), [done(3), done(4)], 7)).toEqual(['3:done', '4:done', '5:auto', '6:auto']);
  });

  it('N per week: skipped days lower what the week owes', () => {
    // Mon–Thu skipped: 3 days count, ceil(3·3/7) = ceil(9/7) = 2. Fri leaves 3 for 2 (auto),
    // Sat 2 for 2 (missed), Sun missed.
    const checks = [skip(0), skip(1), skip(2), skip(3)];
    expect(history(rules('3/week'), checks, 7)).toEqual(['0:skipped', '1:skipped', '2:skipped', '3:skipped', '4:auto', '5:missed', '6:missed']);
    // A week skipped entirely owes nothing and the streak holds through it.
    const week = [0, 1, 2, 3, 4, 5, 6].map((n) => skip(n + 7));
    const s = stats(rules('3/week'), [...doneDays(0, 2), ...week], 14);
    expect(s.streak).toBe(14);
    expect(s.neverMissTwice).toBe('ok');
  });

  it('N in M days: blocks of M days from the start', () => {
    // 2/3days from day 0: blocks [0,2], [3,5], [6,8].
    // Block 1: done 0, 1 → day 2 auto. Block 2: done 5 only → day 3 leaves 3 days for 2 (auto),
    // day 4 leaves 2 for 2 (missed). Block 3: nothing → day 6 auto, day 7 missed, day 8 is today.
    const r = rules('2/3days');
    const checks = [done(0), done(1), done(5)];
    expect(history(r, checks, 8)).toEqual(['0:done', '1:done', '2:auto', '3:auto', '4:missed', '5:done', '6:auto', '7:missed']);
    expect(stats(r, checks, 8).dueToday).toBe(true);
    // Started on day 1: blocks [1,3], [4,6]; day 0 does not exist yet.
    expect(history(rules('2/3days', { start: 1 }), [done(1), done(2)], 7)).toEqual(['1:done', '2:done', '3:auto', '4:auto', '5:missed', '6:missed']);
  });

  it('a habit to break: kept days are done, slips are listed', () => {
    expect(history(rules('daily', { kind: 'break' }), [slip(2)], 4)).toEqual(['0:done', '1:done', '2:slip', '3:done']);
    // Weekdays: a weekend slip is listed but breaks nothing; weekend days are not listed.
    const weekdays = rules('weekdays', { kind: 'break' });
    expect(history(weekdays, [slip(5)], 7)).toEqual(['0:done', '1:done', '2:done', '3:done', '4:done', '5:slip']);
    expect(stats(weekdays, [slip(5)], 7).streak).toBe(7);
  });

  it('a habit to break with a limit: a slip within it is a day kept', () => {
    // At most 2: 1 on day 1 (kept), 3 on day 2 (over). As of day 3, today undecided.
    const r = rules('daily', { kind: 'break', target: 2 });
    const checks = [slip(1, 1), slip(2, 3)];
    expect(history(r, checks, 3)).toEqual(['0:done', '1:slip', '2:slip']);
    const s = stats(r, checks, 3);
    expect(s.streak).toBe(0);
    expect(s.bestStreak).toBe(2);
    expect(s.completion30).toBeCloseTo(2 / 3, DIGITS);
  });

  it('a habit to break, N per week: N days kept a week, a slip hurts only when it costs the week', () => {
    const r = rules('3/week', { kind: 'break' });
    // Slips Mon–Thu: each leaves at least 4 days for 3 kept, so none is a failure.
    const early = [slip(0), slip(1), slip(2), slip(3)];
    expect(history(r, early, 7)).toEqual(['0:slip', '1:slip', '2:slip', '3:slip', '4:done', '5:done', '6:done']);
    expect(stats(r, early, 7).streak).toBe(3);
    // A fifth slip on Friday leaves 3 days for 3: it costs the week.
    const s = stats(r, [...early, slip(4)], 7);
    expect(s.streak).toBe(2);
    expect(s.neverMissTwice).toBe('ok');
    expect(stats(r, [...early, slip(4)], 5).neverMissTwice).toBe('missed-once');
  });
});

describe('measurable habits to build', () => {
  it('fixed schedule: a day below the target is missed, except today and free days', () => {
    // Daily target 20: 20 (done), 10 (below), 5 today (still open).
    const r = rules('daily', { target: 20 });
    const checks = [done(0, 20), done(1, 10), done(2, 5)];
    expect(history(r, checks, 2)).toEqual(['0:done', '1:done', '2:done']);
    const s = stats(r, checks, 2);
    expect(s.streak).toBe(0);
    expect(s.bestStreak).toBe(1);
    expect(s.neverMissTwice).toBe('missed-once');
    expect(s.completion30).toBe(0.5);
    // Weekdays target 20: 20 each weekday, 5 on Saturday (a free day) breaks nothing.
    const w = rules('weekdays', { target: 20 });
    const week = [0, 1, 2, 3, 4].map((n) => done(n, 20));
    expect(stats(w, [...week, done(5, 5)], 6).streak).toBe(7);
  });

  it('per period: every target’s worth of the summed amount is one repetition', () => {
    const r = rules('3/week', { target: 20 });
    // 60 on Monday is three repetitions: the rest of the week is auto.
    expect(history(r, [done(0, 60)], 7)).toEqual(['0:done', '1:auto', '2:auto', '3:auto', '4:auto', '5:auto', '6:auto']);
    expect(stats(r, [done(0, 60)], 7).streak).toBe(7);
    // 10 + 10 make one repetition on Tuesday; Monday's 10 alone was progress, not yet one.
    // Then 2 more are owed: Wed–Fri leave 5, 4, 3 days (auto); Sat leaves 2 for 2 (missed), Sun too.
    const partial = [done(0, 10), done(1, 10)];
    expect(history(r, partial, 7)).toEqual(['0:done', '1:done', '2:auto', '3:auto', '4:auto', '5:missed', '6:missed']);
    const s = stats(r, partial, 7);
    expect(s.streak).toBe(0);
    expect(s.bestStreak).toBe(4); // day 1 (the repetition) to day 4
  });
});

describe('dueToday', () => {
  it('daily: due until something is entered today', () => {
    expect(stats(rules('daily'), [], 0).dueToday).toBe(true);
    expect(stats(rules('daily'), [done(0)], 0).dueToday).toBe(false);
    expect(stats(rules('daily'), [skip(0)], 0).dueToday).toBe(false);
  });

  it('fixed schedules: due on the named days only', () => {
    expect(stats(rules('weekdays'), [], 4).dueToday).toBe(true); // Friday
    expect(stats(rules('weekdays'), [], 5).dueToday).toBe(false); // Saturday
    expect(stats(rules('mon,wed,fri'), [], 2).dueToday).toBe(true);
    expect(stats(rules('mon,wed,fri'), [], 3).dueToday).toBe(false);
  });

  it('per period: due while the period still wants repetitions', () => {
    expect(stats(rules('3/week'), [done(0), done(1)], 2).dueToday).toBe(true); // 1 still owed
    expect(stats(rules('3/week'), doneDays(0, 2), 3).dueToday).toBe(false); // 3 of 3 done
    expect(stats(rules('3/week'), doneDays(0, 2), 7).dueToday).toBe(true); // a new week
    expect(stats(rules('2/3days'), [done(0), done(1)], 2).dueToday).toBe(false);
    expect(stats(rules('2/3days'), [done(0), done(1)], 3).dueToday).toBe(true);
  });

  it('never for a habit to break, nor before the habit began', () => {
    expect(stats(rules('daily', { kind: 'break' }), [], 3).dueToday).toBe(false);
    expect(stats(rules('daily', { start: 5 }), [], 4).dueToday).toBe(false);
    expect(stats(rules('3/week', { start: 5 }), [], 4).dueToday).toBe(false);
  });
});

describe('every N days follows Loop Habit Tracker’s rule for 1/N', () => {
  // Loop (uhabits-core EntryList) turns each repetition of a 1/N habit into an interval of the N
  // days starting on it and marks the days inside YES_AUTO; a day outside every interval is
  // unchecked. So the next repetition is due N days after the last one done, and stays due until
  // it is done.
  const every3 = rules('every 3 days');

  it('is due N days after the last day done, and every day after until done', () => {
    const due = (checks: CheckIn[], asOf: number) => stats(every3, checks, asOf).dueToday;
    expect(due([], 0)).toBe(true); // a new habit is due at once
    expect(due([done(4)], 5)).toBe(false);
    expect(due([done(4)], 6)).toBe(false);
    expect(due([done(4)], 7)).toBe(true); // 4 + 3
    expect(due([done(4)], 9)).toBe(true); // late: still due
    expect(due([done(4), done(9)], 10)).toBe(false); // done late, counted again from day 9
    expect(due([done(4), done(9)], 12)).toBe(true);
    expect(due([done(4)], 4)).toBe(false); // done today
  });

  it('covers, and slides back, as Loop’s intervals do', () => {
    // Three checks in a row (5, 6, 7) with N = 3: intervals 7..9, then 6..8 slides to 4..6,
    // then 5..7 slides to 3..5 (at most N−1 = 2 days back, so each keeps its own check).
    expect([...everyNCoverage(3, [5, 6, 7], 12)].map((c) => (c ? 'x' : '.')).join('')).toBe('...xxxxxxx..');
    // Checks further apart than N leave the days between them uncovered.
    expect([...everyNCoverage(3, [0, 5], 9)].map((c) => (c ? 'x' : '.')).join('')).toBe('xxx..xxx.');
  });

  it('counts a streak over the covered days, as Loop’s streaks count YES_AUTO days', () => {
    // Checks on days 5 and 6, begun on day 0: days 0..2 missed, 3..4 covered (slid back), 5..6
    // done, 7..8 covered. Loop's streak is 3..8: 6 days; today (day 9) is still open.
    const s = stats(every3, [done(5), done(6)], 9);
    expect(s.streak).toBe(6);
    expect(s.bestStreak).toBe(6);
    expect(s.dueToday).toBe(true);
    // Completion counts the checks and the misses, not the covered days: 2 / (2 + 3).
    expect(s.completion30).toBeCloseTo(0.4, DIGITS);
    // As of day 10, day 9 was missed: the streak is over.
    expect(stats(every3, [done(5), done(6)], 10).streak).toBe(0);
  });

  it('names the last day done and the next one due', () => {
    expect(scheduleAnchor(every3, [done(2), done(4)], day(5))).toEqual({ rule: 'last-done', date: day(4), nextDue: day(7) });
    // Check-ins after the as-of day do not count.
    expect(scheduleAnchor(every3, [done(2), done(4)], day(3))).toEqual({ rule: 'last-done', date: day(2), nextDue: day(5) });
    // Nothing done: due from the day the habit began.
    expect(scheduleAnchor(rules('every 3 days', { start: 2 }), [], day(6))).toEqual({ rule: 'last-done', date: null, nextDue: day(2) });
    expect(scheduleAnchor(rules('daily'), [], day(6))).toBeNull();
  });

  it('a back-dated check-in does not shift which later days are due', () => {
    // Begun on day 3 and done on day 3; then a check-in for day 1 is recorded. With the old rule
    // (every 3 days counted from the beginning) the due days moved from 3, 6, 9 to 1, 4, 7.
    const dueDays = (r: HabitRules, checks: CheckIn[]) =>
      [3, 4, 5, 6, 7, 8, 9, 10, 11].filter(
        (n) =>
          stats(
            r,
            checks.filter((c) => offset(c.date) <= n),
            n,
          ).dueToday,
      );
    const before = dueDays(rules('every 3 days', { start: 3 }), [done(3), done(8)]);
    const after = dueDays(rules('every 3 days', { start: 1 }), [done(1), done(3), done(8)]);
    expect(before).toEqual([6, 7, 11]);
    expect(after).toEqual(before);
  });
});

describe('a back-dated check-in does not shift later due days (property)', () => {
  it('every N days: days from N after the back-dated one on are due exactly as before', () => {
    // Loop's snapping slides only the older interval, so a new oldest repetition on day d changes
    // coverage of days before d + N only.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.uniqueArray(fc.integer({ min: 20, max: 60 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 19 }),
        (n, doneOn, back) => {
          const schedule = `every ${n} days`;
          const checks = doneOn.map((d) => done(d));
          for (let asOf = Math.max(20, back + n); asOf <= 70; asOf++) {
            const upTo = (list: CheckIn[]) => list.filter((c) => offset(c.date) <= asOf);
            const before = stats(rules(schedule, { start: 20 }), upTo(checks), asOf).dueToday;
            const after = stats(rules(schedule, { start: back }), upTo([done(back), ...checks]), asOf).dueToday;
            if (before !== after) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('N in M days: with the anchor kept, every day from the anchor on is due exactly as before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 4, max: 9 }),
        fc.uniqueArray(fc.integer({ min: 20, max: 60 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 19 }),
        (times, days, doneOn, back) => {
          const schedule = `${times}/${days}days`;
          const checks = doneOn.map((d) => done(d));
          for (let asOf = 20; asOf <= 70; asOf++) {
            const upTo = (list: CheckIn[]) => list.filter((c) => offset(c.date) <= asOf);
            const before = stats(rules(schedule, { start: 20, anchor: 20 }), upTo(checks), asOf).dueToday;
            const after = stats(rules(schedule, { start: back, anchor: 20 }), upTo([done(back), ...checks]), asOf).dueToday;
            if (before !== after) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('N in M days: blocks from a fixed anchor day', () => {
  it('counts blocks from the anchor, both ways, and a back-dated check-in does not move them', () => {
    // 2/3days anchored on day 3: blocks 0..2, 3..5, 6..8. Done on days 3 and 4: block 3..5 is
    // complete (day 5 not due); block 6..8 wants 2 (day 6 due).
    const anchored = rules('2/3days', { start: 3, anchor: 3 });
    expect(stats(anchored, [done(3), done(4)], 5).dueToday).toBe(false);
    expect(stats(anchored, [done(3), done(4)], 6).dueToday).toBe(true);
    // A check-in recorded for day 1 begins the habit on day 1 (start date 1) but keeps the anchor:
    // the blocks are still 0..2 (cut short to 1..2), 3..5, 6..8.
    const backfilled = rules('2/3days', { start: 1, anchor: 3 });
    const checks = [done(1), done(3), done(4)];
    for (const n of [3, 4, 5, 6, 7, 8]) {
      expect(stats(backfilled, checks, n).dueToday).toBe(stats(anchored, [done(3), done(4)], n).dueToday);
    }
    // Block 1..2 owes ⌈2 × 2 / 3⌉ = 2 and got 1: day 2 is missed.
    expect(history(backfilled, checks, 5)).toEqual(['1:done', '2:missed', '3:done', '4:done', '5:auto']);
    expect(scheduleAnchor(backfilled, checks, day(7))).toEqual({ rule: 'fixed', date: day(3), periodStart: day(6), periodEnd: day(8) });
    expect(scheduleAnchor(backfilled, checks, day(2))).toEqual({ rule: 'fixed', date: day(3), periodStart: day(0), periodEnd: day(2) });
  });
});

describe('edge cases', () => {
  it('a new habit with no history', () => {
    expect(stats(rules('daily'), [], 0)).toEqual({
      strength: 0,
      streak: 0,
      bestStreak: 0,
      completion30: null,
      completion365: null,
      neverMissTwice: 'ok',
      dueToday: true,
    });
    expect(habitHistory(rules('daily'), [], day(0))).toEqual([]);
  });

  it('a habit never checked in since its start', () => {
    // Started 3 days ago: days 0, 1, 2 missed, today open.
    const s = stats(rules('daily'), [], 3);
    expect(s).toMatchObject({ strength: 0, streak: 0, bestStreak: 0, completion30: 0, neverMissTwice: 'missed-twice' });
    expect(history(rules('daily'), [], 3)).toEqual(['0:missed', '1:missed', '2:missed']);
  });

  it('an as-of day in the past ignores later check-ins', () => {
    const r = rules('daily');
    const all = [...doneDays(0, 9), skip(10), done(11)];
    const past = all.filter((c) => c.date <= day(5));
    expect(stats(r, all, 5)).toEqual(stats(r, past, 5));
    expect(habitHistory(r, all, day(5))).toEqual(habitHistory(r, past, day(5)));
    expect(stats(r, all, 5)).toMatchObject({ streak: 6, dueToday: false });
  });

  it('an as-of day before the habit began has nothing to say', () => {
    const s = stats(rules('daily', { start: 5 }), [], 2);
    expect(s).toEqual({
      strength: 0,
      streak: 0,
      bestStreak: 0,
      completion30: null,
      completion365: null,
      neverMissTwice: 'ok',
      dueToday: false,
    });
    expect(habitHistory(rules('daily', { start: 5 }), [], day(2))).toEqual([]);
  });

  it('a check-in before the start date begins the habit earlier', () => {
    // Started day 3, done on day 1: day 2 is required and missed.
    expect(history(rules('daily', { start: 3 }), [done(1)], 3)).toEqual(['1:done', '2:missed']);
  });

  it('the order of check-ins does not matter', () => {
    const checks = [done(0), skip(1), done(2), done(4)];
    const reversed = [...checks].reverse();
    expect(stats(rules('3/week'), reversed, 8)).toEqual(stats(rules('3/week'), checks, 8));
    expect(habitHistory(rules('3/week'), reversed, day(8))).toEqual(habitHistory(rules('3/week'), checks, day(8)));
  });

  it('ten years of daily history, one value per day', () => {
    // 3650 days checked: 1 − m^3650 rounds to 1; the series holds one score per day.
    const checks = doneDays(0, 3649);
    const { scores } = strengthSeries(rules('daily'), checks, day(3649));
    expect(scores).toHaveLength(3650);
    const s = stats(rules('daily'), checks, 3649);
    expect(s.strength).toBeCloseTo(1, DIGITS);
    expect(s.streak).toBe(3650);
    expect(habitHistory(rules('daily'), checks, day(3649))).toHaveLength(3650);
  });
});
