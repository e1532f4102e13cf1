import type { Db } from './habit.repository.js';
import type { ExperimentRow } from './schema.js';

// Every query filters on person_id first (index experiment_person).

export async function insertExperiment(db: Db, row: ExperimentRow): Promise<void> {
  await db.insertInto('experiment').values(row).execute();
}

export async function findExperiment(db: Db, personId: string, id: string): Promise<ExperimentRow | undefined> {
  return db.selectFrom('experiment').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

/**
 * Closes an open experiment; returns false when it was not open (closed meanwhile by another
 * request), so two closes at once cannot both succeed.
 */
export async function closeExperimentRow(
  db: Db,
  personId: string,
  id: string,
  fields: Pick<ExperimentRow, 'outcome' | 'note' | 'closed_on'>,
): Promise<boolean> {
  const result = await db
    .updateTable('experiment')
    .set(fields)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A person's experiments, newest first (started_on, then creation, then id). */
export async function listExperimentRows(db: Db, personId: string): Promise<ExperimentRow[]> {
  return db
    .selectFrom('experiment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('started_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
