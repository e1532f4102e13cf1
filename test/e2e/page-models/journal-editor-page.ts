import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export interface EntryFields {
  title?: string;
  date?: string;
  tags?: string;
  body?: string;
}

/** /journal/new and /journal/:id/edit: the Markdown editor with its live preview. */
export class JournalEditorPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async openNew(base: string): Promise<this> {
    await this.page.goto(`${base}/journal/new`);
    await this.heading().filter({ hasText: 'New entry' }).waitFor();
    return this;
  }

  async fill(fields: EntryFields): Promise<void> {
    if (fields.title !== undefined) await this.page.getByLabel('Title (optional)').fill(fields.title);
    if (fields.date !== undefined) await this.page.getByLabel('Date', { exact: true }).fill(fields.date);
    if (fields.tags !== undefined) await this.page.getByLabel('Tags', { exact: true }).fill(fields.tags);
    if (fields.body !== undefined) await this.page.getByLabel('Entry (Markdown)').fill(fields.body);
  }

  /** The rendered preview (once the renderer has loaded). */
  preview(): Locator {
    return this.page.locator('#entry-preview[data-rendered="true"]');
  }

  togglePreview(): Locator {
    return this.page.getByRole('button', { name: 'Preview' });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^Save (entry|changes)$/ }).click();
  }

  fieldError(field: 'title' | 'date' | 'tags' | 'body'): Locator {
    return this.page.locator(`#entry-${field}-error`);
  }
}
