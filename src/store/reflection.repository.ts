import { addDays } from '../core/calendar.js';
import type { Db } from './habit.repository.js';
import type { CardRow, JournalEntryRow, LearningItemRow } from './schema.js';

// The reads reflections and Jekyll imports need that no other repository has. Each is one query.

/**
 * Learning items finished in a period (index learning_item_person_finished). finished_at is a
 * date, or an instant from some importers: comparing with the day after `to` covers both.
 */
export async function listItemsFinishedBetween(db: Db, personId: string, from: string, dayAfterTo: string): Promise<LearningItemRow[]> {
  return db
    .selectFrom('learning_item')
    .selectAll()
    .where('person_id', '=', personId)
    .where('finished_at', '>=', from)
    .where('finished_at', '<', dayAfterTo)
    .orderBy('finished_at')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

/** The takeaway cards of some items, oldest first (index card_item). */
export async function listTakeawaysOf(db: Db, personId: string, itemIds: string[]): Promise<Pick<CardRow, 'id' | 'item_id' | 'front' | 'back'>[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('card')
    .select(['id', 'item_id', 'front', 'back'])
    .where('person_id', '=', personId)
    .where('item_id', 'in', itemIds)
    .where('kind', '=', 'takeaway')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Names per query: far below the bound-parameter limits of SQLite and PostgreSQL. */
const NAMES_PER_QUERY = 500;

/** Entries imported from Jekyll files of these names (one query per 500 names). */
export async function findEntriesBySourceNames(db: Db, personId: string, names: string[]): Promise<JournalEntryRow[]> {
  const rows: JournalEntryRow[] = [];
  for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
    const chunk = names.slice(i, i + NAMES_PER_QUERY);
    rows.push(...(await db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).where('source_name', 'in', chunk).execute()));
  }
  return rows;
}

/** An entry by its id, or else by the Jekyll file it was imported from. */
export async function findEntryByIdOrSourceName(db: Db, personId: string, ref: string): Promise<JournalEntryRow | undefined> {
  return (
    (await db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).where('id', '=', ref).executeTakeFirst()) ??
    (await db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).where('source_name', '=', ref).orderBy('id').executeTakeFirst())
  );
}

/** A person's reflections, the most recent period first (for the same end, the latest written first). */
export async function listReflectionRows(db: Db, personId: string): Promise<JournalEntryRow[]> {
  return db
    .selectFrom('journal_entry')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', 'reflection')
    .orderBy('period_to', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The last day on or before `day` with anything a reflection counts: a check-in, an assessment,
 * practice, a finished item, an experiment begun or closed. One indexed max per kind of fact.
 */
export async function latestFactDay(db: Db, personId: string, day: string): Promise<string | null> {
  const found = await Promise.all([
    db
      .selectFrom('habit_check_in')
      .innerJoin('habit', 'habit.id', 'habit_check_in.habit_id')
      .where('habit.person_id', '=', personId)
      .where('habit_check_in.date', '<=', day)
      .select((eb) => eb.fn.max('habit_check_in.date').as('day'))
      .executeTakeFirst(),
    db
      .selectFrom('skill_assessment')
      .where('person_id', '=', personId)
      .where('date', '<=', day)
      .select((eb) => eb.fn.max('date').as('day'))
      .executeTakeFirst(),
    db
      .selectFrom('activity')
      .where('person_id', '=', personId)
      .where('date', '<=', day)
      .select((eb) => eb.fn.max('date').as('day'))
      .executeTakeFirst(),
    // finished_at is a date or an instant: both sort before the day after.
    db
      .selectFrom('learning_item')
      .where('person_id', '=', personId)
      .where('finished_at', '<', addDays(day, 1))
      .select((eb) => eb.fn.max('finished_at').as('day'))
      .executeTakeFirst(),
    db
      .selectFrom('experiment')
      .where('person_id', '=', personId)
      .where('started_on', '<=', day)
      .select((eb) => [eb.fn.max('started_on').as('day'), eb.fn.max(eb.case().when('closed_on', '<=', day).then(eb.ref('closed_on')).end()).as('closed')])
      .executeTakeFirst(),
  ]);
  const days = found.flatMap((row) => [row?.day, row && 'closed' in row ? row.closed : null]).filter((d): d is string => typeof d === 'string');
  return days.length === 0 ? null : days.map((d) => d.slice(0, 10)).reduce((a, b) => (a > b ? a : b));
}
