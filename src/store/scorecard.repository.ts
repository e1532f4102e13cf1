import type { Db } from './habit.repository.js';
import type { ScorecardItemRow } from './schema.js';
import { newId } from './ids.js';

export async function listScorecardItems(db: Db, personId: string): Promise<ScorecardItemRow[]> {
  return db.selectFrom('scorecard_item').selectAll().where('person_id', '=', personId).orderBy('position').orderBy('created_at').orderBy('id').execute();
}

export async function findScorecardItem(db: Db, personId: string, id: string): Promise<ScorecardItemRow | undefined> {
  return db.selectFrom('scorecard_item').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

export async function insertScorecardItem(
  db: Db,
  row: Omit<ScorecardItemRow, 'id' | 'position'> & { id?: string; position?: number },
): Promise<ScorecardItemRow> {
  let position = row.position;
  if (position === undefined) {
    const max = await db
      .selectFrom('scorecard_item')
      .select((eb) => eb.fn.max<number | null>('position').as('max'))
      .where('person_id', '=', row.person_id)
      .executeTakeFirst();
    position = Number(max?.max ?? -1) + 1;
  }
  const full: ScorecardItemRow = { ...row, id: row.id ?? newId(), position };
  await db.insertInto('scorecard_item').values(full).execute();
  return full;
}

export async function updateScorecardItem(db: Db, id: string, update: Partial<Omit<ScorecardItemRow, 'id' | 'person_id'>>): Promise<void> {
  await db.updateTable('scorecard_item').set(update).where('id', '=', id).execute();
}

export async function deleteScorecardItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('scorecard_item').where('id', '=', id).execute();
}
