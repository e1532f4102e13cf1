import { closeSync, openSync, readFileSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const root = tempDir();
let n = 0;
const fresh = () => new Grow(join(root.path, `home-${++n}`, 'grow'));
const file = (name: string, text: string) => {
  const path = join(root.path, `${++n}-${name}`);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow import goodreads|storygraph|kindle|readwise', { timeout: 120_000 }, () => {
  it('refuses a file with bad rows (exit 1, naming the row) and writes nothing; --skip-bad imports the rest and lists them', async () => {
    const grow = fresh();
    const bad = file(
      'goodreads.csv',
      readFileSync(join(FIXTURES, 'goodreads_library_export-2023.csv'), 'utf8')
        .replace('"=""9781736417911"""', '"=""9781736417912"""')
        .replace('2020/08/15', '2020/08/32'),
    );
    await grow.fails(
      1,
      'validation_failed',
      'row 5 (line 6): Date Added: "2020/08/32" is not a date (expected YYYY/MM/DD) (nothing was imported; 2 bad rows in all; skip bad rows to import the others)',
      'import',
      'goodreads',
      bad,
    );
    // Nothing was written: a clean import of the good file creates everything.
    const human = await grow.run('import', 'goodreads', bad, '--skip-bad');
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('');
    expect(human.stdout).toBe(
      [
        'Imported from Goodreads: 5 new items, 0 updated, 0 unchanged; 1 note added.',
        'Skipped 2 bad rows:',
        '  ! row 5 (line 6): Date Added: "2020/08/32" is not a date (expected YYYY/MM/DD)',
        '  ! row 7 (line 8): ISBN13: "9781736417912" is not a valid ISBN-13 (the check digit does not match)',
        '',
      ].join('\n'),
    );
    expect(await grow.json('import', 'goodreads', join(FIXTURES, 'goodreads_library_export-2023.csv'))).toEqual({
      itemsCreated: 2,
      itemsUpdated: 0,
      itemsUnchanged: 5,
      highlightsAdded: 0,
      highlightsUpdated: 0,
      highlightsUnchanged: 0,
      notesAdded: 0,
      skipped: [],
    });
  });

  it('a file with 60 bad rows: one line per problem (50, then a count), exit 1, --json details; nothing written', async () => {
    const grow = fresh();
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},Book ${i + 1},An Author,read,${i % 2 ? 'nine' : '9'}`);
    const bad = file('goodreads.csv', ['Book Id,Title,Author,Exclusive Shelf,My Rating', ...rows, ''].join('\n'));
    const human = await grow.run('import', 'goodreads', bad);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    const lines = human.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: 60 problems (nothing was imported; 60 bad rows in all; skip bad rows to import the others)');
    expect(lines.slice(1, 4)).toEqual([
      '  line 2, column 5: My Rating: "9" is not a rating from 0 to 5',
      '  line 3, column 5: My Rating: "nine" is not a rating from 0 to 5',
      '  line 4, column 5: My Rating: "9" is not a rating from 0 to 5',
    ]);
    expect(lines[50]).toBe('  line 51, column 5: My Rating: "nine" is not a rating from 0 to 5');
    expect(lines.slice(51)).toEqual(['  and 10 more problems']);

    const json = await grow.run('import', 'goodreads', bad, '--json');
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.stderr) as {
      error: { code: string; message: string; details: { path: string; message: string; line: number; column: number }[]; more: number };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(
      'row 1 (line 2): My Rating: "9" is not a rating from 0 to 5 (nothing was imported; 60 bad rows in all; skip bad rows to import the others)',
    );
    expect(error.details).toHaveLength(50);
    expect(error.details[49]).toEqual({ path: 'My Rating', message: '"nine" is not a rating from 0 to 5', line: 51, column: 5 });
    expect(error.more).toBe(10);
    expect(await grow.json('learn', 'list')).toEqual([]);
  });

  it('imports each source with --json, and a second import changes nothing', async () => {
    const grow = fresh();
    expect(await grow.json('import', 'storygraph', join(FIXTURES, 'storygraph.csv'))).toMatchObject({ itemsCreated: 6, skipped: [] });
    expect(await grow.json('import', 'kindle', join(FIXTURES, 'My Clippings.txt'))).toMatchObject({
      itemsCreated: 5,
      itemsUnchanged: 1,
      highlightsAdded: 7,
      notesAdded: 2,
    });
    expect(await grow.json('import', 'readwise', join(FIXTURES, 'readwise.csv'))).toMatchObject({ itemsCreated: 2, itemsUnchanged: 1, highlightsAdded: 4 });
    expect(await grow.json('import', 'kindle', join(FIXTURES, 'My Clippings.txt'))).toMatchObject({
      itemsCreated: 0,
      itemsUnchanged: 6,
      highlightsAdded: 0,
      highlightsUnchanged: 7,
    });
    const human = await grow.ok('import', 'readwise', join(FIXTURES, 'readwise.csv'));
    expect(human.stdout).toBe('Imported from Readwise: 0 new items, 0 updated, 3 unchanged; 0 highlights added, 0 updated, 4 unchanged.\n');
  });

  it('refuses a file of another format, a missing file and a file over the 64 MiB limit', async () => {
    const grow = fresh();
    await grow.fails(
      1,
      'validation_failed',
      'file: not a StoryGraph export: the header lacks the columns "Authors", "ISBN/UID", "Read Status"',
      'import',
      'storygraph',
      join(FIXTURES, 'goodreads_library_export-2021.csv'),
    );
    const missing = join(root.path, 'nowhere.csv');
    await grow.fails(1, 'validation_failed', `file: cannot read ${missing}`, 'import', 'goodreads', missing);
    // A sparse file: 64 MiB and one byte, without writing them.
    const huge = join(root.path, 'huge.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 64 * 1024 * 1024 + 1);
    closeSync(fd);
    await grow.fails(1, 'validation_failed', `file: ${huge} is larger than the 64 MiB limit`, 'import', 'kindle', huge);
    expect(await grow.json('import', 'readwise', join(FIXTURES, 'readwise.csv'))).toMatchObject({ itemsCreated: 3 });
  });
});
