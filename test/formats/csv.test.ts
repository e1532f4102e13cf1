import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { IMPORT_LIMITS } from '../../src/core/import-limits.js';
import { CellError, readCsvTable, readRows, requiredCell } from '../../src/formats/csv.js';

function errorOf(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the reader to throw');
}

describe('the CSV reader every CSV import shares', () => {
  it('finds columns by header name, whatever their order, and ignores extra ones', () => {
    const a = readCsvTable('Title,Author,Extra\nDeep Work, Cal Newport ,x\n', { format: 'Test', required: ['Author', 'Title'] });
    const b = readCsvTable('Author,Title\nCal Newport,Deep Work\n', { format: 'Test', required: ['Author', 'Title'] });
    for (const table of [a, b]) {
      expect(table.rows.map((r) => [r.get('Title'), r.get('Author'), r.get('Missing')])).toEqual([['Deep Work', 'Cal Newport', '']]);
    }
    expect(a.rows[0]!.raw('Author')).toBe(' Cal Newport ');
  });

  it('reads a column under an older name, and a file without a header by position', () => {
    const old = readCsvTable('Position,NumRepetitions\n1,3\n', { format: 'Test', aliases: { FrequencyNumerator: ['NumRepetitions'] } });
    expect(old.rows[0]!.get('FrequencyNumerator')).toBe('3');
    const headerless = readCsvTable('2026-11-02,2\n2026-11-01,0\n', { format: 'Test', headerless: ['Date', 'Value', 'Notes'] });
    expect(headerless.rows.map((r) => [r.row, r.line, r.get('Date'), r.get('Value'), r.get('Notes')])).toEqual([
      [1, 1, '2026-11-02', '2', ''],
      [2, 2, '2026-11-01', '0', ''],
    ]);
    const withHeader = readCsvTable('Date,Value\n2026-11-02,2\n', { format: 'Test', headerless: ['Date', 'Value', 'Notes'] });
    expect(withHeader.rows.map((r) => [r.line, r.get('Value')])).toEqual([[2, '2']]);
  });

  it('names the line each row starts on, also after a quoted cell over several lines', () => {
    const table = readCsvTable('\uFEFFTitle,Review\n"A","one\ntwo\nthree"\n\nB,plain\n', { format: 'Test' });
    expect(table.rows.map((r) => [r.row, r.line, r.get('Title')])).toEqual([
      [1, 2, 'A'],
      [2, 6, 'B'],
    ]);
  });

  it('refuses a header without the required columns, naming them', () => {
    expect(errorOf(() => readCsvTable('Title\nA\n', { format: 'Test library', required: ['Title', 'Author', 'Shelf'] })).message).toBe(
      'file: not a Test library export: the header lacks the columns "Author", "Shelf"',
    );
    expect(errorOf(() => readCsvTable('', { format: 'Test library' })).message).toBe('file: empty; expected a Test library export with a header line');
  });

  it('collects every bad row with its line and column instead of stopping at the first', () => {
    const table = readCsvTable('Title,Pages\nA,12\n,7\nC,many\n', { format: 'Test' });
    const { records, bad } = readRows(table, (row) => {
      const title = requiredCell(row, 'Title');
      if (!/^\d+$/.test(row.get('Pages'))) throw new CellError('Pages', 'not a number');
      return title;
    });
    expect(records).toEqual(['A']);
    expect(bad).toEqual([
      { row: 2, message: 'row 2 (line 3): Title: empty; every row needs one', line: 3, column: 1, field: 'Title', problem: 'empty; every row needs one' },
      { row: 3, message: 'row 3 (line 4): Pages: not a number', line: 4, column: 2, field: 'Pages', problem: 'not a number' },
    ]);
  });

  it('refuses a cell over the length limit as a bad row, naming the limit', () => {
    const long = 'x'.repeat(IMPORT_LIMITS.cellChars + 1);
    const table = readCsvTable(`Title,Review\nA,short\nB,${long}\n`, { format: 'Test' });
    const { records, bad } = readRows(table, (row) => row.get('Title'));
    expect(records).toEqual(['A']);
    expect(bad.map((b) => b.message)).toEqual(['row 2 (line 3): Review: longer than the limit of 100,000 characters']);
  });

  it('refuses a file with more data rows than the limit, naming the limit', () => {
    const rows = 'A\n'.repeat(IMPORT_LIMITS.rows + 1);
    expect(errorOf(() => readCsvTable(`Title\n${rows}`, { format: 'Test' })).message).toBe('file: more data rows than the limit of 250,000');
    expect(readCsvTable(`Title\n${'A\n'.repeat(IMPORT_LIMITS.rows)}`, { format: 'Test' }).rows).toHaveLength(IMPORT_LIMITS.rows);
  });

  it('refuses text that is not CSV with the line of the problem, for a lone file and for a file of an export', () => {
    expect(errorOf(() => readCsvTable('Title\n"open\n', { format: 'Test' })).message).toBe('line 2: not a readable CSV file (a quoted cell is never closed)');
    const inExport = errorOf(() => readCsvTable('Title\n"open\n', { format: 'Test', file: 'Habits.csv' }));
    expect(inExport.message).toBe('Habits.csv line 2: not readable as CSV (a quoted cell is never closed)');
    expect(inExport.details).toEqual([{ path: 'Habits.csv', message: 'not readable as CSV (a quoted cell is never closed)', line: 2 }]);
  });
});
