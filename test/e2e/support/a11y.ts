import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { E2eApp } from './app.js';
import { axeViolations } from './browser.js';
import type { GrowHome } from './grow.js';
import { TodayPage } from '../page-models/today-page.js';
import { HabitsPage } from '../page-models/habits-page.js';
import { HabitPage } from '../page-models/habit-page.js';
import { HabitFormPage } from '../page-models/habit-form-page.js';
import { ScorecardPage } from '../page-models/scorecard-page.js';
import { SettingsPage } from '../page-models/settings-page.js';

/** Data that fills every page: measurable and yes/no habits, one to break, an archived one, a scorecard. */
export async function seedEverything(home: GrowHome): Promise<void> {
  await home.cli('habit', 'add', 'Read', '--target', '20', '--unit', 'pages', '--identity', 'I am someone who reads', '--when', '21:00', '--where', 'in bed', '--group', 'evening');
  for (const [date, amount] of [['2026-10-01', '25'], ['2026-10-02', '12'], ['2026-11-20', '30'], ['2026-11-21', '20']] as const) {
    await home.cli('habit', 'done', 'read', '--date', date, '--amount', amount, '--note', 'a chapter');
  }
  await home.cli('habit', 'skip', 'read', '--date', '2026-11-22', '--note', 'travel');
  await home.cli('habit', 'add', 'Meditate', '--two-minute', 'one breath', '--after', 'read');
  await home.cli('habit', 'done', 'meditate', '--date', '2026-11-21');
  await home.cli('habit', 'add', 'Stretch');
  await home.cli('habit', 'done', 'stretch');
  await home.cli('habit', 'add', 'Doomscroll', '--kind', 'break', '--obvious', 'phone in another room');
  await home.cli('habit', 'slip', 'doomscroll', '--date', '2026-11-22', '--note', 'bad day');
  await home.cli('habit', 'add', 'Old', '--group', 'misc');
  await home.cli('habit', 'archive', 'old');
  await home.cli('scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:45');
  await home.cli('scorecard', 'add', 'Check phone', '--rating', '-', '--time', '06:50');
  await home.cli('scorecard', 'add', 'Make coffee', '--rating', '+');
}

/** Every page and state a person sees, each ready to be scanned. */
export const PAGES: [string, (page: Page, base: string) => Promise<void>][] = [
  ['Today', async (page, base) => void (await new TodayPage(page).open(base))],
  ['Today, a habit selected', async (page, base) => {
    const today = await new TodayPage(page).open(base);
    await today.select('due', 'read');
  }],
  ['Habits', async (page, base) => void (await new HabitsPage(page).open(base))],
  ['Habits with archived', async (page, base) => {
    const habits = await new HabitsPage(page).open(base);
    await habits.showArchived(true);
    await habits.row('old').waitFor();
  }],
  ['a measurable habit', async (page, base) => {
    const habit = await new HabitPage(page).open(base, 'read', 'Read');
    await habit.chart().locator('svg.recharts-surface').waitFor();
  }],
  ['a habit to break', async (page, base) => {
    const habit = await new HabitPage(page).open(base, 'doomscroll', 'Doomscroll');
    await habit.chart().locator('svg.recharts-surface').waitFor();
  }],
  ['the delete dialog', async (page, base) => {
    const habit = await new HabitPage(page).open(base, 'meditate', 'Meditate');
    await habit.askToDelete();
  }],
  ['New habit', async (page, base) => void (await new HabitFormPage(page).openNew(base))],
  ['New habit with errors', async (page, base) => {
    const form = await new HabitFormPage(page).openNew(base);
    await form.fill({ schedule: 'sometimes', unit: 'pages' });
    await form.submit();
    await page.locator('#habit-name-error').waitFor();
  }],
  ['Edit habit', async (page, base) => {
    await page.goto(`${base}/habits/read/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit Read' }).waitFor();
  }],
  ['Scorecard', async (page, base) => {
    const scorecard = await new ScorecardPage(page).open(base);
    await scorecard.line('Check phone').waitFor();
  }],
  ['Scorecard with an error', async (page, base) => {
    const scorecard = await new ScorecardPage(page).open(base);
    await scorecard.add('', null);
    await page.locator('#rating-error').waitFor();
  }],
  ['Settings', async (page, base) => void (await new SettingsPage(page).open(base))],
  ['Not found', async (page, base) => {
    await page.goto(`${base}/nowhere`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  }],
];

/** An axe-core scan of every page in one color scheme (the system's preference), asserting no violations. */
export function describeAxeScans(app: E2eApp, scheme: 'light' | 'dark'): void {
  describe(`no axe-core violations in ${scheme} mode`, () => {
    it.each(PAGES)('%s', async (_name, open) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      await open(app.page, app.base);
      expect(await app.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      expect(await axeViolations(app.page)).toEqual([]);
    });

    it('the sign-in page', async () => {
      const context = await app.browser.newContext({ colorScheme: scheme });
      try {
        const page = await context.newPage();
        await page.goto(app.base);
        await page.getByRole('heading', { level: 1, name: 'Sign in to grow' }).waitFor();
        expect(await page.locator('main').innerText()).toMatch(/open the link that grow serve printed/);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
