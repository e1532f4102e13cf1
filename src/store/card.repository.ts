import { type Insertable, PostgresAdapter, type Updateable } from 'kysely';
import type { Db } from './habit.repository.js';
import type { CardRow, CardTable, HighlightRow, ReviewLogTable } from './schema.js';

// Cards are a person's: every query filters on person_id. The due list and the due count walk the
// index card_person_due; cards of an item use card_item, the card of a highlight card_highlight.

/** A card with what its source item says about it: the title and authors shown as its source. */
export type CardWithSource = CardRow & { item_title: string | null; item_authors: string | null };

function withSource(db: Db) {
  return db
    .selectFrom('card')
    .leftJoin('learning_item', 'learning_item.id', 'card.item_id')
    .selectAll('card')
    .select(['learning_item.title as item_title', 'learning_item.authors as item_authors']);
}

export async function insertCard(db: Db, row: Insertable<CardTable>): Promise<void> {
  await db.insertInto('card').values(row).execute();
}

export async function findCard(db: Db, personId: string, id: string): Promise<CardWithSource | undefined> {
  return withSource(db).where('card.person_id', '=', personId).where('card.id', '=', id).executeTakeFirst();
}

/**
 * The card to grade, locked until the transaction ends on PostgreSQL, so two instances grading the
 * same card at once apply one review after the other. SQLite's transactions already hold the write
 * lock from their first statement (BEGIN IMMEDIATE) and know no FOR UPDATE.
 */
export async function findCardForUpdate(db: Db, personId: string, id: string): Promise<CardRow | undefined> {
  let query = db.selectFrom('card').selectAll().where('person_id', '=', personId).where('id', '=', id);
  if (db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Cards in order of due (oldest first); only those due by `dueBy` when given; suspended ones never. */
export async function listCards(db: Db, personId: string, options: { dueBy?: string; limit?: number } = {}): Promise<CardWithSource[]> {
  let query = withSource(db).where('card.person_id', '=', personId).where('card.suspended', '=', 0);
  // ISO-8601 UTC instants of one fixed form compare as text.
  if (options.dueBy !== undefined) query = query.where('card.due', '<=', options.dueBy);
  query = query.orderBy('card.due').orderBy('card.id');
  if (options.limit !== undefined) query = query.limit(options.limit);
  return query.execute();
}

export async function countDueCards(db: Db, personId: string, dueBy: string): Promise<number> {
  const row = await db
    .selectFrom('card')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('person_id', '=', personId)
    .where('suspended', '=', 0)
    .where('due', '<=', dueBy)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The cards made from some items (takeaways and highlights), oldest first: one query for any number of items. */
export async function listCardsOfItems(db: Db, personId: string, itemIds: readonly string[]): Promise<CardWithSource[]> {
  if (itemIds.length === 0) return [];
  return withSource(db)
    .where('card.person_id', '=', personId)
    .where('card.item_id', 'in', [...itemIds])
    .orderBy('card.created_at')
    .orderBy('card.id')
    .execute();
}

export async function findCardOfHighlight(db: Db, personId: string, highlightId: string): Promise<CardRow | undefined> {
  return db.selectFrom('card').selectAll().where('person_id', '=', personId).where('highlight_id', '=', highlightId).executeTakeFirst();
}

/** A highlight of one of the person's items, or undefined (someone else's highlight is as good as none). */
export async function findPersonHighlight(db: Db, personId: string, highlightId: string): Promise<HighlightRow | undefined> {
  return db
    .selectFrom('highlight')
    .innerJoin('learning_item', 'learning_item.id', 'highlight.item_id')
    .selectAll('highlight')
    .where('learning_item.person_id', '=', personId)
    .where('highlight.id', '=', highlightId)
    .executeTakeFirst();
}

export async function updateCard(db: Db, id: string, changes: Updateable<CardTable>): Promise<void> {
  await db.updateTable('card').set(changes).where('id', '=', id).execute();
}

export async function insertReviewLog(db: Db, row: Insertable<ReviewLogTable>): Promise<void> {
  await db.insertInto('review_log').values(row).execute();
}

/** Removes a card and (by cascade) its review log; false when the person has no such card. */
export async function deleteCard(db: Db, personId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('card').where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
