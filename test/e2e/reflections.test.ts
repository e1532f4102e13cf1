import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_DIR, POSTS_DIR } from '../fixtures/jekyll/posts.js';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { ReflectionsPage } from './page-models/reflections-page.js';

// Today is Monday 2026-11-23: "last week" is 2026-11-16 … 2026-11-22.
const app = startAppForFile(async (home) => {
  await home.cli('habit', 'add', 'Read 20 pages');
  for (const day of ['16', '17', '18', '19', '20', '21', '22']) await home.cli('habit', 'done', 'read-20-pages', '--date', `2026-11-${day}`);
  await home.cli('skill', 'assess', 'testing', '3', '--date', '2026-11-18');
  await home.cli('log', 'Wrote tests', '--minutes', '60', '--skills', 'testing', '--date', '2026-11-17');
  await home.cli('log', 'Gave feedback', '--minutes', '30', '--skills', 'communication', '--date', '2026-11-18');
  await home.cli('log', 'Outside the week', '--minutes', '45', '--skills', 'testing', '--date', '2026-11-23');
});

// A home with nothing recorded yet.
const empty = startAppForFile();

describe('reflections', () => {
  it('starts from the latest week with anything recorded, or says nothing was recorded and where to start', async () => {
    const page = await new ReflectionsPage(empty.page).open(empty.base);
    const note = empty.page.getByTestId('period-note');
    expect(await note.innerText()).toMatch(/^Nothing recorded yet: no check-in, rating, practice, finished reading or experiment\./);
    expect(await note.getByRole('link', { name: 'Check off a habit' }).getAttribute('href')).toBe('/');
    expect(await note.getByRole('link', { name: 'log some practice' }).getAttribute('href')).toBe('/log');

    // Wednesday 2026-10-07: its week is 2026-10-05 … 2026-10-11, long before last week.
    await empty.home.cli('log', 'Wrote tests', '--minutes', '30', '--skills', 'testing', '--date', '2026-10-07');
    await page.open(empty.base);
    expect(await page.from().inputValue()).toBe('2026-10-05');
    expect(await page.to().inputValue()).toBe('2026-10-11');
    expect(await note.innerText()).toBe('Last week holds nothing recorded: the period is the latest week that does, 2026-10-05 – 2026-10-11.');
    await page.quick('Last week');
    expect(await page.from().inputValue()).toBe('2026-11-16');
  });

  it('writes a reflection for last week and shows its headings and numbers', async () => {
    const page = await new ReflectionsPage(app.page).open(app.base);
    expect(await page.from().inputValue()).toBe('2026-11-16');
    expect(await page.to().inputValue()).toBe('2026-11-22');
    await page.write();
    await page.created().getByRole('heading', { name: 'Reflection 2026-11-16 – 2026-11-22' }).waitFor();
    await page.waitForDraft();
    const headings = await page.created().locator('.reflection-body h2').allInnerTexts();
    expect(headings).toEqual(['Habits', 'Skills that moved', 'Practice time', 'Learning', 'Experiments', 'Path fit now']);
    // Seven done days in a row from nothing: strength 1 − 0.5^(7/13) = 31%.
    expect(await page.section('Habits').innerText()).toBe('Read 20 pages (to build, daily): done on 7 of 7 due days (100%); strength 0% → 31% (+31 points)');
    expect(await page.section('Skills that moved').innerText()).toMatch(/\(technical\): unrated → 3 \(\+3 levels\), last assessed 2026-11-18$/);
    expect((await page.section('Practice time').innerText()).split('\n')).toEqual([
      'Technical practice: 60 min (1 h)',
      'Soft practice: 30 min',
      'Logged: 2 activities, 90 min (1 h 30 min) in all',
      'Technical share: 67% against your target of 50% (17 points more technical than the target)',
    ]);
    expect(await page.section('Learning').innerText()).toBe('No books, articles, courses or talks finished in this period.');
    expect(await page.created().getByText('Your words:').count()).toBe(6);
    expect(await page.created().getByRole('link', { name: 'Add your words' }).getAttribute('href')).toMatch(/^\/journal\/[0-9a-f-]{36}\/edit$/);
    expect(await page.created().getByRole('link', { name: 'Open in the journal' }).getAttribute('href')).toMatch(/^\/journal\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.past().count()).toBe(1);
    expect(await page.past().first().innerText()).toMatch(/Reflection 2026-11-16 – 2026-11-22\s+2026-11-16 – 2026-11-22/);

    await page.quick('Last month');
    expect([await page.from().inputValue(), await page.to().inputValue()]).toEqual(['2026-10-01', '2026-10-31']);
    await page.write({ title: 'October' });
    await page.created().getByRole('heading', { name: 'October' }).waitFor();
    await page.waitForDraft();
    expect(await page.section('Habits').innerText()).toBe('No active habits in this period.');
    await expect.poll(() => page.past().count()).toBe(2);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('says what is wrong with a period next to the field', async () => {
    const page = await new ReflectionsPage(app.page).open(app.base);
    await page.write({ from: '2026-11-20', to: '2026-11-10' });
    await app.page.locator('#reflection-from-error').waitFor();
    expect(await app.page.locator('#reflection-from-error').innerText()).toBe('must not be after to');
    await page.write({ from: '2026-11-30', to: '2026-12-02' });
    await expect
      .poll(() => app.page.locator('#reflection-from-error').innerText())
      .toBe('2026-11-30 is after today (2026-11-23): a reflection looks back on days that have begun');
  });

  it('imports Jekyll posts from several files, and refuses a bad one naming it', async () => {
    const page = await new ReflectionsPage(app.page).open(app.base);
    const posts = [join(POSTS_DIR, '2020-08-21-what-i-learned-pairing.md'), join(POSTS_DIR, '2024-03-05-late-night-incident.md')];
    await page.importPosts(posts);
    await expect.poll(() => page.importRegion().getByRole('status').innerText()).toBe('Imported 2 posts: 2 new, 0 updated, 0 unchanged.');

    await page.importPosts([join(BAD_DIR, '2024-01-03-bad-date.md'), posts[0]!]);
    await expect.poll(() => page.importRegion().getByRole('alert').innerText()).toBe('2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date');

    await page.importPosts([join(BAD_DIR, '2024-01-03-bad-date.md'), ...posts], { skipBad: true });
    await expect.poll(() => page.importRegion().getByRole('status').innerText()).toBe('Imported 2 posts: 0 new, 0 updated, 2 unchanged.');
    expect(await page.importRegion().getByRole('region', { name: 'Skipped posts' }).innerText()).toMatch(/1 post skipped:\s+2024-01-03-bad-date\.md: line 4/);

    // What the browser imported exports back byte for byte.
    const out = mkdtempSync(join(tmpdir(), 'grow-e2e-jekyll-'));
    try {
      const written = await app.home.cli<{ path: string }>('export', 'jekyll', '2024-03-05-late-night-incident.md', '--out', out);
      expect(readFileSync(written.path).equals(readFileSync(posts[1]!))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
