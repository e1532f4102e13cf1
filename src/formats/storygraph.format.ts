import { CellError, type CsvRow, readCsvTable, readRows, requiredCell, sortBad } from './csv.js';
import {
  BUILT_IN_SHELVES,
  type ImportedItem,
  type LibraryFile,
  dateCell,
  emptyItem,
  isbnCell,
  nameList,
  ratingCell,
  refuseRepeatedIds,
  reviewText,
  shelfList,
  statusOfShelf,
} from './library-csv.js';

/**
 * The StoryGraph export: 23 columns starting `Title,Authors,Contributors,ISBN/UID,Format,Read Status,…`.
 * `ISBN/UID` is an ISBN, or StoryGraph's own id for a book without one; `Star Rating` has quarter
 * stars; `Dates Read` holds the reading ranges (`2023/01/15-2023/02/01`, several comma separated).
 */

export const STORYGRAPH_REQUIRED = ['Title', 'Authors', 'ISBN/UID', 'Read Status'] as const;

const DATE_TOKEN = /\d{4}[/-]\d{1,2}[/-]\d{1,2}/g;

/** The reading ranges of `Dates Read`; a lone date is the day it was finished. */
export function readingRanges(value: string): { start: string | null; end: string | null }[] {
  if (value === '') return [];
  return value.split(',').map((piece) => {
    const text = piece.trim();
    const tokens = text.match(DATE_TOKEN) ?? [];
    const rest = text.replace(DATE_TOKEN, '').replace(/[\s\-–—]|to/g, '');
    if (tokens.length === 0 || tokens.length > 2 || rest !== '') {
      throw new CellError('Dates Read', `${JSON.stringify(text)} is not a date or a range of dates (expected YYYY/MM/DD-YYYY/MM/DD)`);
    }
    const dates = tokens.map((t) => dateCell('Dates Read', t)!);
    if (tokens.length === 2) return { start: dates[0]!, end: dates[1]! };
    // "2024/01/05-" is a read still going on; a lone date is a finish.
    return /^\s*\d/.test(text) && /[-–—]\s*$/.test(text) ? { start: dates[0]!, end: null } : { start: null, end: dates[0]! };
  });
}

function readRow(row: CsvRow): ImportedItem {
  const title = requiredCell(row, 'Title').replace(/\s+/g, ' ');
  const item = emptyItem(row, 'storygraph', title, [...new Set(nameList(row.get('Authors')))]);

  const id = row.get('ISBN/UID');
  if (id !== '') {
    item.sourceId = id;
    // An ISBN is digits (an ISBN-10 may end in X); anything else is StoryGraph's own id.
    if (/^[\d\s-]+[\dXx]$/.test(id) && [10, 13].includes(id.replace(/[\s-]/g, '').length)) {
      const isbn = isbnCell('ISBN/UID', id)!;
      item.isbn10 = isbn.isbn10;
      item.isbn13 = isbn.isbn13;
      item.sourceId = isbn.isbn13;
    }
  }

  const status = requiredCell(row, 'Read Status');
  item.status = statusOfShelf(status);
  const shelves = shelfList(row.get('Tags'));
  if (!BUILT_IN_SHELVES.has(status.toLowerCase()) && item.status !== 'reading' && !shelves.includes(status)) shelves.unshift(status);
  item.shelves = shelves;

  item.addedAt = dateCell('Date Added', row.get('Date Added'));
  const ranges = readingRanges(row.get('Dates Read'));
  const latest = ranges.reduce<(typeof ranges)[number] | null>(
    (best, r) => (best === null || (r.end ?? r.start)! >= (best.end ?? best.start)! ? r : best),
    null,
  );
  item.startedAt = latest?.start ?? null;
  item.finishedAt = dateCell('Last Date Read', row.get('Last Date Read')) ?? (item.status === 'read' ? (latest?.end ?? null) : null);
  item.rating = ratingCell('Star Rating', row.get('Star Rating'));
  item.review = reviewText(row.get('Review'));
  return item;
}

export function readStoryGraphCsv(text: string): LibraryFile {
  const table = readCsvTable(text, { format: 'StoryGraph', required: STORYGRAPH_REQUIRED });
  const { records, bad } = readRows(table, readRow);
  const items = refuseRepeatedIds(records, bad, table, 'ISBN/UID');
  return { source: 'storygraph', describesItems: true, items, bad: sortBad(bad), rows: table.rows.length };
}
