import { describe, expect, it } from 'vitest';
import { startAppForFile } from './support/app.js';
import { SCREENS, axeViolations } from './support/browser.js';
import { describeAxeScans, seedEverything } from './support/a11y.js';
import { TodayPage } from './page-models/today-page.js';
import { HabitPage } from './page-models/habit-page.js';

const app = startAppForFile(seedEverything, { colorScheme: 'dark' });

// Layout does not change with the colours: the light scans check both screens, these the contrast on one.
describeAxeScans(app, 'dark', [SCREENS[0]]);

describe('dark mode chosen with the toggle on a light system', () => {
  it('has no axe-core violations on Today and a habit page', async () => {
    await app.page.emulateMedia({ colorScheme: 'light' });
    const today = await new TodayPage(app.page).open(app.base);
    await today.themeToggle().click();
    expect(await today.isDark()).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);
    const habit = await new HabitPage(app.page).open(app.base, 'read', 'Read');
    await habit.chart().locator('svg.recharts-surface').waitFor();
    expect(await habit.isDark()).toBe(true);
    expect(await axeViolations(app.page)).toEqual([]);
    await today.themeToggle().click();
  });
});
