import { AppError, notFound } from '../core/errors.js';
import type { Db } from '../store/habit.repository.js';
import { findLearningItemsByRef } from '../store/learning.repository.js';
import type { LearningItemRow } from '../store/schema.js';

/**
 * The one item a reference names (an id, a title, or the start of one). Several matches is a
 * conflict that lists them, so the person can repeat the command with an id.
 */
export async function resolveLearningItem(db: Db, personId: string, ref: string): Promise<LearningItemRow> {
  const rows = await findLearningItemsByRef(db, personId, ref);
  if (rows.length === 0) throw notFound('item', ref);
  if (rows.length > 1) {
    const list = rows
      .slice(0, 5)
      .map((r) => `${r.id} "${r.title}"`)
      .join(', ');
    throw new AppError('conflict', `item: ${JSON.stringify(ref)} matches ${rows.length} items (${list}${rows.length > 5 ? ', …' : ''}); use an id`);
  }
  return rows[0]!;
}
