import type { Db } from './habit.repository.js';
import type { HighlightRow, LearningItemRow, LearningNoteRow } from './schema.js';

/**
 * The bulk reads of the library imports: everything an import compares a file with is read in one
 * query per table (the writes go through import.repository.ts).
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
