import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class ReflectionsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/reflections`);
    await this.heading().filter({ hasText: 'Reflections' }).waitFor();
    await this.page.getByLabel('From', { exact: true }).waitFor();
    return this;
  }

  from(): Locator {
    return this.page.getByLabel('From', { exact: true });
  }

  to(): Locator {
    return this.page.getByLabel('To', { exact: true });
  }

  async quick(choice: 'Last week' | 'Last month'): Promise<void> {
    await this.page.getByRole('group', { name: 'Quick periods' }).getByRole('button', { name: choice }).click();
  }

  async write(options: { from?: string; to?: string; title?: string } = {}): Promise<void> {
    if (options.from !== undefined) await this.from().fill(options.from);
    if (options.to !== undefined) await this.to().fill(options.to);
    if (options.title !== undefined) await this.page.getByLabel('Title (optional)').fill(options.title);
    await this.page.getByRole('button', { name: 'Write the draft' }).click();
  }

  /** Waits for the reflection just written to show, rendered (it is plain text until the renderer loads). */
  async waitForDraft(): Promise<void> {
    await this.created().locator('#created-body[data-rendered="true"]').waitFor();
  }

  /** The reflection just written: its title, links and rendered body. */
  created(): Locator {
    return this.page.locator('.reflection-created');
  }

  /** The lines of one section of the created reflection, by its heading. */
  section(heading: string): Locator {
    return this.created().locator(`xpath=.//h2[normalize-space()="${heading}"]/following-sibling::*[1]`);
  }

  past(): Locator {
    return this.page.getByRole('region', { name: /^Past reflections/ }).locator('.reflection-list li');
  }

  async importPosts(paths: string[], options: { skipBad?: boolean } = {}): Promise<void> {
    await this.page.getByLabel('Posts', { exact: true }).setInputFiles(paths);
    const skip = this.page.getByLabel('Skip bad posts and import the rest');
    if (options.skipBad) await skip.check();
    else await skip.uncheck();
    await this.page.getByRole('button', { name: 'Import posts' }).click();
  }

  importRegion(): Locator {
    return this.page.getByRole('region', { name: 'Import Jekyll posts' });
  }
}
