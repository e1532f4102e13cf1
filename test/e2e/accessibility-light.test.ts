import { describe, expect, it } from 'vitest';
import { startAppForFile } from './support/app.js';
import { describeAxeScans, seedEverything } from './support/a11y.js';
import { TodayPage } from './page-models/today-page.js';

// Light and dark run as two files, so that Vitest scans them side by side.
const app = startAppForFile(seedEverything);

describeAxeScans(app, 'light');

describe('keyboard', () => {
  it('reaches every nav link and shows where the focus is', async () => {
    const today = await new TodayPage(app.page).open(app.base);
    await app.page.keyboard.press('Tab');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const seen: string[] = [];
    for (let i = 0; i < 15; i++) {
      await app.page.keyboard.press('Tab');
      const focused = await app.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { text: el.textContent?.trim() ?? '', outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 };
      });
      expect(focused.outline, `focus ring on ${focused.text}`).toBe(true);
      seen.push(focused.text);
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        'Today',
        'Habits',
        'Scorecard',
        'Skills',
        'Log',
        'Paths',
        'Plan',
        'Library',
        'Review',
        'Journal',
        'Settings',
        'Dark mode',
        'Sign out',
      ]),
    );
    // Enter on a link goes there, and the new page takes the focus.
    await today.nav.getByRole('link', { name: 'Habits' }).focus();
    await app.page.keyboard.press('Enter');
    await today.heading().filter({ hasText: 'Habits' }).waitFor();
    // The focus moves once the new page has rendered, a moment after its heading appears.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('is usable on a phone-sized screen', async () => {
    await app.page.setViewportSize({ width: 375, height: 740 });
    try {
      for (const path of [
        '/',
        '/habits',
        '/habits/read',
        '/scorecard',
        '/skills',
        '/skills/testing',
        '/log',
        '/paths',
        '/plan',
        '/library',
        '/review',
        '/journal',
        '/journal/new',
        '/reflections',
        '/settings',
      ]) {
        await app.page.goto(`${app.base}${path}`);
        await app.page.getByRole('heading', { level: 1 }).waitFor();
        const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
      }
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
