import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoodreadsCsv } from '../../src/formats/goodreads.format.js';
import { reviewText, statusOfShelf } from '../../src/formats/library-csv.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const HEADER_24 =
  'Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies';

/** A 24-column file of rows given by column name; the rest of each row is empty. */
function csv(rows: Record<string, string>[], header = HEADER_24): string {
  const columns = header.split(',');
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const base = { 'Book Id': '1', Title: 'A Book', Author: 'An Author', 'Exclusive Shelf': 'read' };
  return `${[header, ...rows.map((r, i) => columns.map((c) => cell({ ...base, 'Book Id': String(i + 1), ...r }[c] ?? '')).join(','))].join('\n')}\n`;
}

describe('Goodreads library export', () => {
  it('reads the 31-column export of 2021 by column name', () => {
    const file = readGoodreadsCsv(fixture('goodreads_library_export-2021.csv'));
    expect(file.bad).toEqual([]);
    expect(file.rows).toBe(6);
    expect(file.items.map((i) => [i.sourceId, i.status, i.rating])).toEqual([
      ['25744928', 'read', 5],
      ['4099', 'read', 4],
      ['11468377', 'reading', null],
      ['33369254', 'want', null],
      ['45303387', 'abandoned', 2],
      ['3', 'want', null],
    ]);
    expect(file.items[0]).toMatchObject({
      row: 1,
      line: 2,
      source: 'goodreads',
      kind: 'book',
      title: 'Deep Work: Rules for Focused Success in a Distracted World',
      // "Cal  Newport": runs of spaces normalized
      authors: ['Cal Newport'],
      isbn10: '1455586692',
      isbn13: '9781455586691',
      pages: 296,
      finishedAt: '2021-03-14',
      addedAt: '2021-01-02',
      shelves: ['productivity', 'favorites'],
      review: 'Changed how I plan my days.\n\nThe "shutdown ritual" stuck & so did time blocking.',
      recommendedBy: 'Ana Lima',
      notes: [{ row: 1, text: 'Reread chapter 2 before planning season.', sourceKey: 'goodreads:private-notes', page: null, location: null }],
    });
  });

  it('unwraps ="…" ISBN cells, reads ="" as none, and completes one form from the other (an ISBN-10 may end in X)', () => {
    const [deep, prag, thinking, path, , potter] = readGoodreadsCsv(fixture('goodreads_library_export-2021.csv')).items;
    expect([deep!.isbn10, deep!.isbn13]).toEqual(['1455586692', '9781455586691']);
    expect([prag!.isbn10, prag!.isbn13]).toEqual(['020161622X', '9780201616224']);
    // ISBN ="" with ISBN13 given
    expect([thinking!.isbn10, thinking!.isbn13]).toEqual(['0374533555', '9780374533557']);
    // both =""
    expect([path!.isbn10, path!.isbn13]).toEqual([null, null]);
    // only ISBN-10 ending in X
    expect([potter!.isbn10, potter!.isbn13]).toEqual(['043942089X', '9780439420891']);
  });

  it('keeps a read book without a Date Read unfinished-dated, and splits Additional Authors', () => {
    const prag = readGoodreadsCsv(fixture('goodreads_library_export-2021.csv')).items[1]!;
    expect(prag).toMatchObject({
      status: 'read',
      finishedAt: null,
      addedAt: '2020-11-20',
      authors: ['Andy Hunt', 'Dave Thomas'],
      shelves: [],
      review: null,
      notes: [],
    });
  });

  it('gives a custom exclusive shelf its status and keeps it as a shelf; the built-in shelves are not kept', () => {
    const items = readGoodreadsCsv(fixture('goodreads_library_export-2021.csv')).items;
    expect(items[2]!.shelves).toEqual([]); // currently-reading
    expect(items[3]!.shelves).toEqual(['management']); // to-read, management
    expect(items[4]).toMatchObject({ status: 'abandoned', shelves: ['did-not-finish', 'management'], review: 'Too dense for me right now — maybe later.' });
    expect(items[5]).toMatchObject({ status: 'want', shelves: ['on-hold'], authors: ['J.K. Rowling', 'Mary GrandPré'] });
    expect(
      ['read', 'currently-reading', 'to-read', 'did-not-finish', 'abandoned', 'DNF', 'gave-up', 'quit-reading', 'on-hold', 'favorites'].map(statusOfShelf),
    ).toEqual(['read', 'reading', 'want', 'abandoned', 'abandoned', 'abandoned', 'abandoned', 'abandoned', 'want', 'want']);
  });

  it('reads the 24-column (2023) and 23-column (2026, no Average Rating, ratings as 4.0) headers alike', () => {
    const old = readGoodreadsCsv(fixture('goodreads_library_export-2021.csv')).items;
    const mid = readGoodreadsCsv(fixture('goodreads_library_export-2023.csv'));
    const latest = readGoodreadsCsv(fixture('goodreads_library_export-2026.csv'));
    expect(mid.bad).toEqual([]);
    expect(latest.bad).toEqual([]);
    expect(mid.items).toHaveLength(7);
    expect(latest.items).toHaveLength(8);
    // The same book reads the same in every generation, except Recommended By, which only the 31-column header had.
    const { recommendedBy, ...deep } = old[0]!;
    expect(recommendedBy).toBe('Ana Lima');
    expect(mid.items[0]).toEqual({ ...deep, recommendedBy: null });
    expect(latest.items[0]).toEqual({ ...deep, recommendedBy: null });
    expect(latest.items.map((i) => i.rating)).toEqual([5, 4, 4, 5, 2, null, null, 4]);
    expect(mid.items[2]).toMatchObject({
      status: 'read',
      finishedAt: '2023-02-10',
      rating: 4,
      review: 'System 1 & System 2.\nLong, worth it.',
      shelves: ['psychology'],
    });
    expect(latest.items[7]).toMatchObject({
      title: 'Atomic Habits: An Easy & Proven Way to Build Good Habits & Break Bad Ones',
      finishedAt: '2026-01-09',
      addedAt: '2025-12-20',
    });
  });

  it('maps columns by name whatever their order, ignores unknown columns and treats missing optional ones as empty', () => {
    const text = 'Exclusive Shelf,Something New,Title,Author,Book Id,My Rating\nto-read,whatever,"Refactoring",Martin  Fowler,44936,0\n';
    const file = readGoodreadsCsv(text);
    expect(file.bad).toEqual([]);
    expect(file.items[0]).toMatchObject({
      sourceId: '44936',
      title: 'Refactoring',
      authors: ['Martin Fowler'],
      status: 'want',
      rating: null,
      isbn13: null,
      addedAt: null,
      review: null,
    });
  });

  it('turns review HTML into text: <br/> to newlines, tags stripped, entities decoded', () => {
    expect(reviewText('One<br/>Two<br />Three<BR>four &amp; &lt;five&gt; &#39;six&#39; &#x263A; <b>bold</b> <a href="x">link</a>')).toBe(
      "One\nTwo\nThree\nfour & <five> 'six' ☺ bold link",
    );
    expect(reviewText('  ')).toBeNull();
  });

  it('refuses a file that is not a Goodreads export, naming the missing columns', () => {
    const storygraph = readFileSync(join(FIXTURES, 'storygraph.csv'), 'utf8');
    expect(() => readGoodreadsCsv(storygraph)).toThrow(
      'file: not a Goodreads library export: the header lacks the columns "Book Id", "Author", "Exclusive Shelf"',
    );
    expect(() => readGoodreadsCsv('name,amount\nrent,1200\n')).toThrow(
      'file: not a Goodreads library export: the header lacks the columns "Book Id", "Title", "Author", "Exclusive Shelf"',
    );
    expect(() => readGoodreadsCsv('')).toThrow('file: empty; expected a Goodreads library export with a header line');
    expect(() => readGoodreadsCsv('Book Id,Title,Author,Exclusive Shelf\n1,"unclosed,A,read\n')).toThrow(/^line 2: not a readable CSV file/);
  });

  it('reports each bad row with its row, line and column, and reads the good ones', () => {
    const text = csv([
      { Title: 'Fine', 'My Review': 'Two\nlines' },
      { ISBN13: '="9780000000001"' },
      { ISBN: '="12345"' },
      { 'My Rating': '7' },
      { 'Date Read': '2023/02/30' },
      { 'Date Added': 'yesterday' },
      { Title: '' },
      { 'Exclusive Shelf': '' },
      { 'Number of Pages': 'many' },
      { 'Book Id': 'abc' },
      { 'Book Id': '1' },
      { Title: 'Also fine' },
    ]);
    const file = readGoodreadsCsv(text);
    expect(file.items.map((i) => i.title)).toEqual(['Fine', 'Also fine']);
    // The first row's review spans two lines, so row 2 starts on line 4.
    expect(file.bad.map(({ row, message }) => ({ row, message }))).toEqual([
      { row: 2, message: 'row 2 (line 4): ISBN13: "9780000000001" is not a valid ISBN-13 (the check digit does not match)' },
      { row: 3, message: 'row 3 (line 5): ISBN: "12345" is not an ISBN (expected 10 or 13 digits)' },
      { row: 4, message: 'row 4 (line 6): My Rating: "7" is not a rating from 0 to 5' },
      { row: 5, message: 'row 5 (line 7): Date Read: "2023/02/30" is not a date (expected YYYY/MM/DD)' },
      { row: 6, message: 'row 6 (line 8): Date Added: "yesterday" is not a date (expected YYYY/MM/DD)' },
      { row: 7, message: 'row 7 (line 9): Title: empty; every row needs one' },
      { row: 8, message: 'row 8 (line 10): Exclusive Shelf: empty; every row needs one' },
      { row: 9, message: 'row 9 (line 11): Number of Pages: "many" is not a whole number of pages' },
      { row: 10, message: 'row 10 (line 12): Book Id: "abc" is not a Goodreads book id (expected digits)' },
      { row: 11, message: 'row 11 (line 13): Book Id: "1" repeats row 1' },
    ]);
    // Each bad row also carries its line, and the column of the bad cell by header position.
    const header = text.split('\n')[0]!.split(',');
    expect(file.bad[0]).toMatchObject({ line: 4, column: header.indexOf('ISBN13') + 1, field: 'ISBN13' });
    expect(file.bad[9]).toMatchObject({ line: 13, column: header.indexOf('Book Id') + 1, field: 'Book Id', problem: '"1" repeats row 1' });
  });
});
