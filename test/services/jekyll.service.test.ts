import type { AppError } from '../../src/core/errors.js';
import { expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/core/import-limits.js';
import { describeEachDialect } from '../support/stores.js';
import { BAD_DIR, fixturePost, fixturePosts } from '../fixtures/jekyll/posts.js';
import { decodePost, exportJekyll, importJekyll } from '../../src/services/jekyll.service.js';
import type { Context } from '../../src/services/context.js';
import { newId } from '../../src/store/ids.js';
import { insertJournalEntry, updateJournalEntry } from '../../src/store/journal.repository.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { expectAppError } from './service.helpers.js';

const GOOD = fixturePosts();
const BAD = fixturePosts(BAD_DIR);
const asFiles = (posts: typeof GOOD) => posts.map(({ name, text, path }) => ({ name, text, path }));

describeEachDialect('Jekyll import and export', (db) => {
  const entries = () => db.store.db.selectFrom('journal_entry').selectAll().orderBy('source_name').orderBy('id').execute();
  const bySource = async (name: string) => (await entries()).find((e) => e.source_name === name)!;
  const inLosAngeles = async (): Promise<Context> => {
    const ctx = await db.ctx();
    await updatePerson(db.store.db, ctx.personId, { time_zone: 'America/Los_Angeles' });
    return db.ctx();
  };

  const refused = async (ctx: Context, files: { name: string; text: string }[], message: string | RegExp) => {
    const before = await entries();
    await expect(importJekyll(ctx, files)).rejects.toMatchObject({ code: 'validation_failed', message });
    expect(await entries()).toEqual(before);
  };

  it('imports a _posts folder: every field, the body and front matter exactly, the file name as source', async () => {
    const ctx = await inLosAngeles();
    expect(await importJekyll(ctx, asFiles(GOOD))).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: [] });
    const rows = await entries();
    expect(rows).toHaveLength(9);
    const pairing = await bySource('2020-08-21-what-i-learned-pairing.md');
    expect(pairing).toMatchObject({
      person_id: ctx.personId,
      title: 'What I learned pairing with Maya',
      // A date alone stays the day written, for a person in Los Angeles too.
      date: '2020-08-21',
      time: null,
      utc_offset: null,
      tags: '["pairing","testing"]',
      categories: '["growth","engineering"]',
      kind: 'entry',
      visibility: 'private',
      period_from: null,
      front_matter: `${fixturePost('2020-08-21-what-i-learned-pairing.md').text.split('---\n').slice(0, 2).join('---\n')}---\n`,
      body: 'We paired on the flaky payment test for two hours.\n\nThe trick was to **slow down** and read the log together.\n',
      created_at: '2026-11-23T12:00:00.000Z',
    });
    expect(await bySource('2024-03-05-late-night-incident.md')).toMatchObject({
      date: '2024-03-05',
      time: '23:30:00',
      utc_offset: '-08:00',
      categories: '["blog","on-call"]',
      tags: '["incidents","reliability"]',
    });
    expect(await bySource('2023-01-10-morning-pages.markdown')).toMatchObject({ time: '09:15', utc_offset: '-08:00' });
    expect(await bySource('2022-06-01-giving-feedback.md')).toMatchObject({ date: '2022-06-01', time: null });
    expect(await bySource('2018-07-07-quiet-notes.md')).toMatchObject({ title: null, date: '2018-07-07' });
    expect((await bySource('2021-12-31-year-in-review.md')).body).toBe('A year of small habits.\r\n\r\nNext year: more writing.\r\n');
    expect((await bySource('2024-02-29-uber-feedback.md')).title).toBe('Über Feedback — 成長の記録');
  });

  it('exports every imported post back byte for byte', async () => {
    const ctx = await inLosAngeles();
    await importJekyll(ctx, asFiles(GOOD));
    for (const post of GOOD) {
      const row = await bySource(post.name);
      const exported = await exportJekyll(ctx, row.id);
      expect(exported.fileName).toBe(post.name);
      expect(Buffer.from(exported.text, 'utf8').equals(post.bytes), post.name).toBe(true);
      // By the file name too.
      expect((await exportJekyll(ctx, post.name)).text).toBe(exported.text);
    }
  });

  it('re-importing updates the entry of the same file name instead of adding one; unchanged files are counted', async () => {
    const ctx = await db.ctx();
    await importJekyll(ctx, asFiles(GOOD));
    const before = await entries();
    expect(await importJekyll(ctx, asFiles(GOOD))).toEqual({ created: 0, updated: 0, unchanged: 9, skipped: [] });
    expect(await entries()).toEqual(before);

    const later = await db.ctx('2026-11-24');
    const edited = GOOD.map((p) => (p.name === '2022-06-01-giving-feedback.md' ? { ...p, text: p.text.replace('impact.', 'impact, then listen.') } : p));
    expect(await importJekyll(later, asFiles(edited))).toEqual({ created: 0, updated: 1, unchanged: 8, skipped: [] });
    const after = await entries();
    expect(after).toHaveLength(9);
    const row = after.find((r) => r.source_name === '2022-06-01-giving-feedback.md')!;
    expect(row).toMatchObject({
      body: 'Situation, behaviour, impact, then listen.\n',
      created_at: '2026-11-23T12:00:00.000Z',
      updated_at: '2026-11-24T12:00:00.000Z',
    });
    expect(row.id).toBe(before.find((r) => r.source_name === '2022-06-01-giving-feedback.md')!.id);
  });

  it('refuses a folder with a bad post, naming the file and line, writing nothing', async () => {
    const ctx = await db.ctx();
    await importJekyll(ctx, asFiles([fixturePost('2025-01-01-new-year.md')]));
    const bad = (name: string) => asFiles([...GOOD, BAD.find((b) => b.name === name)!]);
    await refused(ctx, bad('2024-01-01-not-yaml.md'), /^2024-01-01-not-yaml\.md: line 5: front matter is not YAML: /);
    await refused(ctx, bad('2024-01-02-unclosed.md'), '2024-01-02-unclosed.md: the front matter is not closed: no line "---" or "..." after the opening "---"');
    await refused(ctx, bad('2024-01-03-bad-date.md'), '2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date');
    await refused(
      ctx,
      bad('notes-without-date.md'),
      'notes-without-date.md: no date: the front matter has no date and the file name does not start with YYYY-MM-DD-',
    );
    await refused(ctx, [{ name: 'notes.txt', text: '---\n---\n' }], 'notes.txt: not a post file: expected a name ending in .md, .markdown or .html');
    await refused(
      ctx,
      [...asFiles(GOOD), { name: '2020-08-21-what-i-learned-pairing.md', text: '---\n---\n', path: 'old/2020-08-21-what-i-learned-pairing.md' }],
      '2020-08-21-what-i-learned-pairing.md: the same file name as 2020-08-21-what-i-learned-pairing.md: Jekyll would make one post of them',
    );
    await refused(ctx, [], 'file: no Jekyll posts (.md, .markdown or .html files) found');
  });

  it('refuses more posts than one import takes, naming the limit, before reading any; nothing written', async () => {
    const ctx = await db.ctx();
    const posts = Array.from({ length: IMPORT_LIMITS.posts + 1 }, (_, i) => ({ name: `2024-01-01-post-${i}.md`, text: '---\ntitle: A post\n---\nHello\n' }));
    await expect(importJekyll(ctx, posts)).rejects.toThrow('file: more posts than the limit of 20,000');
    expect(await entries()).toEqual([]);
  });

  it('several bad posts: every one named with its file (and line where known), writing nothing', async () => {
    const ctx = await db.ctx();
    const before = await entries();
    const error = await importJekyll(ctx, asFiles([...GOOD, ...BAD])).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/ \(and 3 more problems; nothing was imported\)$/) });
    const details = (error as AppError).details!;
    expect(details.map((d) => d.path)).toEqual(['2024-01-01-not-yaml.md', '2024-01-02-unclosed.md', '2024-01-03-bad-date.md', 'notes-without-date.md']);
    expect(details[2]).toEqual({ path: '2024-01-03-bad-date.md', message: 'date: "2024-02-30" is not a real date', line: 4 });
    expect(await entries()).toEqual(before);
  });

  it('--skip-bad imports the good posts and reports the bad ones', async () => {
    const ctx = await db.ctx();
    const result = await importJekyll(ctx, asFiles([...GOOD, ...BAD]), { skipBad: true });
    expect(result.created).toBe(9);
    expect(result.skipped.map((s) => s.file)).toEqual(['2024-01-01-not-yaml.md', '2024-01-02-unclosed.md', '2024-01-03-bad-date.md', 'notes-without-date.md']);
    expect(result.skipped[2]).toEqual({ file: '2024-01-03-bad-date.md', message: '2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date' });
    expect(await entries()).toHaveLength(9);
    expect(await importJekyll(ctx, asFiles(BAD), { skipBad: true })).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
  });

  it('reads uploaded bytes as UTF-8, refusing anything else', () => {
    expect(decodePost(new Uint8Array([0xef, 0xbb, 0xbf, 0x2d]), 'a.md').text).toBe('\uFEFF-');
    expect(() => decodePost(new Uint8Array([0xff, 0xfe, 0x00]), 'a.md')).toThrow('a.md: not UTF-8 text');
  });

  it('exports a changed imported post with its front matter edited, and a new entry with a fresh one', async () => {
    const ctx = await db.ctx();
    await importJekyll(ctx, asFiles(GOOD));
    const incident = await bySource('2024-03-05-late-night-incident.md');
    await updateJournalEntry(db.store.db, ctx.personId, incident.id, { title: 'The pager', tags: '["incidents"]', body: 'Rewritten.\n' });
    // The title keeps the double quotes its author wrote it with.
    expect((await exportJekyll(ctx, incident.id)).text).toBe(
      '---\nlayout: post\ntitle: "The pager"\ndate: 2024-03-05 23:30:00 -0800\ncategories: blog on-call\ntags: incidents\nauthor: sam\n---\nRewritten.\n',
    );

    const id = newId();
    const base = {
      person_id: ctx.personId,
      body: 'Dear diary.\n',
      categories: '[]',
      period_from: null,
      period_to: null,
      visibility: 'private' as const,
      front_matter: null,
      source_name: null,
      created_at: 'x',
      updated_at: 'x',
    };
    await insertJournalEntry(db.store.db, {
      ...base,
      id,
      title: 'A note: on trust',
      date: '2026-11-20',
      time: '21:05',
      utc_offset: '-08:00',
      tags: '["trust"]',
      kind: 'entry',
    });
    expect(await exportJekyll(ctx, id)).toEqual({
      fileName: '2026-11-20-a-note-on-trust.md',
      text: '---\nlayout: post\ntitle: "A note: on trust"\ndate: 2026-11-20 21:05:00 -0800\ntags:\n  - trust\n---\nDear diary.\n',
    });
    const reflection = newId();
    await insertJournalEntry(db.store.db, {
      ...base,
      id: reflection,
      title: 'Reflection',
      date: '2026-11-22',
      time: null,
      utc_offset: null,
      tags: '[]',
      kind: 'reflection',
    });
    expect((await exportJekyll(ctx, reflection)).text).toBe('---\nlayout: post\ntitle: Reflection\ndate: 2026-11-22\npublished: false\n---\nDear diary.\n');
    await expectAppError(exportJekyll(ctx, 'nope'), 'not_found', 'entry: no entry "nope"');
  });
});
