import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { createContext, type Context } from '../../src/services/context.js';
import {
  addJournalEntry,
  editJournalEntry,
  getJournalEntry,
  listJournal,
  plainExcerpt,
  removeJournalEntry,
  scriptWarnings,
  searchJournal,
  wallClock,
  weeklyReviewBody,
  writeWeeklyReview,
} from '../../src/services/journal.service.js';
import { insertJournalEntry, journalSearchQuery, pgTieredSearchQuery, preferSearchIndex, searchWords } from '../../src/store/journal.repository.js';
import { insertPerson, updatePerson } from '../../src/store/person.repository.js';
import { mondayOfIsoWeek } from '../../src/schemas/journal.schema.js';
import { expectAppError } from './service.helpers.js';

const SCRIPT_WARNING = (found: string) =>
  `body: contains HTML that can run script (${found}); it is kept as written and never runs: the web app removes it when showing the entry`;

describe('journal rules (pure)', () => {
  it('reads the wall time and offset of an instant in a zone', () => {
    const instant = new Date('2026-11-23T12:00:00Z');
    expect(wallClock(instant, 'Asia/Kolkata')).toEqual({ date: '2026-11-23', time: '17:30:00', utcOffset: '+05:30' });
    expect(wallClock(instant, 'America/Los_Angeles')).toEqual({ date: '2026-11-23', time: '04:00:00', utcOffset: '-08:00' });
    expect(wallClock(instant, 'UTC')).toEqual({ date: '2026-11-23', time: '12:00:00', utcOffset: '+00:00' });
    expect(wallClock(new Date('2026-07-01T23:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-07-02', time: '01:30:00', utcOffset: '+02:00' });
  });

  it('finds the Monday of an ISO week, and no week that does not exist', () => {
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2026-W00')).toBeNull();
    expect(mondayOfIsoWeek('2026-48')).toBeNull();
  });

  it('turns Markdown into a plain excerpt of about 160 characters', () => {
    expect(plainExcerpt('# On feedback\n\nI **asked** for [feedback](https://example.com) on `the RFC`.\n\n- one\n- two <b>bold</b>')).toBe(
      'On feedback I asked for feedback on the RFC. one two bold',
    );
    expect(plainExcerpt('<script>alert(1)</script>Safe text')).toBe('Safe text');
    const long = plainExcerpt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('notices script in Markdown: <script>, on…= handlers, javascript: links; not prose', () => {
    expect(scriptWarnings('<script>window.__pwned=1</script>')).toEqual([SCRIPT_WARNING('<script>')]);
    expect(scriptWarnings('<img src=x onerror="alert(1)"> <a href="#" onClick=go()>')).toEqual([SCRIPT_WARNING('onerror=, onclick=')]);
    expect(scriptWarnings('[click](javascript:alert(1))')).toEqual([SCRIPT_WARNING('javascript: URL')]);
    expect(scriptWarnings('<a href="javascript:alert(1)">x</a>')).toEqual([SCRIPT_WARNING('javascript: URL')]);
    expect(scriptWarnings('I learned javascript: closures, once more. Online=yes, a description="x".')).toEqual([]);
    expect(scriptWarnings('<SCRIPT src=x></SCRIPT>\n[x]: javascript:void(0)')).toEqual([SCRIPT_WARNING('<script>, javascript: URL')]);
  });

  it('reads search words safely: letters and digits only, lower case, no stop words', () => {
    expect(searchWords('  "Reviewing" the*  (code) OR -tests AND NOT near/2 ')).toEqual(['reviewing', 'code', 'tests', 'near', '2']);
    expect(searchWords('*** "" () -- ::')).toEqual([]);
    expect(searchWords("l'été café")).toEqual(['l', 'été', 'café']);
  });

  it('writes the weekly review body with one heading per prompt', () => {
    expect(weeklyReviewBody({ grew: 'Testing', drained: null, next: 'Pairing' })).toBe(
      '## What grew\n\nTesting\n\n## What drained you\n\n\n## What you will try next week\n\nPairing\n',
    );
  });
});

describeEachDialect('journal service', (db) => {
  /** Every journal row: what "nothing written" compares. */
  const rows = () => db.store.db.selectFrom('journal_entry').selectAll().orderBy('id').execute();

  const expectRefused = async (call: () => Promise<unknown>, code: string, message: string) => {
    const before = await rows();
    await expectAppError(call(), code, message);
    expect(await rows()).toEqual(before);
  };

  const inZone = async (zone: string): Promise<Context> => {
    const ctx = await db.ctx();
    await updatePerson(db.store.db, ctx.personId, { time_zone: zone });
    return db.ctx();
  };

  describe('writing and reading', () => {
    it('adds an entry written now with the time and offset in the person zone, body exactly as written', async () => {
      const ctx = await inZone('Asia/Kolkata');
      const body = '# Day one\r\n\r\nI *asked* for feedback.  \n\n\n';
      const entry = await addJournalEntry(ctx, { title: '  First entry ', body, tags: 'Feedback, growth,feedback' });
      expect(entry).toEqual({
        id: expect.any(String),
        title: 'First entry',
        date: '2026-11-23',
        time: '17:30:00',
        utcOffset: '+05:30',
        tags: ['feedback', 'growth'],
        categories: [],
        kind: 'entry',
        periodFrom: null,
        periodTo: null,
        visibility: 'private',
        body,
        createdAt: '2026-11-23T12:00:00.000Z',
        updatedAt: '2026-11-23T12:00:00.000Z',
        jekyll: null,
      });
      expect(Object.keys(entry)).toEqual([
        'id',
        'title',
        'date',
        'time',
        'utcOffset',
        'tags',
        'categories',
        'kind',
        'periodFrom',
        'periodTo',
        'visibility',
        'body',
        'createdAt',
        'updatedAt',
        'jekyll',
      ]);
      expect(await getJournalEntry(ctx, entry.id)).toEqual(entry);
    });

    it('gives a date without a time when the date is given, or when now is not on today', async () => {
      const la = await inZone('America/Los_Angeles');
      expect(await addJournalEntry(la, { body: 'x' })).toMatchObject({ date: '2026-11-23', time: '04:00:00', utcOffset: '-08:00' });
      expect(await addJournalEntry(la, { body: 'x', date: '2026-11-23' })).toMatchObject({ date: '2026-11-23', time: null, utcOffset: null });
      // 12:00 UTC is already 24 November at +14: the time belongs to another day than today.
      const kiritimati = await inZone('Pacific/Kiritimati');
      expect(await addJournalEntry(kiritimati, { body: 'x' })).toMatchObject({ date: '2026-11-23', time: null, utcOffset: null });
    });

    it('lists entries newest first with an excerpt and no body, by dates, tag and kind', async () => {
      const ctx = await db.ctx();
      const old = await addJournalEntry(ctx, { title: 'Old', body: '**Old** news', date: '2026-11-01', tags: 'growth' });
      const todayDated = await addJournalEntry(ctx, { title: 'Dated', body: 'dated today', date: '2026-11-23' });
      const now = await addJournalEntry(ctx, { title: 'Now', body: 'written now', tags: ['Career', 'growth'] });
      const weekly = await writeWeeklyReview(ctx, { week: '2026-W47', grew: 'patience' });
      const list = await listJournal(ctx);
      // Same day: the one with a time of day comes first (12:00 > no time).
      expect(list.map((e) => e.title)).toEqual(['Now', 'Dated', 'Weekly review 2026-W47', 'Old']);
      const { body: _, ...withoutBody } = old;
      expect(list[3]).toEqual({ ...withoutBody, excerpt: 'Old news' });
      expect(list[3]).not.toHaveProperty('body');
      expect((await listJournal(ctx, { from: '2026-11-16', to: '2026-11-22' })).map((e) => e.id)).toEqual([weekly.id]);
      expect((await listJournal(ctx, { tag: 'growth' })).map((e) => e.id)).toEqual([now.id, old.id]);
      expect((await listJournal(ctx, { tag: 'Career' })).map((e) => e.id)).toEqual([now.id]);
      expect(await listJournal(ctx, { tag: 'grow' })).toEqual([]);
      expect((await listJournal(ctx, { kind: 'weekly-review' })).map((e) => e.id)).toEqual([weekly.id]);
      expect((await listJournal(ctx, { kind: 'entry', to: '2026-11-23', from: '2026-11-23' })).map((e) => e.id)).toEqual([now.id, todayDated.id]);
      await expectAppError(listJournal(ctx, { from: '2026-11-23', to: '2026-11-01' }), 'validation_failed', 'from: must not be after to');
      await expectAppError(listJournal(ctx, { kind: 'post' }), 'validation_failed', 'kind: expected entry, weekly-review or reflection');
    });

    it('refuses bad input with a clear message and writes nothing', async () => {
      const ctx = await db.ctx();
      await addJournalEntry(ctx, { body: 'kept' });
      await expectRefused(() => addJournalEntry(ctx, {}), 'validation_failed', 'body: required: the entry text in Markdown');
      await expectRefused(() => addJournalEntry(ctx, { body: '' }), 'validation_failed', 'body: must not be empty');
      await expectRefused(() => addJournalEntry(ctx, { body: ' \n\t\n' }), 'validation_failed', 'body: must not be empty');
      await expectRefused(() => addJournalEntry(ctx, { body: 'x'.repeat(200_001) }), 'validation_failed', 'body: at most 200000 characters');
      await expectRefused(() => addJournalEntry(ctx, { body: 'x', date: '2026-02-30' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
      await expectRefused(
        () => addJournalEntry(ctx, { body: 'x', tags: 'ok,"quoted"' }),
        'validation_failed',
        'tags[1]: a tag holds letters, digits, spaces, _ . -',
      );
      await expectRefused(() => addJournalEntry(ctx, { body: 'x', title: 't'.repeat(201) }), 'validation_failed', 'title: at most 200 characters');
      await expectRefused(() => addJournalEntry(ctx, { body: 'x', visibility: 'public' }), 'validation_failed', 'visibility: expected private or shared');
      await expectRefused(() => addJournalEntry(ctx, { body: 'x', kind: 'reflection' }), 'validation_failed', 'kind: unknown field');
    });

    it('keeps script in the body as written and warns about it', async () => {
      const ctx = await db.ctx();
      const body = '<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n[click](javascript:window.__pwned=3)\n';
      const entry = await addJournalEntry(ctx, { body });
      expect(entry.warnings).toEqual([SCRIPT_WARNING('<script>, onerror=, javascript: URL')]);
      expect((await getJournalEntry(ctx, entry.id)).body).toBe(body);
      expect(await getJournalEntry(ctx, entry.id)).not.toHaveProperty('warnings');
      expect(await addJournalEntry(ctx, { body: 'plain' })).not.toHaveProperty('warnings');
    });

    it('edits title, tags, visibility and body; a new date drops the time; front matter and file name stay', async () => {
      const ctx = await db.ctx();
      const entry = await addJournalEntry(ctx, { title: 'Draft', body: 'first', tags: 'a' });
      expect(entry.time).toBe('12:00:00');
      const later = await db.ctx();
      const edited = await editJournalEntry({ ...later, now: () => new Date('2026-11-23T13:00:00Z') }, entry.id, {
        title: 'Final',
        tags: ['b', 'c'],
        body: 'second\n',
        visibility: 'shared',
      });
      expect(edited).toEqual({ ...entry, title: 'Final', tags: ['b', 'c'], body: 'second\n', visibility: 'shared', updatedAt: '2026-11-23T13:00:00.000Z' });
      // The same date keeps the time; another date has none.
      expect(await editJournalEntry(ctx, entry.id, { date: '2026-11-23' })).toMatchObject({ date: '2026-11-23', time: '12:00:00', utcOffset: '+00:00' });
      expect(await editJournalEntry(ctx, entry.id, { date: '2026-11-20' })).toMatchObject({ date: '2026-11-20', time: null, utcOffset: null });
      expect(await editJournalEntry(ctx, entry.id, { title: '' })).toMatchObject({ title: null });

      const frontMatter = '---\nlayout: post\ntitle: Imported\n---\n';
      await insertJournalEntry(db.store.db, {
        id: 'imported-1',
        person_id: ctx.personId,
        title: 'Imported',
        body: 'body\n',
        date: '2024-03-05',
        time: '14:30:00',
        utc_offset: '+01:00',
        tags: '[]',
        categories: '["life"]',
        kind: 'entry',
        visibility: 'private',
        front_matter: frontMatter,
        source_name: '2024-03-05-imported.md',
        created_at: '2024-03-05T13:30:00.000Z',
        updated_at: '2024-03-05T13:30:00.000Z',
      });
      expect(await editJournalEntry(ctx, 'imported-1', { body: 'new body\n', tags: 'x' })).toMatchObject({
        jekyll: { sourceName: '2024-03-05-imported.md' },
        categories: ['life'],
      });
      const row = await db.store.db.selectFrom('journal_entry').selectAll().where('id', '=', 'imported-1').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ front_matter: frontMatter, source_name: '2024-03-05-imported.md', body: 'new body\n' });
    });

    it('refuses a bad edit, writing nothing; an unknown entry is not found', async () => {
      const ctx = await db.ctx();
      const entry = await addJournalEntry(ctx, { body: 'kept' });
      await expectRefused(
        () => editJournalEntry(ctx, entry.id, {}),
        'validation_failed',
        'input: nothing to change: give a title, date, tags, visibility or body',
      );
      await expectRefused(() => editJournalEntry(ctx, entry.id, { body: '   ' }), 'validation_failed', 'body: must not be empty');
      await expectRefused(() => editJournalEntry(ctx, entry.id, { date: 'yesterday' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
      await expectRefused(() => editJournalEntry(ctx, 'nope', { title: 'x' }), 'not_found', 'entry: no entry "nope"');
      await expectRefused(() => removeJournalEntry(ctx, 'nope'), 'not_found', 'entry: no entry "nope"');
      await expectAppError(getJournalEntry(ctx, 'nope'), 'not_found', 'entry: no entry "nope"');
      expect(await removeJournalEntry(ctx, entry.id)).toEqual({ id: entry.id, removed: true });
      expect(await rows()).toEqual([]);
    });

    it("shows only the person's own entries", async () => {
      const ctx = await db.ctx();
      const mine = await addJournalEntry(ctx, { title: 'Mine', body: 'a shared secret word: quokka' });
      await insertPerson(db.store.db, { id: 'other', name: 'other', time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' });
      const other = await createContext(db.store, { personId: 'other', env: { GROW_TODAY: '2026-11-23' }, now: () => new Date('2026-11-23T12:00:00Z') });
      const theirs = await addJournalEntry(other, { title: 'Theirs', body: 'their quokka' });
      expect((await listJournal(ctx)).map((e) => e.id)).toEqual([mine.id]);
      expect((await searchJournal(ctx, { text: 'quokka' })).map((h) => h.id)).toEqual([mine.id]);
      await expectAppError(getJournalEntry(ctx, theirs.id), 'not_found', `entry: no entry "${theirs.id}"`);
      await expectAppError(editJournalEntry(ctx, theirs.id, { title: 'x' }), 'not_found', `entry: no entry "${theirs.id}"`);
      await expectAppError(removeJournalEntry(ctx, theirs.id), 'not_found', `entry: no entry "${theirs.id}"`);
      expect((await getJournalEntry(other, theirs.id)).title).toBe('Theirs');
    });
  });

  describe('search', () => {
    const seed = async (ctx: Context) => ({
      reviews: await addJournalEntry(ctx, {
        title: 'Code',
        body: 'Today I wrote three careful reviews of the payment service and learned a lot about idempotency.',
        date: '2026-11-10',
      }),
      titled: await addJournalEntry(ctx, { title: 'Idempotency notes', body: 'Keys, retries and what the database guarantees.', date: '2026-11-05' }),
      both: await addJournalEntry(ctx, {
        title: 'Feedback',
        body: 'Asked my mentor for feedback on the design review; she said to write shorter docs.',
        date: '2026-11-12',
        tags: 'mentoring',
      }),
      other: await addJournalEntry(ctx, { title: 'Running', body: 'A slow 10 km run by the river.', date: '2026-11-15', tags: 'health' }),
    });

    it('finds stemmed words, every word, title hits and tags; ranks title hits first; marks matches', async () => {
      const ctx = await db.ctx();
      const e = await seed(ctx);
      // "reviewing" finds "reviews" and "review"; the newer first when equally relevant.
      const reviewing = await searchJournal(ctx, { text: 'reviewing' });
      expect(new Set(reviewing.map((h) => h.id))).toEqual(new Set([e.reviews.id, e.both.id]));
      const hit = reviewing.find((h) => h.id === e.reviews.id)!;
      expect(hit).toEqual({ id: e.reviews.id, title: 'Code', date: '2026-11-10', snippet: expect.stringContaining('⟦reviews⟧') });
      expect(Object.keys(hit)).toEqual(['id', 'title', 'date', 'snippet']);
      // Two words: both must be there.
      expect((await searchJournal(ctx, { text: 'design review' })).map((h) => h.id)).toEqual([e.both.id]);
      expect((await searchJournal(ctx, { text: 'payment feedback' })).map((h) => h.id)).toEqual([]);
      // A word in a title ranks that entry above one with the word in its body.
      expect((await searchJournal(ctx, { text: 'idempotency' })).map((h) => h.id)).toEqual([e.titled.id, e.reviews.id]);
      // The last word is a prefix: search as you type.
      expect((await searchJournal(ctx, { text: 'payment serv' })).map((h) => h.id)).toEqual([e.reviews.id]);
      expect((await searchJournal(ctx, { text: 'mento' })).map((h) => h.id)).toEqual([e.both.id]);
      // Tags are searched too.
      expect((await searchJournal(ctx, { text: 'health' })).map((h) => h.id)).toEqual([e.other.id]);
      // Stop words are left out on both databases alike.
      expect((await searchJournal(ctx, { text: 'the river' })).map((h) => h.id)).toEqual([e.other.id]);
      expect(await searchJournal(ctx, { text: 'quokka' })).toEqual([]);
      expect(await searchJournal(ctx, { text: 'the and of' })).toEqual([]);
    });

    it('ranks equally relevant entries newest first and honours the limit', async () => {
      const ctx = await db.ctx();
      const ids: string[] = [];
      for (const date of ['2026-11-01', '2026-11-03', '2026-11-02']) ids.push((await addJournalEntry(ctx, { title: 'Same', body: 'retrospective', date })).id);
      expect((await searchJournal(ctx, { text: 'retrospective' })).map((h) => h.id)).toEqual([ids[1], ids[2], ids[0]]);
      expect((await searchJournal(ctx, { text: 'retrospective', limit: '2' })).map((h) => h.id)).toEqual([ids[1], ids[2]]);
    });

    it('never fails on query syntax: quotes, stars, minus, OR, parentheses and the like', async () => {
      const ctx = await db.ctx();
      const e = await seed(ctx);
      for (const text of [
        '"design',
        "design's review",
        'design*',
        '-design review',
        'design OR running',
        'NOT design',
        '(design) AND (review',
        'design NEAR review',
        'title:design',
        'design:* & !review | <->',
        '\\',
        "'; DROP TABLE journal_entry; --",
        '***',
        '"',
        '^design',
        'design + review',
        'd\u0000esign',
        '{title}: x',
      ]) {
        await expect(searchJournal(ctx, { text }), text).resolves.toBeInstanceOf(Array);
      }
      expect((await searchJournal(ctx, { text: '"design" (review)*' })).map((h) => h.id)).toEqual([e.both.id]);
      // OR is a word like any other, never an operator: no entry holds it.
      expect(await searchJournal(ctx, { text: 'design OR running' })).toEqual([]);
      expect((await listJournal(ctx)).length).toBe(4);
    });

    it('marks the matched words the same way on both databases', async () => {
      const ctx = await db.ctx();
      await addJournalEntry(ctx, { body: 'First line.\n\nWe had a blameless postmortem after the outage, and the postmortem went well.' });
      const [hit] = await searchJournal(ctx, { text: 'postmortem' });
      expect(hit!.snippet).toMatch(/⟦postmortem⟧ after the outage/);
      expect(hit!.snippet.match(/⟦postmortem⟧/g)).toHaveLength(2);
    });

    it('follows edits and deletes: new words are found, old ones no longer, a removed entry never', async () => {
      const ctx = await db.ctx();
      const a = await addJournalEntry(ctx, { body: 'About walruses.', date: '2026-11-01' });
      const b = await addJournalEntry(ctx, { body: 'About walruses!', date: '2026-11-02' });
      expect((await searchJournal(ctx, { text: 'walrus' })).map((h) => h.id)).toEqual([b.id, a.id]);
      await editJournalEntry(ctx, a.id, { body: 'About narwhals.', tags: 'sea' });
      expect((await searchJournal(ctx, { text: 'walrus' })).map((h) => h.id)).toEqual([b.id]);
      expect((await searchJournal(ctx, { text: 'narwhal' })).map((h) => h.id)).toEqual([a.id]);
      expect((await searchJournal(ctx, { text: 'sea' })).map((h) => h.id)).toEqual([a.id]);
      await editJournalEntry(ctx, a.id, { body: 'About walruses.', tags: '', date: '2026-11-03' });
      // A new date moves the entry among equally relevant hits.
      expect((await searchJournal(ctx, { text: 'walrus' })).map((h) => h.id)).toEqual([a.id, b.id]);
      await removeJournalEntry(ctx, a.id);
      expect((await searchJournal(ctx, { text: 'walrus' })).map((h) => h.id)).toEqual([b.id]);
    });

    it('refuses an empty query or a bad limit', async () => {
      const ctx = await db.ctx();
      await expectAppError(searchJournal(ctx, { text: '   ' }), 'validation_failed', 'text: must not be empty: give the words to look for');
      await expectAppError(searchJournal(ctx, {}), 'validation_failed', 'text: required: the words to look for');
      await expectAppError(searchJournal(ctx, { text: 'x', limit: 0 }), 'validation_failed', 'limit: expected a whole number from 1 to 200');
      await expectAppError(
        searchJournal(ctx, { text: Array.from({ length: 21 }, (_, i) => `word${i}`).join(' ') }),
        'validation_failed',
        'text: at most 20 words',
      );
    });

    it("answers as the one full query would, however many matches are theirs, someone else's, tied, in a title, recent or old", async () => {
      const ctx = await db.ctx();
      await insertPerson(db.store.db, { id: 'other', name: 'other', time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' });
      // Many matches, most of the best ones another person's (short entries rank high), many
      // exactly alike (tied ranks, told apart by date), some with the word in the title (more than
      // a small page of them, fewer than a large one), and more than a thousand newer entries of
      // which only every third holds the word: PostgreSQL's search reads the titles, then the
      // newest entries, and only for a rare word all of its matches; each must give the same page.
      let n = 0;
      const entry = (person_id: string, title: string | null, body: string, date: string) => ({
        id: `e-${String(++n).padStart(5, '0')}`,
        person_id,
        title,
        body,
        date,
        tags: '[]',
        categories: '[]',
        kind: 'entry' as const,
        visibility: 'private' as const,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      });
      const day = (i: number) => String((i % 28) + 1).padStart(2, '0');
      const rows = [];
      for (let i = 0; i < 300; i++) rows.push(entry('other', null, `retro ${i % 7 === 0 ? 'retro' : 'notes'}`, `2025-01-${day(i)}`));
      for (let i = 0; i < 150; i++)
        rows.push(entry(ctx.personId, i % 50 === 0 ? 'Retro' : null, `the retro went ${'long '.repeat(i % 5)}today`, `2026-02-${day(i)}`));
      for (let i = 0; i < 60; i++) rows.push(entry(ctx.personId, null, 'retro retro', `2026-03-${day(i)}`));
      for (let i = 0; i < 30; i++) rows.push(entry(ctx.personId, i % 2 ? 'Retro' : 'Retro today', i % 3 ? 'notes' : 'retro again', `2026-04-${day(i)}`));
      for (let i = 0; i < 1200; i++) rows.push(entry(ctx.personId, null, i % 3 ? 'standup' : 'standup retro', `2026-06-${day(i)}`));
      for (let i = 0; i < rows.length; i += 100)
        await db.store.db
          .insertInto('journal_entry')
          .values(rows.slice(i, i + 100))
          .execute();
      const full = async (words: string[], limit: number) =>
        db.store.db.transaction().execute(async (trx) => {
          await preferSearchIndex(trx);
          return (await journalSearchQuery(trx, ctx.personId, words, limit).execute(trx)).rows;
        });
      for (const limit of [1, 5, 20, 50, 200]) {
        for (const text of ['retro', 'retr', 'retro today', 'today', 'retro again', 'notes']) {
          const expected = await full(searchWords(text), limit);
          expect(await searchJournal(ctx, { text, limit }), `${text} / ${limit}`).toEqual(expected);
        }
      }
      expect((await searchJournal(ctx, { text: 'retro', limit: 200 })).length).toBe(200);
      // Someone else's entries never show: these "notes" are all in the person's titles' entries.
      expect((await searchJournal(ctx, { text: 'notes', limit: 200 })).length).toBe(20);
      expect((await searchJournal(ctx, { text: 'standup' })).map((h) => h.date)).toEqual(Array(20).fill('2026-06-28'));
    });

    it('ranks entries whose title holds every word first; on PostgreSQL each part comes newest first', async () => {
      const ctx = await db.ctx();
      const titled = await addJournalEntry(ctx, { title: 'Burnout', body: 'Burnout again, burnout all week.', date: '2026-10-01' });
      const titledLater = await addJournalEntry(ctx, { title: 'Burnout', body: 'Slept badly.', date: '2026-10-03' });
      const often = await addJournalEntry(ctx, { body: 'Burnout, burnout and more burnout this week.', date: '2026-10-05' });
      const once = await addJournalEntry(ctx, { body: 'A hint of burnout.', date: '2026-10-10' });
      const halfTitled = await addJournalEntry(ctx, { title: 'Design notes', body: 'On burnout.', date: '2026-10-12' });
      const ids = (await searchJournal(ctx, { text: 'burnout' })).map((h) => h.id);
      expect(new Set(ids.slice(0, 2))).toEqual(new Set([titled.id, titledLater.id]));
      expect(new Set(ids.slice(2))).toEqual(new Set([often.id, once.id, halfTitled.id]));
      if (db.dialect === 'postgres') {
        // Not ranked by how often the word comes: newest first, title hits before the others.
        expect(ids).toEqual([titledLater.id, titled.id, halfTitled.id, once.id, often.id]);
      }
      // Every word in the title makes a title hit; one of them there does not.
      expect((await searchJournal(ctx, { text: 'design burnout' })).map((h) => h.id)).toEqual([halfTitled.id]);
      await editJournalEntry(ctx, once.id, { title: 'Design burnout' });
      const both = (await searchJournal(ctx, { text: 'burnout design' })).map((h) => h.id);
      expect(new Set(both)).toEqual(new Set([once.id, halfTitled.id]));
      // SQLite's bm25 weighs the rarer word most ("burnout" is in every entry); PostgreSQL puts the title holding both first.
      if (db.dialect === 'postgres') expect(both).toEqual([once.id, halfTitled.id]);
    });

    it('uses the full-text indexes', async () => {
      const ctx = await db.ctx();
      await seed(ctx);
      // Enough other entries that reading them all would cost more than the index, as in real use.
      const filler = Array.from({ length: 3000 }, (_, i) => ({
        id: `filler-${String(i).padStart(5, '0')}`,
        person_id: ctx.personId,
        title: `Day ${i}`,
        body: `Worked on ticket ${i}; lunch; standup number ${i % 97}.`,
        date: '2026-01-01',
        tags: '[]',
        categories: '[]',
        kind: 'entry' as const,
        visibility: 'private' as const,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      }));
      for (let i = 0; i < filler.length; i += 500)
        await db.store.db
          .insertInto('journal_entry')
          .values(filler.slice(i, i + 500))
          .execute();
      await sql`ANALYZE`.execute(db.store.db);
      if (db.dialect === 'postgres') {
        // As searchJournalRows runs it: in a transaction that steers the planner to the indexes.
        const explain = (query: ReturnType<typeof pgTieredSearchQuery>, analyze = false) =>
          db.store.db.transaction().execute(async (trx) => {
            await preferSearchIndex(trx);
            const rows = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE ${sql.raw(String(analyze))}, COSTS false, TIMING false) ${query}`.execute(trx))
              .rows;
            return rows.map((r) => r['QUERY PLAN']).join('\n');
          });
        // The titles through their own index, the newest documents in order, all matches (when
        // needed) through the GIN index: never every document.
        const plan = await explain(pgTieredSearchQuery(ctx.personId, ['design', 'review'], 50));
        expect(plan).toMatch(/Bitmap Index Scan on journal_entry_title_search/);
        expect(plan).toMatch(/Index Scan using journal_entry_document_person_newest/);
        expect(plan).toMatch(/Bitmap Index Scan on journal_entry_search/);
        expect(plan).not.toMatch(/Seq Scan/);
        // A word in every newest entry: a page of them is found without asking the index for every match.
        const common = await explain(pgTieredSearchQuery(ctx.personId, ['standup'], 20), true);
        expect(common).toMatch(/Bitmap Index Scan on journal_entry_search \(never executed\)/);
        expect(common).toMatch(/Bitmap Index Scan on journal_entry_title_search \(actual rows=0\.00/);
        const reference = await explain(journalSearchQuery(db.store.db, ctx.personId, ['design', 'review'], 50));
        expect(reference).toMatch(/Bitmap Index Scan on journal_entry_search/);
        expect(reference).not.toMatch(/Seq Scan/);
      } else {
        const query = journalSearchQuery(db.store.db, ctx.personId, ['design', 'review'], 50);
        const plan = (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db.store.db)).rows.map((r) => r.detail).join('\n');
        expect(plan).toMatch(/SCAN journal_entry_search VIRTUAL TABLE INDEX/);
        expect(plan).toMatch(/SEARCH e USING INDEX sqlite_autoindex_journal_entry_1 \(id=\?\)/);
      }
      expect((await searchJournal(ctx, { text: 'design review' })).length).toBe(1);
    });
  });

  describe('weekly review', () => {
    it('writes this week dated today with the time, a past week dated its Sunday', async () => {
      const ctx = await db.ctx();
      const current = await writeWeeklyReview(ctx, { grew: 'Ran my first design review', drained: '  ', next: 'Pair with Ana' });
      expect(current).toMatchObject({
        title: 'Weekly review 2026-W48',
        kind: 'weekly-review',
        date: '2026-11-23',
        time: '12:00:00',
        utcOffset: '+00:00',
        periodFrom: '2026-11-23',
        periodTo: '2026-11-29',
        visibility: 'private',
        body: '## What grew\n\nRan my first design review\n\n## What drained you\n\n\n## What you will try next week\n\nPair with Ana\n',
      });
      const past = await writeWeeklyReview(ctx, { week: '2026-w47', drained: 'Too many meetings' });
      expect(past).toMatchObject({
        title: 'Weekly review 2026-W47',
        date: '2026-11-22',
        time: null,
        utcOffset: null,
        periodFrom: '2026-11-16',
        periodTo: '2026-11-22',
      });
      expect((await searchJournal(ctx, { text: 'meetings' })).map((h) => h.id)).toEqual([past.id]);
    });

    it('refuses a future or unknown week, no answers, or a second review of a week, writing nothing', async () => {
      const ctx = await db.ctx();
      const first = await writeWeeklyReview(ctx, { week: '2026-W40', grew: 'x' });
      await expectRefused(
        () => writeWeeklyReview(ctx, { week: '2026-W49', grew: 'x' }),
        'validation_failed',
        'week: 2026-W49 has not started yet (this week is 2026-W48)',
      );
      await expectRefused(
        () => writeWeeklyReview(ctx, { week: '2025-W53', grew: 'x' }),
        'validation_failed',
        'week: expected an ISO week YYYY-Www, e.g. 2026-W48',
      );
      await expectRefused(() => writeWeeklyReview(ctx, { week: 'last', grew: 'x' }), 'validation_failed', 'week: expected an ISO week YYYY-Www, e.g. 2026-W48');
      await expectRefused(
        () => writeWeeklyReview(ctx, {}),
        'validation_failed',
        'grew: answer at least one prompt: what grew, what drained you, what you will try next week',
      );
      await expectRefused(
        () => writeWeeklyReview(ctx, { grew: ' ', next: '' }),
        'validation_failed',
        'grew: answer at least one prompt: what grew, what drained you, what you will try next week',
      );
      await expectRefused(
        () => writeWeeklyReview(ctx, { week: '2026-W40', next: 'y' }),
        'conflict',
        `week: 2026-W40 already has a weekly review (${first.id}); edit it with grow journal edit ${first.id}`,
      );
    });
  });
});
