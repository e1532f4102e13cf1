import type { Insertable } from 'kysely';
import { inChunks } from './chunks.js';
import type { Db } from './habit.repository.js';
import type { HighlightRow, HighlightTable, LearningItemRow, LearningItemTable, LearningNoteRow, LearningNoteTable } from './schema.js';

/**
 * The bulk reads and writes of the library imports: everything the import compares against is
 * read in one query per table, and rows are written in multi-row statements.
 */

export async function listPersonLearningItems(db: Db, personId: string): Promise<LearningItemRow[]> {
  // Oldest first, so that a book matched by its ISBN or title finds the item made first.
  return db.selectFrom('learning_item').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
}

/** The person's highlights from one source (Kindle, Readwise), across all items. */
export async function listSourceHighlights(db: Db, personId: string, source: string): Promise<HighlightRow[]> {
  return db
    .selectFrom('highlight')
    .innerJoin('learning_item', 'learning_item.id', 'highlight.item_id')
    .selectAll('highlight')
    .where('learning_item.person_id', '=', personId)
    .where('highlight.source', '=', source)
    .orderBy('highlight.created_at')
    .orderBy('highlight.id')
    .execute();
}

/** The person's item notes that came from one source. */
export async function listSourceNotes(db: Db, personId: string, source: string): Promise<LearningNoteRow[]> {
  return db
    .selectFrom('learning_note')
    .innerJoin('learning_item', 'learning_item.id', 'learning_note.item_id')
    .selectAll('learning_note')
    .where('learning_item.person_id', '=', personId)
    .where('learning_note.source', '=', source)
    .execute();
}

export async function insertLearningItems(db: Db, rows: Insertable<LearningItemTable>[], onChunk?: (written: number) => void): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('learning_item').values(chunk).execute(), onChunk);
}

/**
 * Rewrites whole items by id. An upsert on the primary key is the one multi-row UPDATE both
 * databases share (INSERT … ON CONFLICT (id) DO UPDATE); every row given exists already.
 */
export async function rewriteLearningItems(db: Db, rows: LearningItemRow[], onChunk?: (written: number) => void): Promise<void> {
  await inChunks(
    rows,
    (chunk) =>
      db
        .insertInto('learning_item')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            title: eb.ref('excluded.title'),
            authors: eb.ref('excluded.authors'),
            isbn10: eb.ref('excluded.isbn10'),
            isbn13: eb.ref('excluded.isbn13'),
            pages: eb.ref('excluded.pages'),
            recommended_by: eb.ref('excluded.recommended_by'),
            status: eb.ref('excluded.status'),
            rating: eb.ref('excluded.rating'),
            review: eb.ref('excluded.review'),
            shelves: eb.ref('excluded.shelves'),
            started_at: eb.ref('excluded.started_at'),
            finished_at: eb.ref('excluded.finished_at'),
            added_at: eb.ref('excluded.added_at'),
            match_key: eb.ref('excluded.match_key'),
            source: eb.ref('excluded.source'),
            source_id: eb.ref('excluded.source_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute(),
    onChunk,
  );
}

export async function insertHighlights(db: Db, rows: Insertable<HighlightTable>[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('highlight').values(chunk).execute());
}

/** Rewrites the imported fields of existing highlights by id (see rewriteLearningItems). */
export async function rewriteHighlights(db: Db, rows: HighlightRow[]): Promise<void> {
  await inChunks(rows, (chunk) =>
    db
      .insertInto('highlight')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          text: eb.ref('excluded.text'),
          note: eb.ref('excluded.note'),
          page: eb.ref('excluded.page'),
          location: eb.ref('excluded.location'),
          location_start: eb.ref('excluded.location_start'),
          location_end: eb.ref('excluded.location_end'),
          color: eb.ref('excluded.color'),
          tags: eb.ref('excluded.tags'),
          highlighted_at: eb.ref('excluded.highlighted_at'),
          highlighted_raw: eb.ref('excluded.highlighted_raw'),
          source_key: eb.ref('excluded.source_key'),
        })),
      )
      .execute(),
  );
}

export async function insertLearningNotes(db: Db, rows: Insertable<LearningNoteTable>[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('learning_note').values(chunk).execute());
}

export async function updateLearningNoteText(db: Db, id: string, text: string): Promise<void> {
  await db.updateTable('learning_note').set({ text }).where('id', '=', id).execute();
}
