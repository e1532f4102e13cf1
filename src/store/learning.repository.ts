import { type Insertable, type Updateable, sql } from 'kysely';
import { mainTitle } from '../core/library.js';
import { claimSlug, slugify } from '../core/slug.js';
import type { Db } from './habit.repository.js';
import type { CardRow, HighlightRow, LearningItemRow, LearningItemTable, LearningNoteRow, LearningNoteTable, LearningStatus } from './schema.js';

/**
 * The slug a title gives before it is made unique: the title without its subtitle or series, as
 * people say it ("Deep Work: Rules for…" is deep-work, "The Manager's Path" the-managers-path);
 * "item" when it has no letters or digits.
 */
export const itemSlugBase = (title: string): string => slugify((mainTitle(title) || title).replace(/['’]/g, ''), 'item');

/** The person's item slugs that start with `prefix` (a slug base holds no LIKE wildcard). */
export async function itemSlugsStartingWith(db: Db, personId: string, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('learning_item').select('slug').where('person_id', '=', personId).where('slug', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.slug);
}

/**
 * Inserts one item. Without a slug it gets the title's, made unique for the person (-2, -3, …);
 * the unique index (person_id, slug) stops two writers from taking the same one. Returns the slug.
 */
export async function insertLearningItem(db: Db, row: Omit<Insertable<LearningItemTable>, 'slug'> & { slug?: string }): Promise<string> {
  let slug = row.slug;
  if (slug === undefined) {
    const base = itemSlugBase(row.title);
    slug = claimSlug(base, new Set(await itemSlugsStartingWith(db, row.person_id, base)));
  }
  await db
    .insertInto('learning_item')
    .values({ ...row, slug })
    .execute();
  return slug;
}

export async function findLearningItemById(db: Db, personId: string, id: string): Promise<LearningItemRow | undefined> {
  return db.selectFrom('learning_item').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

/**
 * Items a reference may mean: the id, else the slug (one item: slugs are unique per person), else
 * the exact title (case-insensitive), else titles that start with it. The caller decides what to
 * do with none or several.
 */
export async function findLearningItemsByRef(db: Db, personId: string, ref: string): Promise<LearningItemRow[]> {
  const folded = ref.trim().toLowerCase();
  const byIdOrSlug = await db
    .selectFrom('learning_item')
    .selectAll()
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', folded)]))
    .execute();
  // An id that is also another item's slug: the id wins, as it always has.
  const byId = byIdOrSlug.find((r) => r.id === ref) ?? byIdOrSlug[0];
  if (byId) return [byId];
  if (folded === '') return [];
  const rows = await db
    .selectFrom('learning_item')
    .selectAll()
    .where('person_id', '=', personId)
    // An explicit ESCAPE: SQLite's LIKE has no escape character by default, so "100%" would match "1000 …".
    .where(sql<boolean>`lower(title) like ${`${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  const exact = rows.filter((r) => r.title.toLowerCase() === folded);
  return exact.length > 0 ? exact : rows;
}

// Items are read by person and status (learning_item_person_status), by ISBN-13 and match key
// for duplicates, and by finish date for balance and reflections; notes, cards and highlights by item.

/** A person's items, oldest added first; one status or all. */
export async function listLearningItemRows(db: Db, personId: string, status?: LearningStatus): Promise<LearningItemRow[]> {
  let query = db.selectFrom('learning_item').selectAll().where('person_id', '=', personId);
  if (status !== undefined) query = query.where('status', '=', status);
  return query.orderBy('added_at').orderBy('id').execute();
}

/** The items that may be the same book: the same ISBN-13, or the same match key. */
export async function findLearningItemDuplicates(
  db: Db,
  personId: string,
  keys: { isbn13: string | null; matchKey: string },
): Promise<Pick<LearningItemRow, 'id' | 'title' | 'isbn13' | 'match_key'>[]> {
  return db
    .selectFrom('learning_item')
    .select(['id', 'title', 'isbn13', 'match_key'])
    .where('person_id', '=', personId)
    .where((eb) => {
      const same = [eb('match_key', '=', keys.matchKey)];
      if (keys.isbn13 !== null) same.push(eb('isbn13', '=', keys.isbn13));
      return eb.or(same);
    })
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export async function updateLearningItem(db: Db, id: string, update: Updateable<LearningItemTable>): Promise<LearningItemRow> {
  await db.updateTable('learning_item').set(update).where('id', '=', id).execute();
  return db.selectFrom('learning_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Deletes an item; its notes, highlights and cards (and their review logs) go with it by cascade. */
export async function deleteLearningItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('learning_item').where('id', '=', id).execute();
}

export async function insertLearningNote(db: Db, row: Insertable<LearningNoteTable>): Promise<LearningNoteRow> {
  await db.insertInto('learning_note').values(row).execute();
  return { source: null, source_key: null, ...row } as LearningNoteRow;
}

export async function listLearningNoteRows(db: Db, itemId: string): Promise<LearningNoteRow[]> {
  return db.selectFrom('learning_note').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
}

/** The item's takeaway cards, oldest first. */
export async function listTakeawayCardRows(db: Db, itemId: string): Promise<Pick<CardRow, 'id' | 'front' | 'back' | 'due' | 'created_at'>[]> {
  return db
    .selectFrom('card')
    .select(['id', 'front', 'back', 'due', 'created_at'])
    .where('item_id', '=', itemId)
    .where('kind', '=', 'takeaway')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The takeaway cards of several items in one query (reflections gather a period's books), oldest first. */
export async function listTakeawayCardRowsForItems(
  db: Db,
  itemIds: readonly string[],
): Promise<Pick<CardRow, 'id' | 'item_id' | 'front' | 'back' | 'due' | 'created_at'>[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('card')
    .select(['id', 'item_id', 'front', 'back', 'due', 'created_at'])
    .where('item_id', 'in', [...itemIds])
    .where('kind', '=', 'takeaway')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type HighlightWithCardRow = HighlightRow & { card_id: string | null };

/**
 * The item's highlights in reading order (location, then when added), each with the id of a card
 * made from it; one query. A highlight with several cards comes once, with the oldest card.
 */
export async function listHighlightRows(db: Db, itemId: string): Promise<HighlightWithCardRow[]> {
  const rows = await db
    .selectFrom('highlight')
    .leftJoin('card', 'card.highlight_id', 'highlight.id')
    .selectAll('highlight')
    .select('card.id as card_id')
    .where('highlight.item_id', '=', itemId)
    // NULLS LAST on both databases: SQLite and PostgreSQL disagree on where NULL sorts by default.
    .orderBy('highlight.location_start', (ob) => ob.asc().nullsLast())
    .orderBy('highlight.created_at')
    .orderBy('highlight.id')
    .orderBy('card.created_at')
    .orderBy('card.id')
    .execute();
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

/**
 * Items finished (status read, with a finish date) between two dates, both included, oldest
 * first: what balance and reflections count. One indexed query (learning_item_person_finished).
 */
export async function listFinishedLearningRows(
  db: Db,
  personId: string,
  range: { from?: string; to: string },
): Promise<Pick<LearningItemRow, 'id' | 'kind' | 'title' | 'authors' | 'skills' | 'rating' | 'finished_at'>[]> {
  let query = db
    .selectFrom('learning_item')
    .select(['id', 'kind', 'title', 'authors', 'skills', 'rating', 'finished_at'])
    .where('person_id', '=', personId)
    .where('status', '=', 'read')
    .where('finished_at', 'is not', null)
    .where('finished_at', '<=', range.to);
  if (range.from !== undefined) query = query.where('finished_at', '>=', range.from);
  return query.orderBy('finished_at').orderBy('id').execute();
}
