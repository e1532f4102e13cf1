import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { PlanPage } from './page-models/plan-page.js';

interface CliPlan {
  start: string;
  sessions: { date: string; skill: string; kind: string; minutes: number }[];
}

const app = startAppForFile(async (home) => {
  await home.cli('skill', 'assess', 'testing', '2', '--date', '2026-11-01');
  await home.cli('target', 'set', 'ic', 'senior');
});

describe('the plan page', () => {
  it('plans a week as the CLI does, for the hours and days given', async () => {
    const plan = await new PlanPage(app.page).open(app.base);
    await plan.sessions().first().waitFor();
    await plan.plan({ hours: '2', days: 'mon,wed,fri', start: '2026-11-30' });
    await expect.poll(() => plan.summary().innerText()).toMatch(/^The week from 2026-11-30/);
    const cli = await app.home.cli<CliPlan>('plan', 'week', '--hours', '2', '--days', 'mon,wed,fri', '--start', '2026-11-30');
    await expect.poll(() => plan.sessions().count()).toBe(cli.sessions.length);
    const kinds = await plan.sessions().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.kind));
    expect(kinds).toEqual(cli.sessions.map((s) => s.kind));
    const days = await plan.sessions().locator('th').allInnerTexts();
    expect(days.every((d) => /^(Mon|Wed|Fri) /.test(d))).toBe(true);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('says what is wrong with the hours', async () => {
    const plan = await new PlanPage(app.page).open(app.base);
    await plan.plan({ hours: '100' });
    await app.page.locator('#plan-hours-error').waitFor();
    expect(await app.page.locator('#plan-hours-error').innerText()).toMatch(/at most/);
  });

  it('downloads the calendar and creates and revokes a feed address', async () => {
    const plan = await new PlanPage(app.page).open(app.base);
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('link', { name: /Download the calendar/ }).click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);

    await app.page.getByRole('button', { name: 'Create a feed address' }).click();
    await plan.feedUrl().waitFor();
    const url = await plan.feedUrl().inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\.ics\?token=/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);

    await app.page.getByRole('button', { name: 'Revoke all feed addresses' }).click();
    await expect.poll(() => plan.status().innerText()).toMatch(/^Revoked 1 feed\b/);
    expect((await fetch(url)).status).toBe(401);
  });
});
