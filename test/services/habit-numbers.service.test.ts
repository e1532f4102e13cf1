import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addHabit, checkIn, listHabits, showHabit } from '../../src/services/habit.service.js';
import { today } from '../../src/services/today.service.js';
import { M_DAILY, dailyStrength, multiplier } from './service.helpers.js';

/**
 * The numbers a person reads, derived by hand from the rules (Loop Habit Tracker's score:
 * per day score = previous·m + p·(1−m), m = 0.5^(sqrt(N/M)/13)), through the store on each dialect.
 */
const days = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describeEachDialect('habit numbers', (db) => {
  it('a daily habit done k days in a row from its start has strength 1 − m^k and a streak of k', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Read' });
    for (const d of days('2026-11-14', 10)) await checkIn(ctx, 'read', 'done', { date: d });
    const shown = await showHabit(ctx, 'read');
    expect(shown.strength).toBeCloseTo(dailyStrength(10), 12);
    expect(shown.streak).toBe(10);
    expect(shown.bestStreak).toBe(10);
    expect(shown.completion30).toBe(1);
    expect(shown.completion365).toBe(1);
    expect(shown.neverMissTwice).toBe('ok');
    const [listed] = await listHabits(ctx);
    expect(listed!.strength).toBeCloseTo(dailyStrength(10), 12);
    expect(listed!.streak).toBe(10);
    // As of an earlier day, the numbers are those of that day.
    const then = await showHabit(ctx, 'read', '2026-11-18');
    expect(then.strength).toBeCloseTo(dailyStrength(5), 12);
    expect(then.streak).toBe(5);
    // Before the first entry the score is 0.
    expect((await showHabit(ctx, 'read', '2026-11-13')).strength).toBe(0);
  });

  it('a skipped day freezes the strength and keeps the streak alive', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Read' });
    await checkIn(ctx, 'read', 'done', { date: '2026-11-20' });
    await checkIn(ctx, 'read', 'skip', { date: '2026-11-21' });
    const frozen = await showHabit(ctx, 'read', '2026-11-21');
    expect(frozen.strength).toBeCloseTo(1 - M_DAILY, 12);
    await checkIn(ctx, 'read', 'done', { date: '2026-11-22' });
    const shown = await showHabit(ctx, 'read', '2026-11-22');
    // Two done days, the skipped one between them counts for nothing: 1 − m².
    expect(shown.strength).toBeCloseTo(1 - M_DAILY ** 2, 12);
    // The streak holds through the skipped day: three calendar days.
    expect(shown.streak).toBe(3);
    expect(shown.neverMissTwice).toBe('ok');
  });

  it('a missed day is a miss: the score decays, the streak restarts, and never-miss-twice warns', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Read' });
    await checkIn(ctx, 'read', 'done', { date: '2026-11-19' });
    await checkIn(ctx, 'read', 'done', { date: '2026-11-20' });
    // 2026-11-21: nothing.
    await checkIn(ctx, 'read', 'done', { date: '2026-11-22' });
    const shown = await showHabit(ctx, 'read', '2026-11-22');
    const s20 = 1 - M_DAILY ** 2;
    const s21 = s20 * M_DAILY;
    expect(shown.strength).toBeCloseTo(s21 * M_DAILY + (1 - M_DAILY), 12);
    expect(shown.streak).toBe(1);
    expect(shown.bestStreak).toBe(2);
    expect(shown.history.map((h) => h.status)).toEqual(['done', 'done', 'missed', 'done']);
    expect(shown.completion30).toBeCloseTo(3 / 4, 12);

    // Missing 2026-11-22 instead: as of the 23rd, one miss, and today must not be missed.
    await checkIn(ctx, 'read', 'done', { date: '2026-11-21' });
    const ctx24 = await db.ctx('2026-11-24');
    await checkIn(ctx24, 'read', 'done', { date: '2026-11-24' });
    await addHabit(ctx, { name: 'Run' });
    await checkIn(ctx, 'run', 'done', { date: '2026-11-21' });
    expect((await showHabit(ctx, 'run')).neverMissTwice).toBe('missed-once');
    const todays = await today(ctx);
    expect(todays.atRisk).toEqual(['run']);
    expect(todays.due.map((h) => h.slug)).toEqual(['read', 'run']);
    // Two misses in a row.
    expect((await showHabit(ctx24, 'run')).neverMissTwice).toBe('missed-twice');
  });

  it('a measurable habit to build scores the amount against the target', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Read', target: 20, unit: 'pages' });
    await checkIn(ctx, 'read', 'done', { date: '2026-11-22', amount: 10 });
    await checkIn(ctx, 'read', 'done', { amount: 30 });
    const shown = await showHabit(ctx, 'read');
    // Day 1: p = 10/20; day 2: p = min(1, 30/20) = 1.
    const s1 = 0.5 * (1 - M_DAILY);
    expect(shown.strength).toBeCloseTo(s1 * M_DAILY + (1 - M_DAILY), 12);
  });

  it('a measurable habit to break starts at 1 and scores a slip over the limit', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Coffee', kind: 'break', target: 2, unit: 'cups' });
    await checkIn(ctx, 'coffee', 'slip', { amount: 3 });
    // p = clamp(1 − (3 − 2)/2, 0, 1) = 0.5, from a score of 1.
    expect((await showHabit(ctx, 'coffee')).strength).toBeCloseTo(M_DAILY + 0.5 * (1 - M_DAILY), 12);
  });

  it('a yes/no habit to break counts every day without a slip as kept', async () => {
    const ctx20 = await db.ctx('2026-11-20');
    await addHabit(ctx20, { name: 'Doomscroll', kind: 'break' });
    const ctx = await db.ctx('2026-11-23');
    // 20, 21 and 22 have no slip: three days kept.
    const kept = await showHabit(ctx, 'doomscroll', '2026-11-22');
    expect(kept.strength).toBeCloseTo(dailyStrength(3), 12);
    expect((await showHabit(ctx, 'doomscroll')).streak).toBe(3);
    await checkIn(ctx, 'doomscroll', 'slip', { date: '2026-11-21' });
    const slipped = await showHabit(ctx, 'doomscroll', '2026-11-22');
    const s21 = (1 - M_DAILY) * M_DAILY;
    expect(slipped.strength).toBeCloseTo(s21 * M_DAILY + (1 - M_DAILY), 12);
    const now = await showHabit(ctx, 'doomscroll');
    expect(now.streak).toBe(1);
    expect(now.bestStreak).toBe(1);
    expect(now.history.map((h) => [h.date, h.status])).toEqual([
      ['2026-11-20', 'done'],
      ['2026-11-21', 'slip'],
      ['2026-11-22', 'done'],
    ]);
  });

  it('N per week uses m = 0.5^(sqrt(N/7)/13) and a doubled window (2N in 14 days)', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Gym', schedule: '3/week' });
    await checkIn(ctx, 'gym', 'done', { date: '2026-11-21' });
    const m = multiplier(3, 7);
    // Each of the three days from the first entry sees one done day in its window: p = 1/6.
    const shown = await showHabit(ctx, 'gym');
    expect(shown.strength).toBeCloseTo((1 / 6) * (1 - m ** 3), 12);
    // Monday 2026-11-23 starts a new week that still wants three: due today.
    expect(shown.dueToday).toBe(true);
  });
});
