import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import type { AppError } from '../../src/core/errors.js';
import { parseBackup } from '../../src/formats/backup.format.js';
import { exportBackup, exportBackupText, importBackup } from '../../src/services/backup.service.js';
import { type Context, createContext } from '../../src/services/context.js';
import { listJournal } from '../../src/services/journal.service.js';
import { addHabit, checkIn, listHabits, showHabit } from '../../src/services/habit.service.js';
import { type LoopImportSource, importLoop } from '../../src/services/loop-import.service.js';
import {
  type FixtureEntry,
  type FixtureHabit,
  loopCsvFiles,
  loopCsvZip,
  loopDb,
  removeTempDirs,
  tempDir,
  timestampOf,
  writeFolder,
  writeTempFile,
} from '../support/loop-fixtures.js';
import { describeEachDialect, openTestStore } from '../support/stores.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/loop');

afterAll(removeTempDirs);

const meditate: FixtureHabit = {
  name: 'Meditate',
  uuid: '0123456789abcdef0123456789abcdef',
  entries: [
    { date: '2026-11-01', value: 0 },
    { date: '2026-11-02', value: 2, notes: 'calm' },
    { date: '2026-11-03', value: 3 },
    { date: '2026-11-04', value: 1 },
    { date: '2026-11-05', value: -1, notes: 'a note on an unknown day' },
    { date: '2026-11-06', value: 2 },
  ],
};
const run: FixtureHabit = {
  name: 'Run',
  uuid: 'fedcba9876543210fedcba9876543210',
  type: 'measurable',
  targetValue: 5,
  unit: 'km',
  numerator: 1,
  denominator: 7,
  entries: [
    { date: '2026-11-02', value: 5500 },
    { date: '2026-11-04', value: 0 },
    { date: '2026-11-05', value: 3 },
    { date: '2026-11-09', value: 1234 },
  ],
};
const sugar: FixtureHabit = {
  name: 'Sugar',
  uuid: '00000000000000000000000000000abc',
  type: 'measurable',
  targetType: 'at-most',
  targetValue: 30,
  unit: 'g',
  archived: true,
  entries: [
    { date: '2026-10-30', value: 0 },
    { date: '2026-11-01', value: 45000 },
    { date: '2026-11-02', value: 3 },
  ],
};
const pages: FixtureHabit = {
  // Loop's target is per period: 20 pages a week done twice a week is 10 pages a time in grow.
  name: 'Read pages',
  uuid: '0000000000000000000000000000beef',
  type: 'measurable',
  targetValue: 20,
  unit: 'pages',
  numerator: 2,
  denominator: 7,
};
const stretch: FixtureHabit = { name: 'Stretch', uuid: '0000000000000000000000000000cafe', numerator: 2, denominator: 3 };

const ALL = [meditate, run, sugar, pages, stretch];

describeEachDialect('Loop import', (db) => {
  it('creates habits as Loop had them and their check-ins, and reports progress', async () => {
    const ctx = await db.ctx('2026-11-23');
    const progress: [number, number][] = [];
    const result = await importLoop(ctx, { bytes: loopDb(ALL) }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toEqual({ habitsCreated: 5, habitsMatched: 0, checkInsAdded: 8, checkInsUnchanged: 0, notesAdded: 1 });
    expect(progress).toEqual([
      [0, 5],
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);

    const backup = await exportBackup(ctx);
    const habits = backup.habits.map((h) => ({
      name: h.name,
      slug: h.slug,
      kind: h.kind,
      schedule: h.schedule,
      target: h.target,
      unit: h.unit,
      archived: h.archived,
      startDate: h.startDate,
      loopUuid: h.loopUuid,
      checkIns: h.checkIns.map((c) => [c.date, c.status, c.amount, c.note]),
    }));
    expect(habits).toEqual([
      {
        name: 'Meditate',
        slug: 'meditate',
        kind: 'build',
        schedule: 'daily',
        target: null,
        unit: null,
        archived: false,
        startDate: '2026-11-01', // the "not done" mark: Loop counts the habit from there
        loopUuid: meditate.uuid,
        checkIns: [
          ['2026-11-02', 'done', null, 'calm'],
          ['2026-11-03', 'skipped', null, null],
          ['2026-11-06', 'done', null, null],
        ],
      },
      {
        name: 'Run',
        slug: 'run',
        kind: 'build',
        schedule: '1/week',
        target: 5,
        unit: 'km',
        archived: false,
        startDate: '2026-11-02',
        loopUuid: run.uuid,
        checkIns: [
          ['2026-11-02', 'done', 5.5, null],
          ['2026-11-05', 'skipped', null, null],
          ['2026-11-09', 'done', 1.234, null],
        ],
      },
      {
        name: 'Sugar',
        slug: 'sugar',
        kind: 'break',
        schedule: 'daily',
        target: 30,
        unit: 'g',
        archived: true,
        startDate: '2026-10-30',
        loopUuid: sugar.uuid,
        checkIns: [
          ['2026-11-01', 'slip', 45, null],
          ['2026-11-02', 'skipped', null, null],
        ],
      },
      {
        name: 'Read pages',
        slug: 'read-pages',
        kind: 'build',
        schedule: '2/week',
        target: 10,
        unit: 'pages',
        archived: false,
        startDate: '2026-11-23', // nothing recorded: it begins today
        loopUuid: pages.uuid,
        checkIns: [],
      },
      {
        name: 'Stretch',
        slug: 'stretch',
        kind: 'build',
        schedule: '2/3days',
        target: null,
        unit: null,
        archived: false,
        startDate: '2026-11-23',
        loopUuid: stretch.uuid,
        checkIns: [],
      },
    ]);
    // The note on a day that is no check-in: a journal entry on that day.
    expect(backup.journal.map((e) => [e.date, e.title, e.body, e.tags])).toEqual([
      ['2026-11-05', 'Meditate: no mark', 'a note on an unknown day', ['loop', 'meditate']],
    ]);
    // What was imported is valid grow data: it survives grow's own backup format.
    expect(() => parseBackup(JSON.stringify(backup))).not.toThrow();
    expect((await listHabits(ctx)).map((h) => h.name)).toEqual(['Meditate', 'Run', 'Read pages', 'Stretch']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const ctx = await db.ctx('2026-11-23');
    const file = loopDb(ALL);
    await importLoop(ctx, { bytes: file });
    const before = await exportBackup(ctx);
    const again = await importLoop(ctx, { bytes: file });
    expect(again).toEqual({ habitsCreated: 0, habitsMatched: 5, checkInsAdded: 0, checkInsUnchanged: 8, notesAdded: 0 });
    expect(await exportBackup(ctx)).toEqual(before);
  });

  it('adds only the days a newer backup has and leaves days already recorded as they are', async () => {
    const ctx = await db.ctx('2026-11-23');
    await importLoop(ctx, { bytes: loopDb([meditate]) });
    await checkIn(ctx, 'meditate', 'done', { date: '2026-11-08', note: 'logged in grow' });
    const newer: FixtureHabit = {
      ...meditate,
      entries: [
        ...meditate.entries!.filter((e) => e.date !== '2026-11-06'),
        { date: '2026-11-06', value: 3 }, // changed in Loop since: grow keeps its own record
        { date: '2026-11-07', value: 2 },
        { date: '2026-11-08', value: 3 },
        { date: '2026-10-20', value: 2 }, // an older day, found later
      ],
    };
    const result = await importLoop(ctx, { bytes: loopDb([newer]) });
    expect(result).toEqual({ habitsCreated: 0, habitsMatched: 1, checkInsAdded: 2, checkInsUnchanged: 4, notesAdded: 0 });
    const shown = await showHabit(ctx, 'meditate');
    expect(shown.startDate).toBe('2026-10-20');
    const recorded = shown.history.filter((h) => h.status === 'done' || h.status === 'skipped').map((h) => [h.date, h.status, h.note]);
    expect(recorded).toEqual([
      ['2026-10-20', 'done', null],
      ['2026-11-02', 'done', 'calm'],
      ['2026-11-03', 'skipped', null],
      ['2026-11-06', 'done', null],
      ['2026-11-07', 'done', null],
      ['2026-11-08', 'done', 'logged in grow'],
    ]);
  });

  it('keeps the note of every day of a CSV export, whatever Loop held for it, through a JSON backup and a second import', async () => {
    const ctx = await db.ctx('2026-11-23');
    // One note on each kind of day Loop writes: YES_MANUAL, NO, SKIP, YES_AUTO, UNKNOWN, and
    // raw amounts (one above zero, one zero) for a measurable habit.
    const noted: FixtureHabit[] = [
      {
        name: 'Floss',
        numerator: 3,
        denominator: 7,
        entries: [
          { date: '2026-11-16', value: 2, notes: 'after lunch' },
          { date: '2026-11-17', value: 0, notes: 'forgot, "again"' },
          { date: '2026-11-18', value: 3, notes: 'dentist said rest' },
          { date: '2026-11-19', value: 1, notes: 'week already covered' },
          { date: '2026-11-20', value: -1, notes: 'away, no phone' },
        ],
      },
      {
        name: 'Swim',
        type: 'measurable',
        targetValue: 1000,
        unit: 'm',
        entries: [
          { date: '2026-11-16', value: 1_500_000, notes: 'long set' },
          { date: '2026-11-17', value: 0, notes: 'pool closed' },
          { date: '2026-11-18', value: -1, notes: 'unsure, lost count' },
        ],
      },
    ];
    const zip = loopCsvZip(loopCsvFiles(noted));
    expect(await importLoop(ctx, { bytes: zip })).toEqual({ habitsCreated: 2, habitsMatched: 0, checkInsAdded: 3, checkInsUnchanged: 0, notesAdded: 5 });

    // Check-ins keep their note in the habit's history…
    const history = async (slug: string) => (await showHabit(ctx, slug)).history.filter((h) => h.note !== null).map((h) => [h.date, h.status, h.note]);
    expect(await history('floss')).toEqual([
      ['2026-11-16', 'done', 'after lunch'],
      ['2026-11-18', 'skipped', 'dentist said rest'],
    ]);
    expect(await history('swim')).toEqual([['2026-11-16', 'done', 'long set']]);
    // …and the notes of the other days are journal entries on their day, found by the tag loop.
    const notes = async (c: Context) =>
      (await listJournal(c, { tag: 'loop' }))
        .map((e) => [e.date, e.title, e.tags])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    const expected = [
      ['2026-11-17', 'Floss: not done', ['loop', 'floss']],
      ['2026-11-17', 'Swim: not done', ['loop', 'swim']],
      ['2026-11-18', 'Swim: no mark', ['loop', 'swim']],
      ['2026-11-19', 'Floss: not due', ['loop', 'floss']],
      ['2026-11-20', 'Floss: no mark', ['loop', 'floss']],
    ];
    expect(await notes(ctx)).toEqual(expected);
    const bodies = new Map((await exportBackup(ctx)).journal.map((e) => [`${e.date} ${e.title}`, e.body]));
    expect(bodies).toEqual(
      new Map([
        ['2026-11-17 Floss: not done', 'forgot, "again"'],
        ['2026-11-17 Swim: not done', 'pool closed'],
        ['2026-11-18 Swim: no mark', 'unsure, lost count'],
        ['2026-11-19 Floss: not due', 'week already covered'],
        ['2026-11-20 Floss: no mark', 'away, no phone'],
      ]),
    );

    // Importing the same export again adds nothing, notes included.
    const before = await exportBackupText(ctx);
    expect(await importLoop(ctx, { bytes: zip })).toEqual({ habitsCreated: 0, habitsMatched: 2, checkInsAdded: 0, checkInsUnchanged: 3, notesAdded: 0 });
    expect(await exportBackupText(ctx)).toBe(before);

    // A JSON backup carries every note into an empty database, byte for byte.
    const target = await openTestStore(db.dialect);
    try {
      const into = await createContext(target, { env: { GROW_TODAY: '2026-11-23' }, now: () => new Date('2026-11-23T12:00:00Z') });
      await importBackup(into, before);
      expect(await exportBackupText(into)).toBe(before);
      expect(await notes(into)).toEqual(expected);
      expect((await showHabit(into, 'floss')).history.filter((h) => h.note !== null).map((h) => [h.date, h.status, h.note])).toEqual(await history('floss'));
      // And a Loop import after the restore still recognises the notes it brought.
      expect(await importLoop(into, { bytes: zip })).toMatchObject({ checkInsAdded: 0, notesAdded: 0 });
    } finally {
      await target.close();
    }
  });

  it('keeps a habit of grow apart from a Loop habit of the same name', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Meditate' });
    const twin: FixtureHabit = { ...meditate, uuid: '99999999999999999999999999999999', entries: [] };
    const result = await importLoop(ctx, { bytes: loopDb([meditate, twin]) });
    expect(result).toMatchObject({ habitsCreated: 2, habitsMatched: 0 });
    const habits = await listHabits(ctx);
    expect(habits.map((h) => [h.name, h.slug])).toEqual([
      ['Meditate', 'meditate'],
      ['Meditate (Loop)', 'meditate-loop'],
      ['Meditate (Loop 2)', 'meditate-loop-2'],
    ]);
    expect((await showHabit(ctx, 'meditate')).history).toEqual([]);
    expect(await importLoop(ctx, { bytes: loopDb([meditate, twin]) })).toMatchObject({ habitsCreated: 0, habitsMatched: 2, checkInsAdded: 0 });
  });

  it('keeps a habit of grow apart from a Loop habit whose name differs only by case', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'MEDITATE' });
    expect(await importLoop(ctx, { bytes: loopDb([meditate]) })).toMatchObject({ habitsCreated: 1, habitsMatched: 0 });
    expect((await listHabits(ctx)).map((h) => h.name)).toEqual(['MEDITATE', 'Meditate (Loop)']);
  });

  it('imports a CSV export zip, then its unpacked folder, matching habits by name', async () => {
    const ctx = await db.ctx('2026-11-23');
    const files = loopCsvFiles([meditate, run, sugar]);
    expect(await importLoop(ctx, { bytes: loopCsvZip(files), name: 'Loop Habits CSV 2026-11-23.zip' })).toEqual({
      habitsCreated: 3,
      habitsMatched: 0,
      checkInsAdded: 8,
      checkInsUnchanged: 0,
      notesAdded: 1,
    });
    const before = await exportBackup(ctx);
    expect(before.habits.map((h) => [h.name, h.kind, h.loopUuid])).toEqual([
      ['Meditate', 'build', null],
      ['Run', 'build', null],
      ['Sugar', 'break', null],
    ]);
    const dir = writeFolder(tempDir(), files);
    expect(await importLoop(ctx, { path: dir })).toEqual({ habitsCreated: 0, habitsMatched: 3, checkInsAdded: 0, checkInsUnchanged: 8, notesAdded: 0 });
    expect(await exportBackup(ctx)).toEqual(before);
  });

  it('matches a habit of a CSV export to the habit an earlier import named " (Loop)"', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Meditate' });
    await importLoop(ctx, { bytes: loopDb([{ ...meditate, entries: meditate.entries!.slice(0, 3) }]) });
    const result = await importLoop(ctx, { bytes: loopCsvZip(loopCsvFiles([meditate])) });
    expect(result).toEqual({ habitsCreated: 0, habitsMatched: 1, checkInsAdded: 1, checkInsUnchanged: 2, notesAdded: 1 });
    expect((await showHabit(ctx, 'meditate')).history).toEqual([]);
    expect((await showHabit(ctx, 'meditate-loop')).history.filter((h) => h.status === 'done').map((h) => h.date)).toEqual(['2026-11-02', '2026-11-06']);
  });

  it('imports an old backup without uuids by name, and again without change', async () => {
    const ctx = await db.ctx('2026-11-23');
    const file = writeTempFile('Loop Habits Backup 2017-01-01.db', loopDb([{ name: 'Walk', entries: [{ date: '2016-12-30', value: 2 }] }], { version: 21 }));
    expect(await importLoop(ctx, { path: file })).toMatchObject({ habitsCreated: 1, checkInsAdded: 1 });
    expect(await importLoop(ctx, { path: file })).toMatchObject({ habitsCreated: 0, habitsMatched: 1, checkInsAdded: 0, checkInsUnchanged: 1 });
  });

  const badInputs: { name: string; source: () => LoopImportSource; message: string | RegExp }[] = [
    {
      name: 'not a backup',
      source: () => ({ bytes: strToU8('hello, I am a text file') }),
      message: 'file: not a Loop Habit Tracker backup (expected a .db backup or a CSV export)',
    },
    {
      name: 'a truncated backup',
      source: () => {
        const whole = loopDb(ALL);
        return { bytes: whole.subarray(0, whole.length - 2000) };
      },
      message: /^file: the SQLite backup is damaged or truncated \(.+\)$/,
    },
    {
      name: 'a backup of Loop database version 26',
      source: () => ({ bytes: loopDb(ALL, { version: 26 }) }),
      message: 'file: the backup comes from a newer Loop Habit Tracker (database version 26; this importer reads versions up to 25)',
    },
    {
      name: 'a value that is no check-mark',
      source: () => ({ bytes: loopDb([meditate, { ...stretch, entries: [{ date: '2026-11-02', value: 7 }] }]) }),
      message: 'Repetitions row 7: value 7 is not a Loop check-mark value',
    },
    {
      name: 'a repetition of no habit',
      source: () => ({ bytes: loopDb([meditate], { rawRepetitions: [{ habit: 42, timestamp: timestampOf('2026-11-09'), value: 2 }] }) }),
      message: 'Repetitions row 7: habit 42 is not in the Habits table',
    },
    {
      name: 'a bad line in a CSV export',
      source: () => {
        const files = loopCsvFiles([meditate, run]);
        files['002 Run/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-09,1234,\n2026-11-08,lots,\n';
        return { bytes: loopCsvZip(files) };
      },
      message: '002 Run/Checkmarks.csv line 3: value "lots" is not a Loop amount',
    },
    {
      name: 'a missing file',
      source: () => ({ path: '/nonexistent/Loop Habits Backup.db' }),
      message: 'file: cannot read "/nonexistent/Loop Habits Backup.db": no such file or folder',
    },
    {
      // The file reads well; the second habit fails only once the first is written.
      name: 'a frequency grow has no schedule for',
      source: () => ({ bytes: loopDb([meditate, { name: 'Twice a day', numerator: 14, denominator: 7 }]) }),
      message: 'habit "Twice a day": Loop frequency 14 in 7 days has no grow schedule',
    },
  ];

  for (const bad of badInputs) {
    it(`refuses ${bad.name} and writes nothing`, async () => {
      const ctx = await db.ctx('2026-11-23');
      const failure = importLoop(ctx, bad.source());
      await expect(failure).rejects.toMatchObject({ name: 'AppError', code: 'validation_failed' });
      const error = (await failure.catch((e: unknown) => e)) as Error;
      if (typeof bad.message === 'string') expect(error.message).toBe(bad.message);
      else expect(error.message).toMatch(bad.message);
      expect(await listHabits(ctx, { includeArchived: true })).toEqual([]);
    });
  }

  it('refuses a CSV export with problems in several files, naming each with its file, line and column, and writes nothing', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Journal' });
    const before = await exportBackup(ctx);
    const files = loopCsvFiles([meditate, run]);
    files['Habits.csv'] = files['Habits.csv']!.replace(',false', ',maybe');
    const lines = Array.from({ length: 55 }, (_, i) => `${addDays('2026-01-01', i)},lots,`);
    files['002 Run/Checkmarks.csv'] = `Date,Value,Notes\n${lines.join('\n')}\n`;
    const error = (await importLoop(ctx, { bytes: loopCsvZip(files) }).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ name: 'AppError', code: 'validation_failed' });
    expect(error.message).toBe('Habits.csv line 2: Archived? "maybe" is not true or false (and 55 more problems; nothing was imported)');
    expect(error.details).toHaveLength(50);
    expect(error.details![0]).toEqual({ path: 'Habits.csv', message: 'Archived? "maybe" is not true or false', line: 2, column: 12 });
    expect(error.details![1]).toEqual({ path: '002 Run/Checkmarks.csv', message: 'value "lots" is not a Loop amount', line: 2, column: 2 });
    expect(error.details![49]).toEqual({ path: '002 Run/Checkmarks.csv', message: 'value "lots" is not a Loop amount', line: 50, column: 2 });
    expect(error.more).toBe(6);
    expect(await exportBackup(ctx)).toEqual(before);
  });

  it('leaves what was there untouched when an import fails halfway', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Journal' });
    await checkIn(ctx, 'journal', 'done', {});
    const before = await exportBackup(ctx);
    await expect(importLoop(ctx, { bytes: loopDb([meditate, run, { name: 'Twice a day', numerator: 14, denominator: 7 }]) })).rejects.toThrow(
      'Loop frequency 14 in 7 days',
    );
    expect(await exportBackup(ctx)).toEqual(before);
  });

  /** Loop's Scores.csv: `[date, score]` per line, with or without its `Date,Score` header. */
  function readScores(path: string): [string, string][] {
    return readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('Date'))
      .map((line) => line.split(',') as [string, string]);
  }

  for (const folder of ['csv-export-2.3', 'csv-export-legacy']) {
    it(`gives each day the strength Loop wrote in its Scores.csv (${folder})`, async () => {
      const root = join(FIXTURES, folder);
      await importLoop(await db.ctx('2015-01-25'), { path: root });
      for (const [slug, dir] of [
        ['wake-up-early', '002 Wake up early'],
        ['meditate', '001 Meditate'],
      ] as const) {
        const scores = readScores(join(root, dir, 'Scores.csv'));
        expect(scores.length).toBeGreaterThan(0);
        for (const [date, score] of scores) {
          const shown = await showHabit(await db.ctx(date), slug);
          expect([date, shown.strength.toFixed(4)]).toEqual([date, score]);
        }
      }
    });
  }

  interface OracleCase {
    name: string;
    habit: Pick<FixtureHabit, 'type' | 'targetType' | 'targetValue' | 'unit' | 'numerator' | 'denominator'>;
    entries: { from: number; to: number; value: number }[];
    expected: number[];
  }
  const oracle = JSON.parse(readFileSync(join(FIXTURES, 'score-oracles.json'), 'utf8')) as { cases: OracleCase[] };

  for (const c of oracle.cases) {
    it(`gives the strength Loop's own tests expect: ${c.name}`, async () => {
      const today = '2026-11-23';
      // Later ranges replace earlier ones on the same day, as in Loop's tests.
      const byDate = new Map<string, FixtureEntry>();
      for (const range of c.entries) {
        for (let offset = range.from; offset < range.to; offset++) {
          const date = addDays(today, -offset);
          byDate.set(date, { date, value: range.value });
        }
      }
      await importLoop(await db.ctx(today), { bytes: loopDb([{ name: 'Oracle', ...c.habit, entries: [...byDate.values()] }]) });
      for (const [offset, expected] of c.expected.entries()) {
        const date = addDays(today, -offset);
        const shown = await showHabit(await db.ctx(date), 'oracle');
        expect([date, shown.strength]).toEqual([date, expect.closeTo(expected, 5)]);
      }
    });
  }

  it("keeps Loop's strength when a target per week is spread over several repetitions", async () => {
    // "Read pages": at least 20 pages in 2 per week, so 10 a time in grow. Loop sums the last 7
    // days against 20: m = 0.5^(sqrt(2/7)/13) = 0.971902.
    // Day 1, 12 pages: p = 12/20 = 0.6, score = 0.6 × (1 − m) = 0.016859.
    // Day 2, 8 more: p = 20/20 = 1, score = 0.016859 × m + 1 × (1 − m) = 0.044483.
    const ctx = await db.ctx('2026-11-23');
    const book = {
      ...pages,
      entries: [
        { date: '2026-11-22', value: 12000 },
        { date: '2026-11-23', value: 8000 },
      ],
    };
    await importLoop(ctx, { bytes: loopDb([book]) });
    expect((await showHabit(await db.ctx('2026-11-22'), 'read-pages')).strength).toBeCloseTo(0.016859, 5);
    expect((await showHabit(ctx, 'read-pages')).strength).toBeCloseTo(0.044483, 5);
  });
});
