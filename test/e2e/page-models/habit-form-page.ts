import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export interface HabitFormInput {
  name?: string;
  kind?: 'build' | 'break';
  schedule?: string;
  target?: string;
  unit?: string;
  identity?: string;
  when?: string;
  where?: string;
  after?: string;
  twoMinute?: string;
  bundle?: string;
  obvious?: string;
  attractive?: string;
  easy?: string;
  satisfying?: string;
  group?: string;
  skills?: string;
}

const LABELS: Record<Exclude<keyof HabitFormInput, 'kind'>, RegExp> = {
  name: /^Name/,
  schedule: /^Schedule/,
  target: /^(Target|Limit)/,
  unit: /^Unit/,
  identity: /^Identity/,
  when: /^When/,
  where: /^Where/,
  after: /^Stack after/,
  twoMinute: /^Two-minute version/,
  bundle: /^Temptation bundle/,
  obvious: /^1\. Make it/,
  attractive: /^2\. Make it/,
  easy: /^3\. Make it/,
  satisfying: /^4\. Make it/,
  group: /^Group/,
  skills: /^Skills/,
};

/** The form that adds or edits a habit (pages /habits/new and /habits/:slug/edit). */
export class HabitFormPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async openNew(base: string): Promise<this> {
    await this.page.goto(`${base}/habits/new`);
    await this.heading().filter({ hasText: 'New habit' }).waitFor();
    return this;
  }

  field(name: Exclude<keyof HabitFormInput, 'kind'>): Locator {
    return this.page.getByLabel(LABELS[name]);
  }

  async fill(input: HabitFormInput): Promise<void> {
    if (input.kind) await this.page.getByRole('radio', { name: input.kind === 'build' ? 'To build' : 'To break' }).check();
    for (const [key, value] of Object.entries(input)) {
      if (key === 'kind' || value === undefined) continue;
      await this.field(key as Exclude<keyof HabitFormInput, 'kind'>).fill(value);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Add habit|Save changes)$/ }).click();
  }

  /** Submits and waits for the habit's page. */
  async save(expectedName: string): Promise<void> {
    await this.submit();
    await this.page.waitForURL(/\/habits\/[^/]+$/);
    await this.page.getByRole('heading', { level: 1, name: new RegExp(`^${expectedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
    await this.page.getByRole('region', { name: 'Atomic Habits card' }).waitFor();
  }

  /** The message shown under a field, if any. */
  async errorOf(name: Exclude<keyof HabitFormInput, 'kind'>): Promise<string | null> {
    const input = this.field(name);
    const described = await input.getAttribute('aria-describedby');
    const id = described?.split(' ').find((x) => x.endsWith('-error'));
    if (!id) return null;
    return this.page.locator(`#${id}`).innerText();
  }
}
