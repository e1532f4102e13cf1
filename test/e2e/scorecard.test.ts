import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { ScorecardPage } from './page-models/scorecard-page.js';
import { HabitPage } from './page-models/habit-page.js';
import { TodayPage } from './page-models/today-page.js';

interface CliLine {
  id: string;
  text: string;
  rating: string;
  time: string | null;
  habit: string | null;
}

const app = startAppForFile(async (home) => {
  await home.cli('scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:45');
});

describe('the habit scorecard', () => {
  it('adds lines with a rating and a time, checked with the shared schema', async () => {
    const scorecard = await new ScorecardPage(app.page).open(app.base);
    expect(await scorecard.read()).toEqual([{ time: '06:45', rating: 'neutral', text: 'Wake up', habit: null }]);

    await scorecard.add('Check my phone in bed', null, '06:50');
    await expect.poll(() => app.page.locator('#rating-error').innerText()).toBe('expected +, - or =');
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('rating-plus');

    await scorecard.add('Check my phone in bed', '-');
    await scorecard.line('Check my phone in bed').waitFor();
    await expect.poll(() => scorecard.status().innerText()).toBe('Added "Check my phone in bed" (-).');
    // The form is empty again and ready for the next line.
    expect(await app.page.getByLabel(/^What you do/).inputValue()).toBe('');
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('scorecard-text');

    await scorecard.add('   ', '+');
    await expect.poll(() => app.page.locator('#scorecard-text-error').innerText()).toBe('must not be empty');

    await scorecard.add('Make coffee', '+', '07:00');
    await scorecard.line('Make coffee').waitFor();
    const lines = await app.home.cli<CliLine[]>('scorecard', 'list');
    expect(lines.map((l) => [l.time, l.rating, l.text])).toEqual([
      ['06:45', '=', 'Wake up'],
      ['06:50', '-', 'Check my phone in bed'],
      ['07:00', '+', 'Make coffee'],
    ]);
  });

  it('turns a line into a habit: a - line becomes a habit to break', async () => {
    const scorecard = await new ScorecardPage(app.page).open(app.base);
    const line = scorecard.line('Check my phone in bed');
    expect(await line.getByRole('button', { name: /^Turn into/ }).innerText()).toContain('Turn into a habit to break');
    await scorecard.turnIntoHabit('Check my phone in bed');
    await expect.poll(() => scorecard.status().innerText()).toBe('Added the habit Check my phone in bed, to break.');
    await line.getByRole('link', { name: /^Habit/ }).click();
    const habit = new HabitPage(app.page);
    await habit.heading().filter({ hasText: 'Check my phone in bed' }).waitFor();
    expect(await habit.heading().innerText()).toContain('to break');
    const today = await new TodayPage(app.page).open(app.base);
    await today.row('avoid', 'check-my-phone-in-bed').waitFor();
    const lines = await app.home.cli<CliLine[]>('scorecard', 'list');
    expect(lines.find((l) => l.text === 'Check my phone in bed')!.habit).toBe('check-my-phone-in-bed');
    await scorecard.open(app.base);
    expect((await scorecard.read())[1]).toEqual({ time: '06:50', rating: 'bad', text: 'Check my phone in bed', habit: '/habits/check-my-phone-in-bed' });
  });

  it('removes a line', async () => {
    const scorecard = await new ScorecardPage(app.page).open(app.base);
    await scorecard.remove('Wake up');
    await expect.poll(() => scorecard.status().innerText()).toBe('Removed "Wake up".');
    const lines = await app.home.cli<CliLine[]>('scorecard', 'list');
    expect(lines.map((l) => l.text)).toEqual(['Check my phone in bed', 'Make coffee']);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });
});
