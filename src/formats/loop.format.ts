import { existsSync, readdirSync, statSync } from 'node:fs';
import type { CheckInStatus } from '../core/vocabulary.js';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { type IsoDate, isIsoDate } from '../core/calendar.js';
import { AppError, type ErrorDetail, MAX_DETAILS, invalid, moreProblems } from '../core/errors.js';
import { IMPORT_LIMITS, limitText, tooLarge } from '../core/import-limits.js';
import { readImportBytes } from './import-file.js';
import { CellError, readCsvTable } from './csv.js';
import { getOrInsert } from '../core/collections.js';

/**
 * Loop Habit Tracker's two export formats read into plain data: the SQLite backup (`.db`) and
 * the CSV export (a `.zip` or its unpacked folder). Nothing here writes to grow's database.
 */

/** The newest Loop database schema this reader understands (`PRAGMA user_version`). */
export const LOOP_DB_MAX_VERSION = 25;

export interface LoopEntry {
  date: IsoDate;
  kind: Exclude<CheckInStatus, 'slip'>;
  /** The amount of a measurable habit, in its unit; null for yes/no habits and skips. */
  amount: number | null;
  note: string | null;
}

/** What Loop holds for a day that is no entry: not done (or a zero amount), unknown, or automatic. */
export type LoopDayMark = 'not-done' | 'unknown' | 'auto';

/** A note Loop holds on a day that is no entry: grow keeps it, though there is no check-in to carry it. */
export interface LoopDayNote {
  date: IsoDate;
  mark: LoopDayMark;
  note: string;
}

export interface LoopHabit {
  /** Loop's own id of the habit; null in CSV exports and very old backups. */
  uuid: string | null;
  name: string;
  archived: boolean;
  numerator: number;
  denominator: number;
  measurable: boolean;
  targetType: 'at-least' | 'at-most';
  /** Loop's target per frequency period; null for yes/no habits. */
  targetValue: number | null;
  unit: string | null;
  question: string | null;
  description: string | null;
  /**
   * The first day Loop holds a mark for, including "not done" marks and zero amounts, which are
   * not entries. Null when the habit has no marks at all.
   */
  trackedSince: IsoDate | null;
  /** Days done or skipped, oldest first. */
  entries: LoopEntry[];
  /** Notes on the other days (not done, zero amounts, unknown, automatic), oldest first. */
  notes: LoopDayNote[];
}

export interface LoopExport {
  source: 'db' | 'csv';
  habits: LoopHabit[];
}

const NOT_A_BACKUP = 'not a Loop Habit Tracker backup (expected a .db backup or a CSV export)';
const SQLITE_HEADER = 'SQLite format 3\0';

// Loop's check-mark values. YES_AUTO is what Loop computes for days the frequency did not
// require; it is never something the person did, so it is never an entry.
const YES_MANUAL = 2;
const YES_AUTO = 1;
const NO = 0;
const SKIP = 3;
const UNKNOWN = -1;
const VALUE_NAMES: Record<string, number> = { YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN };

/**
 * What one Loop value means: an entry, or no entry but a day Loop knows about (`tracked`: not
 * done, a zero amount), or nothing at all (unknown, automatic), or a value Loop never writes.
 * `day` says which of those a day without an entry is, for a note written on it.
 */
type Mark = { entry: Omit<LoopEntry, 'date' | 'note'> } | { entry: null; tracked: boolean; day: LoopDayMark } | { invalid: true };

/**
 * The meaning of one raw Loop value. Measurable habits store amount × 1000, except that Loop
 * reads 3 as a skip and −1 as unknown for them too (its score code does the same); 1 and 2 are
 * amounts there (0.001, 0.002), as Loop reads them.
 */
function markOf(value: number, measurable: boolean): Mark {
  if (!Number.isFinite(value)) return { invalid: true };
  if (value === UNKNOWN) return { entry: null, tracked: false, day: 'unknown' };
  if (value === SKIP) return { entry: { kind: 'skipped', amount: null } };
  if (measurable) {
    if (value < 0) return { invalid: true };
    const amount = Math.round(value) / 1000;
    return amount === 0 ? { entry: null, tracked: true, day: 'not-done' } : { entry: { kind: 'done', amount } };
  }
  if (value === YES_MANUAL) return { entry: { kind: 'done', amount: null } };
  if (value === NO) return { entry: null, tracked: true, day: 'not-done' };
  if (value === YES_AUTO) return { entry: null, tracked: false, day: 'auto' };
  return { invalid: true };
}

const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** A habit's marks gathered day by day. */
class MarkCollector {
  private readonly entries = new Map<IsoDate, LoopEntry>();
  private readonly notes: LoopDayNote[] = [];
  private first: IsoDate | null = null;

  add(date: IsoDate, mark: Exclude<Mark, { invalid: true }>, note: string | null): void {
    if (mark.entry) this.entries.set(date, { date, ...mark.entry, note });
    // A note on a day without an entry is still something the person wrote: kept beside the entries.
    else if (note !== null) this.notes.push({ date, mark: mark.day, note });
    if ((mark.entry || mark.tracked) && (this.first === null || date < this.first)) this.first = date;
  }

  result(): Pick<LoopHabit, 'entries' | 'notes' | 'trackedSince'> {
    return { entries: [...this.entries.values()].sort(byDate), notes: this.notes.sort(byDate), trackedSince: this.first };
  }
}

const blankToNull = (text: unknown): string | null => (typeof text === 'string' && text.trim() !== '' ? text : null);

// ---------------------------------------------------------------------------------------------
// SQLite backup

function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_HEADER;
}

function damaged(error: unknown): AppError {
  // quick_check reports over several lines under a "*** in database main ***" banner.
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('***')) ?? text;
  return invalid('file', `the SQLite backup is damaged or truncated (${reason.trim()})`);
}

type SqlRow = Record<string, unknown>;

function columnsOf(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

function requireColumns(table: string, present: Set<string>, required: string[]): void {
  for (const column of required) {
    if (!present.has(column)) throw invalid(table, `column ${column} is missing; not a Loop Habit Tracker backup`);
  }
}

/** `select` list of the wanted columns, NULL for those an older schema lacks. */
function selectList(present: Set<string>, wanted: string[]): string {
  return wanted.map((c) => (present.has(c) ? `"${c}"` : `NULL AS "${c}"`)).join(', ');
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function readDbHabit(row: SqlRow): Omit<LoopHabit, 'entries' | 'notes' | 'trackedSince'> {
  const where = `Habits row ${String(row.id)}`;
  const name = typeof row.name === 'string' ? row.name.trim() : '';
  if (name === '') throw invalid(where, 'the habit has no name');
  const { freq_num: numerator, freq_den: denominator } = row;
  if (!isWholeNumber(numerator) || !isWholeNumber(denominator) || numerator < 1 || denominator < 1) {
    throw invalid(where, `frequency ${String(numerator)}/${String(denominator)} is not a number of repetitions per number of days`);
  }
  const type = row.type ?? 0;
  if (type !== 0 && type !== 1) throw invalid(where, `type ${String(type)} is not 0 (yes/no) or 1 (measurable)`);
  const targetType = row.target_type ?? 0;
  if (targetType !== 0 && targetType !== 1) throw invalid(where, `target_type ${String(targetType)} is not 0 (at least) or 1 (at most)`);
  const measurable = type === 1;
  const targetValue = row.target_value ?? 0;
  if (measurable && (typeof targetValue !== 'number' || !(targetValue > 0) || !Number.isFinite(targetValue))) {
    throw invalid(where, `target_value ${String(targetValue)}: a measurable habit needs a target above 0`);
  }
  return {
    uuid: blankToNull(row.uuid),
    name,
    archived: row.archived !== null && row.archived !== undefined && row.archived !== 0,
    numerator,
    denominator,
    measurable,
    targetType: targetType === 1 ? 'at-most' : 'at-least',
    targetValue: measurable ? (targetValue as number) : null,
    unit: measurable ? blankToNull(row.unit) : null,
    question: blankToNull(row.question),
    description: blankToNull(row.description),
  };
}

// Many habits share the same days: formatting each day once keeps large imports fast.
const dateCache = new Map<number, IsoDate | null>();

/** Calendar date of a Loop timestamp: local midnight written as if it were UTC. */
function dateOfTimestamp(timestamp: unknown): IsoDate | null {
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) return null;
  let date = dateCache.get(timestamp);
  if (date === undefined) {
    const instant = new Date(timestamp);
    date = Number.isNaN(instant.getTime()) || instant.getUTCFullYear() > 9999 ? null : instant.toISOString().slice(0, 10);
    if (dateCache.size > 100_000) dateCache.clear();
    dateCache.set(timestamp, date);
  }
  return date;
}

function readDbTables(db: Database.Database): LoopHabit[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LOOP_DB_MAX_VERSION) {
    throw invalid(
      'file',
      `the backup comes from a newer Loop Habit Tracker (database version ${version}; this importer reads versions up to ${LOOP_DB_MAX_VERSION})`,
    );
  }
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw damaged(String(check));

  const tables = new Set((db.prepare("SELECT lower(name) AS name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  for (const table of ['Habits', 'Repetitions']) {
    if (!tables.has(table.toLowerCase())) throw invalid('file', `an SQLite database without a ${table} table is ${NOT_A_BACKUP}`);
  }

  const habitColumns = columnsOf(db, 'Habits');
  requireColumns('Habits', habitColumns, ['id', 'name', 'freq_num', 'freq_den']);
  const wanted = [
    'id',
    'name',
    'archived',
    'freq_num',
    'freq_den',
    'position',
    'type',
    'target_type',
    'target_value',
    'unit',
    'question',
    'description',
    'uuid',
  ];
  const habitRows = db.prepare(`SELECT ${selectList(habitColumns, wanted)} FROM Habits ORDER BY "position" IS NULL, "position", id`).all() as SqlRow[];

  const habits = new Map<number, { habit: Omit<LoopHabit, 'entries' | 'notes' | 'trackedSince'>; marks: MarkCollector }>();
  const uuids = new Map<string, unknown>();
  for (const row of habitRows) {
    const habit = readDbHabit(row);
    if (habit.uuid !== null) {
      const other = uuids.get(habit.uuid);
      if (other !== undefined) throw invalid(`Habits row ${String(row.id)}`, `uuid ${habit.uuid} is also the uuid of row ${String(other)}`);
      uuids.set(habit.uuid, row.id);
    }
    habits.set(row.id as number, { habit, marks: new MarkCollector() });
  }

  const repColumns = columnsOf(db, 'Repetitions');
  requireColumns('Repetitions', repColumns, ['habit', 'timestamp']);
  // Before version 16 a repetition had no value: every row was a day done.
  const valueColumn = repColumns.has('value') ? '"value"' : `${YES_MANUAL} AS "value"`;
  const notesColumn = repColumns.has('notes') ? '"notes"' : 'NULL AS "notes"';
  const repetitions = db
    .prepare(`SELECT rowid AS "row", "habit", "timestamp", ${valueColumn}, ${notesColumn} FROM Repetitions ORDER BY rowid`)
    .iterate() as IterableIterator<SqlRow>;

  // Loop's migration 22 cleaned older files by dropping rows without a habit or a day and keeping
  // the first row of each day; files from version 22 on cannot hold such rows, so there they are
  // errors rather than something to repair.
  const repairs = version < 22;
  const seen = new Map<unknown, Map<IsoDate, unknown>>();
  for (const rep of repetitions) {
    const where = `Repetitions row ${String(rep.row)}`;
    const owner = typeof rep.habit === 'number' ? habits.get(rep.habit) : undefined;
    if (!owner) {
      if (repairs) continue;
      throw invalid(where, `habit ${String(rep.habit)} is not in the Habits table`);
    }
    const date = dateOfTimestamp(rep.timestamp);
    if (date === null) {
      if (repairs && rep.timestamp === null) continue;
      throw invalid(where, `timestamp ${String(rep.timestamp)} is not a day`);
    }
    const days = getOrInsert(seen, rep.habit, () => new Map());
    const earlier = days.get(date);
    if (earlier !== undefined) {
      if (repairs) continue;
      throw invalid(where, `a second entry for habit ${String(rep.habit)} on ${date} (the first is row ${String(earlier)})`);
    }
    days.set(date, rep.row);
    const value = rep.value;
    const mark = typeof value === 'number' ? markOf(value, owner.habit.measurable) : ({ invalid: true } as const);
    if ('invalid' in mark) {
      const what = owner.habit.measurable ? 'a Loop amount' : 'a Loop check-mark value';
      throw invalid(where, `value ${String(value)} is not ${what}`);
    }
    owner.marks.add(date, mark, blankToNull(rep.notes));
  }

  return [...habits.values()].map(({ habit, marks }) => ({ ...habit, ...marks.result() }));
}

/** Reads a Loop SQLite backup from its bytes. */
export function readLoopDb(bytes: Uint8Array): LoopExport {
  if (!isSqlite(bytes)) throw invalid('file', NOT_A_BACKUP);
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { readonly: true });
  } catch (error) {
    throw damaged(error);
  }
  try {
    return { source: 'db', habits: readDbTables(db) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(error);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// CSV export

/** The files of a CSV export that matter, by path relative to the export's root. */
export interface LoopCsvFiles {
  habits: string | undefined;
  /** Habit folders (`NNN Name`) and their Checkmarks.csv text, when present. */
  folders: { name: string; checkmarks: string | undefined }[];
}

/**
 * Every problem of a CSV export, each with its file, line and column, so that one refusal names
 * them all. A single problem keeps its short message (`002 Run/Checkmarks.csv line 3: value …`).
 */
class CsvProblems {
  readonly all: ErrorDetail[] = [];

  add(file: string, message: string, line?: number, column?: number): void {
    this.all.push({ path: file, message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
  }

  /** Runs `read`; a file it cannot read at all is a problem of that file, and the rest go on. */
  reading<T>(file: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      if (error.details) this.all.push(...error.details);
      else this.all.push({ path: file, message: error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message });
      return undefined;
    }
  }

  refuseAny(): void {
    const [first, ...rest] = this.all;
    if (!first) return;
    const where = first.line === undefined ? first.path : `${first.path} line ${first.line}`;
    const message = `${where}: ${first.message}${rest.length > 0 ? ` (${moreProblems(rest.length)}; nothing was imported)` : ''}`;
    throw new AppError('validation_failed', message, {
      details: this.all.slice(0, MAX_DETAILS),
      more: Math.max(0, this.all.length - MAX_DETAILS),
      hint: rest.length > 0 ? 'nothing was imported' : '',
    });
  }
}

/** A bad cell of a CSV export: a problem of its file, line and column. */
class LoopCellError extends CellError {}

// Habits.csv of Loop 1.x named the frequency NumRepetitions/Interval and had no type,
// target or archived columns.
const HABIT_ALIASES = { FrequencyNumerator: ['NumRepetitions'], FrequencyDenominator: ['Interval'] } as const;
const REQUIRED_HABIT_COLUMNS = ['Position', 'Name', 'FrequencyNumerator', 'FrequencyDenominator'] as const;

interface CsvHabit {
  position: number;
  habit: Omit<LoopHabit, 'entries' | 'notes' | 'trackedSince'>;
}

function readHabitsCsv(text: string, problems: CsvProblems): CsvHabit[] {
  const file = 'Habits.csv';
  const table = readCsvTable(text, {
    format: 'Loop Habit Tracker CSV',
    file,
    required: REQUIRED_HABIT_COLUMNS,
    aliases: HABIT_ALIASES,
    missing: (columns, line) => invalid(`${file} line ${line}`, `column ${columns[0]} is missing; not a Loop Habit Tracker CSV export`),
  });
  const habits: CsvHabit[] = [];
  const lineOfPosition = new Map<number, number>();
  for (const row of table.rows) {
    try {
      const whole = (column: 'Position' | 'FrequencyNumerator' | 'FrequencyDenominator'): number => {
        const text = row.get(column);
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!(n >= 1)) throw new LoopCellError(column, `${column} ${JSON.stringify(text)} is not a whole number above 0`);
        return n;
      };
      const position = whole('Position');
      const earlier = lineOfPosition.get(position);
      if (earlier !== undefined) throw new LoopCellError('Position', `position ${position} is also the position of line ${earlier}`);
      lineOfPosition.set(position, row.line);
      const name = row.get('Name');
      if (name === '') throw new LoopCellError('Name', 'Name is empty');
      const type = row.get('Type') || 'YES_NO';
      if (type !== 'YES_NO' && type !== 'NUMERICAL') throw new LoopCellError('Type', `Type ${JSON.stringify(type)} is not YES_NO or NUMERICAL`);
      const measurable = type === 'NUMERICAL';
      const targetTypeText = row.get('Target Type') || 'AT_LEAST';
      if (measurable && targetTypeText !== 'AT_LEAST' && targetTypeText !== 'AT_MOST') {
        throw new LoopCellError('Target Type', `Target Type ${JSON.stringify(targetTypeText)} is not AT_LEAST or AT_MOST`);
      }
      let targetValue: number | null = null;
      if (measurable) {
        const text = row.get('Target Value');
        targetValue = text === '' ? NaN : Number(text);
        if (!(targetValue > 0) || !Number.isFinite(targetValue)) {
          throw new LoopCellError('Target Value', `Target Value ${JSON.stringify(text)}: a measurable habit needs a target above 0`);
        }
      }
      const archivedText = row.get('Archived?').toLowerCase() || 'false';
      if (archivedText !== 'true' && archivedText !== 'false')
        throw new LoopCellError('Archived?', `Archived? ${JSON.stringify(archivedText)} is not true or false`);
      const numerator = whole('FrequencyNumerator');
      const denominator = whole('FrequencyDenominator');
      const tooLong = row.cellOver(IMPORT_LIMITS.cellChars);
      if (tooLong !== undefined) throw new LoopCellError(tooLong, `${tooLong} is longer than the limit of ${limitText('cellChars')} characters`);
      habits.push({
        position,
        habit: {
          uuid: null,
          name,
          archived: archivedText === 'true',
          numerator,
          denominator,
          measurable,
          targetType: measurable && targetTypeText === 'AT_MOST' ? 'at-most' : 'at-least',
          targetValue,
          unit: measurable ? blankToNull(row.get('Unit')) : null,
          question: blankToNull(row.get('Question')),
          description: blankToNull(row.get('Description')),
        },
      });
    } catch (error) {
      if (!(error instanceof LoopCellError)) throw error;
      problems.add(file, error.problem, row.line, row.columnNumber(error.column));
    }
  }
  return habits;
}

const CHECKMARK_COLUMNS = ['Date', 'Value', 'Notes'] as const;

function readCheckmarksCsv(file: string, text: string, measurable: boolean, problems: CsvProblems): Pick<LoopHabit, 'entries' | 'notes' | 'trackedSince'> {
  const marks = new MarkCollector();
  const lineOfDate = new Map<string, number>();
  // Since Loop 2.3.1 the file starts with `Date,Value,Notes` and names its values; before, it had
  // no header and raw integers.
  const table = readCsvTable(text, { format: 'Loop Habit Tracker CSV', file, headerless: CHECKMARK_COLUMNS });
  for (const row of table.rows) {
    const at = (column: (typeof CHECKMARK_COLUMNS)[number]) => row.columnNumber(column) ?? CHECKMARK_COLUMNS.indexOf(column) + 1;
    const date = row.get('Date');
    if (!isIsoDate(date)) {
      problems.add(file, `date ${JSON.stringify(date)} is not a date YYYY-MM-DD`, row.line, at('Date'));
      continue;
    }
    const earlier = lineOfDate.get(date);
    if (earlier !== undefined) {
      problems.add(file, `date ${date} is also on line ${earlier}`, row.line, at('Date'));
      continue;
    }
    lineOfDate.set(date, row.line);
    const valueText = row.get('Value');
    // Named values are Loop's names for raw numbers, also for measurable habits (2 reads YES_MANUAL).
    const value = valueText in VALUE_NAMES ? VALUE_NAMES[valueText]! : /^-?\d+$/.test(valueText) ? Number(valueText) : NaN;
    const mark = markOf(value, measurable);
    if ('invalid' in mark) {
      problems.add(file, `value ${JSON.stringify(valueText)} is not ${measurable ? 'a Loop amount' : 'a Loop check-mark value'}`, row.line, at('Value'));
      continue;
    }
    const note = row.raw('Notes');
    if (note.length > IMPORT_LIMITS.cellChars) {
      problems.add(file, `the note is longer than the limit of ${limitText('cellChars')} characters`, row.line, at('Notes'));
      continue;
    }
    marks.add(date, mark, blankToNull(note));
  }
  return marks.result();
}

/**
 * Reads a CSV export from its files. Habits.csv lists every habit, but Loop writes a folder only
 * for the habits chosen for export, so a habit without a folder was not exported and is left out.
 * Every problem of every file is named (its file, line and column) before the export is refused.
 */
export function readLoopCsv(files: LoopCsvFiles): LoopExport {
  if (files.habits === undefined) throw invalid('Habits.csv', 'missing; not a Loop Habit Tracker CSV export');
  const problems = new CsvProblems();
  const folderOf = new Map<number, { name: string; checkmarks: string | undefined }>();
  for (const folder of files.folders) {
    const m = /^(\d+)(?: |$)/.exec(folder.name);
    if (!m) continue;
    const position = Number(m[1]);
    const other = folderOf.get(position);
    if (other) {
      problems.add(folder.name, `"${other.name}" is also the folder of habit ${position}`);
      continue;
    }
    folderOf.set(position, folder);
  }
  const habitsText = files.habits;
  const habits: LoopHabit[] = [];
  for (const { position, habit } of readHabitsCsv(habitsText, problems)) {
    const folder = folderOf.get(position);
    if (!folder) continue;
    const file = `${folder.name}/Checkmarks.csv`;
    if (folder.checkmarks === undefined) {
      problems.add(file, 'missing');
      continue;
    }
    const text = folder.checkmarks;
    const marks = problems.reading(file, () => readCheckmarksCsv(file, text, habit.measurable, problems));
    if (marks) habits.push({ ...habit, ...marks });
  }
  problems.refuseAny();
  return { source: 'csv', habits };
}

const utf8 = new TextDecoder('utf-8');

function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Reads a CSV export zip. Its root is where Habits.csv is, so a re-zipped folder works too. */
export function readLoopZip(bytes: Uint8Array): LoopExport {
  let entries: Record<string, Uint8Array>;
  // The archive says how large each file unpacks to: the export is refused over the limit before
  // anything is unpacked, so a small zip cannot unpack into gigabytes.
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.startsWith('__MACOSX/') || !/(^|\/)(Habits|Checkmarks)\.csv$/.test(f.name)) return false;
        unpacked += f.originalSize;
        if (unpacked > IMPORT_LIMITS.fileBytes) throw tooLarge('fileBytes');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw invalid('file', `unpacks to more than the ${limitText('fileBytes')} limit`);
    throw invalid('file', `the zip archive is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
  }
  const habitsPaths = Object.keys(entries)
    .filter((p) => /(^|\/)Habits\.csv$/.test(p))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const root = habitsPaths[0]?.slice(0, -'Habits.csv'.length);
  if (root === undefined) throw invalid('file', `a zip without Habits.csv is ${NOT_A_BACKUP}`);
  const folders = new Map<string, string | undefined>();
  for (const [path, data] of Object.entries(entries)) {
    if (!path.startsWith(root)) continue;
    const parts = path.slice(root.length).split('/');
    if (parts.length === 2 && parts[1] === 'Checkmarks.csv') folders.set(parts[0]!, utf8.decode(data));
  }
  return readLoopCsv({
    habits: utf8.decode(entries[`${root}Habits.csv`]!),
    folders: [...folders].map(([name, checkmarks]) => ({ name, checkmarks })),
  });
}

/** Reads an unpacked CSV export folder. */
export function readLoopFolder(path: string): LoopExport {
  const readText = (file: string): string | undefined => {
    if (!existsSync(file)) return undefined;
    return readImportBytes(file, 'fileBytes', relative(path, file)).toString('utf8');
  };
  const folders = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+(?: |$)/.test(d.name))
    .map((d) => ({ name: d.name, checkmarks: readText(join(path, d.name, 'Checkmarks.csv')) }));
  return readLoopCsv({ habits: readText(join(path, 'Habits.csv')), folders });
}

/** Reads a Loop file given as bytes: an SQLite backup or a CSV export zip. */
export function readLoopBytes(bytes: Uint8Array): LoopExport {
  if (isSqlite(bytes)) return readLoopDb(bytes);
  if (isZip(bytes)) return readLoopZip(bytes);
  throw invalid('file', NOT_A_BACKUP);
}

/** Reads a Loop backup, CSV export zip or unpacked CSV export folder from disk. */
export function readLoopPath(path: string): LoopExport {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw invalid('file', `cannot read ${JSON.stringify(path)}: no such file or folder`);
  }
  if (isFolder) return readLoopFolder(path);
  return readLoopBytes(readImportBytes(path));
}
