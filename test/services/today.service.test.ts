import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addHabit, archiveHabit, checkIn } from '../../src/services/habit.service.js';
import { today } from '../../src/services/today.service.js';

describeEachDialect('today service', (db) => {
  it('is empty without habits', async () => {
    expect(await today(await db.ctx())).toEqual({ date: '2026-11-23', due: [], done: [], avoid: [], atRisk: [] });
  });

  it('lists what is due, what is done, what to avoid, and what must not be missed twice', async () => {
    // 2026-11-23 is a Monday.
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Read' });
    await addHabit(ctx, { name: 'Run' });
    await addHabit(ctx, { name: 'Stretch', schedule: 'tue,thu' });
    await addHabit(ctx, { name: 'Weekend hike', schedule: 'sat,sun' });
    await addHabit(ctx, { name: 'Doomscroll', kind: 'break' });
    await addHabit(ctx, { name: 'Old habit' });
    await archiveHabit(ctx, 'old-habit');
    await checkIn(ctx, 'run', 'done', {});
    await checkIn(ctx, 'read', 'done', { date: '2026-11-21' });

    const t = await today(ctx);
    expect(t.date).toBe('2026-11-23');
    expect(t.due.map((h) => h.slug)).toEqual(['read']);
    expect(t.done.map((h) => [h.slug, h.today])).toEqual([['run', { status: 'done', amount: null }]]);
    expect(t.avoid.map((h) => h.slug)).toEqual(['doomscroll']);
    // Read was missed on the 22nd: today must not be missed.
    expect(t.atRisk).toEqual(['read']);

    // Done: it leaves the due list.
    await checkIn(ctx, 'read', 'done', {});
    const after = await today(ctx);
    expect(after.due).toEqual([]);
    expect(after.done.map((h) => h.slug)).toEqual(['read', 'run']);
    expect(after.atRisk).toEqual([]);

    // On Tuesday the tue,thu habit is due.
    const tuesday = await today(await db.ctx('2026-11-24'));
    expect(tuesday.due.map((h) => h.slug)).toEqual(['read', 'run', 'stretch']);
  });
});
