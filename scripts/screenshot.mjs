#!/usr/bin/env node
// Seeds a demo GROW_HOME through the real CLI (a few habits, a couple of months of check-ins),
// serves it with `grow serve`, and saves docs/screenshot.png of the Today dashboard (1280x800), and
// beside it screenshot-phone.png (Today at 390x844) and screenshot-skills.png (the skills' radars).
// Run it after `npm run build`:  node scripts/screenshot.mjs [out.png]
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GROW = join(ROOT, 'bin', 'grow.js');
const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs', 'screenshot.png'));
const TODAY = '2026-11-23';
// The one way grow's tests and scripts start Chromium.
const CHROMIUM_CONFIG = JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'support', 'chromium.json'), 'utf8'));
const CHROMIUM = process.env.GROW_CHROMIUM ?? CHROMIUM_CONFIG.path;

for (const file of [join(ROOT, 'dist', 'cli', 'main.js'), join(ROOT, 'web', 'dist', 'index.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const home = mkdtempSync(join(tmpdir(), 'grow-demo-'));
const env = { ...process.env, GROW_HOME: home, GROW_TODAY: TODAY, NO_COLOR: '1' };
delete env.GROW_DATABASE_URL;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const grow = async (...args) => {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(process.execPath, [GROW, ...args, '--json'], { env, cwd: ROOT });
      return;
    } catch (error) {
      // Concurrent writers can meet "database is locked" (a deferred transaction that upgrades to
      // a write gets SQLITE_BUSY at once, whatever the busy timeout): try again after a pause.
      if (attempt < 25 && /database is locked/.test(error.stderr ?? '')) {
        await sleep(50 * attempt + Math.random() * 100);
        continue;
      }
      throw new Error(`grow ${args.join(' ')}: ${error.stderr || error.message}`);
    }
  }
};

/** Runs the commands a few at a time. */
async function all(commands, width = 4) {
  const queue = [...commands];
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (queue.length) await grow(...queue.shift());
    }),
  );
}

const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday

// A small deterministic generator, so the screenshot is the same on every run.
let seed = 20261123;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

const DAYS = 60;
const habits = [
  {
    slug: 'meditate-10-minutes',
    add: [
      'Meditate 10 minutes',
      '--identity',
      'I am someone who starts the day calm',
      '--when',
      '7:00',
      '--where',
      'on the balcony',
      '--two-minute',
      'three slow breaths',
      '--group',
      'morning',
      '--skills',
      'focus',
    ],
    odds: 0.9,
  },
  {
    slug: 'read',
    add: [
      'Read',
      '--target',
      '20',
      '--unit',
      'pages',
      '--identity',
      'I am someone who reads',
      '--after',
      'meditate-10-minutes',
      '--group',
      'evening',
      '--skills',
      'learning',
    ],
    odds: 0.8,
    amount: () => String(10 + Math.round(random() * 25)),
  },
  {
    slug: 'write-500-words',
    add: ['Write 500 words', '--schedule', 'weekdays', '--identity', 'I am a writer', '--when', 'after lunch', '--group', 'work', '--skills', 'writing'],
    odds: 0.7,
    weekdaysOnly: true,
  },
  {
    slug: 'run',
    add: ['Run', '--schedule', '3/week', '--target', '5', '--unit', 'km', '--bundle', 'podcasts only while running', '--group', 'health'],
    odds: 0.45,
    amount: () => String(4 + Math.round(random() * 4)),
  },
  {
    slug: 'give-feedback-the-same-day',
    add: [
      'Give feedback the same day',
      '--schedule',
      'mon,wed,fri',
      '--identity',
      'I am a manager people trust',
      '--group',
      'work',
      '--skills',
      'giving feedback',
    ],
    odds: 0.75,
    fixedDays: [0, 2, 4],
  },
  { slug: 'doomscroll', add: ['Doomscroll', '--kind', 'break', '--identity', 'I am someone who owns their attention', '--group', 'evening'], slipOdds: 0.12 },
];

try {
  console.error(`Seeding a demo in ${home}…`);
  for (const h of habits) await grow('habit', 'add', ...h.add);

  const commands = [];
  for (let i = DAYS; i >= 1; i--) {
    const date = addDays(TODAY, -i);
    const wd = weekday(date);
    for (const h of habits) {
      if (h.slipOdds !== undefined) {
        if (random() < h.slipOdds) commands.push(['habit', 'slip', h.slug, '--date', date]);
        continue;
      }
      if (h.weekdaysOnly && wd > 4) continue;
      if (h.fixedDays && !h.fixedDays.includes(wd)) continue;
      const r = random();
      if (r < h.odds) commands.push(['habit', 'done', h.slug, '--date', date, ...(h.amount ? ['--amount', h.amount()] : [])]);
      else if (r > 0.97) commands.push(['habit', 'skip', h.slug, '--date', date, '--note', 'travelling']);
    }
  }
  // Yesterday: meditate missed, so Today warns "never miss twice"; today a few already done.
  const yesterday = addDays(TODAY, -1);
  const keep = commands.filter((c) => !(c[2] === 'meditate-10-minutes' && c[4] === yesterday));
  keep.push(['habit', 'done', 'read', '--amount', '24', '--note', 'Staff Engineer, ch. 3'], ['habit', 'done', 'give-feedback-the-same-day']);
  await all(keep);
  await all(
    [
      ['scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:45'],
      ['scorecard', 'add', 'Check phone in bed', '--rating', '-', '--time', '06:50'],
      ['scorecard', 'add', 'Make coffee', '--rating', '+', '--time', '07:00'],
    ],
    1,
  );

  // Skills and practice, so Today's practice and balance and the Skills page's radars have something to show.
  await all(
    [
      ['target', 'set', 'ic', 'senior', '--by', '2027-06-30'],
      ['skill', 'assess', 'testing', '3', '--date', addDays(TODAY, -40)],
      ['skill', 'assess', 'testing', '4', '--date', addDays(TODAY, -5)],
      ['skill', 'assess', 'debugging', '3', '--date', addDays(TODAY, -20)],
      ['skill', 'assess', 'code-craft', '3', '--date', addDays(TODAY, -20)],
      ['skill', 'assess', 'system-design', '2', '--date', addDays(TODAY, -20)],
      ['skill', 'assess', 'communication', '3', '--date', addDays(TODAY, -20)],
      ['skill', 'assess', 'feedback', '2', '--date', addDays(TODAY, -20)],
      ['skill', 'assess', 'empathy', '3', '--date', addDays(TODAY, -20)],
      ['log', 'Paired on a flaky test', '--minutes', '45', '--skills', 'testing,debugging', '--energy=1', '--ease', '4', '--date', addDays(TODAY, -6)],
      ['log', 'Reviewed the cache design', '--minutes', '60', '--skills', 'system-design', '--energy=2', '--ease', '3', '--date', addDays(TODAY, -3)],
      [
        'log',
        'Gave feedback on a design doc',
        '--minutes',
        '30',
        '--skills',
        'feedback,communication',
        '--energy=1',
        '--ease',
        '2',
        '--date',
        addDays(TODAY, -2),
      ],
    ],
    1,
  );
  await grow('plan', 'week', '--hours', '3', '--days', 'mon,wed,fri');

  console.error('Serving and taking the screenshots…');
  const server = spawn(process.execPath, [GROW, 'serve', '--port', '0', '--json'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { loginUrl } = await new Promise((resolvePromise, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        try {
          resolvePromise(JSON.parse(out));
        } catch {
          // not all of it yet
        }
      });
      server.once('exit', (code) => reject(new Error(`grow serve exited with ${code}`)));
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_CONFIG.args });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(loginUrl);
      await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
      await page.locator('[data-habit-row]').first().waitFor();
      mkdirSync(dirname(OUT), { recursive: true });
      await page.screenshot({ path: OUT });
      console.error(`Saved ${OUT}`);

      const beside = (name) => join(dirname(OUT), name);
      await page.goto(loginUrl.replace(/\/login\?.*$/, '/skills'));
      await page.locator('.radar-chart .recharts-wrapper > svg.recharts-surface').nth(1).waitFor();
      await page.locator('.radar-grid-2').screenshot({ path: beside('screenshot-skills.png') });
      console.error(`Saved ${beside('screenshot-skills.png')}`);

      const phone = await browser.newPage({
        viewport: { width: 390, height: 844 },
        colorScheme: 'light',
        reducedMotion: 'reduce',
        hasTouch: true,
        isMobile: true,
      });
      await phone.context().addCookies(await page.context().cookies());
      await phone.goto(loginUrl.replace(/\/login\?.*$/, '/'));
      await phone.locator('[data-habit-row]').first().waitFor();
      await phone.screenshot({ path: beside('screenshot-phone.png') });
      console.error(`Saved ${beside('screenshot-phone.png')}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
