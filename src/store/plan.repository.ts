import { type Insertable, type Updateable, sql } from 'kysely';
import type { SessionStatus } from '../core/vocabulary.js';
import type { Db } from './habit.repository.js';
import type { PlanSessionRow, PlanSessionTable } from './schema.js';

/**
 * What the weekly plan reads: a few small result sets, whatever the length of the history.
 * Both queries filter on person_id first and use the indexes of migration 0002.
 */

/**
 * The person's current rating per skill: each skill's latest assessment by date, then creation,
 * then id (the same rule as core/skills currentLevels). One row per assessed skill; the window
 * runs over the index skill_assessment_person_skill_date.
 */
export async function latestRatings(db: Db, personId: string): Promise<{ skill_id: string; level: number }[]> {
  const ranked = db
    .selectFrom('skill_assessment')
    .select(['skill_id', 'level', sql<number>`row_number() over (partition by skill_id order by date desc, created_at desc, id desc)`.as('rank')])
    .where('person_id', '=', personId)
    .as('ranked');
  const rows = await db.selectFrom(ranked).select(['skill_id', 'level']).where('rank', '=', 1).orderBy('skill_id').execute();
  return rows.map((r) => ({ skill_id: r.skill_id, level: Number(r.level) }));
}

/**
 * The last day before `before` on which each combination of skills was practised: one row per
 * distinct `skills` list (a few dozen for years of activities), grouped in SQL over the index
 * activity_person_date. The caller splits the lists into skills.
 */
export async function lastPracticeBySkills(db: Db, personId: string, before: string): Promise<{ skills: string; last: string }[]> {
  const rows = await db
    .selectFrom('activity')
    .select(['skills', (eb) => eb.fn.max<string>('date').as('last')])
    .where('person_id', '=', personId)
    .where('date', '<', before)
    .groupBy('skills')
    .execute();
  return rows.map((r) => ({ skills: r.skills, last: String(r.last) }));
}

/** Revokes every calendar feed token of a person (the feed URL may have been lost or shared). */
export async function deleteCalendarTokens(db: Db, personId: string): Promise<number> {
  const result = await db.deleteFrom('auth_token').where('person_id', '=', personId).where('kind', '=', 'calendar').executeTakeFirst();
  return Number(result.numDeletedRows);
}

// The kept plan (migration 0009). A week's sessions are read through the unique index
// plan_session_person_week; a session by its primary key, always with its person.

/** The sessions of a person's week (by its Monday), in date order, then in the order they were made. */
export async function listWeekSessions(db: Db, personId: string, weekStart: string): Promise<PlanSessionRow[]> {
  return db
    .selectFrom('plan_session')
    .selectAll()
    .where('person_id', '=', personId)
    .where('week_start', '=', weekStart)
    .orderBy('date')
    .orderBy('position')
    .execute();
}

/** One session of the person's; another person's is not found. */
export async function findPlanSession(db: Db, personId: string, id: string): Promise<PlanSessionRow | undefined> {
  return db.selectFrom('plan_session').selectAll().where('id', '=', id).where('person_id', '=', personId).executeTakeFirst();
}

export async function insertPlanSessions(db: Db, rows: Insertable<PlanSessionTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('plan_session')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function deletePlanSessions(db: Db, personId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('plan_session').where('person_id', '=', personId).where('id', 'in', ids).execute();
}

/**
 * Changes a session only while its status is one of `from`: two requests marking one session done
 * at once change it once; the caller refuses the other.
 */
export async function updatePlanSession(
  db: Db,
  personId: string,
  id: string,
  from: readonly SessionStatus[],
  update: Pick<Updateable<PlanSessionTable>, 'status' | 'activity_id' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_session')
    .set(update)
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
