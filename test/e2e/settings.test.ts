import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loopDb } from '../support/loop-fixtures.js';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { signIn } from './support/browser.js';
import { createHome, startServer, type GrowHome, type RunningServer } from './support/grow.js';
import { SettingsPage } from './page-models/settings-page.js';
import { HabitsPage } from './page-models/habits-page.js';
import { TodayPage } from './page-models/today-page.js';

const app = startAppForFile(async (home) => {
  await home.cli('habit', 'add', 'Read', '--target', '20', '--unit', 'pages', '--identity', 'I am someone who reads');
  await home.cli('habit', 'done', 'read', '--date', '2026-11-21', '--amount', '30', '--note', 'a good chapter');
  await home.cli('habit', 'add', 'Doomscroll', '--kind', 'break');
  await home.cli('scorecard', 'add', 'Make coffee', '--rating', '+', '--time', '07:00');
});

// A second, empty grow to restore the backup into.
const others: { home: GrowHome; server: RunningServer }[] = [];
afterAll(async () => {
  for (const o of others) {
    await o.server.stop();
    o.home.remove();
  }
});

let backupPath = '';

describe('settings', () => {
  it('saves the name and the time zone, checking the time zone with the shared schema', async () => {
    const settings = await new SettingsPage(app.page).open(app.base);
    await settings.saveProfile({ name: 'Ada', timeZone: 'Mars/Olympus_Mons' });
    await expect.poll(() => app.page.locator('#settings-timezone-error').innerText()).toBe('expected an IANA time zone such as Europe/Berlin');
    expect(await app.page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('settings-timezone');

    await settings.saveProfile({ timeZone: 'Europe/Berlin' });
    await expect.poll(() => settings.status().innerText()).toBe('Saved. Your time zone is Europe/Berlin; today is 2026-11-23.');
    await settings.open(app.base);
    expect(await app.page.getByLabel('Name').inputValue()).toBe('Ada');
    expect(await app.page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
  });

  it('downloads a JSON backup: the same bytes as `grow export json`', async () => {
    const settings = await new SettingsPage(app.page).open(app.base);
    const download = await settings.downloadBackup();
    expect(download.suggestedFilename()).toBe('grow-backup-2026-11-23.json');
    backupPath = join(app.home.home, 'downloaded-backup.json');
    await download.saveAs(backupPath);
    const downloaded = readFileSync(backupPath, 'utf8');
    expect(downloaded).toBe(await app.home.text('export', 'json'));
    const backup = JSON.parse(downloaded) as { person: { name: string }; habits: { name: string }[]; scorecard: unknown[] };
    expect(backup.person.name).toBe('Ada');
    expect(backup.habits.map((h) => h.name)).toEqual(['Read', 'Doomscroll']);
    expect(backup.scorecard).toHaveLength(1);
  });

  it('refuses to import a backup into a grow that has data, and a file that is not a backup', async () => {
    const settings = await new SettingsPage(app.page).open(app.base);
    await settings.importFile('json', backupPath);
    await expect
      .poll(() => settings.importForm('json').getByRole('alert').innerText())
      .toBe('database: already holds data; restore a backup into an empty database');
    await settings.importFile('json', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect.poll(() => settings.importForm('json').getByRole('alert').innerText()).toMatch(/^format: not a grow backup/);
    await settings.importForm('json').getByLabel('File').setInputFiles([]);
    await settings.importForm('json').getByRole('button', { name: 'Import JSON backup' }).click();
    await expect.poll(() => settings.importForm('json').getByRole('alert').innerText()).toBe('file: choose a file first');
  });

  it('imports the backup into an empty grow, which then shows the same habits', async () => {
    const home = createHome();
    const server = await startServer(home);
    others.push({ home, server });
    const session = await signIn(app.browser, server.loginUrl);
    try {
      const settings = await new SettingsPage(session.page).open(server.url);
      await settings.importFile('json', backupPath);
      await expect
        .poll(() => settings.importForm('json').getByRole('status').innerText())
        .toMatch(/^Imported downloaded-backup\.json: 2 habits, 1 check ins?, 1 scorecard\.$/);
      const habits = await new HabitsPage(session.page).open(server.url);
      expect(await habits.slugs()).toEqual(['read', 'doomscroll']);
      expect(await home.text('export', 'json')).toBe(readFileSync(backupPath, 'utf8'));
    } finally {
      await session.context.close();
    }
  });

  it('imports a Loop Habit Tracker backup, and importing it again changes nothing', async () => {
    const file = {
      name: 'Loop Habits Backup 2026-11-22.db',
      mimeType: 'application/octet-stream',
      buffer: loopDb([
        {
          name: 'Floss',
          uuid: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          entries: [
            { date: '2026-11-20', value: 2 },
            { date: '2026-11-21', value: 2 },
            { date: '2026-11-22', value: 2 },
          ],
        },
      ]),
    };
    const settings = await new SettingsPage(app.page).open(app.base);
    await settings.importFile('loop', file);
    await expect.poll(() => settings.importForm('loop').getByRole('status').innerText()).toMatch(/^Imported Loop Habits Backup 2026-11-22\.db: /);
    const habits = await new HabitsPage(app.page).open(app.base);
    expect(await habits.slugs()).toContain('floss');
    expect((await habits.read('floss')).streak).toBe('3 days');

    await settings.open(app.base);
    await settings.importFile('loop', file);
    await expect.poll(() => settings.importForm('loop').getByRole('status').innerText()).toMatch(/^Imported Loop/);
    await habits.open(app.base);
    expect((await habits.slugs()).filter((s) => s.startsWith('floss'))).toEqual(['floss']);

    await settings.open(app.base);
    await settings.importFile('loop', { name: 'photo.db', mimeType: 'application/octet-stream', buffer: Buffer.from('not a database at all') });
    await expect.poll(() => settings.importForm('loop').getByRole('alert').innerText()).toMatch(/^file: /);
  });

  it('switches between light and dark, remembers the choice, and can follow the system again', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    expect(await today.isDark()).toBe(false);
    expect(await today.themeToggle().getAttribute('aria-pressed')).toBe('false');
    await today.themeToggle().click();
    expect(await today.isDark()).toBe(true);
    expect(await today.themeToggle().getAttribute('aria-pressed')).toBe('true');
    await app.page.reload();
    await today.heading().waitFor();
    expect(await today.isDark()).toBe(true);
    expect(await app.page.evaluate(() => localStorage.getItem('grow-theme'))).toBe('dark');

    const settings = await new SettingsPage(app.page).open(app.base);
    await settings.chooseTheme('As the system');
    expect(await settings.isDark()).toBe(false);
    await app.page.emulateMedia({ colorScheme: 'dark' });
    expect(await settings.isDark()).toBe(true);
    await expect.poll(() => settings.themeToggle().getAttribute('aria-pressed')).toBe('true');
    await settings.chooseTheme('Light');
    expect(await settings.isDark()).toBe(false);
    await settings.chooseTheme('As the system');
    await app.page.emulateMedia({ colorScheme: 'light' });
    expect(await app.page.evaluate(() => localStorage.getItem('grow-theme'))).toBeNull();
  });

  it('signs out, and then explains how to sign in again', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'You signed out' }).waitFor();
    await app.page.reload();
    await app.page.getByRole('heading', { level: 1, name: 'Sign in to grow' }).waitFor();
    // This server's own address, and what to run for a new link.
    expect(await app.page.locator('[data-login-address]').innerText()).toBe(`${app.base}/login?token=…`);
    expect(await app.page.locator('main').innerText()).toContain('run grow login-link on the computer where grow serves');
    expect(await today.nav.count()).toBe(0);

    // A fresh link made while the server runs signs the browser in again…
    const { loginUrl } = await app.home.cli<{ loginUrl: string }>('login-link', '--port', new URL(app.base).port);
    expect(loginUrl).toMatch(new RegExp(`^${app.base}/login\\?token=`));
    await app.page.goto(loginUrl);
    await new TodayPage(app.page).open(app.base);
    expect(await today.nav.count()).toBeGreaterThan(0);
    // …once: opened again, it shows a page that says so and how to get a new one, not raw JSON.
    const again = await app.page.goto(loginUrl);
    expect(again?.status()).toBe(401);
    await app.page.getByRole('heading', { level: 1, name: 'This sign-in link cannot be used' }).waitFor();
    expect(await app.page.locator('main').innerText()).toContain('grow login-link');
    expect(await app.page.locator('main').innerText()).not.toContain('"error"');
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });
});
