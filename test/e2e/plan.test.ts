import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { axeViolations } from './support/browser.js';
import { PlanPage } from './page-models/plan-page.js';
import { TodayPage } from './page-models/today-page.js';

interface CliPlan {
  start: string;
  kept: boolean;
  sessions: { id: string | null; date: string; skill: string; kind: string; minutes: number; status: string; activityId: string | null }[];
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

const noHorizontalScroll = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// Today is 2026-11-23, a Monday (GROW_TODAY): the week under way is kept from its first read.
describe.each(['sqlite', 'postgres'] as const)('the kept plan in the browser [%s]', { timeout: 90_000 }, (database) => {
  const kept = startAppForFile(
    async (home) => {
      await home.cli('skill', 'assess', 'testing', '2', '--date', '2026-11-01');
      await home.cli('target', 'set', 'ic', 'senior');
    },
    { database },
  );

  it("keeps the form's hours and days: after a reload, in the CLI, and for the week under way", async () => {
    await kept.page.setViewportSize({ width: 1280, height: 800 });
    const plan = await new PlanPage(kept.page).open(kept.base);
    await expect.poll(() => plan.hours().inputValue()).toBe('3');
    expect(await plan.days().inputValue()).toBe('mon,tue,wed,thu,fri');
    await plan.plan({ hours: '2', days: 'mon,wed,fri' });
    await expect.poll(() => plan.status().innerText()).toMatch(/^Kept: 2 hours a week over mon,wed,fri/);
    await kept.page.reload();
    await plan.sessions().first().waitFor();
    expect(await plan.hours().inputValue()).toBe('2');
    expect(await plan.days().inputValue()).toBe('mon,wed,fri');
    expect(await plan.summary().innerText()).toMatch(/^The week from 2026-11-23: \d+ sessions, 120 minutes\.$/);
    const cli = await kept.home.cli<CliPlan>('plan', 'week');
    expect(cli.kept).toBe(true);
    await expect.poll(() => plan.sessionIds()).toEqual(cli.sessions.map((s) => s.id));
    expect(new Set(cli.sessions.map((s) => s.date))).toEqual(new Set(['2026-11-23', '2026-11-25', '2026-11-27']));
  });

  it('shows another week without planning the week under way again', async () => {
    const before = await kept.home.cli<CliPlan>('plan', 'week');
    const plan = await new PlanPage(kept.page).open(kept.base);
    await expect.poll(() => plan.sessionIds()).toEqual(before.sessions.map((s) => s.id));
    await plan.plan({ start: '2026-11-30' });
    await expect.poll(() => plan.summary().innerText()).toMatch(/^The week from 2026-11-30: .+ A preview/);
    expect(await plan.status().innerText()).toBe('The week of 2026-11-30, as it stands.');
    // Every session of the week under way starts today: a replan would have made them again, with new ids.
    expect((await kept.home.cli<CliPlan>('plan', 'week')).sessions.map((s) => s.id)).toEqual(before.sessions.map((s) => s.id));
  });

  it("logs today's practice from Today with one button, and skips a session, on a phone (390×844)", async () => {
    await kept.page.setViewportSize({ width: 390, height: 844 });
    try {
      const cli = await kept.home.cli<CliPlan>('plan', 'week');
      const monday = cli.sessions.find((s) => s.date === '2026-11-23')!;
      const today = await new TodayPage(kept.page).open(kept.base);
      const item = today.practice(monday.skill);
      await item.waitFor();
      expect(await noHorizontalScroll(kept.page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(kept.page)).toEqual([]);
      await item.getByRole('button', { name: /^Done/ }).click();
      await expect.poll(() => item.getAttribute('data-status')).toBe('done');
      await expect.poll(() => today.status().innerText()).toMatch(new RegExp(`^Practice logged: ${monday.minutes} min of .+ on 2026-11-23\\.$`));
      expect(await item.innerText()).toContain('✓ done');
      const after = await kept.home.cli<CliPlan>('plan', 'week');
      expect(after.sessions.find((s) => s.id === monday.id)).toMatchObject({ status: 'done', activityId: expect.any(String) });

      // The plan page on a phone: no sideways scroll of the page; the table scrolls in its region.
      const plan = await new PlanPage(kept.page).open(kept.base);
      await plan.sessions().first().waitFor();
      expect(await noHorizontalScroll(kept.page)).toBeLessThanOrEqual(0);
      expect(await plan.session(monday.id!).getAttribute('data-status')).toBe('done');
      const wednesday = after.sessions.find((s) => s.date === '2026-11-25')!;
      await plan.skip(wednesday.id!);
      await expect.poll(() => plan.session(wednesday.id!).getAttribute('data-status')).toBe('skipped');
      await expect.poll(() => plan.status().innerText()).toMatch(/^Skipped .+: next week does not carry it\.$/);
      expect(await axeViolations(kept.page)).toEqual([]);
    } finally {
      await kept.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('logs a session done with its minutes, energy and ease (1280×800)', async () => {
    await kept.page.setViewportSize({ width: 1280, height: 800 });
    const plan = await new PlanPage(kept.page).open(kept.base);
    await plan.sessions().first().waitFor();
    const cli = await kept.home.cli<CliPlan>('plan', 'week');
    const friday = cli.sessions.find((s) => s.date === '2026-11-27')!;
    const form = await plan.openDone(friday.id!);
    // The form takes the focus, its minutes filled in with the session's.
    expect(await kept.page.evaluate(() => document.activeElement?.id)).toBe(`done-${friday.id}-minutes`);
    expect(await form.getByLabel('Minutes').inputValue()).toBe(String(friday.minutes));
    expect(await axeViolations(kept.page)).toEqual([]);
    await form.getByLabel('Minutes').fill('0');
    await form.getByRole('button', { name: /^Log practice/ }).click();
    await expect.poll(() => kept.page.locator(`#done-${friday.id}-minutes-error`).innerText()).toBe('must be more than 0');
    await form.getByLabel('Minutes').fill('25');
    await form.getByLabel(/^Energy/).selectOption('1');
    await form.getByLabel(/^Ease/).selectOption('4');
    await form.getByRole('button', { name: /^Log practice/ }).click();
    // A session ahead of its day, done early, is logged today.
    await expect.poll(() => plan.status().innerText()).toMatch(/^Practice logged: 25 min of .+ on 2026-11-23\.$/);
    await expect.poll(() => plan.session(friday.id!).getAttribute('data-status')).toBe('done');
    expect(await plan.session(friday.id!).getByRole('button').count()).toBe(0);

    const after = await kept.home.cli<CliPlan>('plan', 'week');
    expect(after.sessions.map((s) => s.status)).toEqual(['done', 'skipped', 'done']);
    const log = await kept.home.cli<{ id: string; minutes: number; energy: number | null; ease: number | null }[]>('log', 'list');
    expect(log.find((a) => a.id === after.sessions[2]!.activityId)).toMatchObject({ minutes: 25, energy: 1, ease: 4 });
    expect(log).toHaveLength(2);
    expect(await axeViolations(kept.page)).toEqual([]);
    expect(cspOrScriptErrors(kept.session.consoleErrors)).toEqual([]);
  });
});
