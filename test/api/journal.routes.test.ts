import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { createApiToken } from '../../src/services/auth.service.js';
import { insertPerson } from '../../src/store/person.repository.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const SCRIPT_WARNING =
  'body: contains HTML that can run script (<script>, onerror=, javascript: URL); it is kept as written and never runs: the web app removes it when showing the entry';

describeEachDialect('HTTP journal', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  /** The whole journal as stored: what "nothing written" compares. */
  const snapshot = () => db.store.db.selectFrom('journal_entry').selectAll().orderBy('id').execute();

  const refused = async (method: string, path: string, body: unknown, status: number, code: string, message: string) => {
    const before = await snapshot();
    await expectError(await api.call(method, path, body), status, code, message);
    expect(await snapshot()).toEqual(before);
  };

  describe('entries', () => {
    it('POST /journal writes an entry (201); GET, PATCH and DELETE /journal/{id} read, change and remove it', async () => {
      const created = await api.json('POST', '/api/v1/journal', {
        title: 'On feedback',
        body: '# Feedback\n\nAsked *early*.\n',
        tags: ['feedback'],
        date: '2026-11-20',
      });
      expect(created).toEqual({
        status: 201,
        body: {
          id: expect.any(String),
          title: 'On feedback',
          date: '2026-11-20',
          time: null,
          utcOffset: null,
          tags: ['feedback'],
          categories: [],
          kind: 'entry',
          periodFrom: null,
          periodTo: null,
          visibility: 'private',
          body: '# Feedback\n\nAsked *early*.\n',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          jekyll: null,
        },
      });
      const id = created.body.id as string;
      expect(await api.json('GET', `/api/v1/journal/${id}`)).toEqual({ status: 200, body: created.body });

      const edited = await api.json('PATCH', `/api/v1/journal/${id}`, { title: 'On asking for feedback', tags: 'feedback, growth' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'On asking for feedback', tags: ['feedback', 'growth'], body: '# Feedback\n\nAsked *early*.\n' });

      expect(await api.json('DELETE', `/api/v1/journal/${id}`)).toEqual({ status: 200, body: { id, removed: true } });
      await expectError(await api.call('GET', `/api/v1/journal/${id}`), 404, 'not_found', `entry: no entry "${id}"`);
      await expectError(await api.call('DELETE', `/api/v1/journal/${id}`), 404, 'not_found', `entry: no entry "${id}"`);
    });

    it('GET /journal lists newest first without bodies, with an excerpt, by dates, tag and kind', async () => {
      const old = (await api.json('POST', '/api/v1/journal', { body: 'An **older** one', date: '2026-11-01', tags: 'growth' })).body;
      const recent = (await api.json('POST', '/api/v1/journal', { title: 'Today', body: 'Written today' })).body;
      const weekly = (await api.json('POST', '/api/v1/journal/weekly', { week: '2026-W47', grew: 'patience' })).body;
      const list = await api.json('GET', '/api/v1/journal');
      expect(list.status).toBe(200);
      expect(list.body.map((e: { id: string }) => e.id)).toEqual([recent.id, weekly.id, old.id]);
      const { body: _, ...rest } = old;
      expect(list.body[2]).toEqual({ ...rest, excerpt: 'An older one' });
      const ids = async (query: string) => (await api.json('GET', `/api/v1/journal${query}`)).body.map((e: { id: string }) => e.id);
      expect(await ids('?tag=growth')).toEqual([old.id]);
      expect(await ids('?kind=weekly-review')).toEqual([weekly.id]);
      expect(await ids('?from=2026-11-02&to=2026-11-22')).toEqual([weekly.id]);
      await expectError(await api.call('GET', '/api/v1/journal?from=2026-11-22&to=2026-11-01'), 400, 'validation_failed', 'from: must not be after to');
      await expectError(await api.call('GET', '/api/v1/journal?kind=post'), 400, 'validation_failed', 'kind: expected entry, weekly-review or reflection');
    });

    it('refuses bad input with 400 and a clear message, writing nothing', async () => {
      const kept = (await api.json('POST', '/api/v1/journal', { body: 'kept' })).body;
      await refused('POST', '/api/v1/journal', { body: '   ' }, 400, 'validation_failed', 'body: must not be empty');
      await refused('POST', '/api/v1/journal', { title: 'no body' }, 400, 'validation_failed', 'body: required: the entry text in Markdown');
      await refused('POST', '/api/v1/journal', { body: 'x', date: '2026-13-01' }, 400, 'validation_failed', 'date: expected a date YYYY-MM-DD');
      await refused('POST', '/api/v1/journal', { body: 'x', tags: ['<b>'] }, 400, 'validation_failed', 'tags[0]: a tag holds letters, digits, spaces, _ . -');
      await refused('POST', '/api/v1/journal', { body: 'x', secret: true }, 400, 'validation_failed', 'secret: unknown field');
      await refused('POST', '/api/v1/journal', { body: 'x'.repeat(200_001) }, 400, 'validation_failed', 'body: at most 200000 characters');
      await refused(
        'PATCH',
        `/api/v1/journal/${kept.id}`,
        {},
        400,
        'validation_failed',
        'body: nothing to change: give a title, date, tags, visibility or body',
      );
      await refused('PATCH', `/api/v1/journal/${kept.id}`, { body: '' }, 400, 'validation_failed', 'body: must not be empty');
      await refused('PATCH', '/api/v1/journal/nope', { title: 'x' }, 404, 'not_found', 'entry: no entry "nope"');
    });

    it('keeps Markdown with script as written and says so in warnings', async () => {
      const body =
        '<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n[click](javascript:window.__pwned=3)\n<iframe src="https://example.com"></iframe>\n';
      const created = await api.json('POST', '/api/v1/journal', { body });
      expect(created.status).toBe(201);
      expect(created.body.warnings).toEqual([SCRIPT_WARNING]);
      expect(created.body.body).toBe(body);
      expect((await api.json('GET', `/api/v1/journal/${created.body.id}`)).body.body).toBe(body);
      expect((await api.json('PATCH', `/api/v1/journal/${created.body.id}`, { title: 'x' })).body.warnings).toEqual([SCRIPT_WARNING]);
    });

    it("never shows another person's entries", async () => {
      const mine = (await api.json('POST', '/api/v1/journal', { body: 'my wombat' })).body;
      await insertPerson(db.store.db, { id: 'other', name: 'other', time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' });
      const token = await createApiToken(db.store, 'other', 'tests');
      const asOther = { authorization: `Bearer ${token}` };
      const theirs = await api.json('POST', '/api/v1/journal', { body: 'their wombat' }, asOther);
      expect((await api.json('GET', '/api/v1/journal')).body.map((e: { id: string }) => e.id)).toEqual([mine.id]);
      expect((await api.json('GET', '/api/v1/journal/search?text=wombat')).body.map((e: { id: string }) => e.id)).toEqual([mine.id]);
      await expectError(await api.call('GET', `/api/v1/journal/${theirs.body.id}`), 404, 'not_found');
      await expectError(await api.call('PATCH', `/api/v1/journal/${theirs.body.id}`, { title: 'x' }), 404, 'not_found');
      await expectError(await api.call('DELETE', `/api/v1/journal/${theirs.body.id}`), 404, 'not_found');
      expect((await api.json('GET', `/api/v1/journal/${theirs.body.id}`, undefined, asOther)).status).toBe(200);
    });
  });

  describe('search', () => {
    it('GET /journal/search finds stemmed words and marks them; bad queries are clear, odd characters harmless', async () => {
      const entry = (await api.json('POST', '/api/v1/journal', { title: 'Reviews', body: 'Two careful reviews of the billing service.', date: '2026-11-10' }))
        .body;
      await api.json('POST', '/api/v1/journal', { body: 'Nothing to see.' });
      const found = await api.json('GET', `/api/v1/journal/search?text=${encodeURIComponent('Reviewing billing')}`);
      expect(found).toEqual({
        status: 200,
        body: [{ id: entry.id, title: 'Reviews', date: '2026-11-10', snippet: expect.stringMatching(/^Two careful ⟦reviews⟧ of the ⟦billing⟧ service\.?$/) }],
      });
      expect((await api.json('GET', `/api/v1/journal/search?text=${encodeURIComponent('"billing" OR (x*')}`)).body).toEqual([]);
      expect((await api.json('GET', `/api/v1/journal/search?text=${encodeURIComponent('-bill* "')}`)).body.map((h: { id: string }) => h.id)).toEqual([
        entry.id,
      ]);
      await expectError(await api.call('GET', '/api/v1/journal/search?text='), 400, 'validation_failed', 'text: must not be empty: give the words to look for');
      await expectError(await api.call('GET', '/api/v1/journal/search'), 400, 'validation_failed', 'text: required: the words to look for');
      await expectError(
        await api.call('GET', '/api/v1/journal/search?text=x&limit=500'),
        400,
        'validation_failed',
        'limit: expected a whole number from 1 to 200',
      );
    });
  });

  describe('weekly review', () => {
    it('POST /journal/weekly writes a review entry (201); a second one for the week is a conflict', async () => {
      const review = await api.json('POST', '/api/v1/journal/weekly', { grew: 'Testing', next: 'Pairing' });
      expect(review.status).toBe(201);
      expect(review.body).toMatchObject({
        title: 'Weekly review 2026-W48',
        kind: 'weekly-review',
        date: '2026-11-23',
        periodFrom: '2026-11-23',
        periodTo: '2026-11-29',
        body: '## What grew\n\nTesting\n\n## What drained you\n\n\n## What you will try next week\n\nPairing\n',
      });
      await refused(
        'POST',
        '/api/v1/journal/weekly',
        { drained: 'x' },
        409,
        'conflict',
        `week: 2026-W48 already has a weekly review (${review.body.id}); edit it with grow journal edit ${review.body.id}`,
      );
      await refused(
        'POST',
        '/api/v1/journal/weekly',
        { week: '2026-W47' },
        400,
        'validation_failed',
        'grew: answer at least one prompt: what grew, what drained you, what you will try next week',
      );
      await refused(
        'POST',
        '/api/v1/journal/weekly',
        { week: '2027-W01', grew: 'x' },
        400,
        'validation_failed',
        'week: 2027-W01 has not started yet (this week is 2026-W48)',
      );
    });
  });

  it('describes the routes and their response shapes in the OpenAPI document', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    for (const [path, methods] of Object.entries({
      '/api/v1/journal': ['get', 'post'],
      '/api/v1/journal/search': ['get'],
      '/api/v1/journal/weekly': ['post'],
      '/api/v1/journal/{id}': ['get', 'patch', 'delete'],
    })) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
    }
    for (const name of ['JournalEntry', 'SavedJournalEntry', 'JournalListItem', 'JournalSearchHit']) expect(doc.components.schemas, name).toHaveProperty(name);
    expect(doc.paths['/api/v1/journal/search'].get.responses['200'].content['application/json'].schema.items.$ref).toBe(
      '#/components/schemas/JournalSearchHit',
    );
  });
});
