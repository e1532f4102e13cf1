import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class ScorecardPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/scorecard`);
    await this.heading().filter({ hasText: 'scorecard' }).waitFor();
    // The heading comes before the lines: wait until they are loaded, whatever they hold.
    await this.page.getByRole('region', { name: 'Your day' }).locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    return this;
  }

  async add(text: string, rating: '+' | '-' | '=' | null, time?: string): Promise<void> {
    if (time !== undefined) await this.page.getByLabel(/^Time/).fill(time);
    await this.page.getByLabel(/^What you do/).fill(text);
    if (rating) await this.page.getByRole('radio', { name: { '+': /good habit/, '-': /bad habit/, '=': /neutral/ }[rating] }).check();
    await this.page.getByRole('button', { name: 'Add line' }).click();
  }

  lines(): Locator {
    return this.page.locator('.scorecard-lines > li');
  }

  line(text: string): Locator {
    return this.lines().filter({ hasText: text });
  }

  /** The lines as shown: time, rating (in words), text, and the habit it became, if any. */
  async read(): Promise<{ time: string; rating: string; text: string; habit: string | null }[]> {
    return this.lines().evaluateAll((lis) =>
      lis.map((li) => ({
        time: li.querySelector('.time')!.textContent!.trim(),
        rating: li.querySelector('.rating .sr-only')!.textContent!.trim(),
        text: li.querySelector('.text')!.textContent!.trim(),
        habit: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
    );
  }

  async turnIntoHabit(text: string): Promise<void> {
    await this.line(text)
      .getByRole('button', { name: /^Turn into a habit/ })
      .click();
    await this.line(text)
      .getByRole('link', { name: /^Habit/ })
      .waitFor();
  }

  async remove(text: string): Promise<void> {
    await this.line(text)
      .getByRole('button', { name: /^Remove/ })
      .click();
    await this.line(text).waitFor({ state: 'detached' });
  }
}
