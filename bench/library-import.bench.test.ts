import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, expect, it } from 'vitest';
import { isbn10To13 } from '../src/core/isbn.js';
import { openStore } from '../src/store/database.js';
import { createContext } from '../src/services/context.js';
import { importLibrary } from '../src/services/library-import.service.js';
import { bareWrite, median, report, round } from './support.js';

const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-library-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const HEADER =
  'Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies';

/** An ISBN-10 with a valid check digit for a serial number, so every row carries both ISBN forms. */
function isbn10(n: number): string {
  const core = String(100_000_000 + n).slice(-9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(core[i]);
  const check = (11 - (sum % 11)) % 11;
  return core + (check === 10 ? 'X' : String(check));
}

/** A 24-column Goodreads export of `rows` books, as the site writes it (quoted ISBN formulas, HTML reviews). */
function goodreadsCsv(rows: number): string {
  const shelves = ['read', 'currently-reading', 'to-read', 'did-not-finish'];
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const shelf = shelves[i % 4]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const isbn = isbn10(i);
    lines.push(
      [
        String(1000 + i),
        `"Book number ${i}: A Subtitle, with a comma"`,
        `Author  ${i % 700}`,
        `"${i % 700}, Author"`,
        i % 5 === 0 ? `"Second Author ${i}, Third Author"` : '',
        `"=""${isbn}"""`,
        `"=""${isbn10To13(isbn)}"""`,
        shelf === 'read' ? String(i % 6) : '0',
        '3.98',
        'A Publisher',
        'Paperback',
        String(100 + (i % 400)),
        '2015',
        '2014',
        shelf === 'read' && i % 3 ? `20${10 + (i % 15)}/${month}/${day}` : '',
        `20${10 + (i % 15)}/${month}/${day}`,
        shelf === 'did-not-finish' ? '"did-not-finish, work"' : shelf === 'read' ? 'work' : shelf,
        '',
        shelf,
        i % 10 === 0 ? `"Loved it.<br/><br/>Chapter ${i} &amp; the rest."` : '',
        '',
        '',
        shelf === 'read' ? '1' : '0',
        '0',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

it('grow import goodreads: a 10,000-row export at most 3× the bare write of its rows (and 0.5 s on the reference machine)', async () => {
  const text = goodreadsCsv(10_000);
  const first: number[] = [];
  const again: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < 3; run++) {
    const store = await openStore(join(home, `goodreads-${run}.db`));
    const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
    let t = performance.now();
    const summary = await importLibrary(ctx, { source: 'goodreads' }, text);
    first.push(performance.now() - t);
    expect(summary).toMatchObject({ itemsCreated: 10_000, skipped: [] });
    t = performance.now();
    const repeat = await importLibrary(ctx, { source: 'goodreads' }, text);
    again.push(performance.now() - t);
    expect(repeat).toMatchObject({ itemsCreated: 0, itemsUpdated: 0, itemsUnchanged: 10_000 });
    bare.push(await bareWrite(store, join(home, `goodreads-bare-${run}.db`), ['learning_item', 'learning_note', 'highlight']));
    await store.close();
  }
  const ms = round(median(first));
  const baselineMs = round(median(bare));
  const ratio = round(ms / baselineMs);
  const pass = ratio <= 3;
  report({
    name: 'import goodreads (10,000 rows, SQLite)',
    target: 'ratio ≤ 3 vs the bare write of its rows',
    pass,
    baselineMs,
    subjectMs: ms,
    ratio,
    reimportMs: round(median(again)),
  });
  expect(pass).toBe(true);
});
