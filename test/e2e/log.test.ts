import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { SCREENS } from './support/browser.js';
import { LogPage } from './page-models/log-page.js';
import { TodayPage } from './page-models/today-page.js';

interface CliActivity {
  text: string;
  minutes: number;
  skills: string[];
  energy: number | null;
  ease: number | null;
  date: string;
}

const app = startAppForFile(async (home) => {
  await home.cli('target', 'set', 'ic', 'senior');
  await home.cli('log', 'Paired on a flaky test', '--minutes', '45', '--skills', 'testing,debugging', '--energy=1', '--ease', '4', '--date', '2026-11-16');
  await home.cli('plan', 'week', '--start', '2026-11-23');
});

describe('the practice log', () => {
  it('logs practice from the form and shows it in the list and the balance', async () => {
    const log = await new LogPage(app.page).open(app.base);
    await expect.poll(() => log.rows().count()).toBe(1);
    expect(await log.balanceWeek('2026-W47').innerText()).toMatch(/technical 45 min, soft 0 min \(100% technical\)/);
    // Only technical practice for weeks: soft skills are neglected.
    await app.page.getByRole('region', { name: 'Out of balance' }).waitFor();

    await log.log({
      text: 'Gave feedback on a design doc',
      minutes: '30',
      skills: ['Giving and receiving feedback', 'Communication'],
      energy: '-1',
      ease: '2',
      date: '2026-11-23',
    });
    await expect.poll(() => log.status().innerText()).toBe('Logged "Gave feedback on a design doc": 30 min on 2026-11-23.');
    await expect.poll(() => log.rows().count()).toBe(2);
    expect(await log.rows().first().innerText()).toMatch(/2026-11-23\s+Gave feedback on a design doc\s+30/);
    await expect.poll(() => log.balanceWeek('2026-W48').innerText()).toMatch(/soft 30 min/);
    // The form starts over: nothing of the last entry is left to log twice by accident.
    expect(await app.page.getByLabel('What you practised').inputValue()).toBe('');
    expect(await app.page.getByLabel('Minutes', { exact: true }).inputValue()).toBe('30');
    expect(await app.page.getByLabel(/^Energy/).inputValue()).toBe('');
    expect(await app.page.getByLabel(/^Ease/).inputValue()).toBe('');
    expect(await app.page.getByRole('checkbox', { checked: true }).count()).toBe(0);

    const cli = await app.home.cli<CliActivity[]>('log', 'list');
    expect(cli.at(-1)).toMatchObject({ text: 'Gave feedback on a design doc', minutes: 30, energy: -1, ease: 2, date: '2026-11-23' });
    expect([...cli.at(-1)!.skills].sort()).toEqual(['communication', 'feedback']);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('says what is wrong next to the field', async () => {
    const log = await new LogPage(app.page).open(app.base);
    await log.log({ text: 'Read about CRDTs', minutes: '0' });
    await app.page.locator('#log-minutes-error').waitFor();
    expect(await app.page.locator('#log-minutes-error').innerText()).toBe('must be more than 0');
    // In the web's words: a choice to make, not a flag's syntax.
    expect(await app.page.locator('#log-skills-error').innerText()).toBe('choose at least one skill');
    await expect.poll(() => log.rows().count()).toBe(2);
  });

  it('puts the balance, its warnings and the planned practice on Today', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    await app.page.getByRole('region', { name: 'Balance' }).locator('.balance-weeks li').first().waitFor();
    expect(await app.page.getByRole('region', { name: 'Balance' }).locator('.balance-weeks li').count()).toBe(4);
    const planned = app.page.getByRole('region', { name: 'Practice today' });
    expect(await planned.innerText()).toMatch(/min/);
    expect(await today.heading().innerText()).toMatch(/Today/);
  });

  it('puts the habits due first on Today, on a phone and a laptop; the balance warning names three and links to the rest', async () => {
    await app.home.cli('habit', 'add', 'Read', '--target', '20', '--unit', 'pages');
    await app.home.cli('habit', 'add', 'Walk');
    const { neglected } = await app.home.cli<{ neglected: unknown[] }>('balance');
    expect(neglected.length).toBeGreaterThan(3);
    for (const screen of SCREENS) {
      await app.page.setViewportSize({ width: screen.width, height: screen.height });
      const today = await new TodayPage(app.page).open(app.base);
      const warning = app.page.getByRole('region', { name: 'Out of balance' });
      await warning.waitFor();
      expect(await warning.getByRole('listitem').count()).toBe(3);
      // The first screen, without scrolling, shows the habits due.
      const due = await today.row('due', 'read').boundingBox();
      expect(due!.y + due!.height, `the first due habit on a ${screen.name}`).toBeLessThanOrEqual(screen.height);
      await warning.getByRole('link', { name: `${neglected.length - 3} more out of balance` }).waitFor();
    }
    await app.page.getByRole('link', { name: /more out of balance/ }).click();
    const full = app.page.getByRole('region', { name: 'Out of balance' });
    await app.page.getByRole('heading', { level: 1, name: 'Practice log' }).waitFor();
    await expect.poll(() => full.getByRole('listitem').count()).toBe(neglected.length);
    await expect.poll(() => full.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.setViewportSize({ width: 1280, height: 900 });
  });
});
