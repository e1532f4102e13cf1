import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addHabit, archiveHabit, checkIn } from '../../src/services/habit.service.js';
import { today } from '../../src/services/today.service.js';
import { logActivity } from '../../src/services/activity.service.js';
import { putCareerTarget } from '../../src/store/target.repository.js';

describeEachDialect('today service', (db) => {
  it('is empty without habits', async () => {
    expect(await today(await db.ctx())).toEqual({
      date: '2026-11-23',
      due: [],
      done: [],
      avoid: [],
      atRisk: [],
      // Nothing practised ever: today does not nag about every skill (grow balance still tells).
      neglected: [],
      // No rating and no target: habits alone, no practice planned.
      planned: [],
      // No takeaways, no cards.
      reviewsDue: 0,
    });
  });

  it("adds today's planned practice once the person has a target", async () => {
    const ctx = await db.ctx('2026-11-23');
    await putCareerTarget(db.store.db, { person_id: ctx.personId, track: 'manager', level: 'team-lead', by_date: null, set_at: '2026-11-23T00:00:00.000Z' });
    const { planned } = await today(ctx);
    // Monday, the default plan's first day: one session, on a skill the target expects.
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ date: '2026-11-23' });
    expect(planned[0]!.minutes).toBeGreaterThan(0);
    expect(planned[0]!.why.length).toBeGreaterThan(0);
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

  it('gives the balance warnings: a kind or a skill the target needs, not practised for 14 days', async () => {
    const ctx = await db.ctx('2026-11-23');
    await logActivity(ctx, { text: 'review', minutes: 30, skills: 'code-craft', date: '2026-11-20' });
    await logActivity(ctx, { text: '1:1', minutes: 30, skills: 'empathy', date: '2026-11-09' });
    expect((await today(ctx)).neglected).toEqual([{ kind: 'soft', daysSince: 14 }]);
    await logActivity(ctx, { text: 'feedback', minutes: 15, skills: 'feedback' });
    expect((await today(ctx)).neglected).toEqual([]);

    // With a target, each skill it expects above 0 counts; the security explorer expects security fundamentals.
    await putCareerTarget(db.store.db, { person_id: ctx.personId, track: 'security', level: 'explorer', by_date: null, set_at: '2026-11-23T00:00:00.000Z' });
    expect((await today(ctx)).neglected).toContainEqual({ skill: 'security-fundamentals', daysSince: null });
    expect((await today(ctx)).neglected).not.toContainEqual(expect.objectContaining({ skill: 'code-craft' }));
  });
});
