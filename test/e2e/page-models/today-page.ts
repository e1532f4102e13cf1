import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class TodayPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/`);
    await this.heading().filter({ hasText: 'Today' }).waitFor();
    return this;
  }

  section(name: 'Due' | 'To avoid' | 'Done' | 'Never miss twice'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** The row of a habit in one of Today's lists. */
  row(list: 'due' | 'done' | 'avoid', slug: string): Locator {
    return this.page.locator(`[data-habit-row][data-list="${list}"][data-slug="${slug}"]`);
  }

  dueSlugs(): Promise<string[]> {
    return this.page.locator('[data-habit-row][data-list="due"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.slug!));
  }

  async clickDone(slug: string): Promise<void> {
    await this.row('due', slug).getByRole('button', { name: /^Done/ }).click();
    await this.row('done', slug).waitFor();
  }

  async skip(slug: string): Promise<void> {
    await this.row('due', slug).getByRole('button', { name: /^Skip/ }).click();
    await this.row('done', slug).waitFor();
  }

  async enterAmount(slug: string, amount: string): Promise<void> {
    const input = this.row('due', slug).getByLabel(/^Amount/);
    await input.fill(amount);
    await input.press('Enter');
  }

  async recordSlip(slug: string, amount?: string): Promise<void> {
    const row = this.row('avoid', slug);
    if (amount !== undefined) await row.getByLabel(/^Amount/).fill(amount);
    await row.getByRole('button', { name: /^Record slip/ }).click();
  }

  async undo(list: 'done' | 'avoid', slug: string): Promise<void> {
    await this.row(list, slug).getByRole('button', { name: /^Undo/ }).click();
  }

  /** Focuses a habit's row the way a keyboard user does, by its first button. */
  async select(list: 'due' | 'done' | 'avoid', slug: string): Promise<void> {
    await this.row(list, slug).getByRole('button').first().focus();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** The slug of the habit whose row holds the focus. */
  selectedSlug(): Promise<string | null> {
    return this.page.evaluate(() => (document.activeElement?.closest('[data-habit-row]') as HTMLElement | null)?.dataset.slug ?? null);
  }

  /** A session of today's practice, by its skill. */
  practice(skill: string): Locator {
    return this.page.locator(`[data-planned="${skill}"]`);
  }

  shortcuts(): Locator {
    return this.page.getByRole('region', { name: 'Keyboard shortcuts' });
  }
}
