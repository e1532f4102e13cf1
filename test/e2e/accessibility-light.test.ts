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

  it('folds the sections behind a Menu button on a phone, so the header stays one line', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    try {
      const today = await new TodayPage(app.page).open(app.base);
      expect((await today.header().boundingBox())!.height).toBeLessThanOrEqual(120);
      expect(await today.nav.isVisible()).toBe(false);
      expect(await today.themeToggle().isVisible()).toBe(false);

      await today.menuButton().click();
      expect(await today.menuButton().getAttribute('aria-expanded')).toBe('true');
      await today.nav.getByRole('link', { name: 'Skills', exact: true }).click();
      await today.heading().filter({ hasText: 'Skills' }).waitFor();
      // Choosing a section closes the menu: the page, not the list of sections, fills the screen.
      expect(await today.nav.isVisible()).toBe(false);
      expect(await today.menuButton().getAttribute('aria-expanded')).toBe('false');

      await today.menuButton().click();
      await today.themeToggle().waitFor();
      await app.page.keyboard.press('Escape');
      expect(await today.nav.isVisible()).toBe(false);
      expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('keeps every section and tool in one line of the header on a laptop, with no Menu button', async () => {
    await app.page.setViewportSize({ width: 1280, height: 800 });
    try {
      const today = await new TodayPage(app.page).open(app.base);
      expect(await today.menuButton().isVisible()).toBe(false);
      expect(await today.nav.getByRole('link').count()).toBe(11);
      expect((await today.header().boundingBox())!.height).toBeLessThanOrEqual(60);
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
