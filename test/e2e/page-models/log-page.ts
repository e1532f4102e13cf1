import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export interface LogEntry {
  text: string;
  minutes?: string;
  skills?: string[];
  energy?: string;
  ease?: string;
  date?: string;
}

export class LogPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/log`);
    await this.heading().filter({ hasText: 'Practice log' }).waitFor();
    return this;
  }

  async log(entry: LogEntry): Promise<void> {
    await this.page.getByLabel('What you practised').fill(entry.text);
    if (entry.minutes !== undefined) await this.page.getByLabel('Minutes', { exact: true }).fill(entry.minutes);
    if (entry.date !== undefined) await this.page.getByLabel('Date', { exact: true }).fill(entry.date);
    if (entry.energy !== undefined) await this.page.getByLabel(/^Energy/).selectOption(entry.energy);
    if (entry.ease !== undefined) await this.page.getByLabel(/^Ease/).selectOption(entry.ease);
    for (const skill of entry.skills ?? []) await this.page.getByRole('checkbox', { name: skill, exact: true }).check();
    await this.page.getByRole('button', { name: 'Log it' }).click();
  }

  rows(): Locator {
    return this.page.getByRole('region', { name: 'Practice log table' }).locator('tbody tr');
  }

  balanceWeek(week: string): Locator {
    return this.page.locator(`.balance-weeks li[data-week="${week}"]`);
  }
}
