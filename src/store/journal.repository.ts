import type { Insertable, Updateable } from 'kysely';
import type { Db } from './habit.repository.js';
import type { JournalEntryRow, JournalEntryTable } from './schema.js';

// Full-text search lives in the database (migration 0003): SQLite keeps the FTS5 table
// journal_entry_search by triggers; PostgreSQL indexes a tsvector expression.

export async function insertJournalEntry(db: Db, row: Insertable<JournalEntryTable>): Promise<void> {
  await db.insertInto('journal_entry').values(row).execute();
}

export async function findJournalEntry(db: Db, personId: string, id: string): Promise<JournalEntryRow | undefined> {
  return db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

export async function updateJournalEntry(db: Db, personId: string, id: string, changes: Updateable<JournalEntryTable>): Promise<void> {
  await db.updateTable('journal_entry').set(changes).where('person_id', '=', personId).where('id', '=', id).execute();
}

export async function deleteJournalEntry(db: Db, personId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('journal_entry').where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
