import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Context } from '../../src/services/context.js';
import { type LibraryImportResult, importLibrary } from '../../src/services/library-import.service.js';
import { insertLearningItem } from '../../src/store/learning.repository.js';
import { newId } from '../../src/store/ids.js';
import { matchKey } from '../../src/core/library.js';
import { describeEachDialect } from '../support/stores.js';
import { expectAppError } from './service.helpers.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const GR_2021 = fixture('goodreads_library_export-2021.csv');
const GR_2023 = fixture('goodreads_library_export-2023.csv');
const GR_2026 = fixture('goodreads_library_export-2026.csv');
const STORYGRAPH = fixture('storygraph.csv');
const CLIPPINGS = fixture('My Clippings.txt');
const READWISE = fixture('readwise.csv');

const counts = (r: Partial<LibraryImportResult>): LibraryImportResult => ({
  itemsCreated: 0,
  itemsUpdated: 0,
  itemsUnchanged: 0,
  highlightsAdded: 0,
  highlightsUpdated: 0,
  highlightsUnchanged: 0,
  notesAdded: 0,
  skipped: [],
  ...r,
});

describeEachDialect('library imports', (db) => {
  /** Everything the imports write, in a stable order: comparing two snapshots shows any write. */
  async function snapshot(ctx: Context) {
    const items = await ctx.store.db.selectFrom('learning_item').selectAll().where('person_id', '=', ctx.personId).orderBy('id').execute();
    const ids = items.map((i) => i.id);
    const highlights = ids.length ? await ctx.store.db.selectFrom('highlight').selectAll().where('item_id', 'in', ids).orderBy('id').execute() : [];
    const notes = ids.length ? await ctx.store.db.selectFrom('learning_note').selectAll().where('item_id', 'in', ids).orderBy('id').execute() : [];
    return { items, highlights, notes };
  }
  // Sorted here: the databases' collations order punctuation differently.
  const items = async (ctx: Context) =>
    (await ctx.store.db.selectFrom('learning_item').selectAll().where('person_id', '=', ctx.personId).execute()).sort((a, b) => (a.title < b.title ? -1 : 1));
  const byTitle = async (ctx: Context, start: string) => (await items(ctx)).find((i) => i.title.startsWith(start))!;
  const highlightsOf = async (ctx: Context, itemId: string) =>
    ctx.store.db.selectFrom('highlight').selectAll().where('item_id', '=', itemId).orderBy('location_start').orderBy('page').execute();
  const notesOf = async (ctx: Context, itemId: string) =>
    ctx.store.db.selectFrom('learning_note').selectAll().where('item_id', '=', itemId).orderBy('text').execute();

  async function addByHand(ctx: Context, title: string, authors: string[], extra: Record<string, unknown> = {}) {
    const now = ctx.now().toISOString();
    const id = newId();
    await insertLearningItem(ctx.store.db, {
      id,
      person_id: ctx.personId,
      kind: 'book',
      title,
      authors: JSON.stringify(authors),
      status: 'want',
      skills: '[]',
      shelves: '[]',
      added_at: ctx.today,
      match_key: matchKey(title, authors),
      created_at: now,
      updated_at: now,
      ...extra,
    });
    return id;
  }

  it('imports a Goodreads export (31 columns): items with status, rating, dates, review, shelves, recommender and private notes', async () => {
    const ctx = await db.ctx();
    const progress: [number, number][] = [];
    const result = await importLibrary(ctx, { source: 'goodreads' }, GR_2021, { onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toEqual(counts({ itemsCreated: 6, notesAdded: 1 }));
    expect(progress[0]).toEqual([0, 6]);
    expect(progress[progress.length - 1]).toEqual([6, 6]);

    const deep = await byTitle(ctx, 'Deep Work');
    expect(deep).toMatchObject({
      kind: 'book',
      title: 'Deep Work: Rules for Focused Success in a Distracted World',
      authors: '["Cal Newport"]',
      isbn10: '1455586692',
      isbn13: '9781455586691',
      pages: 296,
      status: 'read',
      rating: 5,
      review: 'Changed how I plan my days.\n\nThe "shutdown ritual" stuck & so did time blocking.',
      shelves: '["productivity","favorites"]',
      finished_at: '2021-03-14',
      added_at: '2021-01-02',
      recommended_by: 'Ana Lima',
      match_key: 'deep work|newport',
      source: 'goodreads',
      source_id: '25744928',
      person_id: ctx.personId,
      created_at: '2026-11-23T12:00:00.000Z',
    });
    expect((await notesOf(ctx, deep.id)).map((n) => [n.text, n.source])).toEqual([['Reread chapter 2 before planning season.', 'goodreads']]);
    expect((await items(ctx)).map((i) => [i.title.slice(0, 20), i.status, i.rating, i.finished_at])).toEqual([
      ['An Elegant Puzzle: S', 'abandoned', 2, null],
      ['Deep Work: Rules for', 'read', 5, '2021-03-14'],
      ['Harry Potter and the', 'want', null, null],
      ["The Manager's Path: ", 'want', null, null],
      ['The Pragmatic Progra', 'read', 4, null],
      ['Thinking, Fast and S', 'reading', null, null],
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'goodreads' }, GR_2021);
    const before = await snapshot(ctx);
    const later = await db.ctx('2026-12-01');
    expect(await importLibrary(later, { source: 'goodreads' }, GR_2021)).toEqual(counts({ itemsUnchanged: 6 }));
    expect(await snapshot(later)).toEqual(before);
  });

  it('gives each new item the first free slug of its title, and keeps slugs when a newer export renames a book', async () => {
    const ctx = await db.ctx();
    // A hand-added book of another author holds "deep-work" already.
    await addByHand(ctx, 'Deep Work', ['Somebody Else'], { slug: 'deep-work' });
    await importLibrary(ctx, { source: 'goodreads' }, GR_2021);
    const slugs = async () => Object.fromEntries((await items(ctx)).map((i) => [i.title, i.slug]));
    const first = await slugs();
    expect(first['Deep Work: Rules for Focused Success in a Distracted World']).toBe('deep-work-2');
    expect(first['Thinking, Fast and Slow']).toBe('thinking-fast-and-slow');
    expect(new Set(Object.values(first)).size).toBe(Object.keys(first).length);
    for (const slug of Object.values(first)) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // A newer export with new titles and books: old items keep their slugs, new ones get free ones.
    const before = (await items(ctx)).map((i) => ({ id: i.id, title: i.title, slug: i.slug }));
    const later = await db.ctx('2026-12-01');
    await importLibrary(later, { source: 'goodreads' }, GR_2026.replace('"Thinking, Fast and Slow"', '"Fast and Slow Thinking"'));
    const now = await items(later);
    const after = Object.fromEntries(now.map((i) => [i.id, i.slug]));
    expect(now.length).toBeGreaterThan(before.length);
    for (const { id, slug } of before) expect(after[id]).toBe(slug);
    // The renamed book kept its slug.
    expect(now.find((i) => i.title === 'Fast and Slow Thinking')?.slug).toBe('thinking-fast-and-slow');
    expect(new Set(Object.values(after)).size).toBe(Object.keys(after).length);
  });

  it('updates what a newer export changed (24 then 23 columns), keeping what it leaves out', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'goodreads' }, GR_2021);
    const later = await db.ctx('2026-12-01');
    expect(await importLibrary(later, { source: 'goodreads' }, GR_2023)).toEqual(counts({ itemsCreated: 1, itemsUpdated: 2, itemsUnchanged: 4 }));
    const thinking = await byTitle(later, 'Thinking');
    expect(thinking).toMatchObject({
      status: 'read',
      rating: 4,
      finished_at: '2023-02-10',
      review: 'System 1 & System 2.\nLong, worth it.',
      updated_at: '2026-12-01T12:00:00.000Z',
    });
    expect(await byTitle(later, "The Manager's Path")).toMatchObject({ status: 'reading', recommended_by: 'Priya (my manager)' });
    // The 24-column header has no Recommended By: the 2021 value stays.
    expect(await byTitle(later, 'Deep Work')).toMatchObject({ recommended_by: 'Ana Lima', updated_at: '2026-11-23T12:00:00.000Z' });

    const latest = await db.ctx('2026-12-02');
    expect(await importLibrary(latest, { source: 'goodreads' }, GR_2026)).toEqual(counts({ itemsCreated: 1, itemsUpdated: 1, itemsUnchanged: 6 }));
    expect(await byTitle(latest, "The Manager's Path")).toMatchObject({ status: 'read', rating: 5, finished_at: '2024-04-02', shelves: '["management"]' });
    expect(await byTitle(latest, 'Atomic Habits')).toMatchObject({ rating: 4, status: 'read', added_at: '2025-12-20' });
    expect(await importLibrary(latest, { source: 'goodreads' }, GR_2026)).toEqual(counts({ itemsUnchanged: 8 }));
  });

  it('matches a book already in the library by ISBN-13, else by title and first author, and takes over its id', async () => {
    const ctx = await db.ctx();
    const deepId = await addByHand(ctx, 'Deep Work', ['Cal Newport']);
    const thinkingId = await addByHand(ctx, 'Schnelles Denken, langsames Denken', ['Daniel Kahneman'], { isbn13: '9780374533557' });
    expect(await importLibrary(ctx, { source: 'goodreads' }, GR_2021)).toEqual(counts({ itemsCreated: 4, itemsUpdated: 2, notesAdded: 1 }));
    const all = await items(ctx);
    expect(all).toHaveLength(6);
    expect(all.find((i) => i.id === deepId)).toMatchObject({
      title: 'Deep Work: Rules for Focused Success in a Distracted World',
      status: 'read',
      source: 'goodreads',
      source_id: '25744928',
    });
    expect(all.find((i) => i.id === thinkingId)).toMatchObject({ title: 'Thinking, Fast and Slow', status: 'reading', source_id: '11468377' });
    expect(await importLibrary(ctx, { source: 'goodreads' }, GR_2021)).toEqual(counts({ itemsUnchanged: 6 }));
  });

  it('keeps two editions of one book in one export apart, and re-imports them unchanged', async () => {
    const ctx = await db.ctx();
    const text = 'Book Id,Title,Author,ISBN13,My Rating,Exclusive Shelf\n1,Dune,Frank Herbert,,5,read\n2,Dune (Deluxe Edition),Frank Herbert,,3,to-read\n';
    expect(await importLibrary(ctx, { source: 'goodreads' }, text)).toEqual(counts({ itemsCreated: 2 }));
    expect(await importLibrary(ctx, { source: 'goodreads' }, text)).toEqual(counts({ itemsUnchanged: 2 }));
    expect((await items(ctx)).map((i) => [i.source_id, i.rating])).toEqual([
      ['1', 5],
      ['2', 3],
    ]);
  });

  it('imports StoryGraph, matching Goodreads books by ISBN without taking them over', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'goodreads' }, GR_2023);
    const result = await importLibrary(ctx, { source: 'storygraph' }, STORYGRAPH);
    // Staff Engineer, An Elegant Puzzle and The Manager's Path are already there (by ISBN-13).
    expect(result).toEqual(counts({ itemsCreated: 3, itemsUpdated: 3 }));
    expect(await byTitle(ctx, 'Leviathan Wakes')).toMatchObject({
      rating: 4.25,
      started_at: '2022-05-20',
      finished_at: '2022-06-12',
      source: 'storygraph',
      source_id: '9780316129084',
    });
    expect(await byTitle(ctx, 'Good Omens')).toMatchObject({ rating: 3.75, authors: '["Terry Pratchett","Neil Gaiman"]' });
    expect(await byTitle(ctx, 'Notes on Pairing')).toMatchObject({ source_id: '6e0b6c2c-8d7f-4d8e-9a51-2f7a3c9b1d04', isbn13: null, rating: 5 });
    expect(await byTitle(ctx, 'Staff Engineer')).toMatchObject({ status: 'reading', started_at: '2024-01-05', source: 'goodreads', source_id: '57799581' });
    expect(await importLibrary(ctx, { source: 'storygraph' }, STORYGRAPH)).toEqual(counts({ itemsUnchanged: 6 }));
    expect(await importLibrary(ctx, { source: 'goodreads' }, GR_2023)).toMatchObject({ itemsCreated: 0 });
  });

  it('refuses a file with a bad row, naming row, line and column, and writes nothing', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'goodreads' }, GR_2021);
    const before = await snapshot(ctx);
    const bad = GR_2026.replace('"=""9780735211292"""', '"=""9780735211293"""').replace('2025/12/20', '2025/13/20');
    await expectAppError(
      importLibrary(ctx, { source: 'goodreads' }, bad),
      'validation_failed',
      'row 8 (line 9): ISBN13: "9780735211293" is not a valid ISBN-13 (the check digit does not match) (nothing was imported; 1 bad row in all; skip bad rows to import the others)',
    );
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('with skipBad imports the good rows and reports the bad ones', async () => {
    const ctx = await db.ctx();
    const bad = GR_2021.replace('"=""9781455586691"""', '"=""9781455586692"""').replace(',2019/12/24,', ',2019/02/30,');
    const result = await importLibrary(ctx, { source: 'goodreads', skipBad: true }, bad);
    expect(result).toEqual(
      counts({
        itemsCreated: 4,
        skipped: [
          { row: 1, message: 'row 1 (line 2): ISBN13: "9781455586692" is not a valid ISBN-13 (the check digit does not match)' },
          { row: 6, message: 'row 6 (line 7): Date Added: "2019/02/30" is not a date (expected YYYY/MM/DD)' },
        ],
      }),
    );
    expect((await items(ctx)).map((i) => i.title.slice(0, 12))).toEqual(['An Elegant P', "The Manager'", 'The Pragmati', 'Thinking, Fa']);
  });

  it('refuses a file that is not the claimed format, listing the missing columns, and writes nothing', async () => {
    const ctx = await db.ctx();
    await expectAppError(
      importLibrary(ctx, { source: 'goodreads' }, STORYGRAPH),
      'validation_failed',
      'file: not a Goodreads library export: the header lacks the columns "Book Id", "Author", "Exclusive Shelf"',
    );
    await expectAppError(
      importLibrary(ctx, { source: 'readwise' }, GR_2021),
      'validation_failed',
      'file: not a Readwise export: the header lacks the columns "Highlight", "Book Title", "Book Author"',
    );
    await expectAppError(
      importLibrary(ctx, { source: 'storygraph' }, 'a,b\n1,2\n'),
      'validation_failed',
      'file: not a StoryGraph export: the header lacks the columns "Title", "Authors", "ISBN/UID", "Read Status"',
    );
    await expectAppError(
      importLibrary(ctx, { source: 'kobo' as 'kindle' }, ''),
      'validation_failed',
      'source: expected goodreads, storygraph, kindle or readwise',
    );
    expect(await items(ctx)).toEqual([]);
  });

  it('imports Kindle clippings: one highlight per passage (the longest), notes on their highlight, Kindle-only books being read', async () => {
    const ctx = await db.ctx();
    const result = await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS);
    expect(result).toEqual(counts({ itemsCreated: 6, highlightsAdded: 7, notesAdded: 2 }));
    const deep = await byTitle(ctx, 'Deep Work');
    expect(deep).toMatchObject({
      status: 'reading',
      source: 'kindle',
      source_id: null,
      authors: '["Cal Newport"]',
      added_at: '2017-11-27',
      match_key: 'deep work|newport',
    });
    const highlights = await highlightsOf(ctx, deep.id);
    expect(highlights).toHaveLength(1);
    expect(highlights[0]).toMatchObject({
      text: 'To remain valuable in our economy, therefore, you must master the art of quickly learning complicated things. This task requires deep work.',
      note: 'Applies to learning Rust this quarter.',
      page: '13',
      location: '292-297',
      location_start: 292,
      location_end: 297,
      highlighted_at: '2017-11-27T15:17:02',
      highlighted_raw: 'Monday, November 27, 2017 3:17:02 PM',
      source: 'kindle',
    });
    // A note at no highlight is a note of the book.
    expect((await notesOf(ctx, deep.id)).map((n) => [n.text, n.source])).toEqual([['Try a shutdown ritual.', 'kindle']]);
    const kafka = await byTitle(ctx, 'Die Verwandlung');
    expect((await highlightsOf(ctx, kafka.id))[0]).toMatchObject({
      highlighted_at: null,
      highlighted_raw: 'Hinzugefügt am Montag, 27. November 2017 15:15:56',
    });
    expect(kafka.added_at).toBe('2026-11-23');

    const before = await snapshot(ctx);
    expect(await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS)).toEqual(counts({ itemsUnchanged: 6, highlightsUnchanged: 7 }));
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('extends a stored Kindle highlight when the passage is re-selected later, instead of adding a second', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS);
    const more =
      'Thinking, Fast and Slow (Daniel Kahneman)\r\n- Your Highlight on Location 512-514 | Added on Friday, 3 March 2023 07:09:00\r\n\r\n' +
      'A reliable way to make people believe in falsehoods is frequent repetition, because familiarity is not easily distinguished from truth.\r\n==========\r\n' +
      'Thinking, Fast and Slow (Daniel Kahneman)\r\n- Your Note on Location 514 | Added on Friday, 3 March 2023 07:10:00\r\n\r\nSee the chapter on cognitive ease.\r\n==========\r\n';
    expect(await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS + more)).toEqual(
      counts({ itemsUnchanged: 6, highlightsUpdated: 1, highlightsUnchanged: 6, notesAdded: 1 }),
    );
    const thinking = await byTitle(ctx, 'Thinking');
    expect((await highlightsOf(ctx, thinking.id)).map((h) => [h.location, h.text.slice(-25), h.note])).toEqual([
      ['512-514', 'distinguished from truth.', 'See the chapter on cognitive ease.'],
      ['1234-1236', 'ou are thinking about it.', null],
    ]);
    expect(await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS + more)).toEqual(counts({ itemsUnchanged: 6, highlightsUnchanged: 7 }));
  });

  it('hangs Kindle and Readwise highlights on the Goodreads book they belong to, leaving the book as it is', async () => {
    const ctx = await db.ctx();
    await importLibrary(ctx, { source: 'goodreads' }, GR_2021);
    const deep = await byTitle(ctx, 'Deep Work');
    expect(await importLibrary(ctx, { source: 'kindle' }, CLIPPINGS)).toMatchObject({ itemsCreated: 4, itemsUnchanged: 2 });
    expect(await importLibrary(ctx, { source: 'readwise' }, READWISE)).toMatchObject({ itemsCreated: 2, itemsUnchanged: 1, highlightsAdded: 4 });
    expect(await byTitle(ctx, 'Deep Work')).toEqual(deep);
    expect((await highlightsOf(ctx, deep.id)).map((h) => [h.source, h.location])).toEqual([
      ['readwise', '161'],
      ['kindle', '292-297'],
      ['readwise', '1203'],
    ]);
  });

  it('imports Readwise: tags, colors, notes, UTC instants; discarded highlights left out; articles read', async () => {
    const ctx = await db.ctx();
    expect(await importLibrary(ctx, { source: 'readwise' }, READWISE)).toEqual(counts({ itemsCreated: 3, highlightsAdded: 4 }));
    const deep = await byTitle(ctx, 'Deep Work');
    expect(deep).toMatchObject({
      kind: 'book',
      status: 'reading',
      source: 'readwise',
      source_id: 'B00X47ZVXM',
      shelves: '["productivity"]',
      added_at: '2020-09-20',
    });
    expect((await highlightsOf(ctx, deep.id)).map((h) => [h.location, h.color, h.tags, h.note, h.highlighted_at])).toEqual([
      ['161', 'blue', '[]', null, '2020-09-20T21:10:02.000Z'],
      ['1203', 'yellow', '["favorite","planning"]', 'Use this for quarterly planning', '2020-09-21T04:53:16.752Z'],
    ]);
    expect(await byTitle(ctx, 'How to Get Startup Ideas')).toMatchObject({ kind: 'article', status: 'read', authors: '["paulgraham.com"]' });

    expect(await importLibrary(ctx, { source: 'readwise' }, READWISE)).toEqual(counts({ itemsUnchanged: 3, highlightsUnchanged: 4 }));
    const edited = READWISE.replace('Use this for quarterly planning', 'Use this for yearly planning');
    expect(await importLibrary(ctx, { source: 'readwise' }, edited)).toEqual(counts({ itemsUnchanged: 3, highlightsUpdated: 1, highlightsUnchanged: 3 }));
    expect((await highlightsOf(ctx, deep.id))[1]!.note).toBe('Use this for yearly planning');
  });

  it('refuses clippings with a garbage entry, naming the entry and its line; skipBad imports the rest', async () => {
    const ctx = await db.ctx();
    const garbage = `${CLIPPINGS}Lorem ipsum dolor sit amet\r\nconsectetur adipiscing elit\r\n==========\r\n`;
    await expectAppError(
      importLibrary(ctx, { source: 'kindle' }, garbage),
      'validation_failed',
      'entry 13 (line 61): not a Kindle clipping: expected a metadata line starting "- Your Highlight", "- Your Note" or "- Your Bookmark" (nothing was imported; 1 bad entry in all; skip bad entries to import the others)',
    );
    expect(await items(ctx)).toEqual([]);
    const result = await importLibrary(ctx, { source: 'kindle', skipBad: true }, garbage);
    expect(result).toMatchObject({
      itemsCreated: 6,
      highlightsAdded: 7,
      skipped: [{ row: 13, message: expect.stringMatching(/^entry 13 \(line 61\): not a Kindle clipping/) }],
    });
  });
});
