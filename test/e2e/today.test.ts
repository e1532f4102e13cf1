import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { TodayPage } from './page-models/today-page.js';
import { HabitsPage } from './page-models/habits-page.js';

const percentOf = (text: string) => Number(/(\d+)%/.exec(text)?.[1] ?? NaN);

// Today is 2026-11-23, a Monday (GROW_TODAY).
const app = startAppForFile(async (home) => {
  await home.cli('habit', 'add', 'Meditate', '--identity', 'I am someone who starts the day calm');
  for (const date of ['2026-11-20', '2026-11-21', '2026-11-22']) await home.cli('habit', 'done', 'meditate', '--date', date);
  await home.cli('habit', 'add', 'Stretch');
  await home.cli('habit', 'add', 'Walk');
  await home.cli('habit', 'add', 'Read', '--target', '20', '--unit', 'pages');
  await home.cli('habit', 'add', 'Journal');
  await home.cli('habit', 'add', 'Floss');
  await home.cli('habit', 'done', 'floss', '--date', '2026-11-21'); // and missed yesterday
  await home.cli('habit', 'add', 'Doomscroll', '--kind', 'break');
  await home.cli('habit', 'add', 'Snacks', '--kind', 'break', '--target', '2', '--unit', 'snacks');
});

describe('the Today dashboard', () => {
  it('lists the due habits, the habits to avoid, a never-miss-twice warning and the shortcuts', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    expect(await today.heading().innerText()).toContain('2026-11-23');
    expect(await today.dueSlugs()).toEqual(['meditate', 'stretch', 'walk', 'read', 'journal', 'floss']);
    expect(await today.section('To avoid').innerText()).toMatch(/Doomscroll[\s\S]*Snacks/);
    const warning = today.section('Never miss twice');
    expect(await warning.innerText()).toMatch(/Floss: missed last time/);
    expect(await today.row('due', 'floss').innerText()).toContain('Missed last time');
    const shortcuts = await today.shortcuts().innerText();
    for (const key of ['j', 'k', 'd', 'a', 's', 'l', 'u']) expect(shortcuts).toMatch(new RegExp(`(^|\\n)${key}\\b`, 'm'));
  });

  it('checks a habit off with one click: the streak and the strength go up', async () => {
    const today = new TodayPage(app.page);
    const before = percentOf(await today.row('due', 'meditate').innerText());
    expect(await today.row('due', 'meditate').innerText()).toContain('streak 3 days');
    await today.clickDone('meditate');
    await expect.poll(() => today.status().innerText()).toMatch(/^Meditate: done\. Streak 4 days, strength \d+%\.$/);
    const done = await today.row('done', 'meditate').innerText();
    expect(done).toContain('streak 4 days');
    expect(percentOf(done)).toBeGreaterThan(before);
    expect(await today.dueSlugs()).not.toContain('meditate');
  });

  it('checks habits off with one key: d on the selected habit, a number for the nth', async () => {
    const today = new TodayPage(app.page);
    await today.select('due', 'stretch');
    await today.press('d');
    await today.row('done', 'stretch').waitFor();
    // The focus stays in place, on the next habit, so the next key acts on it.
    await expect.poll(() => today.selectedSlug()).toBe('walk');
    await today.press('j');
    expect(await today.selectedSlug()).toBe('read');
    await today.press('k');
    expect(await today.selectedSlug()).toBe('walk');

    expect(await today.dueSlugs()).toEqual(['walk', 'read', 'journal', 'floss']);
    await today.press('4');
    await today.row('done', 'floss').waitFor();
    // Checked off, Floss is no longer at risk.
    await today.section('Never miss twice').waitFor({ state: 'detached' });
  });

  it('skips a day with s, undoes it with u, and skips with a click', async () => {
    const today = new TodayPage(app.page);
    await today.select('due', 'walk');
    await today.press('s');
    await today.row('done', 'walk').waitFor();
    expect(await today.row('done', 'walk').innerText()).toContain('skipped');

    await today.select('done', 'walk');
    await today.press('u');
    await today.row('due', 'walk').waitFor();
    await expect.poll(() => today.status().innerText()).toContain('Walk: check-in removed');

    await today.skip('walk');
    expect(await today.row('done', 'walk').innerText()).toMatch(/skipped[\s\S]*streak 0 days/);
  });

  it('enters an amount for a measurable habit, checked with the shared schema first', async () => {
    const today = new TodayPage(app.page);
    await today.enterAmount('read', '-5');
    const row = today.row('due', 'read');
    await expect.poll(() => row.locator('.field-error').innerText()).toBe('must not be negative');
    expect(await row.getByLabel(/^Amount/).getAttribute('aria-invalid')).toBe('true');
    expect(await today.dueSlugs()).toContain('read');

    // a focuses the amount; Enter logs it.
    await row.getByLabel(/^Amount/).fill('');
    await today.select('due', 'read');
    await today.press('a');
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('amount-read');
    await app.page.keyboard.type('25');
    await app.page.keyboard.press('Enter');
    await today.row('done', 'read').waitFor();
    expect(await today.row('done', 'read').innerText()).toContain('25 pages');

    await today.clickDone('journal');
    expect(await today.dueSlugs()).toEqual([]);
    expect(await today.section('Due').innerText()).toContain('Nothing left to do today');
  });

  it('records a slip on a habit to break, with an amount when it is measurable', async () => {
    const today = new TodayPage(app.page);
    expect(await today.row('avoid', 'doomscroll').innerText()).toContain('kept so far');
    await today.recordSlip('doomscroll');
    await expect.poll(() => today.row('avoid', 'doomscroll').innerText()).toMatch(/slip/);
    await expect.poll(() => today.status().innerText()).toMatch(/^Doomscroll: slip recorded\./);

    await today.recordSlip('snacks');
    await expect.poll(() => today.row('avoid', 'snacks').locator('.field-error').innerText()).toBe('give the amount of the slip');
    await today.recordSlip('snacks', '3');
    await expect.poll(() => today.row('avoid', 'snacks').innerText()).toContain('slip 3 snacks');

    await today.undo('avoid', 'snacks');
    await expect.poll(() => today.row('avoid', 'snacks').innerText()).toContain('kept so far');

    // l records a slip on the selected habit, u takes it back.
    await today.undo('avoid', 'doomscroll');
    await expect.poll(() => today.row('avoid', 'doomscroll').innerText()).toContain('kept so far');
    await today.select('avoid', 'doomscroll');
    await today.press('l');
    await expect.poll(() => today.row('avoid', 'doomscroll').innerText()).toMatch(/slip/);
  });

  it('keeps what was checked in: after a reload, and in the habit list', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    const done = await today.section('Done').innerText();
    for (const name of ['Meditate', 'Stretch', 'Walk', 'Read', 'Journal', 'Floss']) expect(done).toContain(name);
    const habits = await new HabitsPage(app.page).open(app.base);
    const meditate = await habits.read('meditate');
    expect(meditate.streak).toBe('4 days');
    expect(meditate.today).toBe('done');
    expect((await habits.read('read')).today).toBe('done 25 pages');
    expect((await habits.read('doomscroll')).today).toBe('slip');
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('shows the keyboard shortcuts only where there is a keyboard: not on a touch screen', async () => {
    await app.home.cli('habit', 'add', 'Plank');
    const phone = await app.browser.newContext({
      storageState: await app.session.context.storageState(),
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      const today = await new TodayPage(await phone.newPage()).open(app.base);
      await today.row('due', 'plank').waitFor();
      expect(await today.shortcuts().count()).toBe(0);
      // The numbers to press beside each habit go too.
      expect(await today.row('due', 'plank').locator('kbd').isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
    const laptop = await new TodayPage(app.page).open(app.base);
    await laptop.shortcuts().waitFor();
    expect(await laptop.row('due', 'plank').locator('kbd').isVisible()).toBe(true);
  });
});
