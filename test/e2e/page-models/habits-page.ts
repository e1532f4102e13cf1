import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export interface HabitListRow {
  name: string;
  strength: string;
  streak: string;
  best: string;
  schedule: string;
  group: string;
  today: string;
}

export class HabitsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/habits`);
    await this.heading().filter({ hasText: 'Habits' }).waitFor();
    // The heading shows before the list has loaded: wait for the table or the empty state.
    await this.page.locator('table').or(this.page.getByText('No habits yet.')).first().waitFor();
    return this;
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  row(slug: string): Locator {
    return this.page.locator(`tr[data-slug="${slug}"]`);
  }

  async read(slug: string): Promise<HabitListRow> {
    const row = this.row(slug);
    await row.waitFor();
    const cells = await row.locator('th, td').allInnerTexts();
    const [name = '', strength = '', streak = '', best = '', schedule = '', group = '', today = ''] = cells.map((c) => c.trim());
    return { name, strength, streak, best, schedule, group, today };
  }

  slugs(): Promise<string[]> {
    return this.page.locator('tr[data-slug]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.slug!));
  }

  async showArchived(show: boolean): Promise<void> {
    // The list may re-render while it refetches; click again until the box holds its state.
    const box = this.page.getByLabel('Show archived habits');
    for (let attempt = 0; ; attempt++) {
      try {
        await box.setChecked(show, { timeout: 3000 });
        if ((await box.isChecked()) === show) return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  async openHabit(name: string): Promise<void> {
    await this.table().getByRole('link', { name, exact: true }).click();
    await this.heading().filter({ hasText: name }).waitFor();
  }

  async newHabit(): Promise<void> {
    await this.page.getByRole('link', { name: 'New habit' }).click();
    await this.heading().filter({ hasText: 'New habit' }).waitFor();
  }
}
