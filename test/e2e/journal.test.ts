import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { axeViolations } from './support/browser.js';
import { GROW, ROOT, type GrowHome } from './support/grow.js';
import { JournalPage } from './page-models/journal-page.js';
import { JournalEditorPage } from './page-models/journal-editor-page.js';
import { JournalEntryPage } from './page-models/journal-entry-page.js';

interface CliEntry {
  id: string;
  title: string | null;
  body: string;
  kind: string;
}

/** `grow journal add` with the body on stdin, as a script would write an entry. */
function addEntry(home: GrowHome, body: string, ...flags: string[]): CliEntry {
  return JSON.parse(
    execFileSync(process.execPath, [GROW, 'journal', 'add', ...flags, '--json'], { env: home.env, cwd: ROOT, input: body, encoding: 'utf8' }),
  ) as CliEntry;
}

let older: CliEntry;
const app = startAppForFile(async (home) => {
  older = addEntry(home, 'A quiet week of **refactoring**.\n', '--title', 'Older entry', '--date', '2026-11-02', '--tags', 'code');
});

const ATTACK = [
  'Safe text before the attack.',
  '',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '',
  '[click](javascript:window.__pwned=3)',
  '',
  '<a href="javascript:window.__pwned=4">raw link</a>',
  '',
  '<iframe src="https://example.com/"></iframe>',
  '',
  'Safe text after: <b>kiwi</b> <form action="/x"><button>Send</button></form> <style>body{display:none}</style>',
  '',
].join('\n');

describe('the journal', () => {
  it('writes an entry with a live preview, shows it rendered, and finds it by search', async () => {
    const journal = await new JournalPage(app.page).open(app.base);
    await expect.poll(() => journal.entries().count()).toBe(1);
    await journal.newEntry();

    const editor = new JournalEditorPage(app.page);
    const body = '# What happened\n\nI asked **three** people for feedback on my design reviews.\n\n- Ana: shorter docs\n- Raj: more diagrams\n';
    await editor.fill({ title: 'On asking for feedback', tags: 'feedback, growth', body });
    await editor.preview().getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
    expect(await editor.preview().locator('strong').innerText()).toBe('three');
    expect(await editor.preview().locator('li').allInnerTexts()).toEqual(['Ana: shorter docs', 'Raj: more diagrams']);
    // The preview can be put away and brought back.
    await editor.togglePreview().click();
    await editor.preview().waitFor({ state: 'detached' });
    expect(await editor.togglePreview().getAttribute('aria-pressed')).toBe('false');
    await editor.togglePreview().click();
    await editor.preview().waitFor();
    await editor.save();

    const entry = new JournalEntryPage(app.page);
    await entry.body().getByRole('heading', { level: 2, name: 'What happened' }).waitFor();
    expect(await entry.heading().innerText()).toBe('On asking for feedback');
    expect(await entry.status().innerText()).toBe('Saved.');
    expect(await entry.tags().allInnerTexts()).toEqual(['feedback', 'growth']);
    expect(await entry.meta().innerText()).toMatch(/^2026-11-23/);
    const id = app.page.url().split('/').pop()!;
    expect(await entry.jekyllLink().getAttribute('href')).toBe(`/api/v1/journal/${id}/jekyll`);
    // Kept exactly as typed.
    expect((await app.home.cli<CliEntry>('journal', 'show', id)).body).toBe(body);

    const again = await journal.open(app.base);
    await expect.poll(() => again.entries().count()).toBe(2);
    const row = again.entries().first();
    expect(await row.getByRole('link').innerText()).toBe('On asking for feedback');
    expect(await row.locator('.journal-kind').innerText()).toBe('entry');
    expect(await row.getByRole('list', { name: 'Tags' }).locator('li').allInnerTexts()).toEqual(['feedback', 'growth']);

    await journal.search('reviewing feedback');
    await journal.hits().first().waitFor();
    expect(await journal.hits().count()).toBe(1);
    expect(await journal.hits().getByRole('link').innerText()).toBe('On asking for feedback');
    expect(await journal.hits().locator('mark').allInnerTexts()).toEqual(['feedback', 'reviews']);
    // The snippet is rendered: bold reads bold, the heading's # and the list's - are gone.
    const snippet = journal.hits().locator('.journal-snippet[data-rendered]');
    expect(await snippet.locator('strong').allInnerTexts()).toEqual(['What happened', 'three']);
    expect(await snippet.innerText()).not.toMatch(/\*\*|#|^- /m);
    // The list below follows the search: only what matched, until the search is cleared.
    expect(await journal.entries().count()).toBe(0);
    await app.page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => journal.entries().count()).toBe(2);
    await journal.search('quokka');
    await journal.results().getByText('No entries match “quokka”.').waitFor();
    expect(await journal.entries().count()).toBe(0);
    await journal.search('  ');
    expect(await app.page.locator('#journal-search-error').innerText()).toBe('give the words to look for');
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('shows Markdown with script in it as safe text: nothing runs, no frame or script element', async () => {
    const editor = await new JournalEditorPage(app.page).openNew(app.base);
    await editor.fill({ title: 'Attack', body: ATTACK });
    await editor.preview().getByText('Safe text before the attack.').waitFor();
    expect(await editor.preview().locator('script, iframe, form, style, [onerror]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await editor.save();

    const entry = new JournalEntryPage(app.page);
    await entry.body().waitFor();
    expect(await entry.status().innerText()).toBe(
      'Saved. Note: body: contains HTML that can run script (<script>, onerror=, javascript: URL); it is kept as written and never runs: the web app removes it when showing the entry',
    );
    const text = await entry.body().innerText();
    expect(text).toMatch(/Safe text before the attack\./);
    expect(text).toMatch(/Safe text after: kiwi/);
    expect(await entry.body().locator('script, iframe, form, style, button, [onerror], [style], a[href^="javascript"]').count()).toBe(0);
    expect(await entry.body().locator('img').getAttribute('onerror')).toBeNull();
    await entry.body().getByText('click', { exact: false }).first().click();
    await entry.body().getByText('raw link').click();
    expect(await app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(app.page.url()).toMatch(/\/journal\/[^/]+$/);
    // Links an entry holds get rel="noopener noreferrer".
    const linked = addEntry(app.home, 'See [the docs](https://example.com/docs).\n', '--title', 'Linked');
    const linkedPage = await new JournalEntryPage(app.page).open(app.base, linked.id);
    expect(await linkedPage.body().getByRole('link', { name: 'the docs' }).getAttribute('rel')).toBe('noopener noreferrer');

    // A search snippet is sanitized as the entry is: of its HTML only the words are left.
    const journal = await new JournalPage(app.page).open(app.base);
    await journal.search('kiwi');
    await journal.hits().first().waitFor();
    const snippet = journal.hits().locator('.journal-snippet[data-rendered]');
    await snippet.waitFor();
    expect(await journal.results().locator('.journal-snippet *:not(mark, strong, em, code, del, s)').count()).toBe(0);
    expect(await journal.hits().locator('mark').allInnerTexts()).toEqual(['kiwi']);
    expect(await snippet.innerText()).toMatch(/Safe text after: kiwi/);
    expect(await snippet.innerText()).not.toMatch(/[<>]|display:none/);
    // Chrome reports the page's CSP refusing inline handlers and styles as soon as HTML holding them
    // is parsed, even in DOMPurify's inert document, before DOMPurify drops them: reports, not runs.
    const parseTimeReports = /^(Executing inline event handler|Applying inline style) violates the following Content Security Policy/;
    expect(cspOrScriptErrors(app.session.consoleErrors).filter((m) => !parseTimeReports.test(m))).toEqual([]);
  });

  it('writes a weekly review from the journal page, with errors next to the fields', async () => {
    const journal = await new JournalPage(app.page).open(app.base);
    await journal.weeklyReview({});
    expect(await app.page.locator('#weekly-grew-error').innerText()).toBe(
      'answer at least one prompt: what grew, what drained you, what you will try next week',
    );
    await journal.weeklyReview({ week: '2026-W50', grew: 'x' });
    await app.page.locator('#weekly-week-error').waitFor();
    expect(await app.page.locator('#weekly-week-error').innerText()).toBe('2026-W50 has not started yet (this week is 2026-W48)');

    await journal.weeklyReview({ week: '2026-W48', grew: 'Ran my first design review', next: 'Pair with Ana' });
    await expect.poll(() => journal.status().innerText()).toBe('Saved “Weekly review 2026-W48”.');
    const row = journal.entry('Weekly review 2026-W48');
    await row.waitFor();
    expect(await row.locator('.journal-kind').innerText()).toBe('weekly review');
    await app.page.getByRole('link', { name: 'Open Weekly review 2026-W48' }).click();
    const entry = new JournalEntryPage(app.page);
    await entry.body().getByRole('heading', { name: 'What grew' }).waitFor();
    // An entry's top headings sit just below the page title.
    expect(await entry.body().getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['What grew', 'What drained you', 'What you will try next week']);
    expect(await entry.meta().innerText()).toMatch(/covers 2026-11-23 to 2026-11-29/);
    // Found by search, the review keeps its questions as headings: bold, before their answers.
    const found = await new JournalPage(app.page).open(app.base);
    await found.search('design review');
    const snippet = found.hits().filter({ hasText: 'Weekly review 2026-W48' }).locator('.journal-snippet[data-rendered]');
    await snippet.waitFor();
    expect(await snippet.locator('strong').allInnerTexts()).toEqual(expect.arrayContaining(['What grew']));
    expect(await snippet.innerText()).toMatch(/^What grew Ran my first/);
  });

  it('edits an entry, refusing an empty body next to the field, and deletes it after confirming', async () => {
    const entry = await new JournalEntryPage(app.page).open(app.base, older.id);
    expect(await entry.body().locator('strong').innerText()).toBe('refactoring');
    await entry.edit();
    const editor = new JournalEditorPage(app.page);
    expect(await app.page.getByLabel('Entry (Markdown)').inputValue()).toBe('A quiet week of **refactoring**.\n');
    await editor.fill({ body: '   ' });
    await editor.save();
    expect(await editor.fieldError('body').innerText()).toBe('must not be empty');
    expect((await app.home.cli<CliEntry>('journal', 'show', older.id)).body).toBe('A quiet week of **refactoring**.\n');

    await editor.fill({ title: 'A quiet week', body: 'A quiet week of *careful* refactoring.\n', tags: 'code, focus' });
    await editor.save();
    await entry.body().locator('em').waitFor();
    expect(await entry.heading().innerText()).toBe('A quiet week');
    expect(await entry.tags().allInnerTexts()).toEqual(['code', 'focus']);

    await entry.delete();
    const journal = new JournalPage(app.page);
    await expect.poll(() => journal.status().innerText()).toBe('Deleted “A quiet week”.');
    expect(await journal.entry('A quiet week').count()).toBe(0);
    expect((await app.home.cli<CliEntry[]>('journal', 'list')).map((e) => e.id)).not.toContain(older.id);
    await app.page.getByRole('link', { name: 'Reflections' }).first().waitFor();
  });

  it('has no axe-core violations on the journal, the editor and an entry', async () => {
    const journal = await new JournalPage(app.page).open(app.base);
    await journal.search('feedback');
    await journal.hits().first().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    const editor = await new JournalEditorPage(app.page).openNew(app.base);
    await editor.fill({ body: '## A heading\n\nSome *text*.' });
    await editor.save();
    await app.page.locator('#entry-body-error').waitFor({ state: 'detached' });
    const entry = new JournalEntryPage(app.page);
    await entry.body().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await entry.edit();
    await editor.preview().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    // And in dark mode: marks, badges and the preview keep their contrast.
    await app.page.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await axeViolations(app.page)).toEqual([]);
      const dark = await new JournalPage(app.page).open(app.base);
      await dark.search('feedback');
      await dark.hits().first().waitFor();
      expect(await axeViolations(app.page)).toEqual([]);
    } finally {
      await app.page.emulateMedia({ colorScheme: 'light' });
    }
  });
});
