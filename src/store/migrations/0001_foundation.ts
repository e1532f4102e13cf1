import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('habit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('identity', 'text')
    .addColumn('when_text', 'text')
    .addColumn('where_text', 'text')
    .addColumn('after_habit_id', 'text', (c) => c.references('habit.id').onDelete('set null'))
    .addColumn('after_text', 'text')
    .addColumn('two_minute', 'text')
    .addColumn('bundle', 'text')
    .addColumn('law_obvious', 'text')
    .addColumn('law_attractive', 'text')
    .addColumn('law_easy', 'text')
    .addColumn('law_satisfying', 'text')
    .addColumn('group_name', 'text')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('loop_uuid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('habit_person_slug_unique', ['person_id', 'slug'])
    .addUniqueConstraint('habit_person_name_unique', ['person_id', 'name'])
    .addUniqueConstraint('habit_person_loop_uuid_unique', ['person_id', 'loop_uuid'])
    .execute();

  await db.schema
    .createTable('habit_check_in')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('habit_id', 'text', (c) => c.notNull().references('habit.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One check-in per habit and date; the constraint's index also serves lookups by habit.
    .addUniqueConstraint('habit_check_in_habit_date_unique', ['habit_id', 'date'])
    .execute();

  await db.schema
    .createTable('scorecard_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('time_text', 'text')
    .addColumn('habit_id', 'text', (c) => c.references('habit.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scorecard_item_person_position').on('scorecard_item').columns(['person_id', 'position']).execute();

  await db.schema
    .createTable('auth_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['auth_token', 'scorecard_item', 'habit_check_in', 'habit', 'person']) {
    await db.schema.dropTable(table).execute();
  }
}
