import type { Db } from './habit.repository.js';
import type { CheckInRow, HabitRow, ScorecardItemRow } from './schema.js';

export async function countPersonData(db: Db, personId: string): Promise<number> {
  const habits = await db.selectFrom('habit').select('id').where('person_id', '=', personId).limit(1).execute();
  const items = await db.selectFrom('scorecard_item').select('id').where('person_id', '=', personId).limit(1).execute();
  return habits.length + items.length;
}

export async function allHabitRows(db: Db, personId: string): Promise<HabitRow[]> {
  return db.selectFrom('habit').selectAll().where('person_id', '=', personId).orderBy('position').orderBy('id').execute();
}

export async function allCheckInRows(db: Db, personId: string): Promise<CheckInRow[]> {
  return db
    .selectFrom('habit_check_in')
    .innerJoin('habit', 'habit.id', 'habit_check_in.habit_id')
    .selectAll('habit_check_in')
    .where('habit.person_id', '=', personId)
    .orderBy('habit_check_in.habit_id')
    .orderBy('habit_check_in.date')
    .execute();
}

export async function insertHabitRows(db: Db, rows: HabitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('habit').values(rows.slice(i, i + 200)).execute();
}

export async function insertScorecardRows(db: Db, rows: ScorecardItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('scorecard_item').values(rows.slice(i, i + 200)).execute();
}
