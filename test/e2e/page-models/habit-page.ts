import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class HabitPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string, slug: string, name?: string): Promise<this> {
    await this.page.goto(`${base}/habits/${slug}`);
    await (name ? this.heading().filter({ hasText: name }) : this.heading()).waitFor();
    await this.page.locator('.heatmap-days').waitFor();
    return this;
  }

  stat(name: 'strength' | 'streak' | 'best'): Promise<string> {
    return this.page.locator(`[data-stat="${name}"]`).innerText();
  }

  card(): Locator {
    return this.page.getByRole('region', { name: 'Atomic Habits card' });
  }

  /** The card's entries as label → text. */
  async cardEntries(): Promise<Record<string, string>> {
    return this.card()
      .locator('dl > div')
      .evaluateAll((divs) => Object.fromEntries(divs.map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()])));
  }

  heatmapCell(date: string): Locator {
    return this.page.locator(`.heatmap-days li[data-date="${date}"]`);
  }

  heatmapCells(): Locator {
    return this.page.locator('.heatmap-days li');
  }

  chart(): Locator {
    return this.page.getByRole('region', { name: 'Strength over time' });
  }

  historyRow(date: string): Locator {
    return this.page.locator(`table.history tr[data-date="${date}"]`);
  }

  async checkIn(options: { date?: string; amount?: string; note?: string; action?: 'done' | 'skip' | 'slip' }): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Check in a day' });
    if (options.date) await form.getByLabel('Date').fill(options.date);
    if (options.amount !== undefined) await form.getByLabel(/^Amount/).fill(options.amount);
    if (options.note !== undefined) await form.getByLabel(/^Note/).fill(options.note);
    const button = { done: 'Mark done', skip: 'Skip day', slip: 'Record slip' }[options.action ?? 'done'];
    await form.getByRole('button', { name: button }).click();
  }

  async undoDay(date: string): Promise<void> {
    await this.historyRow(date).getByRole('button', { name: /^Undo/ }).click();
    await this.status()
      .filter({ hasText: `${date}: check-in removed` })
      .waitFor();
  }

  async edit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await this.heading()
      .filter({ hasText: /^Edit / })
      .waitFor();
  }

  async archive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Archive', exact: true }).click();
    await this.page.getByRole('button', { name: 'Restore', exact: true }).waitFor();
  }

  async restore(): Promise<void> {
    await this.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await this.page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
  }

  deleteDialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async askToDelete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete…' }).click();
    await this.deleteDialog().waitFor();
  }

  async confirmDelete(): Promise<void> {
    await this.deleteDialog().getByRole('button', { name: 'Delete for good' }).click();
    await this.heading().filter({ hasText: 'Habits' }).waitFor();
  }
}
