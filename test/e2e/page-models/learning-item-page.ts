import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

/** The details the edit form changes; a field left out is left as it is. */
export interface ItemDetails {
  title?: string;
  kind?: string;
  authors?: string[];
  pages?: string;
  isbn?: string;
  url?: string;
  recommendedBy?: string;
  status?: string;
}

export class LearningItemPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string, id: string): Promise<this> {
    await this.page.goto(`${base}/library/${encodeURIComponent(id)}`);
    await this.page.getByRole('region', { name: 'Details' }).waitFor();
    return this;
  }

  region(name: 'Details' | 'Edit details' | 'Progress' | 'Finish' | 'Finished' | 'Notes' | 'Takeaways' | 'Highlights'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}\\b`) });
  }

  async recordProgress(position: string): Promise<void> {
    await this.page.getByLabel('Page or percentage', { exact: true }).fill(position);
    await this.page.getByRole('button', { name: 'Save progress' }).click();
  }

  async finish(options: { rating?: string; date?: string } = {}): Promise<void> {
    if (options.rating !== undefined) await this.page.getByLabel('Rating (optional)', { exact: true }).fill(options.rating);
    if (options.date !== undefined) await this.page.getByLabel('Finished on', { exact: true }).fill(options.date);
    await this.page.getByRole('button', { name: 'Mark as finished' }).click();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel('New note', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }

  notes(): Locator {
    return this.region('Notes').locator('.learning-notes li');
  }

  takeaways(): Locator {
    return this.region('Takeaways').locator('.learning-notes li');
  }

  async addTakeaway(text: string): Promise<void> {
    await this.page.getByLabel('New takeaway', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Add takeaway' }).click();
  }

  async openEdit(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Edit details', exact: true }).click();
    const form = this.region('Edit details');
    await form.getByLabel('Title', { exact: true }).waitFor();
    return form;
  }

  /** Opens the edit form when it is closed, changes the fields given, and saves. */
  async editDetails(details: ItemDetails): Promise<void> {
    const form = (await this.region('Edit details').count()) ? this.region('Edit details') : await this.openEdit();
    if (details.title !== undefined) await form.getByLabel('Title', { exact: true }).fill(details.title);
    if (details.kind !== undefined) await form.getByLabel('Kind', { exact: true }).selectOption(details.kind);
    if (details.status !== undefined) await form.getByLabel('Status', { exact: true }).selectOption(details.status);
    if (details.authors !== undefined) await form.getByLabel('Authors', { exact: true }).fill(details.authors.join('\n'));
    if (details.pages !== undefined) await form.getByLabel('Pages', { exact: true }).fill(details.pages);
    if (details.isbn !== undefined) await form.getByLabel('ISBN', { exact: true }).fill(details.isbn);
    if (details.url !== undefined) await form.getByLabel('Web address', { exact: true }).fill(details.url);
    if (details.recommendedBy !== undefined) await form.getByLabel('Recommended by', { exact: true }).fill(details.recommendedBy);
    await form.getByRole('button', { name: 'Save details', exact: true }).click();
  }

  async cancelEdit(): Promise<void> {
    await this.region('Edit details').getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  /** The error shown under a field of the edit form, by the field's id (edit-title, edit-pages, …). */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }

  highlights(): Locator {
    return this.region('Highlights').locator('.learning-highlights li');
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
  }
}
