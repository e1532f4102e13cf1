import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoryGraphCsv, readingRanges } from '../../src/formats/storygraph.format.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const HEADER =
  'Title,Authors,Contributors,ISBN/UID,Format,Read Status,Date Added,Last Date Read,Dates Read,Read Count,Moods,Pace,Character- or Plot-Driven?,Strong Character Development?,Loveable Characters?,Diverse Characters?,Flawed Characters?,Star Rating,Review,Content Warnings,Content Warning Description,Tags,Owned?';

function csv(rows: Record<string, string>[]): string {
  const columns = HEADER.split(',');
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const base = { Title: 'A Book', Authors: 'An Author', 'Read Status': 'read' };
  return `${[HEADER, ...rows.map((r) => columns.map((c) => cell({ ...base, ...r }[c] ?? '')).join(','))].join('\n')}\n`;
}

describe('StoryGraph export', () => {
  it('reads the 23-column export by column name', () => {
    const file = readStoryGraphCsv(fixture('storygraph.csv'));
    expect(file.bad).toEqual([]);
    expect(file.items.map((i) => [i.title, i.status, i.rating])).toEqual([
      ['Leviathan Wakes', 'read', 4.25],
      ['Good Omens', 'read', 3.75],
      ['Staff Engineer: Leadership beyond the management track', 'reading', null],
      ['An Elegant Puzzle', 'abandoned', null],
      ["The Manager's Path", 'want', null],
      ['Notes on Pairing', 'read', 5],
    ]);
    expect(file.items[0]).toMatchObject({
      source: 'storygraph',
      sourceId: '9780316129084',
      isbn13: '9780316129084',
      isbn10: '0316129089',
      authors: ['James S. A. Corey'],
      addedAt: '2022-05-01',
      startedAt: '2022-05-20',
      finishedAt: '2022-06-12',
      review: 'Great space opera.\nHolden grows on you.',
      shelves: ['sci-fi', 'space'],
    });
  });

  it('keeps quarter stars, splits Authors on commas, and takes the latest of several reading ranges', () => {
    const omens = readStoryGraphCsv(fixture('storygraph.csv')).items[1]!;
    expect(omens).toMatchObject({ rating: 3.75, authors: ['Terry Pratchett', 'Neil Gaiman'], startedAt: '2023-07-01', finishedAt: '2023-07-15' });
  });

  it('reads an open range as a read still going on, and did-not-finish as abandoned (kept as a shelf)', () => {
    const items = readStoryGraphCsv(fixture('storygraph.csv')).items;
    expect(items[2]).toMatchObject({ status: 'reading', startedAt: '2024-01-05', finishedAt: null });
    expect(items[3]).toMatchObject({ status: 'abandoned', shelves: ['did-not-finish'] });
  });

  it('takes an ISBN-10 in ISBN/UID as the book’s ISBN-13 and a StoryGraph id as its id alone', () => {
    const items = readStoryGraphCsv(fixture('storygraph.csv')).items;
    expect(items[4]).toMatchObject({ sourceId: '9781491973899', isbn10: '1491973897', isbn13: '9781491973899', shelves: ['management'] });
    expect(items[5]).toMatchObject({
      sourceId: '6e0b6c2c-8d7f-4d8e-9a51-2f7a3c9b1d04',
      isbn10: null,
      isbn13: null,
      authors: ['Sam Rivera'],
      finishedAt: '2024-03-03',
      startedAt: null,
    });
  });

  it('reads Dates Read ranges', () => {
    expect(readingRanges('')).toEqual([]);
    expect(readingRanges('2021/01/05')).toEqual([{ start: null, end: '2021-01-05' }]);
    expect(readingRanges('2023/01/15-2023/02/01')).toEqual([{ start: '2023-01-15', end: '2023-02-01' }]);
    expect(readingRanges('2024-01-15-2024-02-01, 2024/03/01-')).toEqual([
      { start: '2024-01-15', end: '2024-02-01' },
      { start: '2024-03-01', end: null },
    ]);
  });

  it('refuses a Goodreads export given as StoryGraph, naming the missing columns', () => {
    expect(() => readStoryGraphCsv(fixture('goodreads_library_export-2023.csv'))).toThrow(
      'file: not a StoryGraph export: the header lacks the columns "Authors", "ISBN/UID", "Read Status"',
    );
  });

  it('reports bad rows with row, line and column', () => {
    const file = readStoryGraphCsv(
      csv([
        { Title: 'Good' },
        { 'ISBN/UID': '9780316129085' },
        { 'Star Rating': '4.1' },
        { 'Star Rating': '6' },
        { 'Dates Read': 'last summer' },
        { 'Last Date Read': '2024/13/01' },
        { 'Read Status': '' },
        { 'ISBN/UID': '9780316129084' },
        { 'ISBN/UID': '0-316-12908-9' },
      ]),
    );
    expect(file.items.map((i) => i.title)).toEqual(['Good', 'A Book']);
    expect(file.bad.map(({ row, message }) => ({ row, message }))).toEqual([
      { row: 2, message: 'row 2 (line 3): ISBN/UID: "9780316129085" is not a valid ISBN-13 (the check digit does not match)' },
      { row: 3, message: 'row 3 (line 4): Star Rating: "4.1" is not a rating in quarter stars' },
      { row: 4, message: 'row 4 (line 5): Star Rating: "6" is not a rating from 0 to 5' },
      { row: 5, message: 'row 5 (line 6): Dates Read: "last summer" is not a date or a range of dates (expected YYYY/MM/DD-YYYY/MM/DD)' },
      { row: 6, message: 'row 6 (line 7): Last Date Read: "2024/13/01" is not a date (expected YYYY/MM/DD)' },
      { row: 7, message: 'row 7 (line 8): Read Status: empty; every row needs one' },
      // The same ISBN written as an ISBN-10 is the same book.
      { row: 9, message: 'row 9 (line 10): ISBN/UID: "9780316129084" repeats row 8' },
    ]);
  });
});
