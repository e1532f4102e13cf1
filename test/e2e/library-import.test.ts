import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspOrScriptErrors, startAppForFile } from './support/app.js';
import { LibraryImportPage } from './page-models/library-import-page.js';
import { GROW } from './support/grow.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const goodreads = (text: string) => ({ name: 'goodreads_library_export.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
const GOODREADS = readFileSync(join(FIXTURES, 'goodreads_library_export-2021.csv'), 'utf8');

const app = startAppForFile();

describe('importing into the library from the browser', () => {
  it('imports a Goodreads export and the list shows the books at once', async () => {
    const library = await new LibraryImportPage(app.page).open(app.base);
    expect(await library.rows().count()).toBe(0);
    await library.importFile('Goodreads', goodreads(GOODREADS));
    await expect.poll(() => library.importStatus().innerText()).toBe('Imported from Goodreads: 6 new items, 0 updated, 0 unchanged; 1 note added.');
    await expect.poll(() => library.rows().count()).toBe(6);
    expect(await library.row('Thinking, Fast and Slow').innerText()).toMatch(/Daniel Kahneman/);

    // The same file again changes nothing.
    await library.importFile('Goodreads', goodreads(GOODREADS));
    await expect.poll(() => library.importStatus().innerText()).toBe('Imported from Goodreads: 0 new items, 0 updated, 6 unchanged.');
    expect(await library.rows().count()).toBe(6);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('shows the bad row and imports nothing, unless bad rows are skipped', async () => {
    const library = await new LibraryImportPage(app.page).open(app.base);
    const newer = readFileSync(join(FIXTURES, 'goodreads_library_export-2026.csv'), 'utf8').replace('"=""9780735211292"""', '"=""9780735211293"""');
    await library.importFile('Goodreads', goodreads(newer));
    await expect
      .poll(() => library.importAlert().innerText())
      .toBe(
        'row 8 (line 9): ISBN13: "9780735211293" is not a valid ISBN-13 (the check digit does not match) (nothing was imported; 1 bad row in all; skip bad rows to import the others)',
      );
    expect(await library.rows().count()).toBe(6);

    await library.importFile('Goodreads', goodreads(newer), { skipBad: true });
    await expect.poll(() => library.importStatus().innerText()).toBe('Imported from Goodreads: 1 new item, 2 updated, 4 unchanged.');
    expect(await library.skippedRows().allInnerTexts()).toEqual([
      'row 8 (line 9): ISBN13: "9780735211293" is not a valid ISBN-13 (the check digit does not match)',
    ]);
    expect(await library.importAlert().innerText()).toBe('');
    await expect.poll(() => library.rows().count()).toBe(7);
  });

  it('lists every problem of a refused Kindle file with its line and column, and imports nothing', async () => {
    const library = await new LibraryImportPage(app.page).open(app.base);
    const before = await library.rows().count();
    const clippings = [
      'Book One (Ann Author)',
      '- Your Highlight at banana',
      '',
      'Some text',
      '==========',
      'Book Two (Bob)',
      'not metadata',
      '',
      'x',
      '==========',
      '',
    ].join('\n');
    await library.importFile('Kindle highlights', { name: 'My Clippings.txt', mimeType: 'text/plain', buffer: Buffer.from(clippings) });
    const alert = library.importAlert();
    await alert.getByRole('listitem').first().waitFor();
    expect(await alert.locator('p').innerText()).toBe('2 problems (nothing was imported; 2 bad entries in all; skip bad entries to import the others):');
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
      'line 2, column 1: entry 1: not a Kindle clipping: "- Your Highlight at banana" gives neither a page nor a location',
      'line 7, column 1: entry 2: not a Kindle clipping: expected a metadata line starting "- Your Highlight", "- Your Note" or "- Your Bookmark"',
    ]);
    // The same lines as the CLI prints.
    const file = join(app.home.home, 'My Clippings.txt');
    writeFileSync(file, clippings);
    const cli = spawnSync(process.execPath, [GROW, 'import', 'kindle', file], { env: app.home.env, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(
      cli.stderr
        .split('\n')
        .slice(1, 3)
        .map((l) => l.trim()),
    ).toEqual(await alert.getByRole('listitem').allInnerTexts());
    expect(await library.rows().count()).toBe(before);
  });

  it('says when a file is not the chosen format', async () => {
    const library = await new LibraryImportPage(app.page).open(app.base);
    await library.importFile('Readwise', goodreads(GOODREADS));
    await expect
      .poll(() => library.importAlert().innerText())
      .toBe('file: not a Readwise export: the header lacks the columns "Highlight", "Book Title", "Book Author"');
  });
});
