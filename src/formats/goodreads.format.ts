import { normalizeName } from '../core/library.js';
import { CellError, type CsvRow, readCsvTable, readRows, requiredCell, sortBad } from './csv.js';
import {
  BUILT_IN_SHELVES,
  type ImportedItem,
  type LibraryFile,
  dateCell,
  emptyItem,
  isbnCell,
  nameList,
  pagesCell,
  ratingCell,
  refuseRepeatedIds,
  reviewText,
  shelfList,
  statusOfShelf,
} from './library-csv.js';

/**
 * Goodreads' library export (`goodreads_library_export.csv`). Its header has had 31 columns
 * (until late 2022: with Recommended For/By, purchase and condition columns, BCID), then 24, then
 * 23 (mid-2026, without Average Rating); columns are read by name so all three read alike.
 */

/** Without these a file is not a Goodreads export; every other column may be missing. */
export const GOODREADS_REQUIRED = ['Book Id', 'Title', 'Author', 'Exclusive Shelf'] as const;

function readRow(row: CsvRow): ImportedItem {
  const bookId = requiredCell(row, 'Book Id');
  if (!/^\d+$/.test(bookId)) throw new CellError('Book Id', `${JSON.stringify(bookId)} is not a Goodreads book id (expected digits)`);
  const title = requiredCell(row, 'Title').replace(/\s+/g, ' ');
  const authors = [normalizeName(row.get('Author')), ...nameList(row.get('Additional Authors'))].filter((a) => a !== '');
  const item = emptyItem(row, 'goodreads', title, [...new Set(authors)]);
  item.sourceId = bookId;

  const isbn = isbnCell('ISBN', row.get('ISBN'));
  const isbn13 = isbnCell('ISBN13', row.get('ISBN13'));
  item.isbn13 = isbn13?.isbn13 ?? isbn?.isbn13 ?? null;
  item.isbn10 = isbn?.isbn10 ?? isbn13?.isbn10 ?? null;

  item.rating = ratingCell('My Rating', row.get('My Rating'));
  item.pages = pagesCell('Number of Pages', row.get('Number of Pages'));
  item.finishedAt = dateCell('Date Read', row.get('Date Read'));
  item.addedAt = dateCell('Date Added', row.get('Date Added'));

  const shelf = requiredCell(row, 'Exclusive Shelf');
  item.status = statusOfShelf(shelf);
  // The status says read/reading/want; a custom exclusive shelf (did-not-finish, on-hold) is kept as a shelf.
  const shelves = shelfList(row.get('Bookshelves')).filter((s) => !BUILT_IN_SHELVES.has(s.toLowerCase()));
  if (!BUILT_IN_SHELVES.has(shelf.toLowerCase()) && !shelves.includes(shelf)) shelves.unshift(shelf);
  item.shelves = shelves;

  item.review = reviewText(row.get('My Review'));
  item.recommendedBy = normalizeName(row.get('Recommended By')) || null;
  const privateNotes = row.get('Private Notes').replace(/\r\n?/g, '\n').trim();
  if (privateNotes !== '') item.notes.push({ row: row.row, text: privateNotes, page: null, location: null, sourceKey: 'goodreads:private-notes' });
  return item;
}

export function readGoodreadsCsv(text: string): LibraryFile {
  const table = readCsvTable(text, { format: 'Goodreads library', required: GOODREADS_REQUIRED });
  const { records, bad } = readRows(table, readRow);
  const items = refuseRepeatedIds(records, bad, table, 'Book Id');
  return { source: 'goodreads', describesItems: true, items, bad: sortBad(bad), rows: table.rows.length };
}
