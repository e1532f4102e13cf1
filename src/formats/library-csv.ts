import { createHash } from 'node:crypto';
import { isIsoDate } from '../core/calendar.js';
import { readIsbn } from '../core/isbn.js';
import { normalizeName } from '../core/library.js';
import type { LearningKind, LearningStatus } from '../store/schema.js';
import { type BadRow, CellError, type CsvTable } from './csv.js';

/**
 * What the four library imports (Goodreads, StoryGraph, Kindle, Readwise) read a file into, and
 * the cell rules they share (the CSV itself is read by ./csv.ts). Pure: text in, records out;
 * nothing here touches the database.
 */

export type { LibrarySource } from '../core/vocabulary.js';
import type { LibrarySource } from '../core/vocabulary.js';

/** A row (CSV: data rows from 1, the header not counted; Kindle: entries from 1) the import could not read. */
export type { BadRow };

export interface ImportedHighlight {
  row: number;
  text: string;
  note: string | null;
  page: string | null;
  location: string | null;
  locationStart: number | null;
  locationEnd: number | null;
  color: string | null;
  tags: string[];
  highlightedAt: string | null;
  highlightedRaw: string | null;
  sourceKey: string;
}

/** A note that belongs to the item (a Kindle note at no highlight, Goodreads private notes). */
export interface ImportedNote {
  row: number;
  text: string;
  /** Where it was in the book, to attach it to the highlight there (Kindle). */
  page: string | null;
  location: number | null;
  sourceKey: string;
}

/**
 * One book or article as a file describes it. A library export (Goodreads, StoryGraph) describes
 * the item itself: its fields update grow's item on re-import. A highlights export (Kindle,
 * Readwise) names the item only to hang highlights on it; null fields are "the file does not say".
 */
export interface ImportedItem {
  row: number;
  /** The line of the file the row (or entry) starts on. */
  readonly line: number;
  source: LibrarySource;
  /** The source's own id (Goodreads Book Id, StoryGraph ISBN/UID, Readwise Amazon Book ID). */
  sourceId: string | null;
  kind: LearningKind;
  title: string;
  authors: string[];
  isbn10: string | null;
  isbn13: string | null;
  pages: number | null;
  status: LearningStatus | null;
  rating: number | null;
  review: string | null;
  shelves: string[];
  startedAt: string | null;
  finishedAt: string | null;
  addedAt: string | null;
  recommendedBy: string | null;
  highlights: ImportedHighlight[];
  notes: ImportedNote[];
}

export interface LibraryFile {
  source: LibrarySource;
  /** Whether the file describes items (a library export) or only carries highlights. */
  describesItems: boolean;
  items: ImportedItem[];
  bad: BadRow[];
  /** Rows (or entries) read, good and bad. */
  rows: number;
}

/** Where an item was read: its row or entry, and the line, read only when a message needs it (a CSV row counts lines on demand). */
interface ReadAt {
  readonly row: number;
  readonly line: number;
}

/** An item as a reader makes it; its line comes from where it was read. */
class ReadItem implements ImportedItem {
  readonly #at: ReadAt;
  row: number;
  sourceId: string | null = null;
  kind: LearningKind = 'book';
  isbn10: string | null = null;
  isbn13: string | null = null;
  pages: number | null = null;
  status: LearningStatus | null = null;
  rating: number | null = null;
  review: string | null = null;
  shelves: string[] = [];
  startedAt: string | null = null;
  finishedAt: string | null = null;
  addedAt: string | null = null;
  recommendedBy: string | null = null;
  highlights: ImportedHighlight[] = [];
  notes: ImportedNote[] = [];

  constructor(
    at: ReadAt,
    public source: LibrarySource,
    public title: string,
    public authors: string[],
  ) {
    this.#at = at;
    this.row = at.row;
  }

  get line(): number {
    return this.#at.line;
  }
}

export function emptyItem(at: ReadAt, source: LibrarySource, title: string, authors: string[]): ImportedItem {
  return new ReadItem(at, source, title, authors);
}

/** A short, stable fingerprint of text, for the keys that make a re-import find what it added before. */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** A source id that two rows of one file share makes both the same item; the later row is refused. */
export function refuseRepeatedIds(items: ImportedItem[], bad: BadRow[], table: CsvTable, column: string): ImportedItem[] {
  const columnNumber = table.columnNumber(column);
  const seen = new Map<string, number>();
  return items.filter((item) => {
    if (item.sourceId === null) return true;
    const first = seen.get(item.sourceId);
    if (first === undefined) {
      seen.set(item.sourceId, item.row);
      return true;
    }
    const problem = `${JSON.stringify(item.sourceId)} repeats row ${first}`;
    bad.push({
      row: item.row,
      message: `row ${item.row} (line ${item.line}): ${column}: ${problem}`,
      line: item.line,
      column: columnNumber,
      field: column,
      problem,
    });
    return false;
  });
}

// ——— Cells ———

/**
 * A calendar date written YYYY/MM/DD (Goodreads, StoryGraph) or YYYY-MM-DD, as YYYY-MM-DD;
 * empty is null. A date that does not exist (2023/02/30) is refused.
 */
export function dateCell(column: string, value: string): string | null {
  if (value === '') return null;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  const date = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  if (date === null || !isIsoDate(date)) throw new CellError(column, `${JSON.stringify(value)} is not a date (expected YYYY/MM/DD)`);
  return date;
}

/** A star rating 0..5: 0 (or empty) means unrated; "4.0" is 4; quarter stars (3.75) are kept. */
export function ratingCell(column: string, value: string): number | null {
  if (value === '') return null;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 5)) throw new CellError(column, `${JSON.stringify(value)} is not a rating from 0 to 5`);
  if (Math.round(n * 4) !== n * 4) throw new CellError(column, `${JSON.stringify(value)} is not a rating in quarter stars`);
  return n === 0 ? null : n;
}

export function pagesCell(column: string, value: string): number | null {
  if (value === '') return null;
  if (!/^\d+$/.test(value)) throw new CellError(column, `${JSON.stringify(value)} is not a whole number of pages`);
  const n = Number(value);
  return n === 0 ? null : n;
}

/**
 * An ISBN cell. Goodreads writes them as Excel formulas so Excel keeps the leading zeros: the
 * value `="0123456789"`, or `=""` for none. A checksum that does not match refuses the row.
 */
export function isbnCell(column: string, value: string): { isbn10: string | null; isbn13: string } | null {
  const bare = value.startsWith('=') ? value.slice(1).replace(/"/g, '').trim() : value;
  if (bare === '') return null;
  const reading = readIsbn(bare);
  if ('error' in reading) throw new CellError(column, reading.error);
  return reading;
}

/** Names separated by commas ("Additional Authors", StoryGraph "Authors"), each normalized. */
export function nameList(value: string): string[] {
  if (value === '') return [];
  return value
    .split(',')
    .map(normalizeName)
    .filter((name) => name !== '');
}

/** Comma separated shelves or tags, trimmed, without repeats. */
export function shelfList(value: string): string[] {
  if (value === '') return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/**
 * A review as plain text: Goodreads writes HTML (`<br/>` for line breaks, `<i>`, `<a>`, entities).
 * Breaks become newlines, other tags go, entities are decoded; empty is null.
 */
export function reviewText(html: string): string | null {
  // Most rows have no review: spare them the replacements.
  if (html === '') return null;
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole);
      if (lower.startsWith('#')) return safeCodePoint(Number(lower.slice(1)), whole);
      return ENTITIES[lower] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  return text === '' ? null : text;
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * The status a shelf gives: the built-in ones by name; a custom exclusive shelf that says the
 * book was given up (did-not-finish, abandoned, dnf, …) is abandoned; any other is "want".
 */
export function statusOfShelf(shelf: string): LearningStatus {
  const name = shelf.trim().toLowerCase();
  if (name === 'read') return 'read';
  if (name === 'currently-reading' || name === 'reading' || name === 'paused') return 'reading';
  if (name === 'to-read' || name === 'want-to-read') return 'want';
  if (/(^|[^a-z])dnf([^a-z]|$)|did.?not.?finish|abandon|gave.?up|given.?up|unfinished|quit|stopped/.test(name)) return 'abandoned';
  return 'want';
}

export const BUILT_IN_SHELVES = new Set(['read', 'currently-reading', 'to-read']);
