import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { TODAY } from './support/grow.js';
import { axeViolations } from './support/browser.js';
import { ReviewPage } from './page-models/review-page.js';
import { TodayPage } from './page-models/today-page.js';
import { LearningItemPage } from './page-models/learning-item-page.js';

interface CliCard {
  id: string;
  front: string;
  due: string;
}

let systems: { id: string };

const app = startAppForFile(async (home) => {
  systems = await home.cli<{ id: string }>('learn', 'add', 'Thinking in Systems', '--author', 'Donella Meadows');
  // A highlight as an import writes it; imports are another area, so the row goes in directly.
  const db = new Database(join(home.home, 'grow.db'));
  db.prepare(
    `INSERT INTO highlight (id, item_id, text, page, tags, source, source_key, created_at)
     VALUES ('h-1', ?, 'A system is more than the sum of its parts.', '12', '[]', 'kindle', 'k-1', '2026-11-01T00:00:00.000Z')`,
  ).run(systems.id);
  db.close();
  await home.cli('learn', 'add', 'Atomic Habits', '--author', 'James Clear');
  await home.cli('learn', 'takeaway', 'Atomic Habits', 'Systems beat goals', '--front', 'Goals or systems?');
  await home.cli('learn', 'takeaway', 'Atomic Habits', 'Make it obvious', '--front', 'The first law of behaviour change?');
});

describe('the review page', () => {
  it('puts the number of cards due on Today, linking to the review', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    const link = app.page.getByRole('link', { name: '2 cards due for review' });
    await link.waitFor();
    await link.click();
    await today.heading().filter({ hasText: 'Review' }).waitFor();
    expect(new URL(app.page.url()).pathname).toBe('/review');
  });

  it('shows one card, reveals it with Space, grades it with 3, and moves on to the empty state', async () => {
    const review = await new ReviewPage(app.page).open(app.base);
    await review.front().filter({ hasText: 'Goals or systems?' }).waitFor();
    expect(await review.card().innerText()).toContain('Atomic Habits (James Clear)');
    expect(await review.remaining().innerText()).toBe('2 cards left');
    expect(await review.answer().count()).toBe(0);
    // A grade key before the answer shows grades nothing.
    await review.press('3');
    expect(await review.front().innerText()).toBe('Goals or systems?');

    await review.press(' ');
    expect(await review.answer().innerText()).toBe('Systems beat goals');
    for (const label of ['Again', 'Hard', 'Good', 'Easy'] as const) await review.grade(label).waitFor();
    // The focus is on the answer, not on a grade: another Space grades nothing by accident.
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Answer');
    await review.press(' ');
    expect(await review.front().innerText()).toBe('Goals or systems?');

    await review.press('3');
    await expect.poll(() => review.status().innerText()).toBe('Graded Good: next due in 10 minutes.');
    await review.front().filter({ hasText: 'The first law of behaviour change?' }).waitFor();
    expect(await review.remaining().innerText()).toBe('1 card left');
    // The next card takes the focus on its "Show answer"; Enter on it reveals.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent)).toBe('Show answer');
    await review.press('Enter');
    await review.answer().waitFor();
    await review.grade('Easy').click();
    await expect.poll(() => review.status().innerText()).toBe('Graded Easy: next due in 8 days.');
    await review.empty().waitFor();
    expect(await review.empty().innerText()).toContain('Nothing due. Add takeaways from your library.');
    expect(await review.empty().getByRole('link', { name: 'library' }).getAttribute('href')).toBe('/library');

    // What the page did is what the CLI sees.
    expect(await app.home.cli('review')).toEqual([]);
    const all = await app.home.cli<CliCard[]>('review', '--all');
    expect(all.map((c) => c.front)).toEqual(['Goals or systems?', 'The first law of behaviour change?']);
    // Eight days from the grade, on the server's clock: noon of the pinned day in the person's zone.
    const days = (Date.parse(all[1]!.due) - Date.parse(`${TODAY}T00:00:00Z`)) / 86_400_000;
    expect(days).toBeGreaterThan(7.4);
    expect(days).toBeLessThan(9.1);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);

    // Today no longer counts them.
    const today = await new TodayPage(app.page).open(app.base);
    await today.heading().waitFor();
    expect(await app.page.locator('.reviews-due').count()).toBe(0);
  });

  it('passes an accessibility scan with a card revealed and when nothing is due', async () => {
    await app.home.cli('learn', 'takeaway', 'Atomic Habits', 'Never miss twice');
    const review = await new ReviewPage(app.page).open(app.base);
    await review.showAnswer().click();
    await review.answer().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await review.grade('Easy').click();
    await review.empty().waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('reviews what the learning item page added: a takeaway from its form and a highlight made a card', async () => {
    const item = await new LearningItemPage(app.page).open(app.base, systems.id);
    await app.page.getByLabel('New takeaway', { exact: true }).fill('Look for the feedback loops');
    await app.page.getByRole('button', { name: 'Add takeaway' }).click();
    await expect.poll(() => item.region('Takeaways').innerText()).toContain('Look for the feedback loops');
    await item
      .highlights()
      .first()
      .getByRole('button', { name: /Make a review card/ })
      .click();
    await item.highlights().first().getByText('In your review cards.').waitFor();

    const review = await new ReviewPage(app.page).open(app.base);
    await review.front().filter({ hasText: 'From "Thinking in Systems" (Donella Meadows): what did you take away?' }).waitFor();
    expect(await review.remaining().innerText()).toBe('2 cards left');
    await review.press(' ');
    expect(await review.answer().innerText()).toBe('Look for the feedback loops');
    await review.press('4');
    await review.front().filter({ hasText: 'From "Thinking in Systems" (Donella Meadows), page 12: what does the passage you highlighted say?' }).waitFor();
    await review.press('Enter');
    expect(await review.answer().innerText()).toBe('A system is more than the sum of its parts.');
    await review.press('e');
    await review.empty().waitFor();
  });
});
