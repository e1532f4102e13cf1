import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class PathsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/paths`);
    await this.heading().filter({ hasText: 'Paths' }).waitFor();
    return this;
  }

  /** The tracks in the order the fit ranks them. */
  ranking(): Promise<string[]> {
    return this.page.locator('.fit-list > li').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.track!));
  }

  fit(track: string): Locator {
    return this.page.locator(`.fit-list > li[data-track="${track}"]`);
  }

  /** The charts of the ratings once drawn, as radars (laptop) or bars (phone). */
  charts(): Locator {
    return this.page.locator('.ratings-shape .radar-chart:has(.recharts-wrapper > svg.recharts-surface, .skill-bars)');
  }

  radars(): Locator {
    return this.page.locator('.ratings-shape .radar-chart .recharts-wrapper > svg.recharts-surface');
  }

  facet(id: string): Locator {
    return this.page.locator(`.facet-list > li[data-facet="${id}"]`);
  }

  /** Chooses a facet's status by its labelled select. */
  async setFacet(name: string, status: 'Unexplored' | 'Exploring' | 'Specializing'): Promise<void> {
    await this.page.getByRole('combobox', { name, exact: true }).selectOption({ label: status });
  }

  experiment(title: string): Locator {
    return this.page.locator('.experiment').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Fills the add form; without `start` the form's own default (today) stays. */
  async add(fields: { title: string; track: string; start?: string; until: string; hypothesis: string }): Promise<void> {
    await this.page.getByLabel('Title', { exact: true }).fill(fields.title);
    await this.page.locator('#experiment-track').selectOption({ label: fields.track });
    if (fields.start !== undefined) await this.page.getByLabel('Start', { exact: true }).fill(fields.start);
    await this.page.getByLabel('Until', { exact: true }).fill(fields.until);
    await this.page.getByLabel('Hypothesis', { exact: true }).fill(fields.hypothesis);
    await this.page.getByRole('button', { name: 'Start experiment' }).click();
  }

  async close(title: string, outcome: 'positive' | 'neutral' | 'negative', note?: string, on?: string): Promise<void> {
    const item = this.experiment(title);
    await item.getByLabel(/^Outcome/).selectOption(outcome);
    if (note !== undefined) await item.getByLabel(/^Note/).fill(note);
    if (on !== undefined) await item.getByLabel(/^Closed on/).fill(on);
    await item.getByRole('button', { name: /^Close/ }).click();
  }
}
