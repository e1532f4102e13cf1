import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { HabitsPage } from './page-models/habits-page.js';
import { HabitFormPage } from './page-models/habit-form-page.js';
import { HabitPage } from './page-models/habit-page.js';
import { TodayPage } from './page-models/today-page.js';

interface CliHabit {
  slug: string;
  name: string;
  strength: number;
  streak: number;
  bestStreak: number;
  identity?: string | null;
  after?: string | null;
  schedule: string;
  history?: { date: string; status: string; note: string | null }[];
}

const app = startAppForFile(async (home) => {
  await home.cli(
    'habit',
    'add',
    'Meditate',
    '--identity',
    'I am someone who starts the day calm',
    '--when',
    '7:00',
    '--where',
    'on the balcony',
    '--two-minute',
    'three slow breaths',
    '--bundle',
    'my good tea afterwards',
    '--obvious',
    'the cushion by the bed',
    '--group',
    'morning',
    '--skills',
    'focus',
  );
  await home.cli('habit', 'skip', 'meditate', '--date', '2026-11-15', '--note', 'sick');
  for (let day = 16; day <= 22; day++) {
    await home.cli('habit', 'done', 'meditate', '--date', `2026-11-${day}`, ...(day === 20 ? ['--note', 'felt calm'] : []));
  }
  await home.cli('habit', 'add', 'Old habit', '--group', 'misc');
  await home.cli('habit', 'add', 'Short-lived');
});

describe('habits in the browser', () => {
  it('adds a habit with the form, checking every input with the shared schemas', async () => {
    const form = await new HabitFormPage(app.page).openNew(app.base);
    await form.submit();
    expect(await form.errorOf('name')).toBe('required');
    expect(await form.alert().innerText()).toBe('Please correct the field marked below.');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('habit-name');

    // Typing fixes the name's error at once; a bad schedule is named on submit, and its message
    // follows what is typed next.
    await form.fill({ name: 'Write 500 words' });
    expect(await form.errorOf('name')).toBeNull();
    await form.fill({ schedule: 'sometimes' });
    expect(await form.errorOf('schedule')).toBeNull();
    await form.submit();
    expect(await form.errorOf('schedule')).toMatch(/^expected daily, weekdays, mon,wed,…, N\/week, N\/Mdays or every N days$/);
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('habit-schedule');
    await form.fill({ schedule: '3/2days' });
    expect(await form.errorOf('schedule')).toBe('3/2days asks for more repetitions than days');

    await form.fill({ schedule: 'mon,wed,fri', unit: 'words' });
    await form.submit();
    expect(await form.errorOf('unit')).toBe('a unit needs a target');
    expect(await form.errorOf('schedule')).toBeNull();

    await form.fill({
      target: '500',
      identity: 'I am a writer',
      when: 'after lunch',
      where: 'at the kitchen table',
      after: 'meditate',
      twoMinute: 'write one sentence',
      bundle: 'the good coffee only while writing',
      obvious: 'the notebook on the table',
      attractive: 'write with a friend',
      easy: 'the file is already open',
      satisfying: 'tick the wall calendar',
      group: 'work',
      skills: 'writing, focus',
    });
    await form.save('Write 500 words');
    expect(app.page.url()).toMatch(/\/habits\/write-500-words$/);
    const page = new HabitPage(app.page);
    await expect.poll(() => page.status().innerText()).toBe('Write 500 words: added.');
    expect(await app.page.locator('.lede').innerText()).toContain('A habit to build, mon,wed,fri, at least 500 words.');
    expect(await page.cardEntries()).toEqual({
      Identity: 'I am a writer',
      'Implementation intention': 'I will write 500 words after lunch at the kitchen table.',
      'Stack after': 'After meditate, I will write 500 words.',
      'Two-minute version': 'write one sentence',
      'Temptation bundle': 'the good coffee only while writing',
      '1. Make it obvious': 'the notebook on the table',
      '2. Make it attractive': 'write with a friend',
      '3. Make it easy': 'the file is already open',
      '4. Make it satisfying': 'tick the wall calendar',
      Group: 'work',
      Skills: 'writing, focus',
    });
    // It is due today, a Monday.
    const today = await new TodayPage(app.page).open(app.base);
    expect(await today.dueSlugs()).toContain('write-500-words');
  });

  it("shows the server's error next to its field: a duplicate name changes nothing", async () => {
    const form = await new HabitFormPage(app.page).openNew(app.base);
    await form.fill({ name: 'Meditate', kind: 'break' });
    expect(await app.page.getByLabel(/^1\. Make it invisible/).count()).toBe(1);
    await form.submit();
    await expect.poll(() => form.errorOf('name')).toBe('a habit named "Meditate" already exists');
    expect(await form.field('name').getAttribute('aria-invalid')).toBe('true');
    expect(app.page.url()).toMatch(/\/habits\/new$/);
    const list = await app.home.cli<CliHabit[]>('habit', 'list');
    expect(list.filter((h) => h.name === 'Meditate')).toHaveLength(1);
  });

  it('puts every problem the server names beside its field, and the others in the alert', async () => {
    // The server's answer for a body with several bad fields, as the API gives it (error.details).
    await app.page.route('**/api/v1/habits', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'validation_failed',
                message: 'unit: too long (and 2 more problems)',
                details: [
                  { path: 'unit', message: 'too long' },
                  { path: 'group', message: 'no such group' },
                  { path: 'colour', message: 'unknown field' },
                ],
              },
            }),
          })
        : route.continue(),
    );
    try {
      const form = await new HabitFormPage(app.page).openNew(app.base);
      await form.fill({ name: 'Stretch', target: '10', unit: 'minutes', group: 'evening' });
      await form.submit();
      await expect.poll(() => form.errorOf('unit')).toBe('too long');
      expect(await form.errorOf('group')).toBe('no such group');
      expect(await form.field('unit').getAttribute('aria-invalid')).toBe('true');
      expect(await form.field('group').getAttribute('aria-invalid')).toBe('true');
      expect(await form.errorOf('name')).toBeNull();
      expect(await form.alert().textContent()).toBe('colour: unknown field');
      expect(app.page.url()).toMatch(/\/habits\/new$/);
    } finally {
      await app.page.unroute('**/api/v1/habits');
    }
    const list = await app.home.cli<CliHabit[]>('habit', 'list');
    expect(list.filter((h) => h.name === 'Stretch')).toHaveLength(0);
  });

  it('lists habits with strength as a bar and a percent, streak, best, schedule and group, as the CLI computes them', async () => {
    const habits = await new HabitsPage(app.page).open(app.base);
    const cli = await app.home.cli<CliHabit[]>('habit', 'list');
    const meditate = cli.find((h) => h.slug === 'meditate')!;
    expect(meditate.streak).toBeGreaterThan(0);
    const row = await habits.read('meditate');
    expect(row).toMatchObject({
      name: 'Meditate',
      strength: `${Math.round(meditate.strength * 100)}%`,
      streak: `${meditate.streak} days`,
      best: `${meditate.bestStreak} days`,
      schedule: 'daily',
      group: 'morning',
      today: 'due',
    });
    const width = await habits
      .row('meditate')
      .locator('.strength-fill')
      .evaluate((el) => (el as HTMLElement).style.width);
    expect(Number.parseFloat(width)).toBeCloseTo(meditate.strength * 100, 2);
    expect(await habits.read('write-500-words')).toMatchObject({ schedule: 'mon,wed,fri · at least 500 words', group: 'work' });
    expect(await habits.slugs()).toEqual(cli.map((h) => h.slug));
  });

  it('shows a habit: the Atomic Habits card, a heatmap of the last year, a strength chart and the history with notes', async () => {
    const page = await new HabitPage(app.page).open(app.base, 'meditate', 'Meditate');
    const cli = await app.home.cli<CliHabit>('habit', 'show', 'meditate');
    expect(await page.cardEntries()).toMatchObject({
      Identity: 'I am someone who starts the day calm',
      'Implementation intention': 'I will meditate at 7:00 on the balcony.',
      'Two-minute version': 'three slow breaths',
      'Temptation bundle': 'my good tea afterwards',
      '1. Make it obvious': 'the cushion by the bed',
    });
    expect(await page.stat('streak')).toBe(`${cli.streak} days`);
    expect(await page.stat('best')).toBe(`${cli.bestStreak} days`);
    expect(await page.stat('strength')).toBe(`${Math.round(cli.strength * 100)}%`);

    // The heatmap: a cell a day for a year, each naming its date and status.
    expect(await page.heatmapCells().count()).toBe(365);
    expect(await page.heatmapCell('2026-11-20').getAttribute('title')).toBe('2026-11-20: done (felt calm)');
    expect(await page.heatmapCell('2026-11-15').getAttribute('title')).toBe('2026-11-15: skipped (sick)');
    expect(await page.heatmapCell('2026-11-23').getAttribute('title')).toBe('2026-11-23: no entry');
    expect(await page.heatmapCell('2025-11-24').getAttribute('title')).toBe('2025-11-24: no entry');
    expect(await page.heatmapCell('2026-11-20').locator('.sr-only').innerText()).toBe('2026-11-20: done (felt calm)');

    // The strength chart, drawn by recharts, from the first entry to today.
    const chart = page.chart();
    await chart.locator('svg.recharts-surface').waitFor();
    expect(await chart.locator('.recharts-area-curve').count()).toBe(1);
    expect(await chart.locator('figcaption').innerText()).toBe(`Strength from 0% on 2026-11-15 to ${Math.round(cli.strength * 100)}% on 2026-11-23.`);

    // History, newest first, with the notes.
    expect(await page.historyRow('2026-11-20').innerText()).toMatch(/done\s+felt calm/);
    expect(await page.historyRow('2026-11-15').innerText()).toMatch(/skipped\s+sick/);
    const dates = await app.page.locator('table.history tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.date));
    expect(dates).toEqual(['2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16', '2026-11-15']);
  });

  it('says what the strength chart will show while a habit is less than a week old, instead of a dot', async () => {
    await app.home.cli('habit', 'add', 'Plank');
    await app.home.cli('habit', 'done', 'plank', '--date', '2026-11-21');
    const page = await new HabitPage(app.page).open(app.base, 'plank', 'Plank');
    const cli = await app.home.cli<{ strength: number }>('habit', 'show', 'plank');
    await expect
      .poll(() => page.chart().innerText())
      .toMatch(new RegExp(`Once the habit is a week old, this chart shows its strength day by day.*Strength now: ${Math.round(cli.strength * 100)}%\\.`, 's'));
    expect(await page.chart().locator('svg.recharts-surface').count()).toBe(0);
  });

  it('says what an every-N-days or N/M-days schedule counts from, as grow habit show does', async () => {
    await app.home.cli('habit', 'add', 'Walk', '--schedule', 'every 3 days');
    await app.home.cli('habit', 'done', 'walk', '--date', '2026-11-21');
    await app.home.cli('habit', 'add', 'Write', '--schedule', '2/3days');
    const shown = async (slug: string) => {
      await new HabitPage(app.page).open(app.base, slug);
      return app.page.locator('[data-anchor]').innerText();
    };
    expect(await shown('walk')).toBe('Counts from: last done 2026-11-21; next due 2026-11-24.');
    expect(await shown('write')).toBe('Counts from: blocks counted from 2026-11-23; this block 2026-11-23 to 2026-11-25.');
    // A daily habit has no anchor line.
    await new HabitPage(app.page).open(app.base, 'meditate', 'Meditate');
    expect(await app.page.locator('[data-anchor]').count()).toBe(0);
    await app.home.cli('habit', 'rm', 'walk', '--yes');
    await app.home.cli('habit', 'rm', 'write', '--yes');
  });

  it('checks in a past day with a note, refuses a day after today, and undoes a day', async () => {
    const page = await new HabitPage(app.page).open(app.base, 'meditate', 'Meditate');
    await page.checkIn({ date: '2026-11-24' });
    await expect.poll(() => app.page.locator('#checkin-date-error').innerText()).toBe('2026-11-24 is after today (2026-11-23)');

    await page.checkIn({ date: '2026-11-12', note: 'on the train' });
    await expect.poll(() => page.status().innerText()).toMatch(/^2026-11-12: done\. Streak \d+ days?, strength \d+%\.$/);
    await expect.poll(() => page.historyRow('2026-11-12').innerText()).toMatch(/done\s+on the train/);
    expect(await page.heatmapCell('2026-11-12').getAttribute('data-status')).toBe('done');
    // The habit now starts on the 12th, so the 13th and 14th were missed.
    expect(await page.historyRow('2026-11-13').innerText()).toContain('missed');
    expect(await page.heatmapCell('2026-11-14').getAttribute('title')).toBe('2026-11-14: missed');

    const before = await app.home.cli<CliHabit>('habit', 'show', 'meditate');
    await page.undoDay('2026-11-20');
    const after = await app.home.cli<CliHabit>('habit', 'show', 'meditate');
    expect(after.history!.find((d) => d.date === '2026-11-20')!.status).toBe('missed');
    expect(after.strength).toBeLessThan(before.strength);
    await expect.poll(() => page.stat('strength')).toBe(`${Math.round(after.strength * 100)}%`);
    expect(await page.stat('streak')).toBe(`${after.streak} days`);
    expect(await page.heatmapCell('2026-11-20').getAttribute('data-status')).toBe('missed');
  });

  it('edits a habit: the form starts from the habit, server errors land on their field', async () => {
    const page = await new HabitPage(app.page).open(app.base, 'meditate', 'Meditate');
    await page.edit();
    const form = new HabitFormPage(app.page);
    expect(await form.field('name').inputValue()).toBe('Meditate');
    expect(await form.field('identity').inputValue()).toBe('I am someone who starts the day calm');
    expect(await form.field('group').inputValue()).toBe('morning');

    await form.fill({ after: 'meditate' });
    await form.submit();
    await expect.poll(() => form.errorOf('after')).toBe('a habit cannot be stacked after itself');

    await form.fill({ after: '', name: 'Meditate 10 minutes', identity: 'I am calm', schedule: 'weekdays' });
    await form.save('Meditate 10 minutes');
    const habit = new HabitPage(app.page);
    expect((await habit.cardEntries()).Identity).toBe('I am calm');
    expect(await app.page.locator('.lede').innerText()).toContain('weekdays');
    const slug = /\/habits\/([^/]+)$/.exec(app.page.url())![1]!;
    const cli = await app.home.cli<CliHabit>('habit', 'show', slug);
    expect(cli).toMatchObject({ name: 'Meditate 10 minutes', identity: 'I am calm', schedule: 'weekdays', after: null });
  });

  it('archives a habit out of Today and the list, shows it with the archived toggle, and restores it', async () => {
    const page = await new HabitPage(app.page).open(app.base, 'old-habit', 'Old habit');
    await page.archive();
    expect(await page.heading().innerText()).toContain('archived');
    const habits = await new HabitsPage(app.page).open(app.base);
    expect(await habits.slugs()).not.toContain('old-habit');
    await habits.showArchived(true);
    await habits.row('old-habit').waitFor();
    expect((await habits.read('old-habit')).name).toContain('archived');
    expect(app.page.url()).toMatch(/\?archived=true$/);
    const today = await new TodayPage(app.page).open(app.base);
    expect(await today.dueSlugs()).not.toContain('old-habit');

    await new HabitPage(app.page).open(app.base, 'old-habit', 'Old habit');
    await page.restore();
    await new HabitsPage(app.page).open(app.base);
    expect(await habits.slugs()).toContain('old-habit');
  });

  it('deletes a habit only after confirming', async () => {
    const page = await new HabitPage(app.page).open(app.base, 'short-lived', 'Short-lived');
    await page.askToDelete();
    expect(await page.deleteDialog().innerText()).toContain('This deletes the habit and its 0 check-ins for good');
    // Cancel has the focus: Escape or Enter keeps the habit.
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await app.page.keyboard.press('Escape');
    await page.deleteDialog().waitFor({ state: 'hidden' });
    expect((await app.home.cli<CliHabit[]>('habit', 'list')).map((h) => h.slug)).toContain('short-lived');

    await page.askToDelete();
    await page.confirmDelete();
    const habits = new HabitsPage(app.page);
    await expect.poll(() => habits.status().innerText()).toBe('Short-lived: deleted.');
    expect(await habits.slugs()).not.toContain('short-lived');
    expect((await app.home.cli<CliHabit[]>('habit', 'list')).map((h) => h.slug)).not.toContain('short-lived');
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });
});
