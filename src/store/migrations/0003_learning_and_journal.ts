import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/**
 * The document PostgreSQL searches a journal entry by, from the columns of `row` (NEW in the
 * trigger). It is stored (journal_entry_document, kept by a trigger, GIN-indexed) rather than
 * indexed as an expression: ranking needs each matching entry's tsvector, and recomputing it
 * from the body at query time took ~200 ms over 10,000 entries.
 */
const pgJournalDocument = (row: string) =>
  sql.raw(
    `(setweight(to_tsvector('english', coalesce(${row}.title, '')), 'A') || setweight(to_tsvector('english', ${row}.body), 'B') || setweight(to_tsvector('simple', ${row}.tags), 'C'))`,
  );

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('learning_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('isbn10', 'text')
    .addColumn('isbn13', 'text')
    .addColumn('pages', 'integer')
    .addColumn('url', 'text')
    .addColumn('recommended_by', 'text')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_page', 'integer')
    .addColumn('progress_percent', 'double precision')
    .addColumn('rating', 'double precision')
    .addColumn('review', 'text')
    .addColumn('shelves', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    // Title and first author folded to compare books across sources that share no id (Kindle, Readwise).
    .addColumn('match_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_item_person_status').on('learning_item').columns(['person_id', 'status', 'added_at']).execute();
  await db.schema.createIndex('learning_item_person_match_key').on('learning_item').columns(['person_id', 'match_key']).execute();
  await db.schema.createIndex('learning_item_person_isbn13').on('learning_item').columns(['person_id', 'isbn13']).execute();
  await db.schema.createIndex('learning_item_person_finished').on('learning_item').columns(['person_id', 'finished_at']).execute();

  await db.schema
    .createTable('learning_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('learning_item.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('source_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_note_item').on('learning_note').columns(['item_id', 'created_at']).execute();

  await db.schema
    .createTable('highlight')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('learning_item.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('page', 'text')
    .addColumn('location', 'text')
    // First location of the passage, for ordering and for finding re-selected (overlapping) passages.
    .addColumn('location_start', 'integer')
    .addColumn('location_end', 'integer')
    .addColumn('color', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    // An instant (ISO-8601 UTC) when the source gives a zone, else the source's local time as written.
    .addColumn('highlighted_at', 'text')
    .addColumn('highlighted_raw', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // What makes the highlight the same one on re-import (per item).
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('highlight_item_source_key_unique', ['item_id', 'source_key'])
    .execute();

  await db.schema
    .createTable('card')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.references('learning_item.id').onDelete('cascade'))
    .addColumn('highlight_id', 'text', (c) => c.references('highlight.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('front', 'text', (c) => c.notNull())
    .addColumn('back', 'text', (c) => c.notNull())
    // FSRS state, as ts-fsrs's Card: instants are ISO-8601 UTC.
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('stability', 'double precision', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('elapsed_days', 'integer', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('learning_steps', 'integer', (c) => c.notNull())
    .addColumn('reps', 'integer', (c) => c.notNull())
    .addColumn('lapses', 'integer', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull())
    .addColumn('last_review', 'text')
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('card_person_due').on('card').columns(['person_id', 'due']).execute();
  await db.schema.createIndex('card_item').on('card').columns(['item_id']).execute();
  // One card per highlight, even when two instances make it at once (NULLs, takeaways, never collide).
  await db.schema.createIndex('card_highlight').on('card').columns(['highlight_id']).unique().execute();

  await db.schema
    .createTable('review_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('card.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('stability', 'double precision', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('elapsed_days', 'integer', (c) => c.notNull())
    .addColumn('last_elapsed_days', 'integer', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('learning_steps', 'integer', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_log_card_review').on('review_log').columns(['card_id', 'review']).execute();

  await db.schema
    .createTable('journal_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Local wall time HH:MM[:SS] and its UTC offset (+HH:MM) when known.
    .addColumn('time', 'text')
    .addColumn('utc_offset', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('entry'))
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('private'))
    // An imported Jekyll post: everything before the body exactly as read, and the file's name.
    .addColumn('front_matter', 'text')
    .addColumn('source_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_entry_person_date').on('journal_entry').columns(['person_id', 'date']).execute();

  if (postgres) {
    // The PostgreSQL side of what SQLite's FTS5 table is: one search document per entry, kept by a
    // trigger, with what ranking and ordering need, so a search reads this table alone until the page of hits.
    await sql`CREATE TABLE journal_entry_document (
      entry_id text PRIMARY KEY REFERENCES journal_entry (id) ON DELETE CASCADE,
      person_id text NOT NULL,
      date text NOT NULL,
      time text,
      created_at text NOT NULL,
      document tsvector NOT NULL
    )`.execute(db);
    // Documents stay in the table's own pages, uncompressed (up to ~8 kB): ranking reads every
    // matching tsvector, and fetching them back from TOAST cost more than all the rest.
    await sql`ALTER TABLE journal_entry_document SET (toast_tuple_target = 8160)`.execute(db);
    await sql`CREATE INDEX journal_entry_search ON journal_entry_document USING gin (document)`.execute(db);
    await sql`CREATE FUNCTION journal_entry_document_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO journal_entry_document (entry_id, person_id, date, time, created_at, document)
        VALUES (NEW.id, NEW.person_id, NEW.date, NEW.time, NEW.created_at, ${pgJournalDocument('NEW')})
        ON CONFLICT (entry_id) DO UPDATE
          SET date = EXCLUDED.date, time = EXCLUDED.time, document = EXCLUDED.document;
        RETURN NULL;
      END
    $$`.execute(db);
    await sql`CREATE TRIGGER journal_entry_document_sync AFTER INSERT OR UPDATE OF title, body, tags, date, time ON journal_entry
      FOR EACH ROW EXECUTE FUNCTION journal_entry_document_sync()`.execute(db);
  } else {
    // Full text of each entry, kept by triggers so no code path can forget it.
    await sql`CREATE VIRTUAL TABLE journal_entry_search USING fts5(entry_id UNINDEXED, title, body, tags, tokenize = 'porter unicode61')`.execute(db);
    await sql`CREATE TRIGGER journal_entry_search_insert AFTER INSERT ON journal_entry BEGIN
      INSERT INTO journal_entry_search (entry_id, title, body, tags) VALUES (new.id, coalesce(new.title, ''), new.body, new.tags);
    END`.execute(db);
    await sql`CREATE TRIGGER journal_entry_search_update AFTER UPDATE OF title, body, tags ON journal_entry BEGIN
      DELETE FROM journal_entry_search WHERE entry_id = old.id;
      INSERT INTO journal_entry_search (entry_id, title, body, tags) VALUES (new.id, coalesce(new.title, ''), new.body, new.tags);
    END`.execute(db);
    await sql`CREATE TRIGGER journal_entry_search_delete AFTER DELETE ON journal_entry BEGIN
      DELETE FROM journal_entry_search WHERE entry_id = old.id;
    END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`DROP TABLE IF EXISTS journal_entry_document`.execute(db);
    await sql`DROP FUNCTION IF EXISTS journal_entry_document_sync() CASCADE`.execute(db);
  } else {
    for (const trigger of ['journal_entry_search_insert', 'journal_entry_search_update', 'journal_entry_search_delete']) {
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
    }
    await sql`DROP TABLE IF EXISTS journal_entry_search`.execute(db);
  }
  for (const table of ['journal_entry', 'review_log', 'card', 'highlight', 'learning_note', 'learning_item']) {
    await db.schema.dropTable(table).execute();
  }
}
