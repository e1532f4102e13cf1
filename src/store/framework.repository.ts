import type { Db } from './habit.repository.js';
import type { FrameworkRow, FrameworkTable } from './schema.js';
import type { Insertable } from 'kysely';

export async function findFramework(db: Db, personId: string, id: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('framework').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

/** A person's imported frameworks, oldest import first. */
export async function listFrameworkRows(db: Db, personId: string): Promise<FrameworkRow[]> {
  return db.selectFrom('framework').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
}

export async function insertFramework(db: Db, row: Insertable<FrameworkTable>): Promise<void> {
  await db.insertInto('framework').values(row).execute();
}

export async function replaceFramework(db: Db, personId: string, id: string, update: Pick<FrameworkRow, 'name' | 'version' | 'content'>): Promise<void> {
  await db.updateTable('framework').set(update).where('person_id', '=', personId).where('id', '=', id).execute();
}
