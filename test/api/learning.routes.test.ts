import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

describeEachDialect('HTTP library', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  const library = async () => (await api.json('GET', '/api/v1/learning')).body;

  /** The call fails with this status and message, and the library (every item with its notes) is as before. */
  const refused = async (method: string, path: string, body: unknown, status: number, code: string, message: string) => {
    const items = await library();
    const details = await Promise.all(items.map(async (i: { id: string }) => (await api.json('GET', `/api/v1/learning/${i.id}`)).body));
    await expectError(await api.call(method, path, body), status, code, message);
    expect(await library()).toEqual(items);
    for (const detail of details) expect((await api.json('GET', `/api/v1/learning/${detail.id}`)).body).toEqual(detail);
  };

  it('POST /learning adds (201), GET lists by status, GET /learning/{id} shows the item with notes, takeaways and highlights', async () => {
    const created = await api.json('POST', '/api/v1/learning', {
      title: 'Deep Work',
      authors: ['Cal Newport'],
      isbn: '1455586692',
      pages: 296,
      recommendedBy: 'Ana',
      skills: ['code-craft'],
      status: 'reading',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'book',
      title: 'Deep Work',
      authors: ['Cal Newport'],
      isbn13: '9781455586691',
      status: 'reading',
      progress: null,
      page: null,
      pages: 296,
      rating: null,
      recommendedBy: 'Ana',
      startedAt: '2026-11-23',
      finishedAt: null,
      notes: [],
      takeaways: [],
      highlights: [],
    });
    const want = (await api.json('POST', '/api/v1/learning', { title: 'Staff Engineer', authors: 'Will Larson' })).body;
    const { notes: _n, takeaways: _t, highlights: _h, ...item } = created.body;
    expect(await library()).toEqual([item, expect.objectContaining({ id: want.id, status: 'want' })]);
    expect((await api.json('GET', '/api/v1/learning?status=reading')).body).toEqual([item]);
    expect((await api.json('GET', '/api/v1/learning?status=read')).body).toEqual([]);
    await expectError(await api.call('GET', '/api/v1/learning?status=finished'), 400, 'validation_failed', 'status: expected want, reading, read or abandoned');
    expect(await api.json('GET', `/api/v1/learning/${created.body.id}`)).toEqual({ status: 200, body: created.body });
    await expectError(await api.call('GET', '/api/v1/learning/nope'), 404, 'not_found', 'item: no item "nope"');
  });

  it('progress, finish and notes', async () => {
    const { id } = (await api.json('POST', '/api/v1/learning', { title: 'Deep Work', pages: 200 })).body;
    const progress = await api.json('POST', `/api/v1/learning/${id}/progress`, { page: 50 });
    expect(progress).toMatchObject({ status: 200, body: { status: 'reading', startedAt: '2026-11-23', page: 50, progress: 25 } });
    expect((await api.json('POST', `/api/v1/learning/${id}/progress`, { percent: 60 })).body).toMatchObject({ progress: 60, page: null });
    await refused(
      'POST',
      `/api/v1/learning/${id}/progress`,
      { page: 201 },
      400,
      'validation_failed',
      'page: 201 is past the last page (the item has 200 pages)',
    );
    await refused('POST', `/api/v1/learning/${id}/progress`, { percent: 120 }, 400, 'validation_failed', 'percent: expected a percentage from 0 to 100');

    const note = await api.json('POST', `/api/v1/learning/${id}/notes`, { text: 'Time-block the day' });
    expect(note).toEqual({ status: 201, body: { id: expect.any(String), text: 'Time-block the day', createdAt: expect.any(String), itemId: id } });
    await refused('POST', `/api/v1/learning/${id}/notes`, { text: '' }, 400, 'validation_failed', 'text: must not be empty');

    await refused(
      'POST',
      `/api/v1/learning/${id}/finish`,
      { rating: 5.5 },
      400,
      'validation_failed',
      'rating: expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75',
    );
    await refused('POST', `/api/v1/learning/${id}/finish`, { date: '2026-11-30' }, 400, 'validation_failed', 'date: 2026-11-30 is after today (2026-11-23)');
    const finished = await api.json('POST', `/api/v1/learning/${id}/finish`, { rating: 3.75, date: '2026-11-22' });
    expect(finished.body).toMatchObject({
      status: 'read',
      finishedAt: '2026-11-22',
      rating: 3.75,
      progress: 100,
      page: 200,
      notes: [{ text: 'Time-block the day' }],
    });

    // Finishing needs no body at all.
    const other = (await api.json('POST', '/api/v1/learning', { title: 'A talk', kind: 'talk' })).body;
    const bare = await api.call('POST', `/api/v1/learning/${other.id}/finish`);
    expect(bare.status).toBe(200);
    expect(await bare.json()).toMatchObject({ status: 'read', finishedAt: '2026-11-23', rating: null });
  });

  it('items carry their slug; every path takes it, and it stays when the title changes', async () => {
    const added = (await api.json('POST', '/api/v1/learning', { title: 'The Pragmatic Programmer', pages: 320 })).body;
    expect(added.slug).toBe('the-pragmatic-programmer');
    const twin = (await api.json('POST', '/api/v1/learning', { title: 'The Pragmatic Programmer', authors: ['Someone Else'] })).body;
    expect(twin.slug).toBe('the-pragmatic-programmer-2');
    expect((await library()).map((i: { slug: string }) => i.slug)).toEqual(['the-pragmatic-programmer', 'the-pragmatic-programmer-2']);
    expect((await api.json('GET', '/api/v1/learning/the-pragmatic-programmer-2')).body).toMatchObject({ id: twin.id });
    const patched = await api.json('PATCH', '/api/v1/learning/the-pragmatic-programmer', { title: 'The Pragmatic Programmer (20th anniversary)' });
    expect(patched.body).toMatchObject({ id: added.id, slug: 'the-pragmatic-programmer', title: 'The Pragmatic Programmer (20th anniversary)' });
    expect((await api.json('POST', '/api/v1/learning/the-pragmatic-programmer/progress', { page: 32 })).body).toMatchObject({ id: added.id, progress: 10 });
    expect(await api.json('DELETE', '/api/v1/learning/the-pragmatic-programmer-2')).toEqual({
      status: 200,
      body: { id: twin.id, slug: 'the-pragmatic-programmer-2', title: 'The Pragmatic Programmer', removed: true },
    });
    await expectError(await api.call('GET', '/api/v1/learning/the-pragmatic-programmer-2'), 404, 'not_found', 'item: no item "the-pragmatic-programmer-2"');
  });

  it('PATCH edits, DELETE removes; conflicts name the item already there', async () => {
    const first = (await api.json('POST', '/api/v1/learning', { title: 'Deep Work', authors: ['Cal Newport'], isbn: '9781455586691' })).body;
    const second = (await api.json('POST', '/api/v1/learning', { title: 'Digital Minimalism', authors: ['Cal Newport'] })).body;
    await refused(
      'POST',
      '/api/v1/learning',
      { title: 'Another', isbn: '1455586692' },
      409,
      'conflict',
      `isbn: 9781455586691 is already in your library as ${first.id} "Deep Work"`,
    );
    await refused(
      'POST',
      '/api/v1/learning',
      { title: 'deep work', authors: ['Newport, Cal'] },
      409,
      'conflict',
      `title: already in your library as ${first.id} "Deep Work" (same title and author)`,
    );
    await refused(
      'PATCH',
      `/api/v1/learning/${second.id}`,
      { title: 'Deep Work' },
      409,
      'conflict',
      `title: already in your library as ${first.id} "Deep Work" (same title and author)`,
    );
    await refused(
      'PATCH',
      `/api/v1/learning/${second.id}`,
      { pages: -1 },
      400,
      'validation_failed',
      'pages: expected a whole number of pages from 1 to 100000',
    );
    await refused(
      'POST',
      '/api/v1/learning',
      { title: 'x', isbn: '9781455586692' },
      400,
      'validation_failed',
      'isbn: "9781455586692" is not a valid ISBN-13 (the check digit does not match)',
    );
    await refused(
      'POST',
      '/api/v1/learning',
      { title: 'x', skills: ['juggling'] },
      400,
      'validation_failed',
      'skills: unknown skill "juggling" (see grow skill list)',
    );
    await refused('POST', '/api/v1/learning', { title: 'x', owner: 'me' }, 400, 'validation_failed', 'owner: unknown field');
    await expectError(
      await api.call('POST', '/api/v1/learning', '{"title": ', { 'content-type': 'application/json' }),
      400,
      'validation_failed',
      'body: not valid JSON',
    );
    expect(await library()).toHaveLength(2);

    const patched = await api.json('PATCH', `/api/v1/learning/${second.id}`, { pages: 304, rating: 4, status: 'abandoned' });
    expect(patched).toMatchObject({ status: 200, body: { id: second.id, pages: 304, rating: 4, status: 'abandoned', title: 'Digital Minimalism' } });

    expect(await api.json('DELETE', `/api/v1/learning/${first.id}`)).toEqual({
      status: 200,
      body: { id: first.id, slug: 'deep-work', title: 'Deep Work', removed: true },
    });
    expect((await library()).map((i: { id: string }) => i.id)).toEqual([second.id]);
    await expectError(await api.call('DELETE', `/api/v1/learning/${first.id}`), 404, 'not_found', `item: no item "${first.id}"`);
  });

  it('balance lists the items finished each week', async () => {
    const { id } = (await api.json('POST', '/api/v1/learning', { title: 'Crucial Conversations', skills: 'handling-conflict' })).body;
    await api.call('POST', `/api/v1/learning/${id}/finish`, { date: '2026-11-23' });
    const b = (await api.json('GET', '/api/v1/balance?weeks=1')).body;
    expect(b.weeks).toEqual([
      { week: '2026-W48', technicalMinutes: 0, softMinutes: 0, finished: [{ id, title: 'Crucial Conversations', skills: ['handling-conflict'] }] },
    ]);
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    for (const path of [
      '/api/v1/learning',
      '/api/v1/learning/{id}',
      '/api/v1/learning/{id}/progress',
      '/api/v1/learning/{id}/finish',
      '/api/v1/learning/{id}/notes',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['LearningItem', 'LearningItemDetail', 'LearningNote', 'Takeaway', 'Highlight']),
    );
    for (const name of ['LearningItem', 'LearningItemDetail', 'LearningItemRemoved']) {
      expect(doc.components.schemas[name].required).toContain('slug');
      expect(doc.components.schemas[name].properties.slug.type).toBe('string');
    }
  });
});
