import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import { AppError } from '../../src/core/errors.js';
import { type LoopHabit, readLoopBytes, readLoopDb, readLoopPath, readLoopZip } from '../../src/formats/loop.format.js';
import {
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

const FIXTURES = join(import.meta.dirname, '../fixtures/loop');
const NOT_A_BACKUP = 'file: not a Loop Habit Tracker backup (expected a .db backup or a CSV export)';

afterAll(removeTempDirs);

const meditate: FixtureHabit = {
  name: 'Meditate',
  uuid: '0123456789abcdef0123456789abcdef',
  question: 'Did you meditate?',
  description: 'Ten quiet minutes',
  entries: [
    { date: '2026-11-01', value: 0, notes: 'too tired' }, // not done: tracked, no entry, but its note is kept
    { date: '2026-11-02', value: 2, notes: 'calm, "finally"' },
    { date: '2026-11-03', value: 3, notes: 'travelling' }, // skipped
    { date: '2026-11-04', value: 1, notes: 'rest day' }, // YES_AUTO: computed by Loop, never a repetition
    { date: '2026-11-05', value: -1, notes: 'no idea' }, // unknown, only a note
    { date: '2026-11-06', value: 2 },
    { date: '2026-11-07', value: 0 }, // not done, no note: nothing at all
  ],
};
const run: FixtureHabit = {
  name: 'Run',
  uuid: 'fedcba9876543210fedcba9876543210',
  type: 'measurable',
  targetType: 'at-least',
  targetValue: 5,
  unit: 'km',
  numerator: 1,
  denominator: 7,
  entries: [
    { date: '2026-11-02', value: 5500 },
    { date: '2026-11-04', value: 0, notes: 'knee hurt' }, // a zero amount: not done
    { date: '2026-11-05', value: 3 }, // Loop's skip, for measurable habits too
    { date: '2026-11-07', value: -1, notes: 'watch died' }, // unknown
    { date: '2026-11-09', value: 1234, notes: 'short loop' },
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
  ],
};

const expectedMeditate: LoopHabit = {
  uuid: '0123456789abcdef0123456789abcdef',
  name: 'Meditate',
  archived: false,
  numerator: 1,
  denominator: 1,
  measurable: false,
  targetType: 'at-least',
  targetValue: null,
  unit: null,
  question: 'Did you meditate?',
  description: 'Ten quiet minutes',
  trackedSince: '2026-11-01',
  entries: [
    { date: '2026-11-02', kind: 'done', amount: null, note: 'calm, "finally"' },
    { date: '2026-11-03', kind: 'skipped', amount: null, note: 'travelling' },
    { date: '2026-11-06', kind: 'done', amount: null, note: null },
  ],
  notes: [
    { date: '2026-11-01', mark: 'not-done', note: 'too tired' },
    { date: '2026-11-04', mark: 'auto', note: 'rest day' },
    { date: '2026-11-05', mark: 'unknown', note: 'no idea' },
  ],
};
const expectedRun: LoopHabit = {
  uuid: 'fedcba9876543210fedcba9876543210',
  name: 'Run',
  archived: false,
  numerator: 1,
  denominator: 7,
  measurable: true,
  targetType: 'at-least',
  targetValue: 5,
  unit: 'km',
  question: null,
  description: null,
  trackedSince: '2026-11-02',
  entries: [
    { date: '2026-11-02', kind: 'done', amount: 5.5, note: null },
    { date: '2026-11-05', kind: 'skipped', amount: null, note: null },
    { date: '2026-11-09', kind: 'done', amount: 1.234, note: 'short loop' },
  ],
  notes: [
    { date: '2026-11-04', mark: 'not-done', note: 'knee hurt' },
    { date: '2026-11-07', mark: 'unknown', note: 'watch died' },
  ],
};
const expectedSugar: LoopHabit = {
  uuid: '00000000000000000000000000000abc',
  name: 'Sugar',
  archived: true,
  numerator: 1,
  denominator: 1,
  measurable: true,
  targetType: 'at-most',
  targetValue: 30,
  unit: 'g',
  question: null,
  description: null,
  trackedSince: '2026-10-30',
  entries: [{ date: '2026-11-01', kind: 'done', amount: 45, note: null }],
  notes: [],
};

/** The error a reader throws, for asserting its code and message. */
function errorOf(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the reader to throw');
}

function expectInvalid(read: () => unknown, message: string | RegExp): void {
  const error = errorOf(read);
  expect(error.code).toBe('validation_failed');
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

const csvWithoutIds = (h: LoopHabit): LoopHabit => ({ ...h, uuid: null });

describe('Loop SQLite backup', () => {
  it('reads habits, their settings and their entries as Loop means them', () => {
    const data = readLoopDb(loopDb([meditate, run, sugar]));
    expect(data).toEqual({ source: 'db', habits: [expectedMeditate, expectedRun, expectedSugar] });
  });

  it('orders habits by their Loop position', () => {
    const data = readLoopDb(
      loopDb([
        { ...meditate, position: 2 },
        { ...run, position: 0 },
        { ...sugar, position: 1 },
      ]),
    );
    expect(data.habits.map((h) => h.name)).toEqual(['Run', 'Sugar', 'Meditate']);
  });

  it('takes the calendar day from a timestamp that is not at midnight, as Loop truncates it', () => {
    const db = loopDb([{ name: 'Read' }], { rawRepetitions: [{ habit: 1, timestamp: timestampOf('2026-11-07') + 13 * 3_600_000, value: 2 }] });
    expect(readLoopDb(db).habits[0]!.entries).toEqual([{ date: '2026-11-07', kind: 'done', amount: null, note: null }]);
  });

  it('keeps uuids longer than 32 digits, as Loop gave habits that existed before version 24', () => {
    const uuid = 'e7b2eace076600d63ef95be46fc5912a31';
    expect(readLoopDb(loopDb([{ name: 'Gym', uuid }])).habits[0]!.uuid).toBe(uuid);
  });

  it('reads a version 21 file without uuid, question or notes and repairs it as Loop does', () => {
    const db = loopDb([{ name: 'Walk', entries: [{ date: '2026-11-02', value: 2 }] }], {
      version: 21,
      rawRepetitions: [
        { habit: 99, timestamp: timestampOf('2026-11-03') }, // a habit deleted long ago
        { habit: 1, timestamp: null },
        { habit: 1, timestamp: timestampOf('2026-11-02'), value: 0 }, // a second row for a day: the first wins
      ],
    });
    const [walk] = readLoopDb(db).habits;
    expect(walk).toMatchObject({ uuid: null, question: null, name: 'Walk' });
    expect(walk!.entries).toEqual([{ date: '2026-11-02', kind: 'done', amount: null, note: null }]);
  });

  it('reads a version 15 file, whose repetitions have no value: each is a day done', () => {
    const db = loopDb(
      [
        {
          name: 'Floss',
          entries: [
            { date: '2026-11-02', value: 2 },
            { date: '2026-11-04', value: 2 },
          ],
        },
      ],
      { version: 15 },
    );
    const [floss] = readLoopDb(db).habits;
    expect(floss).toMatchObject({ measurable: false, uuid: null, trackedSince: '2026-11-02' });
    expect(floss!.entries.map((e) => [e.date, e.kind])).toEqual([
      ['2026-11-02', 'done'],
      ['2026-11-04', 'done'],
    ]);
  });

  it('reads a file with no habits', () => {
    expect(readLoopDb(loopDb([]))).toEqual({ source: 'db', habits: [] });
  });

  describe('refuses a bad file with a message naming the problem', () => {
    it('not a backup at all', () => {
      expectInvalid(() => readLoopBytes(strToU8('Date,Value\n2026-11-01,2\n')), NOT_A_BACKUP);
      expectInvalid(() => readLoopBytes(new Uint8Array(0)), NOT_A_BACKUP);
      expectInvalid(() => readLoopDb(strToU8('SQLite format')), NOT_A_BACKUP);
    });

    it('a truncated backup', () => {
      const whole = loopDb([meditate, run, sugar]);
      expectInvalid(() => readLoopDb(whole.subarray(0, Math.floor(whole.length / 2))), /^file: the SQLite backup is damaged or truncated \(.+\)$/);
      expectInvalid(() => readLoopDb(whole.subarray(0, whole.length - 10)), /^file: the SQLite backup is damaged or truncated \(.+\)$/);
    });

    it('a backup from a newer Loop', () => {
      expectInvalid(
        () => readLoopDb(loopDb([meditate], { version: 26 })),
        'file: the backup comes from a newer Loop Habit Tracker (database version 26; this importer reads versions up to 25)',
      );
    });

    it('an SQLite database of something else', () => {
      const other = new Database(':memory:');
      other.exec('create table Habits (id integer primary key, name text, freq_num integer, freq_den integer)');
      const bytes = other.serialize();
      other.close();
      expectInvalid(() => readLoopDb(bytes), `file: an SQLite database without a Repetitions table is ${NOT_A_BACKUP.slice('file: '.length)}`);
    });

    it('a Habits table without the columns Loop always had', () => {
      const other = new Database(':memory:');
      other.exec('create table Habits (id integer primary key, title text); create table Repetitions (habit integer, timestamp integer)');
      const bytes = other.serialize();
      other.close();
      expectInvalid(() => readLoopDb(bytes), 'Habits: column name is missing; not a Loop Habit Tracker backup');
    });

    it('a value that is no check-mark', () => {
      const habit = {
        ...meditate,
        entries: [
          { date: '2026-11-01', value: 2 },
          { date: '2026-11-02', value: 7 },
        ],
      };
      expectInvalid(() => readLoopDb(loopDb([habit])), 'Repetitions row 2: value 7 is not a Loop check-mark value');
    });

    it('a negative amount', () => {
      expectInvalid(
        () => readLoopDb(loopDb([{ ...run, entries: [{ date: '2026-11-01', value: -500 }] }])),
        'Repetitions row 1: value -500 is not a Loop amount',
      );
    });

    it('a repetition of a habit that is not there', () => {
      const db = loopDb([meditate], { rawRepetitions: [{ habit: 12, timestamp: timestampOf('2026-11-08'), value: 2 }] });
      expectInvalid(() => readLoopDb(db), 'Repetitions row 8: habit 12 is not in the Habits table');
    });

    it('a timestamp before 1970', () => {
      const db = loopDb([{ name: 'Read' }], { rawRepetitions: [{ habit: 1, timestamp: -86_400_000, value: 2 }] });
      expectInvalid(() => readLoopDb(db), 'Repetitions row 1: timestamp -86400000 is not a day');
    });

    it('a frequency of no repetitions', () => {
      expectInvalid(
        () => readLoopDb(loopDb([{ name: 'Read', numerator: 0, denominator: 7 }])),
        'Habits row 1: frequency 0/7 is not a number of repetitions per number of days',
      );
    });

    it('a measurable habit without a target', () => {
      expectInvalid(() => readLoopDb(loopDb([{ ...run, targetValue: 0 }])), 'Habits row 1: target_value 0: a measurable habit needs a target above 0');
    });

    it('a habit without a name', () => {
      expectInvalid(() => readLoopDb(loopDb([{ name: '  ' }])), 'Habits row 1: the habit has no name');
    });

    it('two habits with one uuid', () => {
      expectInvalid(
        () => readLoopDb(loopDb([meditate, { ...run, uuid: meditate.uuid }])),
        'Habits row 2: uuid 0123456789abcdef0123456789abcdef is also the uuid of row 1',
      );
    });
  });
});

describe('Loop CSV export', () => {
  it('reads a zip in the format of Loop 2.3.1 and later: header, named values, notes', () => {
    const data = readLoopZip(loopCsvZip(loopCsvFiles([meditate, run, sugar])));
    expect(data).toEqual({ source: 'csv', habits: [expectedMeditate, expectedRun, expectedSugar].map(csvWithoutIds) });
  });

  it('reads an unpacked folder in the older format: no header, raw integers, no notes', () => {
    const dir = writeFolder(tempDir(), loopCsvFiles([meditate, run, sugar], { format: 'legacy' }));
    const withoutNotes = (h: LoopHabit): LoopHabit => ({ ...csvWithoutIds(h), entries: h.entries.map((e) => ({ ...e, note: null })), notes: [] });
    expect(readLoopPath(dir)).toEqual({ source: 'csv', habits: [expectedMeditate, expectedRun, expectedSugar].map(withoutNotes) });
  });

  it('reads the Habits.csv of Loop 1.x (NumRepetitions, Interval)', () => {
    const dir = writeFolder(tempDir(), loopCsvFiles([{ ...meditate, numerator: 3, denominator: 7 }], { format: 'legacy', oldHabitsHeader: true }));
    const [habit] = readLoopPath(dir).habits;
    expect(habit).toMatchObject({ name: 'Meditate', numerator: 3, denominator: 7, measurable: false, archived: false, question: 'Did you meditate?' });
    expect(habit!.entries).toHaveLength(3);
  });

  it('leaves out habits Loop listed but did not export', () => {
    const data = readLoopZip(loopCsvZip(loopCsvFiles([meditate, run, sugar], { notExported: [2] })));
    expect(data.habits.map((h) => h.name)).toEqual(['Meditate', 'Sugar']);
  });

  it('finds habit folders by position, whatever Loop stripped from the name', () => {
    const files = loopCsvFiles([
      { name: '读书', entries: [{ date: '2026-11-01', value: 2 }] },
      { name: 'Read 📚 books!', entries: [{ date: '2026-11-02', value: 2 }] },
    ]);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['001/Checkmarks.csv', '002 Read  books/Checkmarks.csv']));
    const data = readLoopZip(loopCsvZip(files));
    expect(data.habits.map((h) => [h.name, h.entries[0]!.date])).toEqual([
      ['读书', '2026-11-01'],
      ['Read 📚 books!', '2026-11-02'],
    ]);
  });

  it('reads a zip whose export sits in a folder, next to macOS metadata', () => {
    const files = loopCsvFiles([meditate]);
    const zip = zipSync({
      ...Object.fromEntries(Object.entries(files).map(([p, t]) => [`Loop Habits CSV 2026-11-23/${p}`, strToU8(t)])),
      '__MACOSX/Loop Habits CSV 2026-11-23/._Habits.csv': strToU8('\u0000\u0005\u0016\u0007'),
    });
    expect(readLoopZip(zip).habits).toEqual([csvWithoutIds(expectedMeditate)]);
  });

  it('reads a CSV export given as bytes and a backup given as a path', () => {
    expect(readLoopBytes(loopCsvZip(loopCsvFiles([sugar]))).habits).toEqual([csvWithoutIds(expectedSugar)]);
    expect(readLoopPath(writeTempFile('Loop Habits Backup 2026-11-23.db', loopDb([sugar])))).toEqual({ source: 'db', habits: [expectedSugar] });
  });

  it("reads Loop's own exporter test export, in both formats, the same", () => {
    const expected = [
      { name: 'Meditate', numerator: 1, denominator: 1, trackedSince: null, entries: [], notes: [] },
      {
        name: 'Wake up early',
        numerator: 2,
        denominator: 3,
        question: 'Did you wake up before 6am?',
        // 24th: NO; 18th, 19th, 23rd: YES_AUTO. Neither is an entry.
        trackedSince: '2015-01-16',
        entries: ['16', '17', '20', '21', '22', '25'].map((d) => ({ date: `2015-01-${d}`, kind: 'done', amount: null, note: null })),
      },
    ];
    for (const folder of ['csv-export-2.3', 'csv-export-legacy']) {
      const data = readLoopPath(join(FIXTURES, folder));
      expect(data.habits).toMatchObject(expected);
    }
    // Only the newer format has notes, all on days that are not entries; the older has none.
    expect(readLoopPath(join(FIXTURES, 'csv-export-2.3')).habits[1]!.notes).toEqual([
      { date: '2015-01-19', mark: 'auto', note: '"Vacation"' },
      { date: '2015-01-23', mark: 'auto', note: 'Forgot to do it, really' },
      { date: '2015-01-24', mark: 'not-done', note: 'Sick' },
    ]);
    expect(readLoopPath(join(FIXTURES, 'csv-export-legacy')).habits[1]!.notes).toEqual([]);
  });

  describe('refuses a bad export with the file and line of the problem', () => {
    const withFile = (path: string, text: string | undefined) => {
      const files: Record<string, string> = loopCsvFiles([meditate, run]);
      if (text === undefined) delete files[path];
      else files[path] = text;
      return files;
    };

    it('a zip that is no Loop export', () => {
      expectInvalid(
        () => readLoopBytes(zipSync({ 'notes.txt': strToU8('hello') })),
        `file: a zip without Habits.csv is ${NOT_A_BACKUP.slice('file: '.length)}`,
      );
    });

    it('a folder that is no Loop export', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'notes.txt'), 'hello');
      expectInvalid(() => readLoopPath(dir), 'Habits.csv: missing; not a Loop Habit Tracker CSV export');
    });

    it('a truncated zip', () => {
      const zip = loopCsvZip(loopCsvFiles([meditate, run]));
      expectInvalid(() => readLoopBytes(zip.subarray(0, zip.length - 30)), /^file: the zip archive is damaged or truncated \(.+\)$/);
    });

    it('a file that does not exist, or is no Loop file', () => {
      expectInvalid(() => readLoopPath('/nonexistent/loop.db'), 'file: cannot read "/nonexistent/loop.db": no such file or folder');
      expectInvalid(() => readLoopPath(join(FIXTURES, 'README.md')), NOT_A_BACKUP);
    });

    it('Habits.csv without a column Loop always writes', () => {
      const files = withFile('Habits.csv', 'Position,Name,Type\n001,Meditate,YES_NO\n');
      expectInvalid(() => readLoopZip(loopCsvZip(files)), 'Habits.csv line 1: column FrequencyNumerator is missing; not a Loop Habit Tracker CSV export');
    });

    it('a habit of an unknown type', () => {
      const habits = loopCsvFiles([meditate])['Habits.csv']!.replace('YES_NO', 'BOOLEAN');
      expectInvalid(() => readLoopZip(loopCsvZip(withFile('Habits.csv', habits))), 'Habits.csv line 2: Type "BOOLEAN" is not YES_NO or NUMERICAL');
    });

    it('a frequency that is not a number', () => {
      const habits = 'Position,Name,Question,Description,NumRepetitions,Interval,Color\n001,Meditate,,,x,7,#FF8F00\n';
      expectInvalid(() => readLoopZip(loopCsvZip(withFile('Habits.csv', habits))), 'Habits.csv line 2: FrequencyNumerator "x" is not a whole number above 0');
    });

    it('a check-mark value Loop never writes', () => {
      const text = 'Date,Value,Notes\n2026-11-06,YES_MANUAL,\n2026-11-05,NO,\n2026-11-04,MAYBE,\n';
      expectInvalid(
        () => readLoopZip(loopCsvZip(withFile('001 Meditate/Checkmarks.csv', text))),
        '001 Meditate/Checkmarks.csv line 4: value "MAYBE" is not a Loop check-mark value',
      );
    });

    it('an amount below zero', () => {
      const text = '2026-11-06,5000\n2026-11-05,-2000\n';
      expectInvalid(
        () => readLoopZip(loopCsvZip(withFile('002 Run/Checkmarks.csv', text))),
        '002 Run/Checkmarks.csv line 2: value "-2000" is not a Loop amount',
      );
    });

    it('a day that does not exist', () => {
      const text = 'Date,Value,Notes\n2026-02-30,YES_MANUAL,\n';
      expectInvalid(
        () => readLoopZip(loopCsvZip(withFile('001 Meditate/Checkmarks.csv', text))),
        '001 Meditate/Checkmarks.csv line 2: date "2026-02-30" is not a date YYYY-MM-DD',
      );
    });

    it('a day listed twice', () => {
      const text = '2026-11-06,2\n2026-11-05,0\n2026-11-06,3\n';
      expectInvalid(
        () => readLoopZip(loopCsvZip(withFile('001 Meditate/Checkmarks.csv', text))),
        '001 Meditate/Checkmarks.csv line 3: date 2026-11-06 is also on line 1',
      );
    });

    it('a quote left open', () => {
      const text = 'Date,Value,Notes\n2026-11-06,YES_MANUAL,"calm\n';
      expectInvalid(
        () => readLoopZip(loopCsvZip(withFile('001 Meditate/Checkmarks.csv', text))),
        /^001 Meditate\/Checkmarks\.csv line \d+: not readable as CSV \(.+\)$/,
      );
    });

    it('problems in several files: every one named with its file, line and column', () => {
      const files = loopCsvFiles([meditate, run, sugar]);
      files['Habits.csv'] = files['Habits.csv']!.replace('NUMERICAL', 'COUNT');
      files['001 Meditate/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-06,YES_MANUAL,\n2026-11-31,NO,\n2026-11-06,MAYBE,\n2026-11-04,SKIP,\n';
      files['003 Sugar/Checkmarks.csv'] = '2026-11-01,45000\n2026-10-31,-5\n';
      const error = errorOf(() => readLoopZip(loopCsvZip(files)));
      expect(error.message).toBe('Habits.csv line 3: Type "COUNT" is not YES_NO or NUMERICAL (and 3 more problems; nothing was imported)');
      expect(error.details).toEqual([
        { path: 'Habits.csv', message: 'Type "COUNT" is not YES_NO or NUMERICAL', line: 3, column: 3 },
        { path: '001 Meditate/Checkmarks.csv', message: 'date "2026-11-31" is not a date YYYY-MM-DD', line: 3, column: 1 },
        { path: '001 Meditate/Checkmarks.csv', message: 'date 2026-11-06 is also on line 2', line: 4, column: 1 },
        { path: '003 Sugar/Checkmarks.csv', message: 'value "-5" is not a Loop amount', line: 2, column: 2 },
      ]);
      expect(error.more).toBe(0);
    });

    it('more than 50 problems: 50 in details, the rest counted', () => {
      const files = loopCsvFiles([meditate]);
      const lines = Array.from({ length: 60 }, (_, i) => `${addDays('2026-01-01', i)},MAYBE,`);
      files['001 Meditate/Checkmarks.csv'] = `Date,Value,Notes\n${lines.join('\n')}\n`;
      const error = errorOf(() => readLoopZip(loopCsvZip(files)));
      expect(error.message).toBe(
        '001 Meditate/Checkmarks.csv line 2: value "MAYBE" is not a Loop check-mark value (and 59 more problems; nothing was imported)',
      );
      expect(error.details).toHaveLength(50);
      expect(error.details![49]).toEqual({ path: '001 Meditate/Checkmarks.csv', message: 'value "MAYBE" is not a Loop check-mark value', line: 51, column: 2 });
      expect(error.more).toBe(10);
    });

    it('a quoted note that spans lines: the problem after it is named at the line it starts on', () => {
      const text = 'Date,Value,Notes\n2026-11-06,YES_MANUAL,"two\nlines"\n2026-11-05,MAYBE,\n';
      const error = errorOf(() => readLoopZip(loopCsvZip(withFile('001 Meditate/Checkmarks.csv', text))));
      expect(error.details).toEqual([{ path: '001 Meditate/Checkmarks.csv', message: 'value "MAYBE" is not a Loop check-mark value', line: 4, column: 2 }]);
    });

    it('a zip whose files would unpack to more than the limit, before unpacking them', () => {
      const zip = loopCsvZip(loopCsvFiles([meditate]));
      // Each central directory record (PK 1 2) holds the size its file unpacks to at offset 24.
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      for (let at = 0; at + 46 <= zip.length; at++) {
        if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 65 * 1024 * 1024, true);
      }
      expectInvalid(() => readLoopZip(zip), 'file: unpacks to more than the 64 MiB limit');
    });

    it('a habit folder without Checkmarks.csv', () => {
      const dir = writeFolder(tempDir(), withFile('001 Meditate/Checkmarks.csv', undefined));
      expectInvalid(() => readLoopPath(dir), '001 Meditate/Checkmarks.csv: missing');
    });
  });
});
