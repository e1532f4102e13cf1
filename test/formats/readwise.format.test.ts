import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReadwiseCsv, readwiseInstant } from '../../src/formats/readwise.format.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const HEADER = 'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags';

describe('Readwise CSV export', () => {
  it('reads highlights per book, with note, color, tags and location; Highlighted at is UTC', () => {
    const file = readReadwiseCsv(fixture('readwise.csv'));
    expect(file.bad).toEqual([]);
    expect(file.rows).toBe(5);
    expect(file.items.map((i) => [i.title, i.kind, i.authors, i.sourceId, i.highlights.length])).toEqual([
      ['Deep Work', 'book', ['Cal Newport'], 'B00X47ZVXM', 2],
      ['How to Get Startup Ideas', 'article', ['paulgraham.com'], null, 1],
      ['The Obstacle Is the Way', 'book', ['Ryan Holiday'], null, 1],
    ]);
    const deep = file.items[0]!;
    expect(deep).toMatchObject({ source: 'readwise', status: null, shelves: ['productivity'] });
    expect(deep.highlights[0]).toMatchObject({
      text: 'Clarity about what matters provides clarity about what does not.',
      note: 'Use this for quarterly planning',
      color: 'yellow',
      // ".favorite" is Readwise's action tag favorite
      tags: ['favorite', 'planning'],
      location: '1203',
      locationStart: 1203,
      page: null,
      highlightedAt: '2020-09-21T04:53:16.752Z',
      highlightedRaw: '2020-09-21 04:53:16.752500+00:00',
    });
    expect(deep.highlights[0]!.sourceKey).toMatch(/^readwise:[0-9a-f]{16}$/);
    expect(deep.highlights[1]!.text).toBe(
      'The ability to perform deep work is becoming increasingly rare.\nAt exactly the same time, it is becoming increasingly valuable.',
    );
  });

  it('skips highlights tagged discard', () => {
    const texts = readReadwiseCsv(fixture('readwise.csv')).items.flatMap((i) => i.highlights.map((h) => h.text));
    expect(texts).not.toContain('A passage I no longer want.');
    expect(texts).toHaveLength(4);
  });

  it('reads page and order locations', () => {
    const [, article, obstacle] = readReadwiseCsv(fixture('readwise.csv')).items;
    expect(article!.highlights[0]).toMatchObject({ location: '3', locationStart: 3, page: null });
    expect(obstacle!.highlights[0]).toMatchObject({
      page: '44',
      location: null,
      locationStart: null,
      color: 'pink',
      text: 'He said "the obstacle is the way", and meant it.',
    });
  });

  it('reads older exports without Document tags alike', () => {
    const older = readReadwiseCsv(fixture('readwise-before-document-tags.csv'));
    const newer = readReadwiseCsv(fixture('readwise.csv'));
    expect(older.bad).toEqual([]);
    expect(older.items[0]!.highlights).toEqual(newer.items[0]!.highlights);
    expect(older.items[0]!.shelves).toEqual([]);
  });

  it('reads the instants Readwise writes', () => {
    expect(readwiseInstant('2020-09-21 04:53:16.752500+00:00')).toBe('2020-09-21T04:53:16.752Z');
    expect(readwiseInstant('2026-07-17 14:00:25+00:00')).toBe('2026-07-17T14:00:25.000Z');
    expect(readwiseInstant('2024-05-14T09:12:00Z')).toBe('2024-05-14T09:12:00.000Z');
    expect(readwiseInstant('2024-05-14 09:12:00+02:00')).toBe('2024-05-14T07:12:00.000Z');
    expect(readwiseInstant('2020-01-01')).toBe('2020-01-01T00:00:00.000Z');
    expect(readwiseInstant('')).toBeNull();
  });

  it('refuses a file that is not a Readwise export and reports bad rows', () => {
    expect(() => readReadwiseCsv(fixture('storygraph.csv'))).toThrow(
      'file: not a Readwise export: the header lacks the columns "Highlight", "Book Title", "Book Author"',
    );
    const file = readReadwiseCsv(
      `${HEADER}\nFine,Book,Author,,,,,location,1,2020-01-01 00:00:00+00:00,\nBad time,Book,Author,,,,,location,2,yesterday,\n,Book,Author,,,,,location,3,,\nNo title,,Author,,,,,location,4,,\n,Book,Author,,Just a thought,,,location,5,,\n`,
    );
    expect(file.bad.map(({ row, message }) => ({ row, message }))).toEqual([
      { row: 2, message: 'row 2 (line 3): Highlighted at: "yesterday" is not a date and time (expected 2020-09-21 04:53:16+00:00)' },
      { row: 3, message: 'row 3 (line 4): Highlight: empty, and the row has no note either' },
      { row: 4, message: 'row 4 (line 5): Book Title: empty; every row needs one' },
    ]);
    // A note without a passage is a note of the book.
    expect(file.items[0]!.notes.map((n) => n.text)).toEqual(['Just a thought']);
  });
});
