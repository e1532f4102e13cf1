import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import pg from 'pg';
import { type Dialect, type Store, deleteAllData, openStore } from '../../src/store/database.js';
import { type Context, createContext } from '../../src/services/context.js';
import { updatePerson } from '../../src/store/person.repository.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** A fresh PostgreSQL database on the run's server, for one test file. */
export async function createPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `grow_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

export async function openTestStore(dialect: Dialect): Promise<Store> {
  return openStore(dialect === 'sqlite' ? ':memory:' : await createPostgresDatabase());
}

export const DEFAULT_TODAY = '2026-11-23';

export interface TestDb {
  readonly store: Store;
  readonly dialect: Dialect;
  /** The context of the test's person, with today pinned (default 2026-11-23). */
  ctx(today?: string): Promise<Context>;
}

/**
 * Runs the same suite on SQLite and on PostgreSQL. Each test starts from empty tables and one
 * person whose time zone is UTC.
 */
export function describeEachDialect(name: string, suite: (db: TestDb) => void): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    let store: Store;
    let personId: string | undefined;
    const handle: TestDb = {
      get store() {
        return store;
      },
      dialect,
      async ctx(today = DEFAULT_TODAY) {
        const ctx = await createContext(store, {
          personId,
          env: { GROW_TODAY: today },
          now: () => new Date(`${today}T12:00:00Z`),
        });
        personId = ctx.personId;
        return ctx;
      },
    };
    beforeAll(async () => {
      store = await openTestStore(dialect);
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await deleteAllData(store.db);
      personId = undefined;
      const ctx = await handle.ctx();
      await updatePerson(store.db, ctx.personId, { time_zone: 'UTC' });
    });
    suite(handle);
  });
}
