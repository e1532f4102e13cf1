import type { Db } from './habit.repository.js';
import type { CareerTargetRow } from './schema.js';

export async function findCareerTarget(db: Db, personId: string): Promise<CareerTargetRow | undefined> {
  return db.selectFrom('career_target').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** One target per person: setting a new one replaces the old. */
export async function putCareerTarget(db: Db, row: CareerTargetRow): Promise<void> {
  await db
    .insertInto('career_target')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ track: row.track, level: row.level, by_date: row.by_date, set_at: row.set_at }))
    .execute();
}
