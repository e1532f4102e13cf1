import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/core/calendar.js';
import { type CheckIn, type HabitRules, type StatsSnapshot, advanceHabitStats, checkInsNeededFrom, computeHabitStats } from '../../src/core/habit-stats.js';
import { parseSchedule } from '../../src/core/schedule.js';

const START = '2026-01-05';
const SCHEDULES = ['daily', 'weekdays', 'mon,thu', '3/week', '2/3days', 'every 3 days', '1/10days'];

const rulesArb = fc.record({
  kind: fc.constantFrom<'build' | 'break'>('build', 'break'),
  schedule: fc.constantFrom(...SCHEDULES),
  target: fc.option(fc.constantFrom(1, 2.5, 10), { nil: null }),
  startOffset: fc.integer({ min: 0, max: 20 }),
});

/** A history of up to ~200 days: per day nothing, done, skipped or a slip, with amounts. */
const historyArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 200 }),
    status: fc.constantFrom<CheckIn['status']>('done', 'skipped', 'slip'),
    amount: fc.constantFrom(0, 0.5, 1, 2.5, 3, 12),
  }),
  { maxLength: 150 },
);

type RawRules = { kind: 'build' | 'break'; schedule: string; target: number | null; startOffset: number };
type RawHistory = { day: number; status: CheckIn['status']; amount: number }[];

function build(raw: RawRules, history: RawHistory): { rules: HabitRules; checkIns: CheckIn[] } {
  const rules: HabitRules = { kind: raw.kind, schedule: parseSchedule(raw.schedule), target: raw.target, startDate: addDays(START, raw.startOffset) };
  const byDate = new Map<string, CheckIn>();
  for (const h of history) {
    const status = raw.kind === 'build' && h.status === 'slip' ? 'done' : raw.kind === 'break' && h.status === 'done' ? 'slip' : h.status;
    const amount = raw.target === null || status === 'skipped' ? null : h.amount;
    const date = addDays(START, h.day);
    byDate.set(date, { date, status, amount, note: null });
  }
  const checkIns = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { rules, checkIns };
}

function expectSame(carried: ReturnType<typeof advanceHabitStats>['stats'], full: ReturnType<typeof computeHabitStats>): void {
  expect(Math.abs(carried.strength - full.strength)).toBeLessThanOrEqual(1e-9);
  expect({ ...carried, strength: 0 }).toEqual({
    strength: 0,
    streak: full.streak,
    bestStreak: full.bestStreak,
    neverMissTwice: full.neverMissTwice,
    dueToday: full.dueToday,
  });
}

describe('carrying the daily numbers on from a snapshot', () => {
  it('gives the numbers of the whole history, from only the check-ins after the snapshot day', () => {
    fc.assert(
      fc.property(rulesArb, historyArb, fc.integer({ min: 0, max: 230 }), fc.integer({ min: 1, max: 120 }), (raw, history, at, gap) => {
        const { rules, checkIns } = build(raw, history);
        const first = addDays(START, at);
        const then = addDays(first, gap);
        // The snapshot as a check-in on `first` leaves it: taken from the history up to that day.
        const { snapshot } = advanceHabitStats(
          rules,
          null,
          checkIns.filter((c) => c.date <= first),
          first,
        );
        const later = checkIns.filter((c) => c.date <= then);
        const needed = snapshot ? later.filter((c) => c.date >= checkInsNeededFrom(snapshot)) : later;
        const carried = advanceHabitStats(rules, snapshot, needed, then);
        expectSame(carried.stats, computeHabitStats(rules, later, then));
        // And the snapshot it hands on serves the next step just as well.
        const next: StatsSnapshot | null = carried.snapshot;
        const after = addDays(then, 9);
        const all = checkIns.filter((c) => c.date <= after);
        const again = advanceHabitStats(rules, next, next ? all.filter((c) => c.date >= checkInsNeededFrom(next)) : all, after);
        expectSame(again.stats, computeHabitStats(rules, all, after));
      }),
      { numRuns: 400 },
    );
  });

  it('settles per-week habits at the end of the last whole week, never inside the current one', () => {
    const rules: HabitRules = { kind: 'build', schedule: parseSchedule('3/week'), target: null, startDate: '2026-11-02' };
    // Wednesday 2026-11-18: the week of Monday 16 is still open, the one before has settled.
    const { snapshot } = advanceHabitStats(rules, null, [], '2026-11-18');
    expect(snapshot?.day).toBe(advanceHabitStats(rules, null, [], '2026-11-16').snapshot?.day);
    expect(checkInsNeededFrom(snapshot!)).toBe('2026-11-16');
  });
});
