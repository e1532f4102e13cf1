import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CompiledQuery,
  DEFAULT_MIGRATION_TABLE,
  type Driver,
  Kysely,
  type Migration,
  type MigrationProvider,
  SqliteDialect,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import type { Database } from './schema.js';
import { AppError } from '../core/errors.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

/** The migrations in order, each loaded only when the database is behind (see `isCurrent`). */
const MIGRATIONS: Record<string, () => Promise<Migration>> = {
  '0001_foundation': () => import('./migrations/0001_foundation.js'),
  '0002_skills_and_paths': () => import('./migrations/0002_skills_and_paths.js'),
  '0003_learning_and_journal': () => import('./migrations/0003_learning_and_journal.js'),
  '0004_habit_snapshot': () => import('./migrations/0004_habit_snapshot.js'),
  '0005_habit_anchor_and_names': () => import('./migrations/0005_habit_anchor_and_names.js'),
  '0007_library_slug': () => import('./migrations/0007_library_slug.js'),
  '0008_journal_search_tiers': () => import('./migrations/0008_journal_search_tiers.js'),
  '0009_kept_plan': () => import('./migrations/0009_kept_plan.js'),
};

const provider: MigrationProvider = {
  getMigrations: async () => {
    const names = Object.keys(MIGRATIONS);
    const loaded = await Promise.all(names.map((name) => MIGRATIONS[name]!()));
    return Object.fromEntries(names.map((name, i) => [name, loaded[i]!]));
  },
};

/**
 * Runs `work` in one transaction of the store: what it writes lands together or not at all. The one
 * way services open a transaction (on SQLite it takes the write lock at once, see the driver below).
 */
export function inTransaction<T>(store: Store, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(work);
}

export function growHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GROW_HOME) return env.GROW_HOME;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'grow');
}

/** The database URL: --db, then GROW_DATABASE_URL, then SQLite in GROW_HOME. */
export function resolveDatabaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.GROW_DATABASE_URL || join(growHome(env), 'grow.db');
}

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). A deferred transaction
 * that reads and then writes cannot wait for another writer: SQLite fails it at once with
 * "database is locked" instead of honouring busy_timeout. With the lock taken up front, two grow
 * processes writing at once simply queue.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * better-sqlite3's compiled addon where its install puts it. Naming it spares each start the
 * `bindings` package, which finds the addon by reading a stack trace and trying a dozen paths (about
 * 3 ms of `grow habit done`); a build kept elsewhere is still found that way.
 */
function sqliteAddon(): { nativeBinding?: string } {
  try {
    return { nativeBinding: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node') };
  } catch {
    return {};
  }
}

/**
 * The database as Kysely's driver uses it, with each prepared statement kept by its SQL: the driver
 * prepares every query it runs, and SQLite compiling the same statement again (an import's chunk of
 * 1,000 rows has the same SQL as the chunk before) costs more than running it. The oldest unused
 * statement goes once `size` are kept.
 */
function keepingStatements(sqlite: SqliteDatabase, size = 64): SqliteDatabase {
  const kept = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}

async function openSqlite(path: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  if (path !== ':memory:') {
    try {
      // The data is personal: only its owner may read it.
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
    } catch (error) {
      throw new AppError('validation_failed', `database: cannot open ${path} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const sqlite = new SQLite(path, sqliteAddon());
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: keepingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Store> {
  const { default: pg } = await import('pg');
  const { PostgresDialect } = await import('kysely');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
}

export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const { Migrator } = await import('kysely');
  // Migrations are written on parallel branches: one merged later may sort before one a database
  // already ran (0008 after 0009). It still runs; names never reuse a number, and each touches its own tables.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A server that cannot be reached, or refuses the login or the database name, is not a migration bug.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (/^E[A-Z]+$/.test(code) || /^(08|28|3D)/.test(code))) {
      throw new AppError('internal', `database: cannot connect (${message})`);
    }
    throw new AppError('internal', `migration failed: ${message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether every migration this grow knows has run: one indexed read (how many ran, and the newest),
 * where the migrator would lock, list and compare every migration on each start. The count catches
 * a migration merged after a later-numbered one had run. Anything else (a new database, one behind,
 * one written by a newer grow) goes to the migrator, which applies or refuses.
 */
async function isCurrent(db: Kysely<Database>): Promise<boolean> {
  const names = Object.keys(MIGRATIONS);
  try {
    const row = await (db as unknown as Kysely<Record<string, { name: string }>>)
      .selectFrom(DEFAULT_MIGRATION_TABLE)
      .select((eb) => [eb.fn.countAll<number | string>().as('ran'), eb.fn.max('name').as('latest')])
      .executeTakeFirst();
    return Number(row?.ran) === names.length && row?.latest === names.at(-1);
  } catch {
    return false;
  }
}

/** Whether the database answers and holds every migration this grow knows (`GET /readyz`). */
export const isReady = (store: Store): Promise<boolean> => isCurrent(store.db);

/** Opens the database at `url` and applies pending migrations. */
export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = isPostgresUrl(url) ? await openPostgres(url) : await openSqlite(url);
  if (options.migrate !== false) {
    try {
      if (!(await isCurrent(store.db))) await migrate(store.db);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** Empties every table, children first. For tests that reuse one database between cases. */
export async function deleteAllData(db: Kysely<Database>): Promise<void> {
  for (const table of [
    'plan_session',
    'journal_entry',
    'review_log',
    'card',
    'highlight',
    'learning_note',
    'learning_item',
    'experiment',
    'activity',
    'evidence',
    'facet_status',
    'career_target',
    'skill_assessment',
    'framework',
    'auth_token',
    'scorecard_item',
    'habit_snapshot',
    'habit_check_in',
    'habit',
    'person',
  ] as const) {
    await db.deleteFrom(table).execute();
  }
}

/** Whether a database error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
