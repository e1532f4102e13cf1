import { type Options, parse } from 'csv-parse/sync';
import { AppError, type ErrorDetail, invalid } from '../core/errors.js';
import { IMPORT_LIMITS, limitText } from '../core/import-limits.js';

/**
 * The one CSV reader of every CSV import (Goodreads, StoryGraph, Readwise, Loop's CSV export):
 * columns are found by their header name, never by position, so the generations of an export read
 * alike and extra columns are ignored; every problem is named with its line and column. Pure: text
 * in, rows out.
 */

/** A problem with one cell: the reader names its row, its line and its column. */
export class CellError extends Error {
  constructor(
    readonly column: string,
    readonly problem: string,
  ) {
    super(`${column}: ${problem}`);
  }
}

/** A row (data rows from 1, the header not counted) the import could not read, and where. */
export interface BadRow {
  row: number;
  message: string;
  /** Where the problem is, for a refusal that names every bad row: the line, the 1-based column, its header. */
  line?: number;
  column?: number;
  field?: string;
  problem?: string;
}

export interface CsvOptions {
  /** What the file is, for messages: "Goodreads library" gives "not a Goodreads library export". */
  format: string;
  /** Columns the header must have; without them the file is not the claimed format. */
  required?: readonly string[];
  /** Older names of a column (`FrequencyNumerator` was `NumRepetitions` in Loop 1.x): any of them is the column. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /**
   * The columns of a file that may come without a header (Loop's Checkmarks.csv before 2.3.1):
   * when the first record does not start with the first of these names, every record is data, read
   * by position under these names.
   */
  headerless?: readonly string[];
  /** The file's name when an import reads several (a Loop CSV export): it starts every message. */
  file?: string;
  /** The refusal of a header that lacks required columns; by default `file: not a FORMAT export: the header lacks …`. */
  missing?: (columns: readonly string[], line: number) => AppError;
}

/** One data row: cells by header name, and where the row is. */
export class CsvRow {
  constructor(
    private readonly table: CsvTable,
    /** 1 for the first row after the header. */
    readonly row: number,
    private readonly cells: readonly string[],
  ) {}

  /** The line of the file the row starts on (a quoted cell may span lines). */
  get line(): number {
    return this.table.lineOf(this.row);
  }

  /** The cell of a column by its header name, trimmed; '' when the file has no such column. */
  get(column: string): string {
    const at = this.table.indexOf(column);
    return at === undefined ? '' : (this.cells[at] ?? '').trim();
  }

  /** The cell as written, spaces kept (notes); '' when the file has no such column. */
  raw(column: string): string {
    const at = this.table.indexOf(column);
    return at === undefined ? '' : (this.cells[at] ?? '');
  }

  /** The 1-based position of a column by its header name, for error messages. */
  columnNumber(column: string): number | undefined {
    const at = this.table.indexOf(column);
    return at === undefined ? undefined : at + 1;
  }

  /** The header of the first cell longer than `max` characters, if any. */
  cellOver(max: number): string | undefined {
    for (let i = 0; i < this.cells.length; i++) {
      if (this.cells[i]!.length > max) return this.table.columns[i] ?? `column ${i + 1}`;
    }
    return undefined;
  }
}

/** The rows of one CSV file, read by header name. */
export class CsvTable {
  readonly rows: CsvRow[] = [];
  private lines: number[] | undefined;

  constructor(
    private readonly text: string,
    /** The header as written (trimmed); the headerless names for a file without one. */
    readonly columns: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** How many records come before the first data row: 1 with a header, 0 without. */
    private readonly offset: number,
    readonly file: string | undefined,
  ) {}

  indexOf(column: string): number | undefined {
    return this.index.get(column);
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  columnNumber(column: string): number | undefined {
    const at = this.index.get(column);
    return at === undefined ? undefined : at + 1;
  }

  /** The line the header starts on (1 unless blank lines come first). */
  get headerLine(): number {
    return this.offset === 0 ? 0 : this.lineOfRecord(0);
  }

  /** The line data row `row` starts on. */
  lineOf(row: number): number {
    return this.lineOfRecord(row - 1 + this.offset);
  }

  /**
   * Lines are only needed to name a problem, so they are counted then: a second read of the text
   * that notes where each record starts, rather than costing every import the bookkeeping.
   */
  private lineOfRecord(record: number): number {
    this.lines ??= recordLines(this.text);
    return this.lines[record] ?? 0;
  }
}

/** Options csv-parse reads with, tolerant as spreadsheets are. */
const BASE: Options = {
  bom: true,
  // A quote inside an unquoted cell is kept as text (Goodreads' `="…"` formulas).
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
};

function parseRecords(text: string, file: string | undefined, to?: number): string[][] {
  try {
    return parse(text, to === undefined ? BASE : { ...BASE, to }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const code = (error as { code?: unknown }).code;
    const problem = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : error instanceof Error ? error.message : String(error);
    // A file of an export names itself: `001 Meditate/Checkmarks.csv line 4: …`.
    if (file !== undefined) {
      const line = typeof lines === 'number' ? lines : undefined;
      const message = `not readable as CSV (${problem})`;
      throw new AppError('validation_failed', `${line === undefined ? file : `${file} line ${line}`}: ${message}`, {
        details: [{ path: file, message, ...(line === undefined ? {} : { line }) }],
      });
    }
    throw new AppError('validation_failed', `${typeof lines === 'number' ? `line ${lines}: ` : ''}not a readable CSV file (${problem})`);
  }
}

/** The line each record starts on: csv-parse gives the line a record ends on, and a quoted cell may span lines. */
function recordLines(text: string): number[] {
  const lines: number[] = [];
  parse(text, {
    ...BASE,
    on_record: (cells: string[], context: { lines: number }) => {
      let inner = 0;
      for (const cell of cells) for (let n = cell.indexOf('\n'); n >= 0; n = cell.indexOf('\n', n + 1)) inner++;
      lines.push(context.lines - inner);
      return null;
    },
  } as Options);
  return lines;
}

/**
 * Reads a CSV file by its header. A file without the required columns is refused as not the
 * claimed format; one with more data rows than the limit is refused as soon as the reader passes
 * it, naming the limit.
 */
export function readCsvTable(text: string, options: CsvOptions): CsvTable {
  const { format, required = [], aliases = {}, headerless, file } = options;
  const records = parseRecords(text, file, IMPORT_LIMITS.rows + 2);
  const first = records[0];
  const hasHeader = !headerless || first?.[0]?.trim() === headerless[0];
  if (!first && !headerless) {
    if (file !== undefined) throw invalid(file, 'the file is empty');
    throw invalid('file', `empty; expected a ${format} export with a header line`);
  }
  const columns = hasHeader ? (first ?? []).map((name) => name.trim()) : [...headerless!];
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  for (const [column, others] of Object.entries(aliases)) {
    if (index.has(column)) continue;
    const at = others.map((name) => index.get(name)).find((i) => i !== undefined);
    if (at !== undefined) index.set(column, at);
  }
  const offset = hasHeader ? 1 : 0;
  const table = new CsvTable(text, columns, index, offset, file);
  const missing = required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    if (options.missing) throw options.missing(missing, table.headerLine);
    throw invalid(
      'file',
      `not a ${format} export: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
    );
  }
  if (records.length - offset > IMPORT_LIMITS.rows) {
    throw invalid(file ?? 'file', `more data rows than the limit of ${limitText('rows')}`);
  }
  for (let i = offset; i < records.length; i++) table.rows.push(new CsvRow(table, i - offset + 1, records[i]!));
  return table;
}

/** A row with a cell over the length limit is bad in that cell. */
function checkCellLengths(row: CsvRow): void {
  const column = row.cellOver(IMPORT_LIMITS.cellChars);
  if (column !== undefined) throw new CellError(column, `longer than the limit of ${limitText('cellChars')} characters`);
}

/** Reads every row, collecting the bad ones with their row, line and column instead of stopping. */
export function readRows<T>(table: CsvTable, read: (row: CsvRow) => T | null): { records: T[]; bad: BadRow[] } {
  const records: T[] = [];
  const bad: BadRow[] = [];
  for (const row of table.rows) {
    try {
      checkCellLengths(row);
      const record = read(row);
      if (record !== null) records.push(record);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      bad.push(badRow(row, error.column, error.problem));
    }
  }
  return { records, bad };
}

/** A bad row: `row 3 (line 4): Column: problem`, with its place. */
export function badRow(row: CsvRow, column: string, problem: string): BadRow {
  const line = row.line;
  return { row: row.row, message: `row ${row.row} (line ${line}): ${column}: ${problem}`, line, column: row.columnNumber(column), field: column, problem };
}

export const sortBad = (bad: BadRow[]): BadRow[] => bad.sort((a, b) => a.row - b.row);

/** The details of a refusal: each bad row as its column, problem, line and column number. */
export function badRowDetails(bad: readonly BadRow[], file?: string): ErrorDetail[] {
  return bad.map((b) =>
    b.problem === undefined
      ? { path: file ?? '', message: b.message }
      : {
          path: file ?? b.field ?? '',
          message: file === undefined ? b.problem : `${b.field}: ${b.problem}`,
          ...(b.line !== undefined ? { line: b.line } : {}),
          ...(b.column !== undefined ? { column: b.column } : {}),
        },
  );
}

export function requiredCell(row: CsvRow, column: string): string {
  const value = row.get(column);
  if (value === '') throw new CellError(column, 'empty; every row needs one');
  return value;
}
