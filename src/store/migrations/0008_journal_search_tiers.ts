import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/**
 * PostgreSQL's search stops ranking every match (migration 0003's ts_rank over each matching
 * document read ~16,000 heap pages for a common word among 100,000 entries): entries whose title
 * holds every word come first, found through an index of the titles alone; the other matches
 * come newest first, found by walking a person's newest documents. The titles are the weight-A
 * part of each stored document, so the index is an expression over it and the trigger stays as
 * it is. SQLite's FTS5 search is unchanged: nothing to do there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE INDEX journal_entry_title_search ON journal_entry_document USING gin (ts_filter(document, '{a}'))`.execute(db);
  // In the order the search lists hits, so the newest documents are read first and no sort is needed.
  await sql`CREATE INDEX journal_entry_document_person_newest
    ON journal_entry_document (person_id, date DESC, (coalesce(time, '')) DESC, created_at DESC, entry_id DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS journal_entry_document_person_newest`.execute(db);
  await sql`DROP INDEX IF EXISTS journal_entry_title_search`.execute(db);
}
