import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

/** /journal: the list, the search, the weekly review form. */
export class JournalPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/journal`);
    await this.heading().filter({ hasText: 'Journal' }).waitFor();
    return this;
  }

  entries(): Locator {
    return this.page.getByRole('list', { name: 'Journal entries' }).locator(':scope > li');
  }

  entry(title: string): Locator {
    return this.entries().filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async newEntry(): Promise<void> {
    await this.page.getByRole('link', { name: 'New entry' }).click();
    await this.heading().filter({ hasText: 'New entry' }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Words to look for' }).fill(text);
    await this.page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  }

  results(): Locator {
    return this.page.getByRole('region', { name: 'Search results' });
  }

  /** The entries the search found, as the list below the search shows them. */
  hits(): Locator {
    return this.results().locator('[data-hit]');
  }

  async weeklyReview(answers: { week?: string; grew?: string; drained?: string; next?: string }): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Weekly review' });
    if (answers.week !== undefined) await form.getByLabel('Week', { exact: true }).fill(answers.week);
    if (answers.grew !== undefined) await form.getByLabel('What grew this week?').fill(answers.grew);
    if (answers.drained !== undefined) await form.getByLabel('What drained you?').fill(answers.drained);
    if (answers.next !== undefined) await form.getByLabel('What will you try next week?').fill(answers.next);
    await form.getByRole('button', { name: 'Save the review' }).click();
  }
}
