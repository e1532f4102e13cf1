import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

/** A habit name as compared: case folded (a copy of the store's rule as of this migration). */
const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Habits get a fixed anchor day for their N-in-M-days blocks (the start date, which a back-dated
 * check-in moves, no longer decides them) and a case-folded name key that is unique per person,
 * so "Read" and "read" cannot coexist.
 *
 * Existing habits keep the blocks they had: the anchor is their start date as of now. Names that
 * already differ only by case are renamed, not refused (the migration must run on every
 * database): per person, the first by position keeps its name and the others get " (2)", " (3)",
 * … Slugs do not change, so every reference by slug still finds the same habit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('habit')
    .addColumn('anchor_date', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('habit')
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db
    .updateTable('habit')
    .set((eb: any) => ({ anchor_date: eb.ref('start_date') }))
    .execute();

  const rows: { id: string; person_id: string; name: string }[] = await db
    .selectFrom('habit')
    .select(['id', 'person_id', 'name'])
    .orderBy('person_id')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // Every key in use, so that a new name " (2)" never takes the name of a habit further down.
  const inUse = new Set(rows.map((r) => `${r.person_id}\u0000${nameKey(r.name)}`));
  const assigned = new Set<string>();
  for (const row of rows) {
    const keyOf = (name: string) => `${row.person_id}\u0000${nameKey(name)}`;
    let name = row.name;
    for (let n = 2; assigned.has(keyOf(name)) || (name !== row.name && inUse.has(keyOf(name))); n++) name = `${row.name} (${n})`;
    assigned.add(keyOf(name));
    await db
      .updateTable('habit')
      .set({ name, name_key: nameKey(name) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.createIndex('habit_person_name_key_unique').unique().on('habit').columns(['person_id', 'name_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('habit_person_name_key_unique').execute();
  await db.schema.alterTable('habit').dropColumn('name_key').execute();
  await db.schema.alterTable('habit').dropColumn('anchor_date').execute();
}
