import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/**
 * One row per habit: the daily numbers (strength, streaks, due state) settled up to a day, so that
 * `grow habit list` and `grow today` carry them on from there instead of reading the whole history.
 * Existing habits get theirs on first read (the app computes it from history), and a row whose
 * `rules_key` no longer matches the habit is recomputed the same way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('habit_snapshot')
    .addColumn('habit_id', 'text', (c) => c.primaryKey().references('habit.id').onDelete('cascade'))
    .addColumn('rules_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('habit_snapshot').execute();
}
