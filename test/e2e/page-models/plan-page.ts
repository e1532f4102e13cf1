import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class PlanPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/plan`);
    await this.heading().filter({ hasText: 'Plan' }).waitFor();
    return this;
  }

  async plan(fields: { hours?: string; days?: string; start?: string }): Promise<void> {
    if (fields.hours !== undefined) await this.page.getByLabel('Hours', { exact: true }).fill(fields.hours);
    if (fields.days !== undefined) await this.page.getByLabel('Days', { exact: true }).fill(fields.days);
    if (fields.start !== undefined) await this.page.getByLabel(/^Start/).fill(fields.start);
    await this.page.getByRole('button', { name: 'Plan the week' }).click();
  }

  sessions(): Locator {
    return this.page.getByRole('region', { name: 'Week plan' }).locator('tbody tr');
  }

  summary(): Locator {
    return this.page.getByTestId('plan-summary');
  }

  feedUrl(): Locator {
    return this.page.getByLabel('Feed address');
  }
}
