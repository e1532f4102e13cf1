import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export interface NewItem {
  title: string;
  kind?: string;
  authors?: string[];
  pages?: string;
  isbn?: string;
  url?: string;
  recommendedBy?: string;
  skills?: string[];
  status?: string;
}

export class LibraryPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/library`);
    await this.heading().filter({ hasText: 'Library' }).waitFor();
    await this.page.getByLabel('Title', { exact: true }).waitFor();
    return this;
  }

  async add(item: NewItem): Promise<void> {
    await this.page.getByLabel('Title', { exact: true }).fill(item.title);
    if (item.kind !== undefined) await this.page.getByLabel('Kind', { exact: true }).selectOption(item.kind);
    if (item.authors !== undefined) await this.page.getByLabel('Authors', { exact: true }).fill(item.authors.join('\n'));
    if (item.pages !== undefined) await this.page.getByLabel('Pages', { exact: true }).fill(item.pages);
    if (item.isbn !== undefined) await this.page.getByLabel('ISBN', { exact: true }).fill(item.isbn);
    if (item.url !== undefined) await this.page.getByLabel('Web address', { exact: true }).fill(item.url);
    if (item.recommendedBy !== undefined) await this.page.getByLabel('Recommended by', { exact: true }).fill(item.recommendedBy);
    if (item.status !== undefined) await this.page.getByLabel('Status', { exact: true }).selectOption(item.status);
    for (const skill of item.skills ?? []) await this.page.getByRole('checkbox', { name: skill, exact: true }).check();
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** Show only one status ('' for everything). */
  async show(status: string): Promise<void> {
    await this.page.getByLabel('Show', { exact: true }).selectOption(status);
  }

  rows(): Locator {
    return this.page.getByRole('region', { name: 'Library table' }).locator('tbody tr');
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async openItem(title: string): Promise<void> {
    await this.page.getByRole('region', { name: 'Library table' }).getByRole('link', { name: title, exact: true }).click();
    await this.heading().filter({ hasText: title }).waitFor();
  }

  /** The error shown under a field of the add form, by the field's id (item-title, item-isbn, …). */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }
}
