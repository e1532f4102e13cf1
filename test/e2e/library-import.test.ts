import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspOrScriptErrors, startAppForFile } from './support/app.js';
import { LibraryImportPage } from './page-models/library-import-page.js';

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

  it('says when a file is not the chosen format', async () => {
    const library = await new LibraryImportPage(app.page).open(app.base);
    await library.importFile('Readwise', goodreads(GOODREADS));
    await expect
      .poll(() => library.importAlert().innerText())
      .toBe('file: not a Readwise export: the header lacks the columns "Highlight", "Book Title", "Book Author"');
  });
});
