import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code. The slug rule
// below is a copy of the app's (src/core/slug.ts, itemSlugBase) as it was when library items got slugs.

/** The slug a title gives: without its subtitle or series, apostrophes dropped, as in src/store/learning.repository.ts. */
function slugify(title: string): string {
  const main = title
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*[:—–]\s.*$/, '')
    .replace(/\s*:\s*.*$/, '');
  const slug = (main || title)
    .replace(/['’]/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'item';
}

/**
 * Library items get a slug, unique per person, so `grow learn show deep-work` finds one item.
 * Existing items get theirs from their titles, oldest added first: the first "Refactoring" keeps
 * `refactoring`, the next is `refactoring-2`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The column needs a default for the rows already there (SQLite adds NOT NULL columns only so);
  // every row gets its real slug below, and the app always writes one.
  await db.schema
    .alterTable('learning_item')
    .addColumn('slug', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  const rows: { id: string; person_id: string; title: string }[] = await db
    .selectFrom('learning_item')
    .select(['id', 'person_id', 'title'])
    .orderBy('person_id')
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  const taken = new Map<string, Set<string>>();
  for (const row of rows) {
    let slugs = taken.get(row.person_id);
    if (!slugs) {
      slugs = new Set();
      taken.set(row.person_id, slugs);
    }
    const base = slugify(row.title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    await db.updateTable('learning_item').set({ slug }).where('id', '=', row.id).execute();
  }

  await db.schema.createIndex('learning_item_person_slug').on('learning_item').columns(['person_id', 'slug']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('learning_item_person_slug').execute();
  await db.schema.alterTable('learning_item').dropColumn('slug').execute();
}
