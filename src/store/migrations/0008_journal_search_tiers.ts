import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/**
 * PostgreSQL's search stops ranking every match (migration 0003's ts_rank read each matching
 * entry's stored document: ~16,000 heap pages for a common word among 100,000 entries). Entries
 * whose title holds every word come first, then the other matches, each newest first; the search
 * walks a person's newest documents in that order, and asks an index for all the hits only when
 * the walk meets too few of them: the titles' index for title hits, 0003's for the others. The
 * titles are the weight-A part of each stored document, so their index is an expression over it
 * and the trigger stays as it is. SQLite's FTS5 search is unchanged: nothing to do there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Without a pending list (fastupdate): each search read all of it, and 100,000 titles written
  // since the last vacuum filled ~470 pages (~15 ms a search). A title adds a few words to the index.
  await sql`CREATE INDEX journal_entry_title_search ON journal_entry_document USING gin (ts_filter(document, '{a}')) WITH (fastupdate = off)`.execute(db);
  // In the order the search lists hits, so the newest documents are read first and no sort is needed.
  await sql`CREATE INDEX journal_entry_document_person_newest
    ON journal_entry_document (person_id, date DESC, (coalesce(time, '')) DESC, created_at DESC, entry_id DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS journal_entry_document_person_newest`.execute(db);
  await sql`DROP INDEX IF EXISTS journal_entry_title_search`.execute(db);
}
