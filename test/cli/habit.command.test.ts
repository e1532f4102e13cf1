import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const M = 0.5 ** (1 / 13);
const SCHEDULE_ERROR = 'schedule: expected daily, weekdays, mon,wed,…, N/week, N/Mdays or every N days';

const LIST_FIELDS = ['id', 'slug', 'name', 'kind', 'schedule', 'group', 'strength', 'streak', 'bestStreak', 'dueToday', 'neverMissTwice'];
const SHOW_FIELDS = [
  'id',
  'slug',
  'name',
  'kind',
  'schedule',
  'target',
  'unit',
  'identity',
  'when',
  'where',
  'after',
  'twoMinute',
  'bundle',
  'group',
  'skills',
  'strength',
  'streak',
  'bestStreak',
  'completion30',
  'completion365',
  'neverMissTwice',
  'anchor',
  'history',
];

const root = tempDir();
let homes = 0;
/** A fresh grow with its own GROW_HOME. */
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow habit', { timeout: 120_000 }, () => {
  it('add with every flag, then show --json gives the contract fields', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Make coffee');
    const added = await grow.json(
      'habit',
      'add',
      'Read 20 pages',
      '--kind',
      'build',
      '--schedule',
      'mon,wed,fri',
      '--target',
      '20',
      '--unit',
      'pages',
      '--identity',
      'I am someone who reads',
      '--when',
      '07:00',
      '--where',
      'kitchen table',
      '--after',
      'make-coffee',
      '--two-minute',
      'read one page',
      '--bundle',
      'with coffee',
      '--obvious',
      'book on the pillow',
      '--group',
      'morning',
      '--skills',
      'reading,focus',
    );
    expect(added).toMatchObject({ slug: 'read-20-pages', name: 'Read 20 pages' });
    const shown = await grow.json('habit', 'show', 'read-20-pages');
    for (const field of SHOW_FIELDS) expect(shown, field).toHaveProperty(field);
    expect(shown).toMatchObject({
      id: added.id,
      slug: 'read-20-pages',
      name: 'Read 20 pages',
      kind: 'build',
      schedule: 'mon,wed,fri',
      target: 20,
      unit: 'pages',
      identity: 'I am someone who reads',
      when: '07:00',
      where: 'kitchen table',
      after: 'make-coffee',
      twoMinute: 'read one page',
      bundle: 'with coffee',
      group: 'morning',
      skills: ['reading', 'focus'],
      strength: 0,
      streak: 0,
      bestStreak: 0,
      completion30: null,
      completion365: null,
      neverMissTwice: 'ok',
      history: [],
    });
    // By id too.
    expect((await grow.json('habit', 'show', added.id)).slug).toBe('read-20-pages');
    // Human output: the card.
    const human = await grow.ok('habit', 'show', 'read-20-pages');
    expect(human.stdout).toContain('Read 20 pages (read-20-pages)');
    expect(human.stdout).toContain('I am someone who reads');
    expect(human.stdout).toContain('at least 20 pages');
  });

  it('done, skip, undo and list --json with exactly the contract fields and hand-derived numbers', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    await grow.json('habit', 'add', 'Run', '--group', 'evening');
    for (const date of ['2026-11-19', '2026-11-20', '2026-11-21']) await grow.json('habit', 'done', 'read', '--date', date);
    await grow.json('habit', 'skip', 'read', '--date', '2026-11-22', '--note', 'sick');
    const done = await grow.json('habit', 'done', 'read', '--note', 'great chapter');
    expect(done.history.at(-1)).toEqual({ date: '2026-11-23', status: 'done', amount: null, note: 'great chapter' });

    const list = await grow.json<Record<string, unknown>[]>('habit', 'list');
    expect(list).toHaveLength(2);
    for (const item of list) expect(Object.keys(item).sort()).toEqual([...LIST_FIELDS].sort());
    const [read, run] = list as any[];
    expect(read).toMatchObject({
      slug: 'read',
      name: 'Read',
      kind: 'build',
      schedule: 'daily',
      group: null,
      streak: 5,
      bestStreak: 5,
      dueToday: false,
      neverMissTwice: 'ok',
    });
    // Four done days, the skipped one frozen: 1 − m^4.
    expect(read.strength).toBeCloseTo(1 - M ** 4, 12);
    expect(run).toMatchObject({ slug: 'run', group: 'evening', strength: 0, streak: 0, dueToday: true });

    const undone = await grow.json('habit', 'undo', 'read');
    expect(undone.history.map((h: { date: string }) => h.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    await grow.json('habit', 'undo', 'read', '--date', '2026-11-19');
    const shown = await grow.json('habit', 'show', 'read');
    // With its first check-in gone, the habit begins on the next one: the 19th is no miss.
    expect(shown.history.map((h: { date: string; status: string }) => [h.date, h.status])).toEqual([
      ['2026-11-20', 'done'],
      ['2026-11-21', 'done'],
      ['2026-11-22', 'skipped'],
    ]);

    // Human output: an aligned table.
    const human = await grow.ok('habit', 'list');
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^HABIT\s+SCHEDULE\s+STRENGTH\s+STREAK\s+BEST\s+TODAY/);
    expect(lines[1]).toContain('read');
    expect(lines[2]).toContain('due');
  });

  it('show --as-of gives the numbers and history of that day', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    for (const date of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'])
      await grow.json('habit', 'done', 'read', '--date', date);
    const then = await grow.json('habit', 'show', 'read', '--as-of', '2026-11-20');
    expect(then.streak).toBe(3);
    expect(then.strength).toBeCloseTo(1 - M ** 3, 12);
    expect(then.history.map((h: { date: string }) => h.date)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    const now = await grow.json('habit', 'show', 'read');
    expect(now.streak).toBe(6);
    expect(now.strength).toBeCloseTo(1 - M ** 6, 12);
    await grow.fails(1, 'validation_failed', 'asOf: 2026-11-24 is after today (2026-11-23)', 'habit', 'show', 'read', '--as-of', '2026-11-24');
    await grow.fails(1, 'validation_failed', 'asOf: expected a date YYYY-MM-DD', 'habit', 'show', 'read', '--as-of', 'last week');
  });

  it('slip on a habit to break, with an amount when measurable', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Coffee', '--kind', 'break', '--target', '2', '--unit', 'cups');
    const slipped = await grow.json('habit', 'slip', 'coffee', '--amount', '3', '--note', 'long day');
    expect(slipped.history).toEqual([{ date: '2026-11-23', status: 'slip', amount: 3, note: 'long day' }]);
    // From a score of 1, p = 1 − (3 − 2)/2.
    expect(slipped.strength).toBeCloseTo(M + 0.5 * (1 - M), 12);
  });

  it('edit, archive (and --restore), rm --yes', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    const edited = await grow.json('habit', 'edit', 'read', '--name', 'Read books', '--schedule', '3/week', '--identity', 'I read');
    expect(edited).toMatchObject({ slug: 'read', name: 'Read books', schedule: '3/week', identity: 'I read' });
    const cleared = await grow.json('habit', 'edit', 'read', '--identity', '');
    expect(cleared.identity).toBe(null);

    expect((await grow.json('habit', 'archive', 'read')).archived).toBe(true);
    expect(await grow.json('habit', 'list')).toEqual([]);
    expect((await grow.json<any[]>('habit', 'list', '--all')).map((h) => h.slug)).toEqual(['read']);
    expect((await grow.json('habit', 'archive', 'read', '--restore')).archived).toBe(false);

    const human = await grow.ok('habit', 'rm', 'read', '--yes');
    expect(human.stdout).toBe('Removed read.\n');
    expect(await grow.json('habit', 'list', '--all')).toEqual([]);
  });

  it('today lists what is due', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    await grow.json('habit', 'add', 'Run');
    await grow.json('habit', 'add', 'Doomscroll', '--kind', 'break');
    await grow.json('habit', 'done', 'run');
    const today = await grow.json('today');
    expect(today.date).toBe('2026-11-23');
    expect(today.due.map((h: { slug: string }) => h.slug)).toEqual(['read']);
    expect(today.done.map((h: { slug: string }) => h.slug)).toEqual(['run']);
    expect(today.avoid.map((h: { slug: string }) => h.slug)).toEqual(['doomscroll']);
    const human = await grow.ok('today');
    expect(human.stdout).toContain('Today, 2026-11-23');
    expect(human.stdout).toContain('Read');
  });
});

describe('grow habit: bad input exits 1 with the error on stderr, and changes nothing', { timeout: 120_000 }, () => {
  it('refuses every bad input the issue lists', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    await grow.json('habit', 'add', 'Pages', '--target', '20', '--unit', 'pages');
    await grow.json('habit', 'add', 'Doomscroll', '--kind', 'break');
    await grow.json('habit', 'done', 'read', '--date', '2026-11-22');
    const before = await grow.run('export', 'json');

    await grow.fails(1, 'not_found', 'habit: no habit "nope"', 'habit', 'done', 'nope');
    await grow.fails(1, 'not_found', 'habit: no habit "nope"', 'habit', 'show', 'nope');
    await grow.fails(1, 'not_found', 'habit: no habit "nope"', 'habit', 'edit', 'nope', '--name', 'X');
    await grow.fails(1, 'not_found', 'habit: no habit "nope"', 'habit', 'rm', 'nope', '--yes');
    await grow.fails(1, 'conflict', 'name: a habit named "Read" already exists', 'habit', 'add', 'Read');
    await grow.fails(1, 'conflict', 'name: a habit named "Read" already exists', 'habit', 'edit', 'pages', '--name', 'Read');
    await grow.fails(1, 'validation_failed', SCHEDULE_ERROR, 'habit', 'add', 'Run', '--schedule', 'sometimes');
    await grow.fails(1, 'validation_failed', SCHEDULE_ERROR, 'habit', 'edit', 'read', '--schedule', '8/week');
    await grow.fails(1, 'validation_failed', 'date: expected a date YYYY-MM-DD', 'habit', 'done', 'read', '--date', '22/11/2026');
    await grow.fails(1, 'validation_failed', 'date: expected a date YYYY-MM-DD', 'habit', 'skip', 'read', '--date', '2026-11-31');
    await grow.fails(1, 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)', 'habit', 'done', 'read', '--date', '2026-11-24');
    await grow.fails(1, 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)', 'habit', 'undo', 'read', '--date', '2026-11-24');
    await grow.fails(1, 'validation_failed', 'amount: must not be negative', 'habit', 'done', 'pages', '--amount', '-5');
    await grow.fails(1, 'validation_failed', 'amount: expected a number, got "lots"', 'habit', 'done', 'pages', '--amount', 'lots');
    await grow.fails(1, 'validation_failed', 'amount: "read" is a yes/no habit and takes no amount', 'habit', 'done', 'read', '--amount', '3');
    await grow.fails(1, 'validation_failed', 'slip: "read" is a habit to build; only a habit to break records slips', 'habit', 'slip', 'read');
    await grow.fails(1, 'validation_failed', 'target: expected a number, got "many"', 'habit', 'add', 'Run', '--target', 'many');
    await grow.fails(1, 'validation_failed', 'kind: expected build or break', 'habit', 'add', 'Run', '--kind', 'keep');
    await grow.fails(1, 'not_found', 'check-in: no check-in "read on 2026-11-21"', 'habit', 'undo', 'read', '--date', '2026-11-21');

    expect((await grow.run('export', 'json')).stdout).toBe(before.stdout);
  });

  it('finds a habit by its name in any case and refuses a second name that differs only by case', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read Daily');
    const done = await grow.json('habit', 'done', 'read daily');
    expect(done).toMatchObject({ slug: 'read-daily', name: 'Read Daily', history: [{ date: '2026-11-23', status: 'done' }] });
    expect((await grow.json('habit', 'show', 'READ-DAILY')).slug).toBe('read-daily');
    const before = await grow.run('export', 'json');
    await grow.fails(1, 'conflict', 'name: a habit named "Read Daily" already exists (names are compared without case)', 'habit', 'add', 'read daily');
    expect((await grow.run('export', 'json')).stdout).toBe(before.stdout);
  });

  it('show names what every N days and N/Mdays count from, in text and in --json', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Floss', '--schedule', 'every 3 days');
    await grow.json('habit', 'add', 'Run', '--schedule', '2/3days');
    await grow.json('habit', 'add', 'Read');
    await grow.json('habit', 'done', 'floss', '--date', '2026-11-21');
    // A check-in before the habit was added moves its start, not its blocks.
    await grow.json('habit', 'done', 'run', '--date', '2026-11-19');

    const floss = await grow.json('habit', 'show', 'floss');
    expect(floss.anchor).toEqual({ rule: 'last-done', date: '2026-11-21', nextDue: '2026-11-24' });
    expect(floss.dueToday).toBe(false); // 21, 22, 23 are covered
    expect((await grow.ok('habit', 'show', 'floss')).stdout).toContain('anchor       last done 2026-11-21; next due 2026-11-24\n');

    const run = await grow.json('habit', 'show', 'run');
    expect(run).toMatchObject({ startDate: '2026-11-19', anchor: { rule: 'fixed', date: '2026-11-23', periodStart: '2026-11-23', periodEnd: '2026-11-25' } });
    expect((await grow.ok('habit', 'show', 'run')).stdout).toContain('anchor       blocks counted from 2026-11-23; this block 2026-11-23 to 2026-11-25\n');

    expect((await grow.json('habit', 'show', 'read')).anchor).toBeNull();
    expect((await grow.ok('habit', 'show', 'read')).stdout).not.toContain('anchor');
  });

  it('prints a plain error line without --json', async () => {
    const grow = fresh();
    const result = await grow.run('habit', 'done', 'nope');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: habit: no habit "nope"\n');
  });
});

describe('grow: bad usage exits 2', { timeout: 120_000 }, () => {
  it('an unknown command or flag, a missing argument, rm without --yes', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read');
    await grow.fails(2, 'usage', "unknown command 'bogus'", 'bogus');
    await grow.fails(2, 'usage', "unknown command 'bogus'", 'habit', 'bogus');
    await grow.fails(2, 'usage', "unknown option '--bogus'", 'habit', 'list', '--bogus');
    await grow.fails(2, 'usage', "missing required argument 'name'", 'habit', 'add');
    await grow.fails(2, 'usage', "missing required argument 'habit'", 'habit', 'done');
    await grow.fails(2, 'usage', "option '--date <date>' argument missing", 'habit', 'done', 'read', '--date');
    await grow.fails(2, 'usage', "required option '--rating <rating>' not specified", 'scorecard', 'add', 'Wake up');
    await grow.fails(2, 'usage', 'rm: deleting "read" removes its whole history; repeat with --yes (or archive it instead)', 'habit', 'rm', 'read');
    // Still there.
    expect((await grow.json<any[]>('habit', 'list')).map((h) => h.slug)).toEqual(['read']);

    const human = await grow.run('habit', 'list', '--bogus');
    expect(human.code).toBe(2);
    expect(human.stderr).toBe("error: unknown option '--bogus' (see grow --help)\n");
    // A command group without its command shows the help, as bad usage.
    const bare = await grow.run('habit');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: grow habit');
    // Asking for help is not an error.
    const help = await grow.run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: grow');
  });
});
