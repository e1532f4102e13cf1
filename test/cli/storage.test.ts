import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPostgresDatabase } from '../support/stores.js';
import { Grow, TODAY, requireBuiltCli, runGrow, tempDir } from './cli.helpers.js';

const root = tempDir();
let n = 0;
const dir = (name: string) => join(root.path, `${++n}-${name}`);
const mode = (path: string) => statSync(path).mode & 0o777;

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('where grow keeps its data', { timeout: 120_000 }, () => {
  it('creates GROW_HOME with mode 0700 and grow.db with mode 0600', async () => {
    const home = join(dir('home'), 'nested', 'grow');
    const grow = new Grow(home);
    await grow.json('habit', 'add', 'Read');
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'grow.db'))).toBe(0o600);
    // SQLite's side files are as private as the database.
    for (const side of ['grow.db-wal', 'grow.db-shm']) {
      const path = join(home, side);
      if (existsSync(path)) expect(mode(path) & 0o077, side).toBe(0);
    }
    expect((await grow.json<any[]>('habit', 'list')).map((h) => h.slug)).toEqual(['read']);
  });

  it('uses $XDG_DATA_HOME/grow without GROW_HOME, else ~/.local/share/grow', async () => {
    const base = dir('xdg');
    mkdirSync(base);
    const env = { HOME: join(base, 'home'), XDG_DATA_HOME: join(base, 'data'), GROW_TODAY: TODAY };
    expect((await runGrow(['habit', 'add', 'Read', '--json'], env)).code).toBe(0);
    expect(mode(join(base, 'data', 'grow'))).toBe(0o700);
    expect(mode(join(base, 'data', 'grow', 'grow.db'))).toBe(0o600);
    expect(existsSync(join(base, 'home'))).toBe(false);

    const homeOnly = { HOME: join(base, 'home'), GROW_TODAY: TODAY };
    expect((await runGrow(['habit', 'add', 'Run', '--json'], homeOnly)).code).toBe(0);
    expect(existsSync(join(base, 'home', '.local', 'share', 'grow', 'grow.db'))).toBe(true);
    const list = await runGrow(['habit', 'list', '--json'], homeOnly);
    expect(JSON.parse(list.stdout).map((h: { slug: string }) => h.slug)).toEqual(['run']);
  });

  it('--db FILE uses that SQLite file', async () => {
    const grow = new Grow(dir('unused'));
    const file = join(dir('custom'), 'my.db');
    await grow.json('--db', file, 'habit', 'add', 'Read');
    expect(mode(file)).toBe(0o600);
    expect(existsSync(grow.home)).toBe(false);
    expect((await grow.json<any[]>('--db', file, 'habit', 'list')).map((h) => h.slug)).toEqual(['read']);
  });

  it('a database path that cannot be created is bad input (exit 1), not a crash', async () => {
    const parent = dir('a-file');
    writeFileSync(parent, 'not a directory');
    const path = join(parent, 'grow.db');
    const grow = new Grow(dir('unused'));
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await grow.fails(1, 'validation_failed', new RegExp(`^database: cannot open ${escaped} \\(.+\\)$`), '--db', path, 'habit', 'list');
    const human = await grow.run('--db', path, 'habit', 'list');
    expect(human.code).toBe(1);
    expect(human.stderr).not.toContain('This is a bug');
  });

  it('--db postgres://… and GROW_DATABASE_URL use PostgreSQL', async () => {
    const url = await createPostgresDatabase();
    const grow = new Grow(dir('pg-home'));
    await grow.json('--db', url, 'habit', 'add', 'Read');
    await grow.json('--db', url, 'habit', 'done', 'read', '--date', '2026-11-22');
    expect(existsSync(grow.home)).toBe(false);
    const viaEnv = new Grow(grow.home, { GROW_DATABASE_URL: url });
    const list = await viaEnv.json<any[]>('habit', 'list');
    expect(list.map((h) => [h.slug, h.streak])).toEqual([['read', 1]]);
    expect(existsSync(grow.home)).toBe(false);
    // --db wins over GROW_DATABASE_URL.
    const file = join(dir('override'), 'grow.db');
    expect(await viaEnv.json('--db', file, 'habit', 'list')).toEqual([]);
  });

  it('a PostgreSQL server that cannot be reached, or a database that does not exist, gives a clear error (exit 1)', async () => {
    const grow = new Grow(dir('unreachable'));
    await grow.fails(
      1,
      'internal',
      'database: cannot connect (connect ECONNREFUSED 127.0.0.1:1)',
      '--db',
      'postgres://me:s3cret@127.0.0.1:1/grow',
      'habit',
      'list',
    );
    const missing = (await createPostgresDatabase()).replace(/\/[^/]*$/, '/grow_no_such_database');
    await grow.fails(1, 'internal', 'database: cannot connect (database "grow_no_such_database" does not exist)', '--db', missing, 'habit', 'list');
    const human = await grow.run('--db', 'postgres://me:s3cret@127.0.0.1:1/grow', 'habit', 'list');
    expect(human.stderr).toBe('error: database: cannot connect (connect ECONNREFUSED 127.0.0.1:1)\n');
  });

  it('grow migrate applies the migrations once, on SQLite and on PostgreSQL', async () => {
    const grow = new Grow(dir('migrate'));
    const first = await grow.json('migrate');
    expect(first).toEqual({
      applied: [
        '0001_foundation',
        '0002_skills_and_paths',
        '0003_learning_and_journal',
        '0004_habit_snapshot',
        '0005_habit_anchor_and_names',
        '0007_library_slug',
        '0008_journal_search_tiers',
        '0009_kept_plan',
      ],
      database: join(grow.home, 'grow.db'),
    });
    expect(mode(join(grow.home, 'grow.db'))).toBe(0o600);
    expect((await grow.json('migrate')).applied).toEqual([]);
    expect((await grow.ok('migrate')).stdout).toBe(`${join(grow.home, 'grow.db')} is up to date.\n`);

    const url = await createPostgresDatabase();
    const onPg = await grow.json('--db', url, 'migrate');
    expect(onPg.applied).toEqual([
      '0001_foundation',
      '0002_skills_and_paths',
      '0003_learning_and_journal',
      '0004_habit_snapshot',
      '0005_habit_anchor_and_names',
      '0007_library_slug',
      '0008_journal_search_tiers',
      '0009_kept_plan',
    ]);
    // The password never shows.
    expect(onPg.database).toBe(url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@'));
    expect(onPg.database).not.toContain(':postgres@');
    expect((await grow.json('--db', url, 'migrate')).applied).toEqual([]);
  });
});
