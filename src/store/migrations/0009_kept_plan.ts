import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/**
 * The weekly plan is kept: the hours and days a person chose become their plan settings, and the
 * sessions of the week under way are written once, so they stay put while the week is lived and
 * each can be marked done (with the activity logged for it) or skipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Null means the default (3 hours; mon..fri). Days as the names given, e.g. "mon,wed,fri".
  await db.schema.alterTable('person').addColumn('plan_hours', 'double precision').execute();
  await db.schema.alterTable('person').addColumn('plan_days', 'text').execute();

  await db.schema
    .createTable('plan_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    // The Monday of the session's week: a week's sessions are read, made and replanned together.
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('skill_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    // Order within the week; new sessions of a replan come after every earlier one.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The practice logged when the session was done; a removed activity leaves the session done.
    .addColumn('activity_id', 'text', (c) => c.references('activity.id').onDelete('set null'))
    // The missed session of the week before that this one carries, so a replan carries it once.
    .addColumn('carried_from', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The sessions of a week in order; unique, so two first reads of a week at once cannot both make it.
  await db.schema.createIndex('plan_session_person_week').unique().on('plan_session').columns(['person_id', 'week_start', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_session').execute();
  await db.schema.alterTable('person').dropColumn('plan_days').execute();
  await db.schema.alterTable('person').dropColumn('plan_hours').execute();
}
