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

  hours(): Locator {
    return this.page.getByLabel('Hours', { exact: true });
  }

  days(): Locator {
    return this.page.getByLabel('Days', { exact: true });
  }

  async plan(fields: { hours?: string; days?: string; start?: string }): Promise<void> {
    if (fields.hours !== undefined) await this.hours().fill(fields.hours);
    if (fields.days !== undefined) await this.days().fill(fields.days);
    if (fields.start !== undefined) await this.page.getByLabel(/^Week of/).fill(fields.start);
    await this.page.getByRole('button', { name: 'Plan the week' }).click();
  }

  sessions(): Locator {
    return this.page.getByRole('region', { name: 'Week plan' }).locator('tbody tr[data-kind]');
  }

  /** The row of a kept session, by its id. */
  session(id: string): Locator {
    return this.page.locator(`tr[data-session="${id}"]`);
  }

  /** The ids of the sessions shown, in order (empty for a preview's). */
  sessionIds(): Promise<string[]> {
    return this.sessions().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.session ?? ''));
  }

  async openDone(id: string): Promise<Locator> {
    await this.session(id).getByRole('button', { name: /^Done/ }).click();
    const form = this.page.locator(`#done-${id} form`);
    await form.waitFor();
    return form;
  }

  async skip(id: string): Promise<void> {
    await this.session(id).getByRole('button', { name: /^Skip/ }).click();
  }

  summary(): Locator {
    return this.page.getByTestId('plan-summary');
  }

  feedUrl(): Locator {
    return this.page.getByLabel('Feed address');
  }
}
