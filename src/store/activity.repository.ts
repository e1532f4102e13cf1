import type { Insertable } from 'kysely';
import type { Db } from './habit.repository.js';
import type { ActivityRow, ActivityTable } from './schema.js';

// Every query here filters on person_id and a range of dates: the index activity_person_date.

export async function insertActivity(db: Db, row: Insertable<ActivityTable>): Promise<ActivityRow> {
  await db.insertInto('activity').values(row).execute();
  return { energy: null, ease: null, ...row } as ActivityRow;
}

/** A person's activities between two dates (both included, either open), oldest first. */
export async function listActivityRows(db: Db, personId: string, range: { from?: string; to?: string } = {}): Promise<ActivityRow[]> {
  let query = db.selectFrom('activity').selectAll().where('person_id', '=', personId);
  if (range.from !== undefined) query = query.where('date', '>=', range.from);
  if (range.to !== undefined) query = query.where('date', '<=', range.to);
  return query.orderBy('date').orderBy('created_at').orderBy('id').execute();
}

/** What balance reads of every activity up to a day: one query, one row per activity. */
export async function listPracticeRows(db: Db, personId: string, to: string): Promise<Pick<ActivityRow, 'date' | 'minutes' | 'skills'>[]> {
  return db.selectFrom('activity').select(['date', 'minutes', 'skills']).where('person_id', '=', personId).where('date', '<=', to).execute();
}
