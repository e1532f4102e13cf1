import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class LearningItemPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string, id: string): Promise<this> {
    await this.page.goto(`${base}/library/${encodeURIComponent(id)}`);
    await this.page.getByRole('region', { name: 'Details' }).waitFor();
    return this;
  }

  region(name: 'Details' | 'Progress' | 'Finish' | 'Finished' | 'Notes' | 'Takeaways' | 'Highlights'): Locator {
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

  highlights(): Locator {
    return this.region('Highlights').locator('.learning-highlights li');
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
  }
}
