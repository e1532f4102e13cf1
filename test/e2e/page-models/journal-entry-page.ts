import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

/** /journal/:id: the rendered entry, its facts and actions. */
export class JournalEntryPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string, id: string): Promise<this> {
    await this.page.goto(`${base}/journal/${encodeURIComponent(id)}`);
    await this.body().waitFor();
    return this;
  }

  /** The rendered body (once the renderer has loaded). */
  body(): Locator {
    return this.page.locator('#journal-body[data-rendered="true"]');
  }

  meta(): Locator {
    return this.page.locator('.journal-meta');
  }

  tags(): Locator {
    return this.page.getByRole('list', { name: 'Tags' }).locator('li');
  }

  jekyllLink(): Locator {
    return this.page.getByRole('link', { name: 'Download as Jekyll post' });
  }

  async edit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await this.heading()
      .filter({ hasText: /^Edit / })
      .waitFor();
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await this.heading().filter({ hasText: 'Journal' }).waitFor();
  }
}
