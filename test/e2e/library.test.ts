import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cspOrScriptErrors, startAppForFile } from './support/app.js';
import { axeViolations } from './support/browser.js';
import { LibraryPage } from './page-models/library-page.js';
import { LearningItemPage } from './page-models/learning-item-page.js';

interface CliItem {
  id: string;
  title: string;
  status: string;
  progress: number | null;
  page: number | null;
  pages: number | null;
  isbn13: string | null;
  rating: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  skills: string[];
  authors: string[];
  notes: { text: string }[];
}

let seeded: CliItem;

const app = startAppForFile(async (home) => {
  seeded = await home.cli<CliItem>('learn', 'add', 'Thinking in Systems', '--author', 'Donella Meadows', '--pages', '240');
  // A highlight as the Kindle import writes it; imports are another area, so the row goes in directly.
  const db = new Database(join(home.home, 'grow.db'));
  db.prepare(
    `INSERT INTO highlight (id, item_id, text, note, page, location, location_start, location_end, color, tags, highlighted_at, highlighted_raw, source, source_key, created_at)
     VALUES ('h-1', ?, 'A system is more than the sum of its parts.', 'the core idea', '12', '180-182', 180, 182, NULL, '[]', NULL, NULL, 'kindle', 'k-1', '2026-11-01T00:00:00.000Z')`,
  ).run(seeded.id);
  db.close();
});

describe('the library', () => {
  it('adds a book, lists it, records progress, finishes it with a rating and adds a note', async () => {
    const library = await new LibraryPage(app.page).open(app.base);
    await expect.poll(() => library.rows().count()).toBe(1);

    await library.add({
      title: 'The Manager’s Path',
      authors: ['Camille Fournier'],
      pages: '240',
      isbn: '978-1-4555-8669-1',
      recommendedBy: 'Ana',
      skills: ['Coaching and teaching'],
      status: 'want',
    });
    await expect.poll(() => library.status().innerText()).toBe('Added "The Manager’s Path" (want to read).');
    await expect.poll(() => library.rows().count()).toBe(2);
    expect(await library.row('The Manager’s Path').innerText()).toMatch(/Camille Fournier\s+Want to read/);
    expect(await app.page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    await library.show('reading');
    await expect.poll(() => app.page.getByText('Nothing marked "Reading".').count()).toBe(1);
    await library.show('');
    await expect.poll(() => library.rows().count()).toBe(2);

    await library.openItem('The Manager’s Path');
    const item = new LearningItemPage(app.page);
    expect(await item.region('Details').innerText()).toMatch(/Recommended by\s+Ana/);
    await item.recordProgress('60');
    await expect.poll(() => item.status().innerText()).toBe('Progress saved: 25% · p. 60 of 240.');
    await expect.poll(() => item.region('Details').innerText()).toMatch(/Status\s+Reading/);

    await item.finish({ rating: '4.25', date: '2026-11-22' });
    await expect.poll(() => item.status().innerText()).toBe('Finished "The Manager’s Path" on 2026-11-22, rated 4.25 / 5.');
    await expect.poll(() => item.region('Finished').innerText()).toMatch(/Finished on 2026-11-22, rated 4.25 \/ 5/);

    await item.addNote('Be the manager you would want to have.');
    await expect.poll(() => item.notes().count()).toBe(1);
    expect(await item.notes().first().innerText()).toMatch(/Be the manager you would want to have\./);
    expect(await app.page.getByLabel('New note', { exact: true }).inputValue()).toBe('');

    const [cli] = await app.home.cli<CliItem[]>('learn', 'list', '--status', 'read');
    expect(cli).toMatchObject({
      title: 'The Manager’s Path',
      authors: ['Camille Fournier'],
      status: 'read',
      rating: 4.25,
      finishedAt: '2026-11-22',
      startedAt: '2026-11-23',
      progress: 100,
      skills: ['coaching-and-teaching'],
    });
    const shown = await app.home.cli<CliItem>('learn', 'show', cli!.id);
    expect(shown.notes.map((n) => n.text)).toEqual(['Be the manager you would want to have.']);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('shows an item’s highlights with a way to make each a review card', async () => {
    const item = await new LearningItemPage(app.page).open(app.base, seeded.id);
    expect(await item.highlights().count()).toBe(1);
    expect(await item.highlights().first().innerText()).toMatch(
      /A system is more than the sum of its parts\.[\s\S]*Note: the core idea[\s\S]*page 12 · location 180-182/,
    );
    expect(
      await item
        .highlights()
        .first()
        .getByRole('button', { name: /Make a review card/ })
        .count(),
    ).toBe(1);
  });

  it('says what is wrong next to the field, and writes nothing', async () => {
    const item = await new LearningItemPage(app.page).open(app.base, seeded.id);
    await item.recordProgress('241');
    await app.page.locator('#progress-position-error').waitFor();
    expect(await app.page.locator('#progress-position-error').innerText()).toBe('241 is past the last page (the item has 240 pages)');
    expect(await app.page.getByLabel('Page or percentage', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    const library = await new LibraryPage(app.page).open(app.base);
    await library.add({ title: 'Bad ISBN', isbn: '1455586693' });
    await library.fieldError('item-isbn').waitFor();
    expect(await library.fieldError('item-isbn').innerText()).toBe('"1455586693" is not a valid ISBN-10 (the check digit does not match)');
    // Duplicates are found by the server and shown next to the title.
    await library.add({ title: 'Thinking in Systems: A Primer', authors: ['Meadows, Donella'], isbn: '' });
    await expect
      .poll(() => library.fieldError('item-title').innerText())
      .toBe(`already in your library as ${seeded.id} "Thinking in Systems" (same title and author)`);

    const cli = await app.home.cli<CliItem[]>('learn', 'list');
    expect(cli.map((i) => i.title).sort()).toEqual(['The Manager’s Path', 'Thinking in Systems']);
    expect(cli.find((i) => i.id === seeded.id)).toMatchObject({ status: 'want', page: null });
  });

  it('shows the finished book in the balance of the week it was finished', async () => {
    await app.page.goto(`${app.base}/log`);
    const week = app.page.locator('.balance-weeks li[data-week="2026-W47"]');
    await expect.poll(() => week.innerText()).toMatch(/Finished: The Manager’s Path/);
    await week.getByRole('link', { name: 'The Manager’s Path' }).click();
    await new LearningItemPage(app.page).heading().filter({ hasText: 'The Manager’s Path' }).waitFor();
  });

  it('edits an item’s details from its page; a bad edit is shown next to its field and changes nothing', async () => {
    await app.home.cli('learn', 'progress', seeded.id, '60');
    const item = await new LearningItemPage(app.page).open(app.base, seeded.id);
    const form = await item.openEdit();
    // The form starts from what is stored, and takes the focus.
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('Thinking in Systems');
    expect(await form.getByLabel('Pages', { exact: true }).inputValue()).toBe('240');
    expect(await form.getByLabel('Authors', { exact: true }).inputValue()).toBe('Donella Meadows');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('edit-title');
    expect(await axeViolations(app.page)).toEqual([]);

    await item.editDetails({ title: 'Thinking in Systems: A Primer', pages: '218' });
    await expect.poll(() => item.status().innerText()).toBe('Saved the details of "Thinking in Systems: A Primer".');
    await item.heading().filter({ hasText: 'Thinking in Systems: A Primer' }).waitFor();
    expect(await item.region('Details').innerText()).toMatch(/Pages\s+218/);
    expect(await item.region('Progress').innerText()).toMatch(/p\. 60 of 218/);
    expect(await item.region('Edit details').count()).toBe(0);
    let cli = await app.home.cli<CliItem>('learn', 'show', seeded.id);
    expect(cli).toMatchObject({ title: 'Thinking in Systems: A Primer', pages: 218, page: 60, authors: ['Donella Meadows'], status: 'reading' });

    // The server finds this one: fewer pages than the page one is on. The title changed with it stays as it was.
    await item.editDetails({ title: 'Renamed', pages: '50' });
    await expect.poll(() => item.fieldError('edit-pages').innerText()).toBe('50 is less than the current page (60)');
    expect(await item.region('Edit details').getByLabel('Pages', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await item.region('Edit details').getByRole('alert').innerText()).toBe('Please correct the field marked below.');
    // The shared schema finds this one before anything is sent.
    await item.editDetails({ pages: '218', isbn: '1455586693' });
    await expect.poll(() => item.fieldError('edit-isbn').innerText()).toBe('"1455586693" is not a valid ISBN-10 (the check digit does not match)');
    expect(await item.fieldError('edit-pages').count()).toBe(0);
    cli = await app.home.cli<CliItem>('learn', 'show', seeded.id);
    expect(cli).toMatchObject({ title: 'Thinking in Systems: A Primer', pages: 218, isbn13: null });

    await item.cancelEdit();
    await expect.poll(() => item.region('Edit details').count()).toBe(0);
    expect(await item.heading().innerText()).toBe('Thinking in Systems: A Primer');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent)).toBe('Edit details');
  });

  it('shows a takeaway first and the prompt it is asked with below it', async () => {
    const item = await new LearningItemPage(app.page).open(app.base, seeded.id);
    await item.addTakeaway('A system’s behaviour comes from its structure, not its parts.');
    await expect.poll(() => item.takeaways().count()).toBe(1);
    const lines = item.takeaways().first().locator('p');
    expect(await lines.nth(0).innerText()).toBe('A system’s behaviour comes from its structure, not its parts.');
    expect(await lines.nth(1).innerText()).toMatch(/what did you take away\?$/);
    expect(await lines.nth(1).getAttribute('class')).toMatch(/\bmeta\b/);
  });

  it('has no accessibility violations on the list and on an item with everything shown', async () => {
    const library = await new LibraryPage(app.page).open(app.base);
    await library.rows().first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    const [finished] = await app.home.cli<CliItem[]>('learn', 'list', '--status', 'read');
    const item = await new LearningItemPage(app.page).open(app.base, finished!.id);
    await item.notes().first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await new LearningItemPage(app.page).open(app.base, seeded.id);
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('deletes an item after confirmation', async () => {
    const item = await new LearningItemPage(app.page).open(app.base, seeded.id);
    await item.delete();
    await new LibraryPage(app.page).heading().filter({ hasText: 'Library' }).waitFor();
    await expect.poll(async () => (await app.home.cli<CliItem[]>('learn', 'list')).map((i) => i.title)).toEqual(['The Manager’s Path']);
  });
});
