import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPostgresDatabase } from '../support/stores.js';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';
import { loopCsvFiles, loopCsvZip, loopDb, writeFolder } from '../support/loop-fixtures.js';
import { restored } from '../support/backup.js';

const root = tempDir();
let n = 0;
const fresh = (env: Record<string, string> = {}) => new Grow(join(root.path, `home-${++n}`, 'grow'), env);
const file = (name: string) => join(root.path, `${++n}-${name}`);

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

/** A grow with something of everything. */
async function filled(grow: Grow): Promise<void> {
  await grow.json('settings', '--time-zone', 'Europe/Berlin', '--name', 'Ada');
  await grow.json('habit', 'add', 'Make coffee');
  await grow.json(
    'habit',
    'add',
    'Read',
    '--target',
    '20',
    '--unit',
    'pages',
    '--after',
    'make-coffee',
    '--skills',
    'reading',
    '--identity',
    'I am someone who reads',
  );
  await grow.json('habit', 'add', 'Coffee after 2pm', '--kind', 'break', '--schedule', '2/3days');
  await grow.json('habit', 'done', 'read', '--date', '2026-11-21', '--amount', '12.5', '--note', 'ünïcødé "quotes"');
  await grow.json('habit', 'skip', 'read', '--date', '2026-11-22');
  await grow.json('habit', 'slip', 'coffee-after-2pm');
  await grow.json('scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:30');
}

describe('grow export json and grow import json', { timeout: 120_000 }, () => {
  it('export --out, import into another GROW_HOME, export again: the same file', async () => {
    const source = fresh();
    await filled(source);
    const out = file('backup.json');
    const written = await source.json('export', 'json', '--out', out);
    const text = readFileSync(out, 'utf8');
    expect(written).toEqual({ out, bytes: Buffer.byteLength(text) });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // To stdout, the same bytes.
    expect((await source.ok('export', 'json')).stdout).toBe(text);

    const target = fresh();
    expect(await target.json('import', 'json', out)).toEqual(restored({ habits: 3, checkIns: 3, scorecard: 1 }));
    const again = file('again.json');
    await target.json('export', 'json', '--out', again);
    expect(readFileSync(again, 'utf8')).toBe(text);
    expect(await target.json('habit', 'show', 'read')).toEqual(await source.json('habit', 'show', 'read'));
    // A second import is refused: the database is no longer empty.
    await target.fails(1, 'conflict', 'database: already holds data; restore a backup into an empty database', 'import', 'json', out);
  });

  it('moves a backup from SQLite to PostgreSQL and back unchanged', async () => {
    const source = fresh();
    await filled(source);
    const out = file('backup.json');
    await source.json('export', 'json', '--out', out);
    const url = await createPostgresDatabase();
    const pg = fresh({ GROW_DATABASE_URL: url });
    await pg.json('import', 'json', out);
    expect((await pg.ok('export', 'json')).stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('refuses a bad file or a non-empty database, exit 1, and changes nothing', async () => {
    const source = fresh();
    await filled(source);
    const out = file('backup.json');
    await source.json('export', 'json', '--out', out);
    const text = readFileSync(out, 'utf8');
    const target = fresh();
    await target.json('scorecard', 'add', 'Stretch', '--rating', '+');
    const before = (await target.ok('export', 'json')).stdout;

    await target.fails(1, 'conflict', 'database: already holds data; restore a backup into an empty database', 'import', 'json', out);
    const truncated = file('truncated.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.7)));
    await target.fails(1, 'validation_failed', 'file: not valid JSON (is it a grow backup?)', 'import', 'json', truncated);
    const future = file('future.json');
    writeFileSync(future, JSON.stringify({ ...JSON.parse(text), version: 5 }));
    await target.fails(1, 'validation_failed', 'version: unknown backup format version 5 (this grow reads 1, 2, 3 and 4)', 'import', 'json', future);
    const notJson = file('notes.txt');
    writeFileSync(notJson, 'just some notes\n');
    await target.fails(1, 'validation_failed', 'file: not valid JSON (is it a grow backup?)', 'import', 'json', notJson);
    const missing = join(root.path, 'no-such-file.json');
    await target.fails(1, 'validation_failed', `file: cannot read ${missing}`, 'import', 'json', missing);
    await target.fails(2, 'usage', "missing required argument 'file'", 'import', 'json');

    expect((await target.ok('export', 'json')).stdout).toBe(before);
    // An empty database refuses the bad files just the same.
    const empty = fresh();
    await empty.fails(1, 'validation_failed', 'version: unknown backup format version 5 (this grow reads 1, 2, 3 and 4)', 'import', 'json', future);
    expect(await empty.json('habit', 'list', '--all')).toEqual([]);
  });

  it('grow import loop reads a .db backup, a CSV .zip and an unpacked folder; a second import changes nothing', async () => {
    const habits = [
      {
        name: 'Meditate',
        entries: [
          { date: '2026-11-20', value: 2 },
          { date: '2026-11-21', value: 3 },
          { date: '2026-11-22', value: 2 },
        ],
      },
      { name: 'Walk', numerator: 3, denominator: 7, entries: [{ date: '2026-11-22', value: 2 }] },
    ];
    const db = file('Loop Habits Backup.db');
    writeFileSync(db, loopDb(habits));
    const grow = fresh();
    expect(await grow.json('import', 'loop', db)).toEqual({ habitsCreated: 2, habitsMatched: 0, checkInsAdded: 4, checkInsUnchanged: 0, notesAdded: 0 });
    expect(await grow.json('import', 'loop', db)).toEqual({ habitsCreated: 0, habitsMatched: 2, checkInsAdded: 0, checkInsUnchanged: 4, notesAdded: 0 });
    const list = (await grow.json('habit', 'list')) as { slug: string; schedule: string; streak: number }[];
    expect(list.map((h) => [h.slug, h.schedule])).toEqual([
      ['meditate', 'daily'],
      ['walk', '3/week'],
    ]);
    // done, skipped, done: the skipped day holds the streak, and today is still open.
    expect(list[0]!.streak).toBe(3);

    const csv = loopCsvFiles(habits);
    const zip = file('Loop Habits CSV.zip');
    writeFileSync(zip, loopCsvZip(csv));
    const fromZip = fresh();
    expect(await fromZip.json('import', 'loop', zip)).toMatchObject({ habitsCreated: 2, checkInsAdded: 4 });
    const folder = writeFolder(file('export'), csv);
    const fromFolder = fresh();
    expect(await fromFolder.json('import', 'loop', folder)).toMatchObject({ habitsCreated: 2, checkInsAdded: 4 });
    expect(await fromFolder.json('habit', 'show', 'meditate')).toMatchObject({
      streak: 3,
      history: [
        { date: '2026-11-20', status: 'done' },
        { date: '2026-11-21', status: 'skipped' },
        { date: '2026-11-22', status: 'done' },
      ],
    });
  });

  it('grow import loop refuses a CSV export with bad lines: one line per problem with its file, line and column, exit 1; nothing written', async () => {
    const csv = loopCsvFiles([{ name: 'Meditate' }, { name: 'Run' }]);
    csv['001 Meditate/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-02,MAYBE,\n';
    csv['002 Run/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-02,YES_MANUAL,\n2026-11-02,NO,\n';
    const folder = writeFolder(file('bad-export'), csv);
    const grow = fresh();
    const human = await grow.run('import', 'loop', folder);
    expect(human.code).toBe(1);
    expect(human.stderr.trimEnd().split('\n')).toEqual([
      'error: 2 problems (nothing was imported)',
      '  line 2, column 2: 001 Meditate/Checkmarks.csv: value "MAYBE" is not a Loop check-mark value',
      '  line 3, column 1: 002 Run/Checkmarks.csv: date 2026-11-02 is also on line 2',
    ]);
    const json = await grow.run('import', 'loop', folder, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error.details).toEqual([
      { path: '001 Meditate/Checkmarks.csv', message: 'value "MAYBE" is not a Loop check-mark value', line: 2, column: 2 },
      { path: '002 Run/Checkmarks.csv', message: 'date 2026-11-02 is also on line 2', line: 3, column: 1 },
    ]);
    expect(await grow.json('habit', 'list', '--all')).toEqual([]);
  });

  it('grow import loop keeps the note of every day of a CSV export: check-ins in habit show, the rest in the journal', async () => {
    const zip = file('Loop Habits CSV notes.zip');
    const entries = [
      { date: '2026-11-19', value: 2, notes: 'ten minutes' },
      { date: '2026-11-20', value: 0, notes: 'headache' },
      { date: '2026-11-21', value: 3, notes: 'travel day' },
      { date: '2026-11-22', value: -1, notes: 'phone was off' },
    ];
    writeFileSync(zip, loopCsvZip(loopCsvFiles([{ name: 'Meditate', entries }])));
    const grow = fresh();
    expect((await grow.ok('import', 'loop', zip)).stdout).toBe(
      'Imported from Loop: 1 new habit, 0 already here; 2 check-ins added, 0 unchanged; 2 notes of days with no check-in kept in the journal (tag loop).\n',
    );
    const shown = (await grow.json('habit', 'show', 'meditate')) as { history: { date: string; status: string; note: string | null }[] };
    expect(shown.history.filter((h) => h.note !== null).map((h) => [h.date, h.status, h.note])).toEqual([
      ['2026-11-19', 'done', 'ten minutes'],
      ['2026-11-21', 'skipped', 'travel day'],
    ]);
    const journal = (await grow.json('journal', 'list', '--tag', 'loop')) as { date: string; title: string }[];
    expect(journal.map((e) => [e.date, e.title])).toEqual([
      ['2026-11-22', 'Meditate: no mark'],
      ['2026-11-20', 'Meditate: not done'],
    ]);
    expect((await grow.ok('journal', 'search', 'headache')).stdout).toContain('Meditate: not done');
    expect(await grow.json('import', 'loop', zip)).toEqual({ habitsCreated: 0, habitsMatched: 1, checkInsAdded: 0, checkInsUnchanged: 2, notesAdded: 0 });
    expect(await grow.json('journal', 'list', '--tag', 'loop')).toHaveLength(2);
  });

  it('grow import loop refuses a file that is not a Loop backup with exit 1', async () => {
    const grow = fresh();
    const notLoop = file('notes.db');
    writeFileSync(notLoop, 'not a database');
    const result = await grow.run('import', 'loop', notLoop, '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const body = JSON.parse(result.stderr) as { error: { code: string; message: string } };
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(await grow.json('habit', 'list', '--all')).toEqual([]);
  });
});

describe('grow settings and grow token', { timeout: 120_000 }, () => {
  it('shows and changes settings; refuses a bad time zone', async () => {
    const grow = fresh();
    const settings = await grow.json('settings');
    expect(settings).toMatchObject({ name: 'me', timeZoneIsSystem: true, today: '2026-11-23' });
    expect(await grow.json('settings', '--time-zone', 'Asia/Tokyo', '--name', 'Ada')).toEqual({
      name: 'Ada',
      timeZone: 'Asia/Tokyo',
      timeZoneIsSystem: false,
      today: '2026-11-23',
      technicalRatio: 0.5,
    });
    await grow.fails(1, 'validation_failed', 'timeZone: expected an IANA time zone such as Europe/Berlin', 'settings', '--time-zone', 'Moon/Base');
    expect((await grow.json('settings')).timeZone).toBe('Asia/Tokyo');
  });

  it('creates an API token, shown once', async () => {
    const grow = fresh();
    const { token } = await grow.json('token', 'create', '--label', 'script');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await grow.json('token', 'revoke', token)).toEqual({ revoked: true });
  });
});
