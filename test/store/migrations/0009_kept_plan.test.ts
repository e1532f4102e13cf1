import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, type Migration, Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, migrate, openStore } from '../../../src/store/database.js';
import * as m0001 from '../../../src/store/migrations/0001_foundation.js';
import * as m0002 from '../../../src/store/migrations/0002_skills_and_paths.js';
import * as m0003 from '../../../src/store/migrations/0003_learning_and_journal.js';
import * as m0004 from '../../../src/store/migrations/0004_habit_snapshot.js';
import * as m0005 from '../../../src/store/migrations/0005_habit_anchor_and_names.js';
import * as m0007 from '../../../src/store/migrations/0007_library_slug.js';
import * as m0008 from '../../../src/store/migrations/0008_journal_search_tiers.js';
import * as m0009 from '../../../src/store/migrations/0009_kept_plan.js';
import { createContext } from '../../../src/services/context.js';
import { planSettings } from '../../../src/services/plan.service.js';
import { DIALECTS, createPostgresDatabase } from '../../support/stores.js';

const UP_TO_0005: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_skills_and_paths': m0002,
  '0003_learning_and_journal': m0003,
  '0004_habit_snapshot': m0004,
  '0005_habit_anchor_and_names': m0005,
};
const AT = '2026-11-01T00:00:00.000Z';

const files = mkdtempSync(join(tmpdir(), 'grow-0009-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
let count = 0;
const newUrl = async (dialect: (typeof DIALECTS)[number]) => (dialect === 'sqlite' ? join(files, `${++count}.db`) : createPostgresDatabase());

async function migrateOnly(url: string, migrations: Record<string, Migration>): Promise<void> {
  const store = await openStore(url, { migrate: false });
  try {
    const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    if (error) throw error;
  } finally {
    await store.close();
  }
}

describe.each(DIALECTS)('migration 0009: the kept plan [%s]', (dialect) => {
  it('gives existing people default plan settings and an empty kept plan', async () => {
    const url = await newUrl(dialect);
    await migrateOnly(url, { ...UP_TO_0005, '0007_library_slug': m0007, '0008_journal_search_tiers': m0008 });
    const before = await openStore(url, { migrate: false });
    await (before.db as unknown as Kysely<any>).insertInto('person').values({ id: 'p1', name: 'Ada', time_zone: 'UTC', created_at: AT }).execute();
    expect(await migrate(before.db)).toEqual(['0009_kept_plan']);
    await before.close();

    const store = await openStore(url);
    try {
      const ctx = await createContext(store, { personId: 'p1', env: { GROW_TODAY: '2026-11-23' } });
      expect(await planSettings(ctx)).toEqual({ hours: 3, days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
      const session = (position: number) => ({
        id: `s${position}`,
        person_id: 'p1',
        week_start: '2026-11-23',
        date: '2026-11-23',
        skill_id: 'testing',
        kind: 'technical' as const,
        minutes: 30,
        why: 'because',
        position,
        status: 'planned' as const,
        activity_id: null,
        carried_from: null,
        created_at: AT,
        updated_at: AT,
      });
      await store.db.insertInto('plan_session').values(session(0)).execute();
      // One place per position in a week: two first reads of a week at once cannot both make it.
      await expect(
        store.db
          .insertInto('plan_session')
          .values({ ...session(0), id: 'other' })
          .execute(),
      ).rejects.toSatisfy(isUniqueViolation);
    } finally {
      await store.close();
    }
  });

  it('still runs a migration merged after a later-numbered one had run (0007 after 0009 here)', async () => {
    const url = await newUrl(dialect);
    await migrateOnly(url, { ...UP_TO_0005, '0009_kept_plan': m0009 });
    // Opening with every migration: the one that sorts earlier but never ran is applied, not refused or skipped.
    const store = await openStore(url);
    try {
      const columns = (await store.db.introspection.getTables()).find((t) => t.name === 'learning_item')!.columns.map((c) => c.name);
      expect(columns).toContain('slug');
      expect(await migrate(store.db)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
