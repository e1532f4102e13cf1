import type { IsoDate } from '../core/calendar.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { matchKey } from '../core/library.js';
import { inTransaction, isUniqueViolation } from '../store/database.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import {
  deleteLearningItem,
  findLearningItemDuplicates,
  findLearningItemsByRef,
  insertLearningItem,
  insertLearningNote,
  listHighlightRows,
  listLearningItemRows,
  listLearningNoteRows,
  listTakeawayCardRows,
  updateLearningItem,
} from '../store/learning.repository.js';
import type { LearningItemRow, LearningItemTable, LearningKind, LearningNoteRow, LearningStatus } from '../store/schema.js';
import {
  type LearningCreateInput,
  type LearningUpdateInput,
  learningCreateSchema,
  learningFinishSchema,
  learningListSchema,
  learningNoteSchema,
  learningProgressSchema,
  learningUpdateSchema,
} from '../schemas/learning.schema.js';
import { parseInput } from '../schemas/validate.js';
import { requireKnownSkills } from './activity.service.js';
import type { Context } from './context.js';

/**
 * The one item a reference names (an id, a slug, a title, or the start of one). Several matches
 * is a conflict that lists them, so the person can repeat the command with a slug.
 */
export async function resolveLearningItem(db: Db, personId: string, ref: string): Promise<LearningItemRow> {
  const rows = await findLearningItemsByRef(db, personId, ref);
  if (rows.length === 0) throw notFound('item', ref);
  if (rows.length > 1) {
    const list = rows
      .slice(0, 5)
      .map((r) => `${r.slug} "${r.title}"`)
      .join(', ');
    throw new AppError('conflict', `item: ${JSON.stringify(ref)} matches ${rows.length} items (${list}${rows.length > 5 ? ', …' : ''}); use a slug`);
  }
  return rows[0]!;
}

export interface LearningItem {
  id: string;
  /** Unique per person, made from the title when the item was added; kept when the title changes. */
  slug: string;
  kind: LearningKind;
  title: string;
  authors: string[];
  isbn10: string | null;
  isbn13: string | null;
  status: LearningStatus;
  /** Percent read, 0..100: from page and pages when both are known, else as last given; null when unknown. */
  progress: number | null;
  /** The current page, when progress was given as a page. */
  page: number | null;
  pages: number | null;
  rating: number | null;
  recommendedBy: string | null;
  url: string | null;
  skills: string[];
  review: string | null;
  shelves: string[];
  startedAt: IsoDate | null;
  finishedAt: IsoDate | null;
  addedAt: string;
  source: string | null;
}

export interface LearningNote {
  id: string;
  text: string;
  createdAt: string;
}

export interface Takeaway {
  id: string;
  front: string;
  back: string;
  due: string;
  createdAt: string;
}

export interface Highlight {
  id: string;
  text: string;
  note: string | null;
  page: string | null;
  location: string | null;
  highlightedAt: string | null;
  color: string | null;
  tags: string[];
  /** The review card made from this highlight, if any. */
  cardId: string | null;
}

export interface LearningItemDetail extends LearningItem {
  notes: LearningNote[];
  takeaways: Takeaway[];
  highlights: Highlight[];
}

/** Percent read, to one decimal: the page against the page count wins over a stored percentage. */
export function progressOf(row: Pick<LearningItemRow, 'progress_page' | 'pages' | 'progress_percent'>): number | null {
  if (row.progress_page !== null && row.pages !== null) return Math.round((Math.min(row.progress_page, row.pages) / row.pages) * 1000) / 10;
  return row.progress_percent;
}

export function toLearningItem(row: LearningItemRow): LearningItem {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    authors: JSON.parse(row.authors) as string[],
    isbn10: row.isbn10,
    isbn13: row.isbn13,
    status: row.status,
    progress: progressOf(row),
    page: row.progress_page,
    pages: row.pages,
    rating: row.rating,
    recommendedBy: row.recommended_by,
    url: row.url,
    skills: JSON.parse(row.skills) as string[],
    review: row.review,
    shelves: JSON.parse(row.shelves) as string[],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    addedAt: row.added_at,
    source: row.source,
  };
}

const toNote = (row: LearningNoteRow): LearningNote => ({ id: row.id, text: row.text, createdAt: row.created_at });

async function detailOf(db: Db, row: LearningItemRow): Promise<LearningItemDetail> {
  const [notes, takeaways, highlights] = await Promise.all([listLearningNoteRows(db, row.id), listTakeawayCardRows(db, row.id), listHighlightRows(db, row.id)]);
  return {
    ...toLearningItem(row),
    notes: notes.map(toNote),
    takeaways: takeaways.map((c) => ({ id: c.id, front: c.front, back: c.back, due: c.due, createdAt: c.created_at })),
    highlights: highlights.map((h) => ({
      id: h.id,
      text: h.text,
      note: h.note,
      page: h.page,
      location: h.location,
      highlightedAt: h.highlighted_at,
      color: h.color,
      tags: JSON.parse(h.tags) as string[],
      cardId: h.card_id,
    })),
  };
}

/**
 * Refuses a second copy of a book: the same ISBN-13, or the same title and first author (the
 * match key every import uses). The message names the item already there.
 */
async function refuseDuplicate(db: Db, ctx: Context, keys: { isbn13: string | null; matchKey: string }, self?: string): Promise<void> {
  const others = (await findLearningItemDuplicates(db, ctx.personId, keys)).filter((r) => r.id !== self);
  const sameIsbn = keys.isbn13 === null ? undefined : others.find((r) => r.isbn13 === keys.isbn13);
  if (sameIsbn) throw conflict('isbn', `${keys.isbn13} is already in your library as ${sameIsbn.id} "${sameIsbn.title}"`);
  const sameBook = others.find((r) => r.match_key === keys.matchKey);
  if (sameBook) throw conflict('title', `already in your library as ${sameBook.id} "${sameBook.title}" (same title and author)`);
}

function requireNotAfterToday(ctx: Context, field: string, date: IsoDate): void {
  if (date > ctx.today) throw invalid(field, `${date} is after today (${ctx.today})`);
}

/** Adds a book, article, course or talk. Checked in full before anything is written; one transaction. */
export async function addLearningItem(ctx: Context, raw: unknown): Promise<LearningItemDetail> {
  const input: LearningCreateInput = parseInput(learningCreateSchema, raw);
  if (input.skills.length > 0) await requireKnownSkills(ctx, input.skills);
  const isbn = input.isbn ?? null;
  const key = matchKey(input.title, input.authors);
  const now = ctx.now().toISOString();
  const row: Omit<LearningItemTable, 'slug'> = {
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    kind: input.kind,
    title: input.title,
    authors: JSON.stringify(input.authors),
    isbn10: isbn?.isbn10 ?? null,
    isbn13: isbn?.isbn13 ?? null,
    pages: input.pages ?? null,
    url: input.url ?? null,
    recommended_by: input.recommendedBy ?? null,
    skills: JSON.stringify(input.skills),
    status: input.status,
    progress_page: null,
    progress_percent: null,
    rating: null,
    review: null,
    shelves: '[]',
    started_at: input.status === 'reading' ? ctx.today : null,
    finished_at: null,
    added_at: now,
    match_key: key,
    source: null,
    source_id: null,
    created_at: now,
    updated_at: now,
  };
  const insert = () =>
    inTransaction(ctx.store, async (trx) => {
      await refuseDuplicate(trx, ctx, { isbn13: row.isbn13, matchKey: key });
      return insertLearningItem(trx, row);
    });
  // Two items of one title added at once (PostgreSQL lets both read the same free slug): the
  // unique index refuses the second, which then takes the next slug.
  let slug: string;
  for (let attempt = 1; ; attempt++) {
    try {
      slug = await insert();
      break;
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
  return { ...toLearningItem({ ...row, slug }), notes: [], takeaways: [], highlights: [] };
}

/** The library, oldest added first; one status or all. */
export async function listLearningItems(ctx: Context, raw: unknown = {}): Promise<LearningItem[]> {
  const { status } = parseInput(learningListSchema, raw);
  return (await listLearningItemRows(ctx.store.db, ctx.personId, status)).map(toLearningItem);
}

/** An item with its notes, takeaways and highlights: four queries, whatever their number. */
export async function showLearningItem(ctx: Context, ref: string): Promise<LearningItemDetail> {
  return detailOf(ctx.store.db, await resolveLearningItem(ctx.store.db, ctx.personId, ref));
}

/** Changes the fields given; the rest stay. A new title or author is checked against the library again. */
export async function editLearningItem(ctx: Context, ref: string, raw: unknown): Promise<LearningItemDetail> {
  const input: LearningUpdateInput = parseInput(learningUpdateSchema, raw);
  if (input.skills !== undefined && input.skills.length > 0) await requireKnownSkills(ctx, input.skills);
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, ref);
    const title = input.title ?? item.title;
    const authors = input.authors ?? (JSON.parse(item.authors) as string[]);
    const isbn13 = input.isbn === undefined ? item.isbn13 : (input.isbn?.isbn13 ?? null);
    const pages = input.pages === undefined ? item.pages : input.pages;
    if (pages !== null && item.progress_page !== null && item.progress_page > pages) {
      throw invalid('pages', `${pages} is less than the current page (${item.progress_page})`);
    }
    const key = matchKey(title, authors);
    if (key !== item.match_key || isbn13 !== item.isbn13) await refuseDuplicate(trx, ctx, { isbn13, matchKey: key }, item.id);
    const status = input.status ?? item.status;
    const updated = await updateLearningItem(trx, item.id, {
      title,
      authors: JSON.stringify(authors),
      match_key: key,
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.isbn !== undefined ? { isbn10: input.isbn?.isbn10 ?? null, isbn13 } : {}),
      ...(input.pages !== undefined ? { pages: input.pages } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.recommendedBy !== undefined ? { recommended_by: input.recommendedBy } : {}),
      ...(input.skills !== undefined ? { skills: JSON.stringify(input.skills) } : {}),
      ...(input.rating !== undefined ? { rating: input.rating } : {}),
      status,
      started_at: status === 'reading' ? (item.started_at ?? ctx.today) : item.started_at,
      updated_at: ctx.now().toISOString(),
    });
    return detailOf(trx, updated);
  });
}

/** Deletes an item with its notes, highlights and review cards. */
export async function removeLearningItem(ctx: Context, ref: string): Promise<{ id: string; slug: string; title: string; removed: true }> {
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, ref);
    await deleteLearningItem(trx, item.id);
    return { id: item.id, slug: item.slug, title: item.title, removed: true as const };
  });
}

/**
 * Records where the reader is, as a page or a percentage. Reading an item one wanted (or had
 * abandoned) means reading it now: it moves to reading, started today unless it was started before.
 */
export async function recordProgress(ctx: Context, ref: string, raw: unknown): Promise<LearningItemDetail> {
  const input = parseInput(learningProgressSchema, raw);
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, ref);
    if (input.page !== undefined && item.pages !== null && input.page > item.pages) {
      throw invalid('page', `${input.page} is past the last page (the item has ${item.pages} pages)`);
    }
    const starts = item.status === 'want' || item.status === 'abandoned';
    const updated = await updateLearningItem(trx, item.id, {
      progress_page: input.page ?? null,
      progress_percent: input.percent ?? null,
      ...(starts ? { status: 'reading' as const, started_at: item.started_at ?? ctx.today } : {}),
      updated_at: ctx.now().toISOString(),
    });
    return detailOf(trx, updated);
  });
}

/** Marks an item read on a day (default today), read to the end, with an optional rating. */
export async function finishLearningItem(ctx: Context, ref: string, raw: unknown = {}): Promise<LearningItemDetail> {
  const input = parseInput(learningFinishSchema, raw);
  const date = input.date ?? ctx.today;
  requireNotAfterToday(ctx, 'date', date);
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, ref);
    const updated = await updateLearningItem(trx, item.id, {
      status: 'read',
      finished_at: date,
      ...(input.rating !== undefined ? { rating: input.rating } : {}),
      // Read to the end: the last page when the count is known, else 100%.
      progress_page: item.pages !== null ? item.pages : null,
      progress_percent: item.pages !== null ? null : 100,
      updated_at: ctx.now().toISOString(),
    });
    return detailOf(trx, updated);
  });
}

/** Adds a note to an item. */
export async function addLearningNote(ctx: Context, ref: string, raw: unknown): Promise<LearningNote & { itemId: string }> {
  const input = parseInput(learningNoteSchema, raw);
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, ref);
    const note = await insertLearningNote(trx, {
      id: newId(ctx.now().getTime()),
      item_id: item.id,
      text: input.text,
      source: null,
      source_key: null,
      created_at: ctx.now().toISOString(),
    });
    return { ...toNote(note), itemId: item.id };
  });
}
