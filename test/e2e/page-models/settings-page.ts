import type { Download, Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class SettingsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/settings`);
    await this.heading().filter({ hasText: 'Settings' }).waitFor();
    await this.page.getByLabel('Name').waitFor();
    return this;
  }

  region(name: 'You' | 'Appearance' | 'Backup and import'): Locator {
    return this.page.getByRole(name === 'You' ? 'form' : 'region', { name });
  }

  async saveProfile(input: { name?: string; timeZone?: string }): Promise<void> {
    if (input.name !== undefined) await this.page.getByLabel('Name').fill(input.name);
    if (input.timeZone !== undefined) {
      const field = this.page.getByLabel('Time zone');
      await field.fill(input.timeZone);
      // Typing opens the list of matching time zones; Escape closes it, as a person would.
      await field.press('Escape');
    }
    await this.region('You').getByRole('button', { name: 'Save' }).click();
  }

  async downloadBackup(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: 'Download a JSON backup' }).click()]);
    return download;
  }

  importForm(kind: 'json' | 'loop'): Locator {
    return this.page.getByRole('form', { name: kind === 'json' ? 'Import JSON backup' : 'Import Loop Habit Tracker file' });
  }

  async importFile(kind: 'json' | 'loop', file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const form = this.importForm(kind);
    await form.getByLabel('File').setInputFiles(file);
    await form.getByRole('button', { name: kind === 'json' ? 'Import JSON backup' : 'Import Loop Habit Tracker file' }).click();
  }

  async chooseTheme(theme: 'As the system' | 'Light' | 'Dark'): Promise<void> {
    await this.page.getByRole('radio', { name: theme }).check();
  }
}
