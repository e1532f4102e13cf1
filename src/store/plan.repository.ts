import { sql } from 'kysely';
import type { Db } from './habit.repository.js';

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
