import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addScorecardItem, listScorecard, removeScorecardItem, scorecardItemToHabit } from '../../src/services/scorecard.service.js';
import { addHabit, listHabits } from '../../src/services/habit.service.js';
import { expectRefusedAndUnchanged } from './service.helpers.js';

describeEachDialect('scorecard service', (db) => {
  it('adds lines in the order of the day and lists them', async () => {
    const ctx = await db.ctx();
    const wake = await addScorecardItem(ctx, { text: 'Wake up', rating: '=', time: '06:30' });
    await addScorecardItem(ctx, { text: 'Check phone', rating: '-' });
    await addScorecardItem(ctx, { text: 'Drink water', rating: '+', time: '' });
    expect(wake).toMatchObject({ text: 'Wake up', rating: '=', time: '06:30', habit: null, position: 0 });
    expect(await listScorecard(ctx)).toEqual([
      { id: wake.id, position: 0, text: 'Wake up', rating: '=', time: '06:30', habit: null },
      expect.objectContaining({ position: 1, text: 'Check phone', rating: '-', time: null, habit: null }),
      expect.objectContaining({ position: 2, text: 'Drink water', rating: '+', time: null, habit: null }),
    ]);
  });

  it('removes a line; an unknown line is refused', async () => {
    const ctx = await db.ctx();
    const a = await addScorecardItem(ctx, { text: 'Wake up', rating: '=' });
    const b = await addScorecardItem(ctx, { text: 'Check phone', rating: '-' });
    expect(await removeScorecardItem(ctx, a.id)).toEqual({ id: a.id, removed: true });
    expect((await listScorecard(ctx)).map((i) => i.id)).toEqual([b.id]);
    await expectRefusedAndUnchanged(ctx, () => removeScorecardItem(ctx, a.id), 'not_found', `scorecard item: no scorecard item "${a.id}"`);
  });

  it('turns a - line into a habit to break and a + line into a habit to build, linking them', async () => {
    const ctx = await db.ctx();
    const phone = await addScorecardItem(ctx, { text: 'Check phone', rating: '-' });
    const water = await addScorecardItem(ctx, { text: 'Drink water', rating: '+' });
    const wake = await addScorecardItem(ctx, { text: 'Wake up', rating: '=' });
    const broken = await scorecardItemToHabit(ctx, phone.id, {});
    expect(broken).toMatchObject({ slug: 'check-phone', name: 'Check phone', kind: 'break' });
    expect((await scorecardItemToHabit(ctx, water.id, {})).kind).toBe('build');
    expect((await scorecardItemToHabit(ctx, wake.id, { kind: 'break' })).kind).toBe('break');
    expect((await listScorecard(ctx)).map((i) => i.habit)).toEqual(['check-phone', 'drink-water', 'wake-up']);
    expect((await listHabits(ctx)).map((h) => [h.slug, h.kind])).toEqual([
      ['check-phone', 'break'],
      ['drink-water', 'build'],
      ['wake-up', 'break'],
    ]);
  });

  it('refuses bad lines and failed conversions, writing nothing', async () => {
    const ctx = await db.ctx();
    await addHabit(ctx, { name: 'Check phone' });
    const phone = await addScorecardItem(ctx, { text: 'Check phone', rating: '-' });
    await expectRefusedAndUnchanged(ctx, () => addScorecardItem(ctx, { text: 'Nap', rating: '*' }), 'validation_failed', 'rating: expected +, - or =');
    await expectRefusedAndUnchanged(ctx, () => addScorecardItem(ctx, { text: ' ', rating: '+' }), 'validation_failed', 'text: must not be empty');
    await expectRefusedAndUnchanged(ctx, () => addScorecardItem(ctx, { rating: '+' }), 'validation_failed', 'text: required');
    await expectRefusedAndUnchanged(ctx, () => scorecardItemToHabit(ctx, 'nope', {}), 'not_found', 'scorecard item: no scorecard item "nope"');
    await expectRefusedAndUnchanged(ctx, () => scorecardItemToHabit(ctx, phone.id, { kind: 'keep' }), 'validation_failed', 'kind: expected build or break');
    // The habit exists already: no second one, and the line stays unlinked.
    await expectRefusedAndUnchanged(ctx, () => scorecardItemToHabit(ctx, phone.id, {}), 'conflict', 'name: a habit named "Check phone" already exists');
    expect((await listScorecard(ctx))[0]!.habit).toBe(null);
  });
});
