import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { BAD_DIR, fixturePost, fixturePosts } from '../fixtures/jekyll/posts.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const GOOD = fixturePosts();
const BAD = fixturePosts(BAD_DIR);

describeEachDialect('HTTP Jekyll posts and reflections', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  const entries = () => db.store.db.selectFrom('journal_entry').selectAll().orderBy('id').execute();
  const form = (posts: { name: string; bytes: Buffer }[]) => {
    const body = new FormData();
    for (const p of posts) body.append('file', new Blob([new Uint8Array(p.bytes)]), p.name);
    return body;
  };
  const postForm = (posts: { name: string; bytes: Buffer }[], query = '') =>
    api.app.request(`/api/v1/import/jekyll${query}`, {
      method: 'POST',
      headers: { host: 'localhost', authorization: `Bearer ${api.token}` },
      body: form(posts),
    });
  const postOne = (name: string, bytes: Buffer | string) =>
    api.app.request(`/api/v1/import/jekyll?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { host: 'localhost', authorization: `Bearer ${api.token}`, 'content-type': 'text/markdown' },
      body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
    });

  describe('Jekyll posts', () => {
    it('POST /import/jekyll imports several files of a form; GET /journal/{id}/jekyll gives each back byte for byte', async () => {
      const response = await postForm(GOOD);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: [] });
      for (const post of GOOD) {
        const row = (await entries()).find((e) => e.source_name === post.name)!;
        const exported = await api.call('GET', `/api/v1/journal/${row.id}/jekyll`);
        expect(exported.status).toBe(200);
        expect(exported.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
        expect(Buffer.from(await exported.arrayBuffer()).equals(post.bytes), post.name).toBe(true);
      }
      const unicode = await api.call('GET', `/api/v1/journal/${encodeURIComponent('2024-02-29-uber-feedback.md')}/jekyll`);
      expect(unicode.headers.get('content-disposition')).toBe(
        `attachment; filename="2024-02-29-uber-feedback.md"; filename*=UTF-8''2024-02-29-uber-feedback.md`,
      );
    });

    it('POST /import/jekyll?name= imports one post sent as the body; re-importing it is unchanged', async () => {
      const post = fixturePost('2024-03-05-late-night-incident.md');
      expect(await (await postOne(post.name, post.bytes)).json()).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: [] });
      expect(await (await postOne(post.name, post.bytes)).json()).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: [] });
      expect(await (await postOne(post.name, post.text.replace('rolled back', 'rolled forward'))).json()).toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
        skipped: [],
      });
      const rows = await entries();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ date: '2024-03-05', time: '23:30:00', utc_offset: '-08:00', source_name: post.name });
    });

    it('refuses bad posts with a clear message, writing nothing; skipBad=true imports the good ones', async () => {
      await postOne('2025-01-01-new-year.md', fixturePost('2025-01-01-new-year.md').bytes);
      const before = await entries();
      const refusedForm = async (posts: typeof GOOD, message: string | RegExp) => {
        await expectError(await postForm(posts), 400, 'validation_failed', message);
        expect(await entries()).toEqual(before);
      };
      await refusedForm([...GOOD, BAD.find((b) => b.name === '2024-01-01-not-yaml.md')!], /^2024-01-01-not-yaml\.md: line 5: front matter is not YAML: /);
      await refusedForm(
        [BAD.find((b) => b.name === '2024-01-02-unclosed.md')!],
        '2024-01-02-unclosed.md: the front matter is not closed: no line "---" or "..." after the opening "---"',
      );
      await expectError(
        await postOne('2024-01-03-bad-date.md', BAD.find((b) => b.name === '2024-01-03-bad-date.md')!.bytes),
        400,
        'validation_failed',
        '2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date',
      );
      await expectError(
        await postOne('notes.md', '---\ntitle: x\n---\n'),
        400,
        'validation_failed',
        'notes.md: no date: the front matter has no date and the file name does not start with YYYY-MM-DD-',
      );
      await expectError(await postOne('2024-01-01-x.md', Buffer.from([0x2d, 0xff, 0xfe])), 400, 'validation_failed', '2024-01-01-x.md: not UTF-8 text');
      await expectError(
        await postOne('../2024-01-01-x.md', '---\n---\n'),
        400,
        'validation_failed',
        '../2024-01-01-x.md: not a post file: expected a name ending in .md, .markdown or .html',
      );
      await expectError(
        await api.call('POST', '/api/v1/import/jekyll', '---\n---\n'),
        400,
        'validation_failed',
        "name: required: the post's file name, e.g. ?name=2024-03-05-slug.md",
      );
      await expectError(await api.call('POST', '/api/v1/import/jekyll?name=2024-01-01-x.md', ''), 400, 'validation_failed', 'file: empty');
      await expectError(
        await api.call('POST', '/api/v1/import/jekyll?name=2024-01-01-x.md&skipBad=maybe', '---\n---\n'),
        400,
        'validation_failed',
        'skipBad: expected true or false',
      );
      expect(await entries()).toEqual(before);

      const skipped = await postForm([...GOOD, ...BAD], '?skipBad=true');
      const result = (await skipped.json()) as { created: number; unchanged: number; skipped: { file: string }[] };
      expect(result).toMatchObject({ created: 8, unchanged: 1 });
      expect(result.skipped.map((s) => s.file)).toEqual(BAD.map((b) => b.name));
    });

    it('GET /journal/{id}/jekyll of an unknown entry is 404', async () => {
      await expectError(await api.call('GET', '/api/v1/journal/nope/jekyll'), 404, 'not_found', 'entry: no entry "nope"');
    });
  });

  describe('reflections', () => {
    it('GET /reflections/period suggests the latest week with anything recorded, or null', async () => {
      expect(await (await api.call('GET', '/api/v1/reflections/period')).json()).toEqual({ period: null });
      // Today is 2026-11-23, a Monday: last week is 2026-11-16 … 2026-11-22, and holds nothing.
      expect((await api.call('POST', '/api/v1/activities', { text: 'Pairing', minutes: 30, skills: ['testing'], date: '2026-11-04' })).status).toBe(201);
      const response = await api.call('GET', '/api/v1/reflections/period');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ period: { from: '2026-11-02', to: '2026-11-08', basis: 'latest-week' } });
    });

    it('POST /reflections writes a draft (201) with the facts; GET /reflections lists them; its post is a draft', async () => {
      await api.json('POST', '/api/v1/activities', { text: 'Wrote tests', minutes: 40, skills: ['testing'], date: '2026-11-10' });
      await api.json('POST', '/api/v1/activities', { text: 'Coached', minutes: 20, skills: ['communication'], date: '2026-11-11' });
      const created = await api.json('POST', '/api/v1/reflections', { from: '2026-11-09', to: '2026-11-15' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        title: 'Reflection 2026-11-09 – 2026-11-15',
        date: '2026-11-15',
        kind: 'reflection',
        periodFrom: '2026-11-09',
        periodTo: '2026-11-15',
        visibility: 'private',
        jekyll: null,
      });
      expect(created.body.body).toContain(
        '- Technical practice: 40 min\n- Soft practice: 20 min\n- Logged: 2 activities, 60 min (1 h) in all\n- Technical share: 67% against your target of 50%',
      );
      const titled = await api.json('POST', '/api/v1/reflections', { from: '2026-11-16', to: '2026-11-22', title: 'Week 47' });
      expect((await api.json('GET', '/api/v1/reflections')).body).toEqual([titled.body, created.body]);

      const post = await api.call('GET', `/api/v1/journal/${titled.body.id}/jekyll`);
      expect(post.headers.get('content-disposition')).toBe(`attachment; filename="2026-11-22-week-47.md"; filename*=UTF-8''2026-11-22-week-47.md`);
      expect(await post.text()).toBe(`---\nlayout: post\ntitle: Week 47\ndate: 2026-11-22\npublished: false\n---\n${titled.body.body}`);
    });

    it('refuses a bad period with a clear message, writing nothing', async () => {
      const refused = async (body: unknown, message: string) => {
        const before = await entries();
        await expectError(await api.call('POST', '/api/v1/reflections', body), 400, 'validation_failed', message);
        expect(await entries()).toEqual(before);
      };
      await refused({ from: '2026-11-10', to: '2026-11-09' }, 'from: must not be after to');
      await refused({ from: '2026-11-01' }, 'to: expected a date YYYY-MM-DD');
      await refused({ from: '2026-02-30', to: '2026-03-01' }, 'from: expected a date YYYY-MM-DD');
      await refused({ from: '2026-12-01', to: '2026-12-31' }, 'from: 2026-12-01 is after today (2026-11-23): a reflection looks back on days that have begun');
      await refused({ from: '2026-11-01', to: '2026-11-02', extra: true }, 'extra: unknown field');
    });
  });
});
