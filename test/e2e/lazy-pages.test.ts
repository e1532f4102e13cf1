import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startAppForFile } from './support/app.js';
import { TodayPage } from './page-models/today-page.js';

const app = startAppForFile(async (home) => {
  await home.cli('habit', 'add', 'Read');
  await home.cli('habit', 'add', 'Pages', '--target', '20', '--unit', 'pages');
});

describe('pages load when first opened', () => {
  it('the first page fetches no other page’s code; opening a page fetches it', async () => {
    const scripts: string[] = [];
    const onRequest = (request: Request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    };
    app.page.on('request', onRequest);
    try {
      const today = await new TodayPage(app.page).open(app.base);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((path) => /\/(HabitsPage|SkillCharts|StrengthChart|CartesianChart|markdown)-/.test(path))).toEqual([]);
      await today.navigate('Habits');
      expect(scripts.some((path) => /\/HabitsPage-[\w-]+\.js$/.test(path))).toBe(true);
    } finally {
      app.page.off('request', onRequest);
    }
  });

  it('a page whose code cannot be fetched says so, and the navigation still works', async () => {
    // Another page than the first test opened, so the browser has not loaded its code yet.
    await app.page.route(/\/assets\/ScorecardPage-[\w-]+\.js$/, (route) => route.abort());
    try {
      const today = await new TodayPage(app.page).open(app.base);
      await today.nav.getByRole('link', { name: 'Scorecard', exact: true }).click();
      await expect.poll(() => today.alert().innerText()).toMatch(/^Could not load this page: /);
      await today.navigate('Today');
    } finally {
      await app.page.unroute(/\/assets\/ScorecardPage-[\w-]+\.js$/);
    }
  });

  it('Today fetches the check-in schema only for a typed amount; when it cannot, the field says so and nothing is recorded', async () => {
    const schema = /\/assets\/habit\.schema-[\w-]+\.js$/;
    const scripts: string[] = [];
    const onRequest = (request: Request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    };
    app.page.on('request', onRequest);
    await app.page.route(schema, (route) => route.abort());
    try {
      const today = await new TodayPage(app.page).open(app.base);
      await today.clickDone('read');
      expect(scripts.filter((path) => schema.test(path))).toEqual([]);

      await today.enterAmount('pages', '25');
      const row = today.row('due', 'pages');
      await expect.poll(() => row.locator('.field-error').innerText()).toMatch(/^could not check the amount: /);
      expect(await today.dueSlugs()).toContain('pages');
      const stored = await app.home.cli<{ due: { slug: string; today: unknown }[] }>('today');
      expect(stored.due.find((habit) => habit.slug === 'pages')?.today).toBeNull();
    } finally {
      app.page.off('request', onRequest);
      await app.page.unroute(schema);
    }
  });
});
