import { describe, expect, it } from 'vitest';
import { type Kysely, type Migration, Migrator } from 'kysely';
import { DIALECTS, createPostgresDatabase } from '../../support/stores.js';
import { migrate, openStore } from '../../../src/store/database.js';
import * as m0001 from '../../../src/store/migrations/0001_foundation.js';
import * as m0002 from '../../../src/store/migrations/0002_skills_and_paths.js';
import * as m0003 from '../../../src/store/migrations/0003_learning_and_journal.js';
import { createContext } from '../../../src/services/context.js';
import { addHabit, showHabit } from '../../../src/services/habit.service.js';

const BEFORE: Record<string, Migration> = { '0001_foundation': m0001, '0002_skills_and_paths': m0002, '0003_learning_and_journal': m0003 };

function habit(id: string, name: string, slug: string, position: number, schedule = 'daily', startDate = '2026-11-01') {
  return {
    id,
    person_id: 'p1',
    slug,
    name,
    kind: 'build',
    schedule,
    skills: '[]',
    archived: 0,
    position,
    start_date: startDate,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
  };
}

describe.each(DIALECTS)('migration 0005: habit anchor and names [%s]', (dialect) => {
  it('renames names that differ only by case, keeps slugs, and anchors blocks on the start date', async () => {
    const store = await openStore(dialect === 'sqlite' ? ':memory:' : await createPostgresDatabase(), { migrate: false });
    try {
      const db = store.db as unknown as Kysely<any>;
      const before = new Migrator({ db, provider: { getMigrations: async () => BEFORE } });
      expect((await before.migrateToLatest()).error).toBeUndefined();
      await db.insertInto('person').values({ id: 'p1', name: 'Me', created_at: '2026-11-01T00:00:00.000Z' }).execute();
      await db
        .insertInto('habit')
        .values([
          habit('h1', 'Read', 'read', 0, '2/3days', '2026-11-10'),
          habit('h2', 'read', 'read-2', 1),
          habit('h3', 'READ', 'read-3', 2),
          habit('h4', 'read (2)', 'read-2-2', 3), // the name a rename would pick first
          habit('h5', 'Run', 'run', 4),
        ])
        .execute();

      expect(await migrate(store.db)).toContain('0005_habit_anchor_and_names');
      const rows = await db.selectFrom('habit').select(['id', 'slug', 'name', 'name_key', 'anchor_date']).orderBy('position').execute();
      expect(rows.map((r) => [r.id, r.slug, r.name, r.name_key])).toEqual([
        ['h1', 'read', 'Read', 'read'],
        ['h2', 'read-2', 'read (3)', 'read (3)'],
        ['h3', 'read-3', 'READ (4)', 'read (4)'],
        ['h4', 'read-2-2', 'read (2)', 'read (2)'],
        ['h5', 'run', 'Run', 'run'],
      ]);
      expect(rows[0]!.anchor_date).toBe('2026-11-10');

      // After the migration the rule holds for new names, and the blocks keep their anchor.
      const ctx = await createContext(store, { personId: 'p1', env: { GROW_TODAY: '2026-11-23' }, now: () => new Date('2026-11-23T12:00:00Z') });
      await expect(addHabit(ctx, { name: 'rUN' })).rejects.toMatchObject({ code: 'conflict' });
      expect((await showHabit(ctx, 'read')).anchor).toMatchObject({ rule: 'fixed', date: '2026-11-10' });
      expect((await showHabit(ctx, 'READ (4)')).id).toBe('h3');
    } finally {
      await store.close();
    }
  });
});
