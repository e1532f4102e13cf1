import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Store, migrate, openStore } from '../../../src/store/database.js';
import { isUniqueViolation } from '../../../src/store/database.js';
import * as m0001 from '../../../src/store/migrations/0001_foundation.js';
import * as m0002 from '../../../src/store/migrations/0002_skills_and_paths.js';
import * as m0003 from '../../../src/store/migrations/0003_learning_and_journal.js';
import { showLearningItem } from '../../../src/services/learning.service.js';
import { createContext } from '../../../src/services/context.js';
import { DIALECTS, createPostgresDatabase } from '../../support/stores.js';

/** A database as grow left it before library items had slugs: migrations up to 0003, with items in it. */
async function databaseBeforeSlugs(dialect: (typeof DIALECTS)[number]): Promise<Store> {
  const store = await openStore(dialect === 'sqlite' ? ':memory:' : await createPostgresDatabase(), { migrate: false });
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => ({ '0001_foundation': m0001, '0002_skills_and_paths': m0002, '0003_learning_and_journal': m0003 }) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return store;
}

describe.each(DIALECTS)('migration 0007_library_slug [%s]', (dialect) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('gives every existing item a unique slug per person, oldest first, and makes slugs unique from then on', async () => {
    store = await databaseBeforeSlugs(dialect);
    const db = store.db as unknown as import('kysely').Kysely<any>;
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('person')
      .values([
        { id: 'p1', name: 'Ada', time_zone: 'UTC', created_at: at },
        { id: 'p2', name: 'Grace', time_zone: 'UTC', created_at: at },
      ])
      .execute();
    const item = (id: string, person_id: string, title: string, added_at: string) => ({
      id,
      person_id,
      kind: 'book',
      title,
      authors: '[]',
      skills: '[]',
      status: 'want',
      shelves: '[]',
      added_at,
      match_key: `${id}|`,
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('learning_item')
      .values([
        // Inserted out of order: the oldest added keeps the plain slug.
        item('i3', 'p1', 'Refactoring (2nd edition)', '2024-03-01'),
        item('i1', 'p1', 'Refactoring', '2023-01-01'),
        item('i2', 'p1', 'refactoring!', '2023-06-01'),
        item('i4', 'p1', "The Manager's Path: A Guide", '2023-02-01'),
        item('i5', 'p1', '“…”', '2023-02-01'),
        item('i6', 'p2', 'Refactoring', '2025-01-01'),
      ])
      .execute();

    expect(await migrate(store.db)).toContain('0007_library_slug');

    const rows = await store.db.selectFrom('learning_item').select(['id', 'slug', 'title']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.slug])).toEqual([
      ['i1', 'refactoring'],
      ['i2', 'refactoring-2'],
      ['i3', 'refactoring-3'],
      ['i4', 'the-managers-path'],
      ['i5', 'item'],
      ['i6', 'refactoring'],
    ]);
    // The other columns are as they were.
    expect(rows.find((r) => r.id === 'i4')!.title).toBe("The Manager's Path: A Guide");

    // The app finds a migrated item by its slug.
    const ctx = await createContext(store, { personId: 'p1', env: { GROW_TODAY: '2026-11-23' } });
    expect((await showLearningItem(ctx, 'refactoring-2')).id).toBe('i2');

    // A second item with a slug the person already has is refused by the database itself.
    const clash = db
      .insertInto('learning_item')
      .values({ ...item('i7', 'p1', 'Other', '2026-01-01'), slug: 'refactoring' })
      .execute();
    await expect(clash).rejects.toSatisfy(isUniqueViolation);
    // Another person may hold the same slug (i6 above); a free one is taken.
    await db
      .insertInto('learning_item')
      .values({ ...item('i8', 'p2', 'Refactoring', '2026-01-01'), slug: 'refactoring-2' })
      .execute();
  });

  it('applies to an empty library too', async () => {
    store = await databaseBeforeSlugs(dialect);
    expect(await migrate(store.db)).toContain('0007_library_slug');
    expect(await store.db.selectFrom('learning_item').select('slug').execute()).toEqual([]);
  });
});
