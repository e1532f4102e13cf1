import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, cspOrScriptErrors } from './app.js';
import { SCREENS, axeViolations, overflowingElements } from './browser.js';
import { GROW, ROOT, type GrowHome } from './grow.js';
import { TodayPage } from '../page-models/today-page.js';
import { HabitsPage } from '../page-models/habits-page.js';
import { HabitPage } from '../page-models/habit-page.js';
import { HabitFormPage } from '../page-models/habit-form-page.js';
import { ScorecardPage } from '../page-models/scorecard-page.js';
import { SettingsPage } from '../page-models/settings-page.js';
import { SkillPage, SkillsPage } from '../page-models/skills-page.js';
import { LogPage } from '../page-models/log-page.js';
import { PathsPage } from '../page-models/paths-page.js';
import { PlanPage } from '../page-models/plan-page.js';
import { LibraryPage } from '../page-models/library-page.js';
import { LearningItemPage } from '../page-models/learning-item-page.js';
import { ReviewPage } from '../page-models/review-page.js';
import { JournalPage } from '../page-models/journal-page.js';
import { JournalEntryPage } from '../page-models/journal-entry-page.js';
import { JournalEditorPage } from '../page-models/journal-editor-page.js';
import { ReflectionsPage } from '../page-models/reflections-page.js';

/** Ids of what seedEverything created, for the pages that show one thing. */
export const seeded = { bookId: '', entryId: '' };

/** Data that fills every page: measurable and yes/no habits, one to break, an archived one, a scorecard. */
export async function seedEverything(home: GrowHome): Promise<void> {
  await home.cli(
    'habit',
    'add',
    'Read',
    '--target',
    '20',
    '--unit',
    'pages',
    '--identity',
    'I am someone who reads',
    '--when',
    '21:00',
    '--where',
    'in bed',
    '--group',
    'evening',
  );
  for (const [date, amount] of [
    ['2026-10-01', '25'],
    ['2026-10-02', '12'],
    ['2026-11-20', '30'],
    ['2026-11-21', '20'],
  ] as const) {
    await home.cli('habit', 'done', 'read', '--date', date, '--amount', amount, '--note', 'a chapter');
  }
  await home.cli('habit', 'skip', 'read', '--date', '2026-11-22', '--note', 'travel');
  await home.cli('habit', 'add', 'Meditate', '--two-minute', 'one breath', '--after', 'read');
  await home.cli('habit', 'done', 'meditate', '--date', '2026-11-21');
  await home.cli('habit', 'add', 'Stretch');
  await home.cli('habit', 'done', 'stretch');
  await home.cli('habit', 'add', 'Doomscroll', '--kind', 'break', '--obvious', 'phone in another room');
  await home.cli('habit', 'slip', 'doomscroll', '--date', '2026-11-22', '--note', 'bad day');
  await home.cli('habit', 'add', 'Old', '--group', 'misc');
  await home.cli('habit', 'archive', 'old');
  await home.cli('scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:45');
  await home.cli('scorecard', 'add', 'Check phone', '--rating', '-', '--time', '06:50');
  await home.cli('scorecard', 'add', 'Make coffee', '--rating', '+');
  await home.cli('skill', 'assess', 'testing', '2', '--date', '2026-09-01');
  await home.cli('skill', 'assess', 'testing', '3', '--date', '2026-11-01', '--evidence', 'wrote the contract tests', '--note', 'peer review');
  await home.cli('skill', 'assess', 'communication', '2', '--date', '2026-11-10');
  await home.cli('target', 'set', 'ic', 'senior', '--by', '2027-06-30');
  await home.cli('log', 'Paired on a flaky test', '--minutes', '45', '--skills', 'testing,debugging', '--energy=1', '--ease', '4', '--date', '2026-11-16');
  await home.cli('log', 'Mentored a new hire', '--minutes', '30', '--skills', 'coaching-and-teaching', '--energy=2', '--ease', '5', '--date', '2026-11-20');
  await home.cli(
    'evidence',
    'add',
    'Led the incident review',
    '--skills',
    'communication,testing',
    '--date',
    '2026-11-12',
    '--link',
    'https://example.com/review',
  );
  await home.cli('facet', 'set', 'application-security', 'exploring');
  await home.cli('experiment', 'add', 'Run sprint planning', '--track', 'manager', '--until', '2026-12-20', '--hypothesis', 'I enjoy facilitating');
  const book = await home.cli<{ id: string }>(
    'learn',
    'add',
    'Thinking in Systems',
    '--author',
    'Donella H. Meadows',
    '--pages',
    '240',
    '--skills',
    'system-design',
    '--recommended-by',
    'Grace',
  );
  seeded.bookId = book.id;
  await home.cli('learn', 'progress', book.id, '120');
  await home.cli('learn', 'note', book.id, 'Stocks and flows, chapter 1');
  await home.cli('learn', 'takeaway', book.id, 'Look for the feedback loops before the parts');
  await home.cli('learn', 'add', "The Manager's Path", '--author', 'Camille Fournier', '--status', 'want');
  // The body comes on stdin, which execFile would leave open.
  const entry = JSON.parse(
    execFileSync(process.execPath, [GROW, 'journal', 'add', '--title', 'On feedback', '--tags', 'feedback,growth', '--date', '2026-11-20', '--json'], {
      env: home.env,
      cwd: ROOT,
      input: '## What happened\n\nAsked for **feedback** after the design review.\n\n- listen first\n- say thank you\n',
      encoding: 'utf8',
    }),
  ) as { id: string };
  seeded.entryId = entry.id;
  await home.cli('reflect', '--from', '2026-11-01', '--to', '2026-11-22');
}

/** Every page and state a person sees, each ready to be scanned. */
export const PAGES: [string, (page: Page, base: string) => Promise<void>][] = [
  ['Today', async (page, base) => void (await new TodayPage(page).open(base))],
  [
    'Today, the menu open (on a phone)',
    async (page, base) => {
      const today = await new TodayPage(page).open(base);
      await today.unfoldMenu();
      await today.nav.waitFor();
    },
  ],
  [
    'Today, a habit selected',
    async (page, base) => {
      const today = await new TodayPage(page).open(base);
      await today.select('due', 'read');
    },
  ],
  ['Habits', async (page, base) => void (await new HabitsPage(page).open(base))],
  [
    'Habits with archived',
    async (page, base) => {
      const habits = await new HabitsPage(page).open(base);
      await habits.showArchived(true);
      await habits.row('old').waitFor();
    },
  ],
  [
    'a measurable habit',
    async (page, base) => {
      const habit = await new HabitPage(page).open(base, 'read', 'Read');
      await habit.chart().locator('svg.recharts-surface').waitFor();
    },
  ],
  [
    'a habit to break, less than a week old',
    async (page, base) => {
      // Under a week old: the chart's place says what it will show.
      const habit = await new HabitPage(page).open(base, 'doomscroll', 'Doomscroll');
      await habit.chart().locator('.chart-pending').waitFor();
    },
  ],
  [
    'the delete dialog',
    async (page, base) => {
      const habit = await new HabitPage(page).open(base, 'meditate', 'Meditate');
      await habit.askToDelete();
    },
  ],
  ['New habit', async (page, base) => void (await new HabitFormPage(page).openNew(base))],
  [
    'New habit with errors',
    async (page, base) => {
      const form = await new HabitFormPage(page).openNew(base);
      await form.fill({ schedule: 'sometimes', unit: 'pages' });
      await form.submit();
      await page.locator('#habit-name-error').waitFor();
    },
  ],
  [
    'Edit habit',
    async (page, base) => {
      await page.goto(`${base}/habits/read/edit`);
      await page.getByRole('heading', { level: 1, name: 'Edit Read' }).waitFor();
    },
  ],
  [
    'Scorecard',
    async (page, base) => {
      const scorecard = await new ScorecardPage(page).open(base);
      await scorecard.line('Check phone').waitFor();
    },
  ],
  [
    'Scorecard with an error',
    async (page, base) => {
      const scorecard = await new ScorecardPage(page).open(base);
      await scorecard.add('', null);
      await page.locator('#rating-error').waitFor();
    },
  ],
  ['Settings', async (page, base) => void (await new SettingsPage(page).open(base))],
  [
    'Skills',
    async (page, base) => {
      const skills = await new SkillsPage(page).open(base);
      await skills.charts().nth(1).waitFor();
      await skills.evidenceRows().first().waitFor();
    },
  ],
  [
    'Skills, evidence with errors',
    async (page, base) => {
      const skills = await new SkillsPage(page).open(base);
      await skills.addEvidence({ text: '', skills: [], link: 'not a link' });
      await page.locator('#evidence-skills-error').waitFor();
    },
  ],
  [
    'Skills, trying on a role',
    async (page, base) => {
      const skills = await new SkillsPage(page).open(base);
      await skills.tryOn('Engineering manager', 'Team lead');
      await page.getByTestId('tryon-summary').waitFor();
      await skills.charts().nth(1).waitFor();
    },
  ],
  [
    'a skill',
    async (page, base) => {
      const skill = await new SkillPage(page).open(base, 'testing', 'Testing');
      await skill.chart().waitFor();
    },
  ],
  [
    'Practice log',
    async (page, base) => {
      const log = await new LogPage(page).open(base);
      await log.rows().first().waitFor();
      await page.locator('.balance-weeks li').first().waitFor();
    },
  ],
  [
    'Practice log with errors',
    async (page, base) => {
      const log = await new LogPage(page).open(base);
      await log.log({ text: '', minutes: '0' });
      await page.locator('#log-skills-error').waitFor();
    },
  ],
  [
    'Paths',
    async (page, base) => {
      const paths = await new PathsPage(page).open(base);
      await paths.experiment('Run sprint planning').waitFor();
      await paths.charts().nth(1).waitFor();
      await paths.facet('application-security').waitFor();
    },
  ],
  [
    'Paths, a facet refused',
    async (page, base) => {
      const paths = await new PathsPage(page).open(base);
      await paths.setFacet('Application security', 'Specializing');
      await paths.facet('application-security').locator('.field-error').waitFor();
    },
  ],
  [
    'Plan',
    async (page, base) => {
      const plan = await new PlanPage(page).open(base);
      await plan.sessions().first().waitFor();
    },
  ],
  [
    'Plan with a feed address',
    async (page, base) => {
      const plan = await new PlanPage(page).open(base);
      await page.getByRole('button', { name: 'Create a feed address' }).click();
      await plan.feedUrl().waitFor();
    },
  ],
  [
    'Library',
    async (page, base) => {
      const library = await new LibraryPage(page).open(base);
      await library.row('Thinking in Systems').waitFor();
    },
  ],
  [
    'a book',
    async (page, base) => {
      const item = await new LearningItemPage(page).open(base, seeded.bookId);
      await item.notes().first().waitFor();
    },
  ],
  [
    'Review, the answer shown',
    async (page, base) => {
      const review = await new ReviewPage(page).open(base);
      await review.showAnswer().click();
      await review.answer().waitFor();
    },
  ],
  [
    'Journal',
    async (page, base) => {
      const journal = await new JournalPage(page).open(base);
      await journal.entry('On feedback').waitFor();
    },
  ],
  [
    'Journal search',
    async (page, base) => {
      const journal = await new JournalPage(page).open(base);
      await journal.search('feedback');
      await journal.hits().first().waitFor();
    },
  ],
  [
    'a journal entry',
    async (page, base) => {
      const entry = await new JournalEntryPage(page).open(base, seeded.entryId);
      await entry.body().locator('li').first().waitFor();
    },
  ],
  [
    'New journal entry with its preview',
    async (page, base) => {
      const editor = await new JournalEditorPage(page).openNew(base);
      await editor.fill({ title: 'Draft', body: '## Heading\n\nSome *text* and a [link](https://example.com).' });
      await editor.preview().waitFor();
    },
  ],
  [
    'Reflections',
    async (page, base) => {
      const reflections = await new ReflectionsPage(page).open(base);
      await reflections.past().first().waitFor();
    },
  ],
  [
    'Not found',
    async (page, base) => {
      await page.goto(`${base}/nowhere`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    },
  ],
];

/**
 * Every page in one color scheme (the system's preference), on a laptop and on a phone (or the
 * screens given): no axe-core violation, nothing past the screen's edge, no error in the console.
 */
export function describeAxeScans(app: E2eApp, scheme: 'light' | 'dark', screens: readonly (typeof SCREENS)[number][] = SCREENS): void {
  describe.each(screens)(`every page in ${scheme} mode on a $name ($width×$height)`, (screen) => {
    beforeAll(async () => {
      await app.page.setViewportSize({ width: screen.width, height: screen.height });
    });
    afterAll(async () => {
      await app.page.setViewportSize({ width: 1280, height: 900 });
    });

    it.each(PAGES)('%s', async (_name, open) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      const errorsBefore = app.session.consoleErrors.length;
      await open(app.page, app.base);
      expect(await app.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      expect(await axeViolations(app.page)).toEqual([]);
      expect(await overflowingElements(app.page)).toEqual([]);
      expect(cspOrScriptErrors(app.session.consoleErrors.slice(errorsBefore))).toEqual([]);
    });
  });

  describe(`the sign-in page in ${scheme} mode`, () => {
    it.each(screens)('on a $name', async (screen) => {
      const context = await app.browser.newContext({ colorScheme: scheme, viewport: { width: screen.width, height: screen.height } });
      try {
        const page = await context.newPage();
        await page.goto(app.base);
        await page.getByRole('heading', { level: 1, name: 'Sign in to grow' }).waitFor();
        expect(await page.locator('main').innerText()).toMatch(/open a sign-in link for this server/);
        expect(await axeViolations(page)).toEqual([]);
        expect(await overflowingElements(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
