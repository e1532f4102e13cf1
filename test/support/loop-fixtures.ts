import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';

/**
 * Writes real Loop Habit Tracker files: SQLite backups with Loop's schema at a chosen database
 * version, and CSV exports laid out the way Loop's exporter writes them (old and new formats).
 */

export interface FixtureHabit {
  /** Habits.id; defaults to the 1-based index. */
  id?: number;
  name: string;
  /** Loop's uuid; a fresh one unless null (files older than version 24 have none anyway). */
  uuid?: string | null;
  type?: 'yes-no' | 'measurable';
  targetType?: 'at-least' | 'at-most';
  targetValue?: number;
  unit?: string;
  numerator?: number;
  denominator?: number;
  archived?: boolean;
  question?: string;
  description?: string;
  position?: number;
  /** Raw Loop values by day, as Loop stores them (×1000 for measurable habits). */
  entries?: FixtureEntry[];
}

export interface FixtureEntry {
  date: string;
  value: number;
  notes?: string;
}

let uuidCounter = 0;
/** 32 hex digits like Loop's `UUID.randomUUID()` without dashes; deterministic for readable failures. */
export function fixtureUuid(): string {
  uuidCounter++;
  return `${uuidCounter.toString(16).padStart(8, '0')}cafe4b1d9e0f1a2b3c4d5e6f7a8b9c0d`.slice(0, 32);
}

export const timestampOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Loop's Habits table as migrations 09–25 leave it (the columns a device backup really has). */
function habitsTableSql(version: number): string {
  const columns = [
    'id integer primary key autoincrement',
    'archived integer',
    'color integer',
    'description text',
    'freq_den integer',
    'freq_num integer',
    'highlight integer',
    'name text',
    'position integer',
    'reminder_hour integer',
    'reminder_min integer',
    'reminder_days integer not null default 127',
  ];
  if (version >= 16) columns.push('type integer not null default 0');
  if (version >= 18) columns.push('target_type integer not null default 0', 'target_value real not null default 0', 'unit text not null default ""');
  if (version >= 23) columns.push('question text');
  if (version >= 24) columns.push('uuid text');
  return `create table Habits (${columns.join(', ')})`;
}

function repetitionsTableSql(version: number): string[] {
  if (version >= 22) {
    const notes = version >= 25 ? ', notes text' : '';
    return [
      `create table Repetitions (id integer primary key autoincrement, habit integer not null references habits(id), timestamp integer not null, value integer not null${notes})`,
      'create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)',
    ];
  }
  const value = version >= 16 ? ', value integer not null default 2' : '';
  return [
    `create table Repetitions (id integer primary key autoincrement, habit integer references habits(id), timestamp integer${value})`,
    'create index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)',
  ];
}

export interface LoopDbOptions {
  /** PRAGMA user_version; Loop 2.x writes 25. */
  version?: number;
  /** Rows written to Repetitions as they are, for files Loop itself would never write. */
  rawRepetitions?: { habit: number | null; timestamp: number | null; value?: number; notes?: string | null }[];
}

/** A Loop SQLite backup with these habits, as bytes. */
export function loopDb(habits: FixtureHabit[], options: LoopDbOptions = {}): Buffer {
  const version = options.version ?? 25;
  const db = new Database(':memory:');
  // Loop runs without enforced foreign keys (better-sqlite3 turns them on), which is how old
  // files came to hold repetitions of deleted habits.
  db.pragma('foreign_keys = OFF');
  try {
    db.exec(habitsTableSql(version));
    for (const sql of repetitionsTableSql(version)) db.exec(sql);
    db.exec('create table Events (id integer primary key autoincrement, timestamp integer, message text, server_id integer)');
    db.exec('create table android_metadata (locale text)');
    db.prepare('insert into android_metadata values (?)').run('en_US');

    for (const [index, h] of habits.entries()) {
      const id = h.id ?? index + 1;
      const row: Record<string, unknown> = {
        id,
        archived: h.archived ? 1 : 0,
        color: 8,
        description: h.description ?? '',
        freq_den: h.denominator ?? 1,
        freq_num: h.numerator ?? 1,
        highlight: 0,
        name: h.name,
        position: h.position ?? index,
        reminder_hour: null,
        reminder_min: null,
        reminder_days: 127,
      };
      if (version >= 16) row.type = h.type === 'measurable' ? 1 : 0;
      if (version >= 18) {
        row.target_type = h.targetType === 'at-most' ? 1 : 0;
        row.target_value = h.targetValue ?? 0;
        row.unit = h.unit ?? '';
      }
      if (version >= 23) row.question = h.question ?? '';
      if (version >= 24) row.uuid = h.uuid === undefined ? fixtureUuid() : h.uuid;
      const keys = Object.keys(row);
      db.prepare(`insert into Habits (${keys.join(', ')}) values (${keys.map((k) => `@${k}`).join(', ')})`).run(row);

      for (const e of h.entries ?? []) insertRepetition(db, version, { habit: id, timestamp: timestampOf(e.date), value: e.value, notes: e.notes ?? null });
    }
    for (const r of options.rawRepetitions ?? []) insertRepetition(db, version, { value: 2, notes: null, ...r });
    db.pragma(`user_version = ${version}`);
    return db.serialize();
  } finally {
    db.close();
  }
}

function insertRepetition(
  db: Database.Database,
  version: number,
  r: { habit: number | null; timestamp: number | null; value: number; notes: string | null },
): void {
  if (version >= 25) db.prepare('insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)').run(r.habit, r.timestamp, r.value, r.notes);
  else if (version >= 16) db.prepare('insert into Repetitions (habit, timestamp, value) values (?, ?, ?)').run(r.habit, r.timestamp, r.value);
  else db.prepare('insert into Repetitions (habit, timestamp) values (?, ?)').run(r.habit, r.timestamp);
}

export interface LoopCsvOptions {
  /** `new` (Loop 2.3.1+): Checkmarks.csv with a header, named values and notes. `legacy`: raw integers, no header. */
  format?: 'new' | 'legacy';
  /** Habits.csv header of Loop 1.x (NumRepetitions, Interval, no type or target). */
  oldHabitsHeader?: boolean;
  /** Positions (1-based) of habits to leave without a folder, as when only some are exported. */
  notExported?: number[];
}

// opencsv, which Loop writes with, quotes a field only when it must.
const csvField = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const csvLine = (fields: string[]): string => `${fields.map(csvField).join(',')}\n`;

const VALUE_NAMES: Record<number, string> = { 2: 'YES_MANUAL', 1: 'YES_AUTO', 0: 'NO', 3: 'SKIP', [-1]: 'UNKNOWN' };

/** Loop's folder name for a habit: `NNN Name`, the name stripped to `[ a-zA-Z0-9._-]`. */
export function habitFolderName(position: number, name: string): string {
  const sane = name.replace(/[^ a-zA-Z0-9._-]+/g, '').slice(0, 100);
  return `${String(position).padStart(3, '0')} ${sane}`.trim();
}

const kotlinDouble = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

/** The files of a Loop CSV export, by path inside the export. */
export function loopCsvFiles(habits: FixtureHabit[], options: LoopCsvOptions = {}): Record<string, string> {
  const format = options.format ?? 'new';
  const files: Record<string, string> = {};
  let habitsCsv = options.oldHabitsHeader
    ? csvLine(['Position', 'Name', 'Question', 'Description', 'NumRepetitions', 'Interval', 'Color'])
    : csvLine([
        'Position',
        'Name',
        'Type',
        'Question',
        'Description',
        'FrequencyNumerator',
        'FrequencyDenominator',
        'Color',
        'Unit',
        'Target Type',
        'Target Value',
        'Archived?',
      ]);
  for (const [index, h] of habits.entries()) {
    const position = String(index + 1).padStart(3, '0');
    const measurable = h.type === 'measurable';
    const frequency = [String(h.numerator ?? 1), String(h.denominator ?? 1)];
    habitsCsv += options.oldHabitsHeader
      ? csvLine([position, h.name, h.question ?? '', h.description ?? '', ...frequency, '#FF8F00'])
      : csvLine([
          position,
          h.name,
          measurable ? 'NUMERICAL' : 'YES_NO',
          h.question ?? '',
          h.description ?? '',
          ...frequency,
          '#FF8F00',
          measurable ? (h.unit ?? '') : '',
          measurable ? (h.targetType === 'at-most' ? 'AT_MOST' : 'AT_LEAST') : '',
          measurable ? kotlinDouble(h.targetValue ?? 0) : '',
          String(h.archived ?? false),
        ]);
    if (options.notExported?.includes(index + 1)) continue;

    const folder = habitFolderName(index + 1, h.name);
    const newestFirst = [...(h.entries ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1));
    let checkmarks = format === 'new' ? csvLine(['Date', 'Value', 'Notes']) : '';
    for (const e of newestFirst) {
      checkmarks += format === 'new' ? csvLine([e.date, VALUE_NAMES[e.value] ?? String(e.value), e.notes ?? '']) : csvLine([e.date, String(e.value)]);
    }
    files[`${folder}/Checkmarks.csv`] = checkmarks;
    files[`${folder}/Scores.csv`] = (format === 'new' ? 'Date,Score\n' : '') + newestFirst.map((e) => `${e.date},0.0000\n`).join('');
  }
  files['Habits.csv'] = habitsCsv;

  // The root files: one column per habit and a trailing comma on every line.
  const dates = [...new Set(habits.flatMap((h) => (h.entries ?? []).map((e) => e.date)))].sort().reverse();
  const header = `Date,${habits.map((h) => `${h.name},`).join('')}\n`;
  files['Checkmarks.csv'] = header + dates.map((d) => `${d},${habits.map((h) => `${h.entries?.find((e) => e.date === d)?.value ?? -1},`).join('')}\n`).join('');
  files['Scores.csv'] = header + dates.map((d) => `${d},${habits.map(() => '0.0000,').join('')}\n`).join('');
  return files;
}

/** A Loop CSV export zip; `prefix` puts everything in a folder, as re-zipping an unpacked export does. */
export function loopCsvZip(files: Record<string, string>, prefix = ''): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) entries[`${prefix}${path}`] = strToU8(text);
  return zipSync(entries);
}

const tempDirs: string[] = [];

/** A fresh temporary folder for files a test writes; `removeTempDirs` deletes them all. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grow-loop-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes the files of an export into a folder (unpacked export). */
export function writeFolder(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** Writes bytes to a file in a fresh temporary folder and returns its path. */
export function writeTempFile(name: string, bytes: Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}
