import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The person's share of practice time meant for technical skills (0..1); null means 0.5.
  await db.schema.alterTable('person').addColumn('technical_ratio', 'double precision').execute();
  // The framework the person measures themselves against; null means the built-in one.
  await db.schema.alterTable('person').addColumn('active_framework_id', 'text').execute();

  await db.schema
    .createTable('framework')
    // The framework's own id, unique per person: two people may each import an "acme".
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    // The validated framework document as JSON: frameworks are data, read whole.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_pk', ['person_id', 'id'])
    .execute();

  await db.schema
    .createTable('skill_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_assessment_person_skill_date').on('skill_assessment').columns(['person_id', 'skill_id', 'date']).execute();

  await db.schema
    .createTable('career_target')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('by_date', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('facet_status')
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('facet_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('facet_status_pk', ['person_id', 'facet_id'])
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_person_date').on('evidence').columns(['person_id', 'date']).execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('energy', 'integer')
    .addColumn('ease', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_person_date').on('activity').columns(['person_id', 'date']).execute();

  await db.schema
    .createTable('experiment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('hypothesis', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('experiment_person').on('experiment').columns(['person_id', 'started_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['experiment', 'activity', 'evidence', 'facet_status', 'career_target', 'skill_assessment', 'framework']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('person').dropColumn('active_framework_id').execute();
  await db.schema.alterTable('person').dropColumn('technical_ratio').execute();
}
