import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Store, migrate, openStore } from '../../../src/store/database.js';
import * as m0001 from '../../../src/store/migrations/0001_foundation.js';
import * as m0002 from '../../../src/store/migrations/0002_skills_and_paths.js';
import * as m0003 from '../../../src/store/migrations/0003_learning_and_journal.js';
import * as m0004 from '../../../src/store/migrations/0004_habit_snapshot.js';
import * as m0005 from '../../../src/store/migrations/0005_habit_anchor_and_names.js';
import * as m0007 from '../../../src/store/migrations/0007_library_slug.js';
import * as m0008 from '../../../src/store/migrations/0008_journal_search_tiers.js';
import { searchJournal } from '../../../src/services/journal.service.js';
import { createContext } from '../../../src/services/context.js';
import { DIALECTS, createPostgresDatabase } from '../../support/stores.js';

const BEFORE = {
  '0001_foundation': m0001,
  '0002_skills_and_paths': m0002,
  '0003_learning_and_journal': m0003,
  '0004_habit_snapshot': m0004,
  '0005_habit_anchor_and_names': m0005,
  '0007_library_slug': m0007,
};

async function migrateTo(store: Store, migrations: Record<string, typeof m0001>): Promise<void> {
  const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}

const indexes = async (db: Kysely<any>) =>
  (await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'journal_entry_document' ORDER BY indexname`.execute(db)).rows.map(
    (r) => r.indexname,
  );

describe.each(DIALECTS)('migration 0008_journal_search_tiers [%s]', (dialect) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('indexes the entries already written, so their title hits come first from then on', async () => {
    store = await openStore(dialect === 'sqlite' ? ':memory:' : await createPostgresDatabase(), { migrate: false });
    await migrateTo(store, BEFORE);
    const db = store.db as unknown as Kysely<any>;
    const at = '2026-01-01T00:00:00.000Z';
    await db.insertInto('person').values({ id: 'p1', name: 'Ada', time_zone: 'UTC', created_at: at }).execute();
    const entry = (id: string, title: string | null, body: string, date: string) => ({
      id,
      person_id: 'p1',
      title,
      body,
      date,
      tags: '[]',
      categories: '[]',
      kind: 'entry',
      visibility: 'private',
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('journal_entry')
      .values([entry('old-title', 'Hiring loop', 'Notes.', '2026-01-01'), entry('new-body', null, 'Another hiring loop today.', '2026-02-01')])
      .execute();

    // This one, then any later migration.
    expect((await migrate(store.db))[0]).toBe('0008_journal_search_tiers');
    if (dialect === 'postgres') {
      expect(await indexes(db)).toEqual([
        'journal_entry_document_person_newest',
        'journal_entry_document_pkey',
        'journal_entry_search',
        'journal_entry_title_search',
      ]);
    }
    const ctx = await createContext(store, { personId: 'p1', env: { GROW_TODAY: '2026-11-23' } });
    expect((await searchJournal(ctx, { text: 'hiring loop' })).map((h) => h.id)).toEqual(['old-title', 'new-body']);
    // Entries written afterwards are found the same way.
    await db
      .insertInto('journal_entry')
      .values(entry('newer-title', 'Hiring loop', 'Notes.', '2026-03-01'))
      .execute();
    expect((await searchJournal(ctx, { text: 'hiring' })).map((h) => h.id)).toEqual(['newer-title', 'old-title', 'new-body']);
  });

  it('goes back down to the indexes of 0003', async () => {
    store = await openStore(dialect === 'sqlite' ? ':memory:' : await createPostgresDatabase(), { migrate: false });
    await migrateTo(store, { ...BEFORE, '0008_journal_search_tiers': m0008 });
    const { error } = await new Migrator({
      db: store.db,
      provider: { getMigrations: async () => ({ ...BEFORE, '0008_journal_search_tiers': m0008 }) },
    }).migrateDown();
    expect(error).toBeUndefined();
    if (dialect === 'postgres') expect(await indexes(store.db as unknown as Kysely<any>)).toEqual(['journal_entry_document_pkey', 'journal_entry_search']);
  });
});
