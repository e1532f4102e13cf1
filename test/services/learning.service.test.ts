import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import {
  addLearningItem,
  addLearningNote,
  editLearningItem,
  finishLearningItem,
  listLearningItems,
  recordProgress,
  removeLearningItem,
  resolveLearningItem,
  showLearningItem,
} from '../../src/services/learning.service.js';
import { balance, logActivity } from '../../src/services/activity.service.js';
import { matchKey } from '../../src/core/library.js';
import { listFinishedLearningRows, listTakeawayCardRowsForItems } from '../../src/store/learning.repository.js';
import { type Context, createContext } from '../../src/services/context.js';
import { insertPerson } from '../../src/store/person.repository.js';
import { expectAppError } from './service.helpers.js';

describeEachDialect('learning service', (db) => {
  /** Every row of the library's tables: what "nothing written" compares. */
  const snapshot = async () => ({
    items: await db.store.db.selectFrom('learning_item').selectAll().orderBy('id').execute(),
    notes: await db.store.db.selectFrom('learning_note').selectAll().orderBy('id').execute(),
  });

  const expectRefused = async (call: () => Promise<unknown>, code: string, message: string) => {
    const before = await snapshot();
    await expectAppError(call(), code, message);
    expect(await snapshot()).toEqual(before);
  };

  const deepWork = { title: 'Deep Work', authors: ['Cal Newport'], isbn: '1455586692', pages: 296 };

  /** A card and a highlight the way review and the imports write them. */
  const insertCard = (
    ctx: Context,
    values: { id: string; item_id: string | null; highlight_id?: string | null; kind: 'takeaway' | 'highlight'; front: string; created_at: string },
  ) =>
    db.store.db
      .insertInto('card')
      .values({
        person_id: ctx.personId,
        highlight_id: null,
        back: '',
        due: '2026-11-24T00:00:00.000Z',
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
        last_review: null,
        suspended: 0,
        ...values,
      })
      .execute();
  const insertHighlight = (values: { id: string; item_id: string; text: string; location_start: number | null; created_at: string; page?: string | null }) =>
    db.store.db
      .insertInto('highlight')
      .values({
        note: null,
        page: null,
        location: values.location_start === null ? null : String(values.location_start),
        location_end: null,
        color: null,
        tags: '["favorite"]',
        highlighted_at: '2026-11-01T10:00:00.000Z',
        highlighted_raw: null,
        source: 'kindle',
        source_key: values.id,
        ...values,
      })
      .execute();

  it('adds an item with every field, lists it and shows it', async () => {
    const ctx = await db.ctx();
    const added = await addLearningItem(ctx, {
      title: '  Deep Work ',
      kind: 'book',
      authors: ['Cal   Newport'],
      isbn: '1-4555-8669-2',
      pages: '296',
      url: 'https://calnewport.com/deep-work',
      recommendedBy: ' Ana  Lopez ',
      skills: 'Code-Craft, communication,code-craft',
      status: 'reading',
    });
    expect(added).toEqual({
      id: expect.any(String),
      slug: 'deep-work',
      kind: 'book',
      title: 'Deep Work',
      authors: ['Cal Newport'],
      isbn10: '1455586692',
      isbn13: '9781455586691',
      status: 'reading',
      progress: null,
      page: null,
      pages: 296,
      rating: null,
      recommendedBy: 'Ana Lopez',
      url: 'https://calnewport.com/deep-work',
      skills: ['code-craft', 'communication'],
      review: null,
      shelves: [],
      startedAt: '2026-11-23',
      finishedAt: null,
      addedAt: '2026-11-23T12:00:00.000Z',
      source: null,
      notes: [],
      takeaways: [],
      highlights: [],
    });
    const { notes: _n, takeaways: _t, highlights: _h, ...item } = added;
    expect(await listLearningItems(ctx)).toEqual([item]);
    expect(await showLearningItem(ctx, added.id)).toEqual(added);
    const row = await db.store.db.selectFrom('learning_item').select(['match_key']).where('id', '=', added.id).executeTakeFirstOrThrow();
    expect(row.match_key).toBe(matchKey('Deep Work', ['Cal Newport']));
  });

  it('defaults to a book one wants to read; several authors; an ISBN-13 without an ISBN-10 form', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, { title: 'Accelerate', authors: ['Nicole Forsgren', 'Jez Humble', 'Gene Kim'], isbn: '979-10-323-0569-0' });
    expect(item).toMatchObject({
      kind: 'book',
      status: 'want',
      startedAt: null,
      authors: ['Nicole Forsgren', 'Jez Humble', 'Gene Kim'],
      isbn10: null,
      isbn13: '9791032305690',
      skills: [],
    });
    const talk = await addLearningItem(ctx, { title: 'Simple Made Easy', kind: 'talk', authors: 'Rich Hickey' });
    expect(talk).toMatchObject({ kind: 'talk', authors: ['Rich Hickey'], isbn13: null, pages: null, url: null });
  });

  it('lists by status, oldest added first', async () => {
    const ctx = await db.ctx();
    await addLearningItem(ctx, { title: 'A', status: 'want' });
    await addLearningItem(await db.ctx('2026-11-24'), { title: 'B', status: 'reading' });
    await addLearningItem(await db.ctx('2026-11-25'), { title: 'C', status: 'want' });
    expect((await listLearningItems(ctx)).map((i) => i.title)).toEqual(['A', 'B', 'C']);
    expect((await listLearningItems(ctx, { status: 'want' })).map((i) => i.title)).toEqual(['A', 'C']);
    expect(await listLearningItems(ctx, { status: 'abandoned' })).toEqual([]);
    await expectAppError(listLearningItems(ctx, { status: 'done' }), 'validation_failed', 'status: expected want, reading, read or abandoned');
  });

  it('refuses each bad field of a new item, writing nothing', async () => {
    const ctx = await db.ctx();
    await addLearningItem(ctx, { title: 'kept' });
    const refused = (raw: object, message: string) => expectRefused(() => addLearningItem(ctx, { title: 'x', ...raw }), 'validation_failed', message);
    await refused({ isbn: '1455586693' }, 'isbn: "1455586693" is not a valid ISBN-10 (the check digit does not match)');
    await refused({ isbn: '9781455586690' }, 'isbn: "9781455586690" is not a valid ISBN-13 (the check digit does not match)');
    await refused({ isbn: '12345' }, 'isbn: "12345" is not an ISBN (expected 10 or 13 digits)');
    await refused({ kind: 'podcast' }, 'kind: expected book, article, course or talk');
    await refused({ status: 'done' }, 'status: expected want, reading, read or abandoned');
    await refused({ pages: 0 }, 'pages: expected a whole number of pages from 1 to 100000');
    await refused({ pages: '12.5' }, 'pages: expected a whole number of pages from 1 to 100000');
    await refused({ pages: 'many' }, 'pages: expected a whole number of pages from 1 to 100000');
    await refused({ url: 'calnewport.com' }, 'url: expected a web address starting with http:// or https://');
    await refused({ url: 'javascript:alert(1)' }, 'url: expected a web address starting with http:// or https://');
    await refused({ skills: 'testing,juggling' }, 'skills: unknown skill "juggling" (see grow skill list)');
    await refused({ title: '  ' }, 'title: must not be empty');
    await refused({ title: 'x'.repeat(301) }, 'title: at most 300 characters');
    await refused({ rating: 4 }, 'rating: unknown field');
    await expectRefused(() => addLearningItem(ctx, {}), 'validation_failed', 'title: required');
    expect((await listLearningItems(ctx)).map((i) => i.title)).toEqual(['kept']);
  });

  it('refuses a book already in the library, by ISBN-13 or by title and author, naming the item there', async () => {
    const ctx = await db.ctx();
    const first = await addLearningItem(ctx, deepWork);
    // The ISBN-13 of the same ISBN-10, under another title.
    await expectRefused(
      () => addLearningItem(ctx, { title: 'Deep work (paperback)', isbn: '978-1-4555-8669-1' }),
      'conflict',
      `isbn: 9781455586691 is already in your library as ${first.id} "Deep Work"`,
    );
    // No ISBN, but the same title without its subtitle and the same author written the other way.
    await expectRefused(
      () => addLearningItem(ctx, { title: 'Deep Work: Rules for Focused Success in a Distracted World', authors: ['Newport, Cal'] }),
      'conflict',
      `title: already in your library as ${first.id} "Deep Work" (same title and author)`,
    );
    // Another author's book of the same title is another book.
    await addLearningItem(ctx, { title: 'Deep Work', authors: ['Someone Else'] });
    expect(await listLearningItems(ctx)).toHaveLength(2);
  });

  it('resolves an item by id, exact title (any case), or the start of a title; several is a conflict listing them', async () => {
    const ctx = await db.ctx();
    const one = await addLearningItem(ctx, { title: 'The Manager’s Path', authors: ['Camille Fournier'] });
    const two = await addLearningItem(ctx, { title: 'The Mythical Man-Month', authors: ['Fred Brooks'] });
    const three = await addLearningItem(ctx, { title: '100% Done', authors: ['Somebody'] });
    expect((await showLearningItem(ctx, two.id)).title).toBe('The Mythical Man-Month');
    expect((await showLearningItem(ctx, 'the mythical man-month')).id).toBe(two.id);
    expect((await showLearningItem(ctx, 'The Man')).id).toBe(one.id);
    expect((await showLearningItem(ctx, '100%')).id).toBe(three.id);
    await expectAppError(showLearningItem(ctx, '1000'), 'not_found', 'item: no item "1000"');
    await expectAppError(showLearningItem(ctx, '100_'), 'not_found', 'item: no item "100_"');
    await expectAppError(showLearningItem(ctx, 'nothing like it'), 'not_found', 'item: no item "nothing like it"');
    const [a, b] = [one, two].sort((x, y) => (x.id < y.id ? -1 : 1));
    const rows = await resolveLearningItem(db.store.db, ctx.personId, two.id);
    expect(rows.id).toBe(two.id);
    await expect(showLearningItem(ctx, 'the m')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^item: "the m" matches 2 items \(.*\); use a slug$/),
    });
    await expect(showLearningItem(ctx, 'the m')).rejects.toMatchObject({ message: expect.stringContaining(`${a!.slug} "${a!.title}"`) });
    await expect(showLearningItem(ctx, 'the m')).rejects.toMatchObject({ message: expect.stringContaining(`${b!.slug} "${b!.title}"`) });
  });

  it('records progress by page: percent from the page count; an item one wanted moves to reading, started today', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, { ...deepWork, pages: 400 });
    const read = await recordProgress(ctx, item.id, { page: '100' });
    expect(read).toMatchObject({ status: 'reading', startedAt: '2026-11-23', page: 100, pages: 400, progress: 25 });
    // Later progress keeps the start date.
    const later = await recordProgress(await db.ctx('2026-11-25'), 'deep', { page: 133 });
    expect(later).toMatchObject({ status: 'reading', startedAt: '2026-11-23', page: 133, progress: 33.3 });
    // The last page is fine; one past it is refused with the count, and nothing changes.
    expect(await recordProgress(ctx, item.id, { page: 400 })).toMatchObject({ progress: 100 });
    await expectRefused(() => recordProgress(ctx, item.id, { page: 401 }), 'validation_failed', 'page: 401 is past the last page (the item has 400 pages)');
  });

  it('records progress as a percentage, and a page without a page count', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, { title: 'An ebook', status: 'abandoned' });
    expect(await recordProgress(ctx, item.id, { percent: '42.5' })).toMatchObject({ status: 'reading', startedAt: '2026-11-23', progress: 42.5, page: null });
    expect(await recordProgress(ctx, item.id, { page: 12 })).toMatchObject({ progress: null, page: 12, pages: null });
    // A book whose page count is known, given as a percentage: the percentage stands.
    const book = await addLearningItem(ctx, { title: 'A book', pages: 200 });
    expect(await recordProgress(ctx, book.id, { percent: 10 })).toMatchObject({ progress: 10, page: null, pages: 200 });
    const refused = (raw: object, message: string) => expectRefused(() => recordProgress(ctx, book.id, raw), 'validation_failed', message);
    await refused({ percent: 101 }, 'percent: expected a percentage from 0 to 100');
    await refused({ percent: -1 }, 'percent: expected a percentage from 0 to 100');
    await refused({ percent: 'half' }, 'percent: expected a percentage from 0 to 100');
    await refused({ page: -3 }, 'page: expected a whole page number, 0 or more');
    await refused({ page: 2.5 }, 'page: expected a whole page number, 0 or more');
    await refused({}, 'page: give a page or a percentage, e.g. 120 or 40%');
    await refused({ page: 3, percent: 5 }, 'page: give a page or a percentage, e.g. 120 or 40%');
    await expectRefused(() => recordProgress(ctx, 'no such book', { page: 3 }), 'not_found', 'item: no item "no such book"');
  });

  it('finishes an item today or on a day, with a rating in quarter steps, read to the end', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    await recordProgress(ctx, item.id, { page: 10 });
    const done = await finishLearningItem(ctx, item.id, { rating: '3.75' });
    expect(done).toMatchObject({ status: 'read', finishedAt: '2026-11-23', rating: 3.75, startedAt: '2026-11-23', progress: 100, page: 296 });
    // Again with a past date and no rating: the rating stays.
    expect(await finishLearningItem(ctx, item.id, { date: '2026-11-20' })).toMatchObject({ finishedAt: '2026-11-20', rating: 3.75 });
    expect(await finishLearningItem(ctx, item.id, { rating: null })).toMatchObject({ rating: null });
    // No page count: 100%.
    const article = await addLearningItem(ctx, { title: 'An article', kind: 'article' });
    expect(await finishLearningItem(ctx, article.id)).toMatchObject({ status: 'read', progress: 100, page: null, rating: null, startedAt: null });
    expect(await finishLearningItem(ctx, article.id, { rating: 0 })).toMatchObject({ rating: 0 });
    expect(await finishLearningItem(ctx, article.id, { rating: 5 })).toMatchObject({ rating: 5 });
  });

  it('refuses a rating outside 0..5 or between quarter steps, and a bad or future date, writing nothing', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    const rating = 'rating: expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75';
    for (const value of [5.25, -1, 3.3, '6', 'great']) {
      await expectRefused(() => finishLearningItem(ctx, item.id, { rating: value }), 'validation_failed', rating);
    }
    await expectRefused(() => finishLearningItem(ctx, item.id, { date: '2026-11-24' }), 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)');
    await expectRefused(() => finishLearningItem(ctx, item.id, { date: '20.11.2026' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
    await expectRefused(() => finishLearningItem(ctx, item.id, { when: 'now' }), 'validation_failed', 'when: unknown field');
    expect((await showLearningItem(ctx, item.id)).status).toBe('want');
  });

  it('adds notes, and shows notes, takeaways and highlights in order, each highlight with its card', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    const other = await addLearningItem(ctx, { title: 'Other' });
    const note = await addLearningNote(ctx, 'Deep Work', { text: '  Schedule every minute.  ' });
    expect(note).toEqual({ id: expect.any(String), text: 'Schedule every minute.', createdAt: '2026-11-23T12:00:00.000Z', itemId: item.id });
    const second = await addLearningNote(await db.ctx('2026-11-24'), item.id, { text: 'Shutdown ritual' });
    await addLearningNote(ctx, other.id, { text: 'not this one' });
    await expectRefused(() => addLearningNote(ctx, item.id, { text: ' ' }), 'validation_failed', 'text: must not be empty');
    await expectRefused(() => addLearningNote(ctx, item.id, {}), 'validation_failed', 'text: required');

    await insertHighlight({ id: 'h-late', item_id: item.id, text: 'Later passage', location_start: 900, created_at: '2026-11-01T00:00:00.000Z', page: '120' });
    await insertHighlight({ id: 'h-none', item_id: item.id, text: 'No location', location_start: null, created_at: '2026-10-01T00:00:00.000Z' });
    await insertHighlight({ id: 'h-early', item_id: item.id, text: 'Early passage', location_start: 100, created_at: '2026-11-02T00:00:00.000Z' });
    await insertHighlight({ id: 'h-early-2', item_id: item.id, text: 'Early, added first', location_start: 100, created_at: '2026-10-02T00:00:00.000Z' });
    await insertHighlight({ id: 'h-other', item_id: other.id, text: 'elsewhere', location_start: 1, created_at: '2026-10-02T00:00:00.000Z' });
    await insertCard(ctx, {
      id: 'c-h',
      item_id: item.id,
      highlight_id: 'h-late',
      kind: 'highlight',
      front: 'Later passage',
      created_at: '2026-11-03T00:00:00.000Z',
    });
    await insertCard(ctx, { id: 'c-t2', item_id: item.id, kind: 'takeaway', front: 'Second takeaway', created_at: '2026-11-05T00:00:00.000Z' });
    await insertCard(ctx, { id: 'c-t1', item_id: item.id, kind: 'takeaway', front: 'First takeaway', created_at: '2026-11-04T00:00:00.000Z' });
    await insertCard(ctx, { id: 'c-o', item_id: other.id, kind: 'takeaway', front: 'elsewhere', created_at: '2026-11-04T00:00:00.000Z' });

    const shown = await showLearningItem(ctx, item.id);
    expect(shown.notes).toEqual([
      { id: note.id, text: 'Schedule every minute.', createdAt: '2026-11-23T12:00:00.000Z' },
      { id: second.id, text: 'Shutdown ritual', createdAt: '2026-11-24T12:00:00.000Z' },
    ]);
    expect(shown.takeaways).toEqual([
      { id: 'c-t1', front: 'First takeaway', back: '', due: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-04T00:00:00.000Z' },
      { id: 'c-t2', front: 'Second takeaway', back: '', due: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-05T00:00:00.000Z' },
    ]);
    expect(shown.highlights.map((h) => [h.id, h.cardId])).toEqual([
      ['h-early-2', null],
      ['h-early', null],
      ['h-late', 'c-h'],
      ['h-none', null],
    ]);
    expect(shown.highlights[2]).toEqual({
      id: 'h-late',
      text: 'Later passage',
      note: null,
      page: '120',
      location: '900',
      highlightedAt: '2026-11-01T10:00:00.000Z',
      color: null,
      tags: ['favorite'],
      cardId: 'c-h',
    });
  });

  it('gives each item a slug from its title, unique per person by -2, -3, …', async () => {
    const ctx = await db.ctx();
    const first = await addLearningItem(ctx, { title: 'Refactoring', authors: ['Martin Fowler'] });
    const second = await addLearningItem(ctx, { title: 'Refactoring', authors: ['William Opdyke'] });
    const third = await addLearningItem(ctx, { title: 'REFACTORING!', authors: ['Somebody Else'] });
    expect([first.slug, second.slug, third.slug]).toEqual(['refactoring', 'refactoring-2', 'refactoring-3']);
    // A slug that only starts like another is its own; accents fold; a title without letters or digits is "item".
    expect((await addLearningItem(ctx, { title: 'Refactoring Databases' })).slug).toBe('refactoring-databases');
    expect((await addLearningItem(ctx, { title: 'Café Society: Ünder Pressure' })).slug).toBe('cafe-society');
    // The subtitle and series stay out, as people say a title; apostrophes go.
    expect((await addLearningItem(ctx, { title: "The Manager's Path: A Guide for Tech Leaders" })).slug).toBe('the-managers-path');
    expect((await addLearningItem(ctx, { title: 'Leviathan Wakes (The Expanse, #1)' })).slug).toBe('leviathan-wakes');
    expect((await addLearningItem(ctx, { title: '¿¡…!?' })).slug).toBe('item');
    expect((await addLearningItem(ctx, { title: '“—”', authors: ['Nobody'] })).slug).toBe('item-2');
    // Another person's slugs are theirs: the same title gets the plain slug.
    await insertPerson(db.store.db, { id: 'someone-else', name: 'them', time_zone: 'UTC', created_at: '2026-11-01T00:00:00.000Z' });
    const other = await createContext(db.store, { personId: 'someone-else', env: { GROW_TODAY: '2026-11-23' } });
    expect((await addLearningItem(other, { title: 'Refactoring' })).slug).toBe('refactoring');
    // A slug deleted is free again.
    await removeLearningItem(ctx, 'refactoring-3');
    expect((await addLearningItem(ctx, { title: 'Refactoring', authors: ['Third Author'] })).slug).toBe('refactoring-3');
    expect((await listLearningItems(ctx)).map((i) => i.slug).sort()).toEqual([
      'cafe-society',
      'item',
      'item-2',
      'leviathan-wakes',
      'refactoring',
      'refactoring-2',
      'refactoring-3',
      'refactoring-databases',
      'the-managers-path',
    ]);
  });

  it('keeps the slug when the title changes, and finds an item by its slug (any case) before any title', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    const edited = await editLearningItem(ctx, 'deep-work', { title: 'Deep Work: Rules for Focused Success' });
    expect(edited).toMatchObject({ id: item.id, slug: 'deep-work', title: 'Deep Work: Rules for Focused Success' });
    expect((await showLearningItem(ctx, 'deep-work')).id).toBe(item.id);
    expect((await showLearningItem(ctx, 'DEEP-WORK')).id).toBe(item.id);
    // The old title's slug is still taken: a new "Deep Work" by someone else gets the next one.
    const again = await addLearningItem(ctx, { title: 'Deep Work', authors: ['Another Author'] });
    expect(again.slug).toBe('deep-work-2');
    // "deep-work" is a slug and the start of both titles: the slug names one item, no conflict.
    expect((await showLearningItem(ctx, 'deep-work')).id).toBe(item.id);
    expect((await showLearningItem(ctx, 'deep-work-2')).id).toBe(again.id);
    // Every command that takes an item takes its slug.
    expect((await recordProgress(ctx, 'deep-work-2', { page: 10 })).id).toBe(again.id);
    expect((await finishLearningItem(ctx, 'deep-work', {})).status).toBe('read');
    expect((await addLearningNote(ctx, 'deep-work', { text: 'focus' })).itemId).toBe(item.id);
    // The id still works, and a title still works.
    expect((await showLearningItem(ctx, item.id)).slug).toBe('deep-work');
    expect((await showLearningItem(ctx, 'Deep Work: Rules')).id).toBe(item.id);
    expect(await removeLearningItem(ctx, 'deep-work-2')).toEqual({ id: again.id, slug: 'deep-work-2', title: 'Deep Work', removed: true });
    await expectAppError(showLearningItem(ctx, 'deep-work-2'), 'not_found', 'item: no item "deep-work-2"');
  });

  it('edits the fields given, keeps the rest, and checks a new title or ISBN against the library', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    const other = await addLearningItem(ctx, { title: 'Digital Minimalism', authors: ['Cal Newport'], isbn: '0-306-40615-2' });
    const edited = await editLearningItem(ctx, item.id, { title: 'Deep Work (2016)', skills: 'empathy', rating: 4.5, status: 'reading', recommendedBy: 'Sam' });
    expect(edited).toMatchObject({
      title: 'Deep Work (2016)',
      authors: ['Cal Newport'],
      isbn13: '9781455586691',
      pages: 296,
      skills: ['empathy'],
      rating: 4.5,
      status: 'reading',
      startedAt: '2026-11-23',
      recommendedBy: 'Sam',
    });
    const renamed = await editLearningItem(ctx, item.id, { title: 'Focus', authors: ['Newport, Cal'] });
    const row = await db.store.db.selectFrom('learning_item').select(['match_key']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.match_key).toBe(matchKey('Focus', ['Newport, Cal']));
    expect(renamed.authors).toEqual(['Newport, Cal']);
    // Empty values clear.
    expect(await editLearningItem(ctx, item.id, { isbn: '', url: '', recommendedBy: '', skills: '', rating: null })).toMatchObject({
      isbn10: null,
      isbn13: null,
      url: null,
      recommendedBy: null,
      skills: [],
      rating: null,
    });

    await expectRefused(
      () => editLearningItem(ctx, item.id, { title: 'Digital Minimalism' }),
      'conflict',
      `title: already in your library as ${other.id} "Digital Minimalism" (same title and author)`,
    );
    await expectRefused(
      () => editLearningItem(ctx, item.id, { isbn: '0306406152' }),
      'conflict',
      `isbn: 9780306406157 is already in your library as ${other.id} "Digital Minimalism"`,
    );
    // Its own ISBN and key are no conflict.
    await editLearningItem(ctx, other.id, { isbn: '9780306406157', title: 'Digital Minimalism' });

    await recordProgress(ctx, item.id, { page: 250 });
    await expectRefused(() => editLearningItem(ctx, item.id, { pages: 200 }), 'validation_failed', 'pages: 200 is less than the current page (250)');
    await expectRefused(
      () => editLearningItem(ctx, item.id, { rating: 7 }),
      'validation_failed',
      'rating: expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75',
    );
    await expectRefused(
      () => editLearningItem(ctx, item.id, { skills: 'juggling' }),
      'validation_failed',
      'skills: unknown skill "juggling" (see grow skill list)',
    );
    await expectRefused(() => editLearningItem(ctx, item.id, { isbn: '123' }), 'validation_failed', 'isbn: "123" is not an ISBN (expected 10 or 13 digits)');
    await expectRefused(() => editLearningItem(ctx, item.id, { owner: 'me' }), 'validation_failed', 'owner: unknown field');
    await expectRefused(() => editLearningItem(ctx, 'missing', { pages: 3 }), 'not_found', 'item: no item "missing"');
  });

  it('removes an item with its notes, highlights and cards, and nothing else', async () => {
    const ctx = await db.ctx();
    const item = await addLearningItem(ctx, deepWork);
    const kept = await addLearningItem(ctx, { title: 'Kept' });
    await addLearningNote(ctx, item.id, { text: 'gone' });
    await addLearningNote(ctx, kept.id, { text: 'stays' });
    await insertHighlight({ id: 'h1', item_id: item.id, text: 'gone', location_start: 1, created_at: '2026-11-01T00:00:00.000Z' });
    await insertCard(ctx, { id: 'c1', item_id: item.id, highlight_id: 'h1', kind: 'highlight', front: 'gone', created_at: '2026-11-01T00:00:00.000Z' });
    await insertCard(ctx, { id: 'c2', item_id: kept.id, kind: 'takeaway', front: 'stays', created_at: '2026-11-01T00:00:00.000Z' });
    expect(await removeLearningItem(ctx, 'Deep Work')).toEqual({ id: item.id, slug: 'deep-work', title: 'Deep Work', removed: true });
    expect((await listLearningItems(ctx)).map((i) => i.id)).toEqual([kept.id]);
    expect((await db.store.db.selectFrom('learning_note').select('text').execute()).map((r) => r.text)).toEqual(['stays']);
    expect(await db.store.db.selectFrom('highlight').select('id').execute()).toEqual([]);
    expect((await db.store.db.selectFrom('card').select('id').execute()).map((r) => r.id)).toEqual(['c2']);
    await expectAppError(removeLearningItem(ctx, item.id), 'not_found', `item: no item "${item.id}"`);
  });

  it('lists the items finished in a period, and their takeaways in one query, for reflections', async () => {
    const ctx = await db.ctx();
    const a = await addLearningItem(ctx, { title: 'A', skills: 'empathy' });
    const b = await addLearningItem(ctx, { title: 'B' });
    const c = await addLearningItem(ctx, { title: 'C' });
    await addLearningItem(ctx, { title: 'Unfinished' });
    await finishLearningItem(ctx, a.id, { date: '2026-11-10', rating: 4 });
    await finishLearningItem(ctx, b.id, { date: '2026-11-01' });
    await finishLearningItem(ctx, c.id, { date: '2026-10-31' });
    const period = await listFinishedLearningRows(db.store.db, ctx.personId, { from: '2026-11-01', to: '2026-11-30' });
    expect(period.map((r) => [r.title, r.finished_at, r.rating])).toEqual([
      ['B', '2026-11-01', null],
      ['A', '2026-11-10', 4],
    ]);
    await insertCard(ctx, { id: 'c-a', item_id: a.id, kind: 'takeaway', front: 'from A', created_at: '2026-11-11T00:00:00.000Z' });
    await insertCard(ctx, { id: 'c-c', item_id: c.id, kind: 'takeaway', front: 'from C', created_at: '2026-11-12T00:00:00.000Z' });
    expect(
      (
        await listTakeawayCardRowsForItems(
          db.store.db,
          period.map((r) => r.id),
        )
      ).map((r) => [r.item_id, r.front]),
    ).toEqual([[a.id, 'from A']]);
    expect(await listTakeawayCardRowsForItems(db.store.db, [])).toEqual([]);
  });

  it('a finished item that names skills shows in the balance week it was finished and counts against neglect', async () => {
    const ctx = await db.ctx();
    await logActivity(ctx, { text: 'tests', minutes: 30, skills: 'testing', date: '2026-11-20' });
    const empathy = await addLearningItem(ctx, { title: 'Nonviolent Communication', skills: 'empathy' });
    const plain = await addLearningItem(ctx, { title: 'A novel' });
    const before = await balance(ctx, { weeks: 2 });
    expect(before.neglected).toEqual([{ kind: 'soft', daysSince: null }]);

    await finishLearningItem(ctx, empathy.id, { date: '2026-11-17' });
    await finishLearningItem(ctx, plain.id, { date: '2026-11-17' });
    const after = await balance(ctx, { weeks: 2 });
    expect(after.weeks).toEqual([
      { week: '2026-W47', technicalMinutes: 30, softMinutes: 0, finished: [{ id: empathy.id, title: 'Nonviolent Communication', skills: ['empathy'] }] },
      { week: '2026-W48', technicalMinutes: 0, softMinutes: 0, finished: [] },
    ]);
    expect(after.neglected).toEqual([]);
    expect(after.ratio).toBe(1);

    // Back to reading: no longer finished.
    await editLearningItem(ctx, empathy.id, { status: 'reading' });
    expect((await balance(ctx, { weeks: 2 })).weeks.flatMap((w) => w.finished)).toEqual([]);
  });
});
