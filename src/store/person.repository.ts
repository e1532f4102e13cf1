import type { Db } from './habit.repository.js';
import type { Insertable } from 'kysely';
import type { PersonRow, PersonTable } from './schema.js';

export async function findFirstPerson(db: Db): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPerson(db: Db, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function updatePerson(db: Db, id: string, update: Partial<Omit<PersonRow, 'id'>>): Promise<void> {
  await db.updateTable('person').set(update).where('id', '=', id).execute();
}
