import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { newId } from '../../src/store/ids.js';
import { insertLearningItem } from '../../src/store/learning.repository.js';
import { type Api, TODAY, apiOver, expectError } from './api.helpers.js';

const DAY = 86_400_000;

describeEachDialect('HTTP takeaways and spaced review', (db) => {
  let api: Api;
  let itemId: string;
  let otherItemId: string;
  beforeEach(async () => {
    api = await apiOver(db);
    itemId = await addItem('Atomic Habits', ['James Clear']);
    otherItemId = await addItem('Deep Work', ['Cal Newport']);
  });

  async function addItem(title: string, authors: string[]): Promise<string> {
    const id = newId();
    const at = '2026-11-01T00:00:00.000Z';
    await insertLearningItem(db.store.db, {
      id,
      person_id: api.personId,
      kind: 'book',
      title,
      authors: JSON.stringify(authors),
      skills: '[]',
      shelves: '[]',
      status: 'read',
      added_at: at,
      match_key: title.toLowerCase(),
      created_at: at,
      updated_at: at,
    });
    return id;
  }

  async function addHighlight(item: string, text: string, page: string | null = null): Promise<string> {
    const id = newId();
    await db.store.db
      .insertInto('highlight')
      .values({ id, item_id: item, text, page, tags: '[]', source: 'kindle', source_key: id, created_at: '2026-11-02T00:00:00.000Z' })
      .execute();
    return id;
  }

  /** Every card with its schedule, and the review log: what "nothing changed" compares. */
  const snapshot = async () => ({
    cards: (await api.json('GET', '/api/v1/review?all=true')).body,
    logs: await db.store.db.selectFrom('review_log').selectAll().orderBy('id').execute(),
  });

  const refused = async (method: string, path: string, body: unknown, status: number, code: string, message: string) => {
    const before = await snapshot();
    await expectError(await api.call(method, path, body), status, code, message);
    expect(await snapshot()).toEqual(before);
  };

  it('POST /learning/{id}/takeaways adds a card (201); GET /review lists what is due; grading moves it on', async () => {
    // The API's clock is the pinned day at noon in the person's zone (UTC here).
    const now = `${TODAY}T12:00:00.000Z`;
    const created = await api.json('POST', `/api/v1/learning/${itemId}/takeaways`, { text: 'Systems beat goals' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'takeaway',
      itemId,
      highlightId: null,
      front: 'From "Atomic Habits" (James Clear): what did you take away?',
      back: 'Systems beat goals',
      source: 'Atomic Habits (James Clear)',
      state: 'new',
      reps: 0,
      lapses: 0,
    });
    expect(created.body.due).toBe(now);
    // The item may be named by its title too.
    const byTitle = await api.json('POST', `/api/v1/learning/${encodeURIComponent('deep work')}/takeaways`, {
      text: 'Guard the mornings',
      front: 'When do you do deep work?',
    });
    expect(byTitle).toMatchObject({ status: 201, body: { itemId: otherItemId, front: 'When do you do deep work?', source: 'Deep Work (Cal Newport)' } });

    const due = await api.json('GET', '/api/v1/review');
    expect(due.status).toBe(200);
    expect(due.body).toEqual([
      {
        id: created.body.id,
        front: created.body.front,
        back: 'Systems beat goals',
        source: 'Atomic Habits (James Clear)',
        due: created.body.due,
        kind: 'takeaway',
        itemId,
      },
      {
        id: byTitle.body.id,
        front: 'When do you do deep work?',
        back: 'Guard the mornings',
        source: 'Deep Work (Cal Newport)',
        due: byTitle.body.due,
        kind: 'takeaway',
        itemId: otherItemId,
      },
    ]);
    expect((await api.json('GET', '/api/v1/review?limit=1')).body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect((await api.json('GET', '/api/v1/today')).body.reviewsDue).toBe(2);

    // Easy on a new card: due 8 days after the review (default FSRS weights, no fuzz).
    const easy = await api.json('POST', `/api/v1/review/${created.body.id}/grade`, { rating: 'easy' });
    expect(easy.status).toBe(200);
    expect(easy.body).toMatchObject({ id: created.body.id, state: 'review', reps: 1, scheduledDays: 8 });
    expect(Date.parse(easy.body.due) - Date.parse(easy.body.lastReview)).toBe(8 * DAY);
    // Again on the other: back within a minute (the first learning step).
    const again = await api.json('POST', `/api/v1/review/${byTitle.body.id}/grade`, { rating: 'again' });
    expect(again.body).toMatchObject({ state: 'learning', reps: 1 });
    expect(Date.parse(again.body.due) - Date.parse(again.body.lastReview)).toBe(60_000);

    expect((await api.json('GET', '/api/v1/review')).body).toEqual([]);
    expect((await api.json('GET', '/api/v1/today')).body.reviewsDue).toBe(0);
    expect((await api.json('GET', '/api/v1/review?all=true')).body.map((c: { id: string }) => c.id)).toEqual([byTitle.body.id, created.body.id]);
  });

  it('POST /highlights/{id}/card makes a highlight a card (201), once; DELETE /cards/{id} removes a card', async () => {
    const highlight = await addHighlight(itemId, 'You do not rise to the level of your goals.', '27');
    // No body at all: the default prompt.
    const made = await api.json('POST', `/api/v1/highlights/${highlight}/card`);
    expect(made).toMatchObject({
      status: 201,
      body: {
        kind: 'highlight',
        itemId,
        highlightId: highlight,
        front: 'From "Atomic Habits" (James Clear), page 27: what does the passage you highlighted say?',
        back: 'You do not rise to the level of your goals.',
      },
    });
    await refused('POST', `/api/v1/highlights/${highlight}/card`, {}, 409, 'conflict', `highlight: ${highlight} is already card ${made.body.id}`);
    const other = await addHighlight(otherItemId, 'Clarity about what matters.');
    const withWords = await api.json('POST', `/api/v1/highlights/${other}/card`, { front: 'What gives clarity?', text: 'Say no more often' });
    expect(withWords.body).toMatchObject({ front: 'What gives clarity?', back: 'Clarity about what matters.\n\nSay no more often' });

    expect(await api.json('DELETE', `/api/v1/cards/${made.body.id}`)).toEqual({ status: 200, body: { id: made.body.id, removed: true } });
    expect((await api.json('GET', '/api/v1/review?all=true')).body.map((c: { id: string }) => c.id)).toEqual([withWords.body.id]);
    await refused('DELETE', `/api/v1/cards/${made.body.id}`, undefined, 404, 'not_found', `card: no card "${made.body.id}"`);
    // Once its card is gone, the highlight may be made a card again.
    expect((await api.call('POST', `/api/v1/highlights/${highlight}/card`)).status).toBe(201);
  });

  it('refuses each bad input with a clear message, writing nothing', async () => {
    const card = (await api.json('POST', `/api/v1/learning/${itemId}/takeaways`, { text: 'kept' })).body;
    await refused('POST', `/api/v1/review/${card.id}/grade`, { rating: 'meh' }, 400, 'validation_failed', 'rating: expected again, hard, good or easy');
    await refused('POST', `/api/v1/review/${card.id}/grade`, { rating: 3 }, 400, 'validation_failed', 'rating: expected again, hard, good or easy');
    await refused('POST', `/api/v1/review/${card.id}/grade`, {}, 400, 'validation_failed', 'rating: expected again, hard, good or easy');
    await expectError(
      await api.call('POST', `/api/v1/review/${card.id}/grade`, '{"rating":', { 'content-type': 'application/json' }),
      400,
      'validation_failed',
      'body: not valid JSON',
    );
    await refused('POST', '/api/v1/review/nope/grade', { rating: 'good' }, 404, 'not_found', 'card: no card "nope"');
    await refused('POST', `/api/v1/learning/${itemId}/takeaways`, { text: '  ' }, 400, 'validation_failed', 'text: must not be empty');
    await refused('POST', `/api/v1/learning/${itemId}/takeaways`, { text: 'x', why: 'y' }, 400, 'validation_failed', 'why: unknown field');
    await refused('POST', '/api/v1/learning/nothing-like-it/takeaways', { text: 'x' }, 404, 'not_found', 'item: no item "nothing-like-it"');
    await refused('POST', '/api/v1/highlights/nope/card', {}, 404, 'not_found', 'highlight: no highlight "nope"');
    await refused('POST', `/api/v1/highlights/${await addHighlight(itemId, 'x')}/card`, { back: 'y' }, 400, 'validation_failed', 'back: unknown field');
    await expectError(await api.call('GET', '/api/v1/review?limit=0'), 400, 'validation_failed', 'limit: expected a whole number from 1 to 1000');
    await expectError(await api.call('GET', '/api/v1/review?all=maybe'), 400, 'validation_failed', 'all: expected true or false');
    expect((await api.json('GET', '/api/v1/review?all=true')).body.map((c: { back: string }) => c.back)).toEqual(['kept']);
  });

  it('describes the routes and the Card and ReviewItem shapes in the OpenAPI document', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Card', 'ReviewItem']));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/review',
        '/api/v1/review/{id}/grade',
        '/api/v1/learning/{id}/takeaways',
        '/api/v1/highlights/{id}/card',
        '/api/v1/cards/{id}',
      ]),
    );
    expect(doc.components.schemas.Today.properties.reviewsDue).toMatchObject({ type: 'integer' });
  });
});
