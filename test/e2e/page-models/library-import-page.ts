import type { Locator, Page } from 'playwright-core';
import { LibraryPage } from './library-page.js';

/** The library page's import form: source, file, "skip bad rows", and what the import said. */
export class LibraryImportPage extends LibraryPage {
  constructor(page: Page) {
    super(page);
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'Import a library' });
  }

  async importFile(
    source: 'Goodreads' | 'StoryGraph' | 'Kindle highlights' | 'Readwise',
    file: { name: string; mimeType: string; buffer: Buffer },
    options: { skipBad?: boolean } = {},
  ): Promise<void> {
    const form = this.form();
    await form.getByLabel('From', { exact: true }).selectOption({ label: source });
    await form.getByLabel('File', { exact: true }).setInputFiles(file);
    await form.getByLabel('Skip bad rows and import the rest').setChecked(options.skipBad ?? false);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
  }

  importStatus(): Locator {
    return this.form().getByRole('status');
  }

  importAlert(): Locator {
    return this.form().getByRole('alert');
  }

  skippedRows(): Locator {
    return this.form().getByRole('region', { name: 'Skipped rows' }).locator('li');
  }
}
