import type { Insertable } from 'kysely';
import type { Db } from './habit.repository.js';
import type { LearningItemRow, LearningItemTable } from './schema.js';

export async function insertLearningItem(db: Db, row: Insertable<LearningItemTable>): Promise<void> {
  await db.insertInto('learning_item').values(row).execute();
}

export async function findLearningItemById(db: Db, personId: string, id: string): Promise<LearningItemRow | undefined> {
  return db.selectFrom('learning_item').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

/**
 * Items a reference may mean: the id, else the exact title (case-insensitive), else titles that
 * start with it. The caller decides what to do with none or several.
 */
export async function findLearningItemsByRef(db: Db, personId: string, ref: string): Promise<LearningItemRow[]> {
  const byId = await findLearningItemById(db, personId, ref);
  if (byId) return [byId];
  const folded = ref.trim().toLowerCase();
  if (folded === '') return [];
  const rows = await db
    .selectFrom('learning_item')
    .selectAll()
    .where('person_id', '=', personId)
    .where((eb) => eb(eb.fn('lower', ['title']), 'like', `${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  const exact = rows.filter((r) => r.title.toLowerCase() === folded);
  return exact.length > 0 ? exact : rows;
}
