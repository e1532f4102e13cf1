import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addHabit, checkIn, listHabits, showHabit } from '../../src/services/habit.service.js';

describeEachDialect('habit service', (db) => {
  it('adds a habit, checks it in and reports its numbers', async () => {
    const ctx = await db.ctx('2026-11-23');
    const habit = await addHabit(ctx, { name: 'Read 20 pages', identity: 'I am someone who reads' });
    expect(habit.slug).toBe('read-20-pages');
    await checkIn(ctx, 'read-20-pages', 'done', { date: '2026-11-22' });
    await checkIn(ctx, 'read-20-pages', 'done', {});
    const shown = await showHabit(ctx, 'read-20-pages');
    expect(shown.streak).toBe(2);
    expect(shown.history.map((h) => [h.date, h.status])).toEqual([
      ['2026-11-22', 'done'],
      ['2026-11-23', 'done'],
    ]);
    const list = await listHabits(ctx);
    expect(list).toHaveLength(1);
    expect(list[0]!.dueToday).toBe(false);
  });
});
