import { expect, it } from 'vitest';
import { describeEachDialect, type TestDb } from '../support/stores.js';
import type { Context } from '../../src/services/context.js';
import { createContext } from '../../src/services/context.js';
import { addHighlightCard, addTakeaway, getCard, gradeCard, listItemCards, listReview, removeCard, reviewsDue } from '../../src/services/review.service.js';
import { today } from '../../src/services/today.service.js';
import { newId } from '../../src/store/ids.js';
import { insertLearningItem } from '../../src/store/learning.repository.js';
import { insertPerson } from '../../src/store/person.repository.js';
import { expectAppError } from './service.helpers.js';

// Every context of these tests reads the clock at 12:00 UTC of its day (test/support/stores.ts).
const NOON = '2026-11-23T12:00:00.000Z';

/** The same person and day, the clock at another instant. */
const at = (ctx: Context, iso: string): Context => ({ ...ctx, now: () => new Date(iso) });

async function addItem(db: TestDb, ctx: Context, title: string, authors: string[] = []): Promise<string> {
  const id = newId();
  await insertLearningItem(db.store.db, {
    id,
    person_id: ctx.personId,
    kind: 'book',
    title,
    authors: JSON.stringify(authors),
    skills: '[]',
    shelves: '[]',
    status: 'reading',
    added_at: '2026-11-01T00:00:00.000Z',
    match_key: title.toLowerCase(),
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
  });
  return id;
}

async function addHighlight(db: TestDb, itemId: string, text: string, extra: { note?: string; page?: string; location?: string } = {}): Promise<string> {
  const id = newId();
  await db.store.db
    .insertInto('highlight')
    .values({
      id,
      item_id: itemId,
      text,
      note: extra.note ?? null,
      page: extra.page ?? null,
      location: extra.location ?? null,
      tags: '[]',
      source: 'kindle',
      source_key: id,
      created_at: '2026-11-02T00:00:00.000Z',
    })
    .execute();
  return id;
}

describeEachDialect('review service', (db) => {
  /** Every card and review: what "nothing written" compares. */
  const snapshot = async () => ({
    cards: await db.store.db.selectFrom('card').selectAll().orderBy('id').execute(),
    logs: await db.store.db.selectFrom('review_log').selectAll().orderBy('id').execute(),
  });

  const expectRefused = async (call: () => Promise<unknown>, code: string, message: string) => {
    const before = await snapshot();
    await expectAppError(call(), code, message);
    expect(await snapshot()).toEqual(before);
  };

  it('keeps a takeaway as a new card, due at once, with a prompt derived from the item', async () => {
    const ctx = await db.ctx();
    const itemId = await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const card = await addTakeaway(ctx, 'atomic', { text: '  Systems beat goals: fall to the level of your systems. ' });
    expect(card).toEqual({
      id: expect.any(String),
      kind: 'takeaway',
      itemId,
      highlightId: null,
      front: 'From "Atomic Habits" (James Clear): what did you take away?',
      back: 'Systems beat goals: fall to the level of your systems.',
      source: 'Atomic Habits (James Clear)',
      due: NOON,
      state: 'new',
      reps: 0,
      lapses: 0,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      lastReview: null,
      createdAt: NOON,
    });
    expect(await listReview(ctx)).toEqual([
      { id: card.id, front: card.front, back: card.back, source: 'Atomic Habits (James Clear)', due: NOON, kind: 'takeaway', itemId },
    ]);
    expect(await getCard(ctx, card.id)).toEqual(card);

    // A prompt of one's own; an item without authors is its title alone.
    const bare = await addItem(db, ctx, 'Staff Engineer');
    const own = await addTakeaway(ctx, bare, { text: 'Write the strategy down', front: 'What makes a strategy useful?' });
    expect(own).toMatchObject({ front: 'What makes a strategy useful?', source: 'Staff Engineer' });
    const derived = await addTakeaway(at(ctx, '2026-11-23T12:05:00.000Z'), 'Staff Engineer', { text: 'Glue work counts', front: '  ' });
    expect(derived.front).toBe('From "Staff Engineer": what did you take away?');
    expect((await listItemCards(ctx, bare)).map((c) => c.back)).toEqual(['Write the strategy down', 'Glue work counts']);
  });

  it('makes a highlight a card: the passage (its note, your words) is the answer; one card per highlight', async () => {
    const ctx = await db.ctx();
    const itemId = await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const h1 = await addHighlight(db, itemId, 'You do not rise to the level of your goals.', { page: '27', note: 'the key line' });
    const h2 = await addHighlight(db, itemId, 'Habits are the compound interest of self-improvement.', { location: '1234-1236' });
    const card = await addHighlightCard(ctx, h1, {}, 'Atomic Habits');
    expect(card).toMatchObject({
      kind: 'highlight',
      itemId,
      highlightId: h1,
      front: 'From "Atomic Habits" (James Clear), page 27: what does the passage you highlighted say?',
      back: 'You do not rise to the level of your goals.\n\nthe key line',
      source: 'Atomic Habits (James Clear)',
      due: NOON,
      state: 'new',
    });
    // Without the item named (the API), with a prompt and a thought of one's own.
    const second = await addHighlightCard(ctx, h2, { text: 'Small gains add up', front: 'Why bother with 1%?' });
    expect(second).toMatchObject({ front: 'Why bother with 1%?', back: 'Habits are the compound interest of self-improvement.\n\nSmall gains add up' });
    const third = await addHighlightCard(ctx, await addHighlight(db, itemId, 'Environment beats motivation.', { location: '2001' }));
    expect(third.front).toBe('From "Atomic Habits" (James Clear), location 2001: what does the passage you highlighted say?');

    // The same highlight again: a conflict that names the card it already is.
    await expectRefused(() => addHighlightCard(ctx, h1, {}, itemId), 'conflict', `highlight: ${h1} is already card ${card.id}`);
    await expectRefused(() => addHighlightCard(ctx, h1), 'conflict', `highlight: ${h1} is already card ${card.id}`);

    // Two requests at once for a fresh highlight: one card, and a conflict for the other.
    const raced = await addHighlight(db, itemId, 'Make it easy.');
    const results = await Promise.allSettled([addHighlightCard(ctx, raced), addHighlightCard(ctx, raced)]);
    const made = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof addHighlightCard>>> => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'conflict', message: `highlight: ${raced} is already card ${made[0]!.value.id}` },
    });
  });

  it('lists the cards due now, oldest due first; all lists every card; limit keeps the first ones', async () => {
    const ctx = await db.ctx();
    await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const first = await addTakeaway(at(ctx, '2026-11-23T09:00:00.000Z'), 'Atomic Habits', { text: 'one' });
    const second = await addTakeaway(at(ctx, '2026-11-23T10:00:00.000Z'), 'Atomic Habits', { text: 'two' });
    const later = await addTakeaway(at(ctx, '2026-11-23T11:00:00.000Z'), 'Atomic Habits', { text: 'three' });
    expect((await listReview(ctx)).map((c) => c.back)).toEqual(['one', 'two', 'three']);
    expect((await listReview(ctx, { limit: '2' })).map((c) => c.id)).toEqual([first.id, second.id]);

    // Graded Easy, the first is due in 8 days: off the due list, last of all cards.
    await gradeCard(ctx, first.id, { rating: 'easy' });
    expect((await listReview(ctx)).map((c) => c.id)).toEqual([second.id, later.id]);
    expect(await reviewsDue(ctx)).toBe(2);
    expect((await listReview(ctx, { all: 'true' })).map((c) => c.id)).toEqual([second.id, later.id, first.id]);
    expect((await listReview(ctx, { all: true, limit: 1 })).map((c) => c.id)).toEqual([second.id]);
    // Before a card was created it was not due: "now" decides.
    expect((await listReview(at(ctx, '2026-11-23T09:30:00.000Z'))).map((c) => c.id)).toEqual([]);
    expect(await reviewsDue(at(ctx, '2026-11-23T10:00:00.000Z'))).toBe(1);
    // Eight days on, it is due again.
    expect((await listReview(at(ctx, '2026-12-01T12:00:00.000Z'))).map((c) => c.id)).toEqual([second.id, later.id, first.id]);

    await expectAppError(listReview(ctx, { limit: '0' }), 'validation_failed', 'limit: expected a whole number from 1 to 1000');
    await expectAppError(listReview(ctx, { limit: 'ten' }), 'validation_failed', 'limit: expected a whole number from 1 to 1000');
    await expectAppError(listReview(ctx, { all: 'yes' }), 'validation_failed', 'all: expected true or false');
  });

  it('schedules with FSRS: a new card graded Easy is due in 8 days; Again, Hard and Good keep it in the learning steps', async () => {
    const ctx = await db.ctx();
    await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const grade = async (rating: string) => gradeCard(ctx, (await addTakeaway(ctx, 'Atomic Habits', { text: rating })).id, { rating });

    // Default weights: Easy sets the stability to w[3] ≈ 8.3 days; at 90% retention the interval is 8 days.
    const easy = await grade('easy');
    expect(easy).toMatchObject({ due: '2026-12-01T12:00:00.000Z', state: 'review', scheduledDays: 8, reps: 1, lapses: 0, lastReview: NOON });
    expect(easy.stability).toBeCloseTo(8.2956, 4);
    // The learning steps are 1m and 10m: Again goes back to the first (1 minute), Hard waits
    // between the two (6 minutes), Good moves to the second (10 minutes).
    expect(await grade('again')).toMatchObject({ due: '2026-11-23T12:01:00.000Z', state: 'learning', scheduledDays: 0, reps: 1 });
    expect(await grade('hard')).toMatchObject({ due: '2026-11-23T12:06:00.000Z', state: 'learning', reps: 1 });
    const good = await grade('good');
    expect(good).toMatchObject({ due: '2026-11-23T12:10:00.000Z', state: 'learning', reps: 1 });

    // Good again after the last step: the card graduates to review, due days later.
    const graduated = await gradeCard(at(ctx, '2026-11-23T12:10:00.000Z'), good.id, { rating: 'good' });
    expect(graduated).toMatchObject({ state: 'review', reps: 2, lapses: 0, lastReview: '2026-11-23T12:10:00.000Z' });
    expect(graduated.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(graduated.due > '2026-11-24T12:10:00.000Z').toBe(true);
  });

  it('counts a lapse when a learned card is forgotten, and logs every review', async () => {
    const ctx = await db.ctx();
    await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const card = await addTakeaway(ctx, 'Atomic Habits', { text: 'Make it obvious' });
    await gradeCard(ctx, card.id, { rating: 'easy' });
    const due = at(ctx, '2026-12-01T12:00:00.000Z');
    // Forgotten when due: a lapse; the card relearns, back in 10 minutes (the relearning step).
    const forgotten = await gradeCard(due, card.id, { rating: 'again' });
    expect(forgotten).toMatchObject({
      state: 'relearning',
      reps: 2,
      lapses: 1,
      due: '2026-12-01T12:10:00.000Z',
      scheduledDays: 0,
      lastReview: '2026-12-01T12:00:00.000Z',
    });
    expect(forgotten.stability).toBeLessThan(8.2956);
    expect(forgotten.difficulty).toBeGreaterThan(1);
    const relearned = await gradeCard(at(ctx, '2026-12-01T12:10:00.000Z'), card.id, { rating: 'good' });
    expect(relearned).toMatchObject({ state: 'review', reps: 3, lapses: 1 });

    // One log row per review: the grade, the state before it, when it happened.
    const logs = await db.store.db.selectFrom('review_log').selectAll().where('card_id', '=', card.id).orderBy('review').execute();
    expect(logs.map((l) => [l.rating, l.state, l.review])).toEqual([
      [4, 0, NOON],
      [1, 2, '2026-12-01T12:00:00.000Z'],
      [3, 3, '2026-12-01T12:10:00.000Z'],
    ]);
    expect(logs[1]).toMatchObject({ elapsed_days: 8, scheduled_days: 8, due: NOON });
    expect(logs[1]!.stability).toBeCloseTo(8.2956, 4);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const ctx = await db.ctx();
    const itemId = await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const otherItem = await addItem(db, ctx, 'Deep Work', ['Cal Newport']);
    const card = await addTakeaway(ctx, itemId, { text: 'kept' });
    const otherHighlight = await addHighlight(db, otherItem, 'Clarity about what matters provides clarity about what does not.');

    await expectRefused(() => gradeCard(ctx, 'nope', { rating: 'good' }), 'not_found', 'card: no card "nope"');
    for (const rating of ['meh', 'Good', '3', '']) {
      await expectRefused(() => gradeCard(ctx, card.id, { rating }), 'validation_failed', 'rating: expected again, hard, good or easy');
    }
    await expectRefused(() => gradeCard(ctx, card.id, {}), 'validation_failed', 'rating: expected again, hard, good or easy');
    await expectRefused(() => addTakeaway(ctx, itemId, { text: '   ' }), 'validation_failed', 'text: must not be empty');
    await expectRefused(() => addTakeaway(ctx, itemId, {}), 'validation_failed', 'text: required');
    await expectRefused(() => addTakeaway(ctx, itemId, { text: 'x'.repeat(2001) }), 'validation_failed', 'text: at most 2000 characters');
    await expectRefused(() => addTakeaway(ctx, itemId, { text: 'x', due: 'now' }), 'validation_failed', 'due: unknown field');
    await expectRefused(() => addTakeaway(ctx, 'Nothing like it', { text: 'x' }), 'not_found', 'item: no item "Nothing like it"');
    await expectRefused(
      () => addHighlightCard(ctx, otherHighlight, {}, itemId),
      'validation_failed',
      `highlight: ${otherHighlight} is a highlight of another item, not of "Atomic Habits"`,
    );
    await expectRefused(() => addHighlightCard(ctx, 'no-such-highlight', {}, itemId), 'not_found', 'highlight: no highlight "no-such-highlight"');
    await expectRefused(() => removeCard(ctx, 'nope'), 'not_found', 'card: no card "nope"');
    expect((await getCard(ctx, card.id)).reps).toBe(0);
  });

  it("keeps each person's cards their own", async () => {
    const ctx = await db.ctx();
    const itemId = await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const highlight = await addHighlight(db, itemId, 'Every action is a vote for the type of person you wish to become.');
    const mine = await addTakeaway(ctx, itemId, { text: 'Identity first' });
    const otherId = newId();
    await insertPerson(db.store.db, { id: otherId, name: 'other', time_zone: 'UTC', created_at: NOON });
    const other = await createContext(db.store, { personId: otherId, env: { GROW_TODAY: '2026-11-23' }, now: () => new Date(NOON) });

    expect(await listReview(other, { all: true })).toEqual([]);
    expect(await reviewsDue(other)).toBe(0);
    await expectRefused(() => gradeCard(other, mine.id, { rating: 'good' }), 'not_found', `card: no card "${mine.id}"`);
    await expectRefused(() => removeCard(other, mine.id), 'not_found', `card: no card "${mine.id}"`);
    await expectRefused(() => addHighlightCard(other, highlight), 'not_found', `highlight: no highlight "${highlight}"`);
    await expectRefused(() => addTakeaway(other, itemId, { text: 'x' }), 'not_found', `item: no item "${itemId}"`);
  });

  it('removes a card with its review history', async () => {
    const ctx = await db.ctx();
    await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const card = await addTakeaway(ctx, 'Atomic Habits', { text: 'gone soon' });
    const kept = await addTakeaway(ctx, 'Atomic Habits', { text: 'kept' });
    await gradeCard(ctx, card.id, { rating: 'again' });
    await gradeCard(ctx, kept.id, { rating: 'good' });
    expect(await removeCard(ctx, card.id)).toEqual({ id: card.id, removed: true });
    expect((await listReview(ctx, { all: true })).map((c) => c.id)).toEqual([kept.id]);
    expect((await db.store.db.selectFrom('review_log').select('card_id').execute()).map((l) => l.card_id)).toEqual([kept.id]);
    await expectAppError(getCard(ctx, card.id), 'not_found', `card: no card "${card.id}"`);
  });

  it('puts the number of cards due now on the dashboard', async () => {
    const ctx = await db.ctx();
    expect((await today(ctx)).reviewsDue).toBe(0);
    await addItem(db, ctx, 'Atomic Habits', ['James Clear']);
    const a = await addTakeaway(ctx, 'Atomic Habits', { text: 'one' });
    await addTakeaway(ctx, 'Atomic Habits', { text: 'two' });
    expect((await today(ctx)).reviewsDue).toBe(2);
    await gradeCard(ctx, a.id, { rating: 'good' });
    expect((await today(ctx)).reviewsDue).toBe(1);
    // Ten minutes later the learning step is over: due again.
    expect((await today(at(ctx, '2026-11-23T12:10:00.000Z'))).reviewsDue).toBe(2);
  });
});
