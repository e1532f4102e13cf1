import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
/** A fresh grow with its own GROW_HOME; today is 2026-11-23, a Monday of 2026-W48. */
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow log and grow balance', { timeout: 120_000 }, () => {
  it('logs practice with every flag, lists it by dates, as JSON and as a table', async () => {
    const grow = fresh();
    const logged = await grow.json(
      'log',
      'Paired on the flaky test',
      '--minutes',
      '45',
      '--skills',
      'testing,communication',
      '--energy',
      '-2',
      '--ease',
      '4',
      '--date',
      '2026-11-20',
    );
    expect(logged).toEqual({
      id: expect.any(String),
      date: '2026-11-20',
      text: 'Paired on the flaky test',
      minutes: 45,
      skills: ['testing', 'communication'],
      energy: -2,
      ease: 4,
    });
    const second = await grow.json('log', 'Design doc', '--minutes', '90', '--skills', 'system-design', '--energy', '+2');
    expect(second).toMatchObject({ date: '2026-11-23', energy: 2, ease: null });

    expect(await grow.json('log', 'list')).toEqual([logged, second]);
    expect(await grow.json('log', 'list', '--from', '2026-11-21')).toEqual([second]);
    expect(await grow.json('log', 'list', '--to', '2026-11-20')).toEqual([logged]);

    const table = await grow.ok('log', 'list');
    expect(table.stdout).toBe(
      [
        'DATE        MIN  SKILLS                 ENERGY  EASE  WHAT',
        '2026-11-20  45   testing,communication  -2      4     Paired on the flaky test',
        '2026-11-23  90   system-design          +2            Design doc',
        '',
      ].join('\n'),
    );
    expect((await grow.ok('log', 'Read about SLOs', '--minutes', '20', '--skills', 'operations-and-reliability')).stdout).toBe(
      'Logged 20 min of operations-and-reliability on 2026-11-23.\n',
    );
  });

  it('grow log list lists; grow log add TEXT logs any text, "list" and "add" included', async () => {
    const grow = fresh();
    const list = await grow.json('log', 'add', 'list', '--minutes', '5', '--skills', 'testing');
    expect(list).toMatchObject({ text: 'list', minutes: 5, skills: ['testing'] });
    const add = await grow.json('log', 'add', 'add', '--minutes', '6', '--skills', 'testing');
    expect(add).toMatchObject({ text: 'add', minutes: 6 });
    // Longer text that starts with the word is text.
    const books = await grow.json('log', 'list of books to read', '--minutes', '7', '--skills', 'testing');
    expect(books).toMatchObject({ text: 'list of books to read', minutes: 7 });
    expect(await grow.json('log', 'list')).toEqual([list, add, books]);

    // `grow log list` with the flags of a practice would be read as a listing: refused, saying how.
    const before = await grow.run('export', 'json');
    await grow.fails(
      2,
      'usage',
      'log list: lists the log and takes no --minutes; to log the text "list", use grow log add list',
      'log',
      'list',
      '--minutes',
      '5',
      '--skills',
      'testing',
    );
    expect((await grow.run('export', 'json')).stdout).toBe(before.stdout);

    const help = await grow.ok('log', '--help');
    expect(help.stdout).toContain('To log the word "list" or "add" itself, use');
    expect(help.stdout).toContain('`grow log add list`');
  });

  it('refuses each bad input with exit 1 and one clear line, writing nothing', async () => {
    const grow = fresh();
    await grow.json('log', 'kept', '--minutes', '10', '--skills', 'testing');
    const log = (...flags: string[]) => ['log', 'x', ...flags];
    const ok = ['--minutes', '30', '--skills', 'testing'];
    await grow.fails(
      1,
      'validation_failed',
      'skills: unknown skill "juggling" (see grow skill list)',
      ...log('--minutes', '30', '--skills', 'testing,juggling'),
    );
    await grow.fails(1, 'validation_failed', 'energy: expected a whole number from -2 (drained) to 2 (energized)', ...log(...ok, '--energy', '3'));
    await grow.fails(1, 'validation_failed', 'energy: expected a whole number from -2 (drained) to 2 (energized)', ...log(...ok, '--energy', '-3'));
    await grow.fails(1, 'validation_failed', 'ease: expected a whole number from 1 (hard) to 5 (natural)', ...log(...ok, '--ease', '0'));
    await grow.fails(1, 'validation_failed', 'ease: expected a whole number from 1 (hard) to 5 (natural)', ...log(...ok, '--ease', '6'));
    await grow.fails(1, 'validation_failed', 'minutes: must be more than 0', ...log('--minutes', '0', '--skills', 'testing'));
    await grow.fails(1, 'validation_failed', 'minutes: at most 1440 (a day)', ...log('--minutes', '1441', '--skills', 'testing'));
    await grow.fails(1, 'validation_failed', 'minutes: expected a whole number of minutes', ...log('--minutes', '1.5', '--skills', 'testing'));
    await grow.fails(1, 'validation_failed', 'minutes: expected a whole number of minutes', ...log('--skills', 'testing'));
    await grow.fails(1, 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)', ...log(...ok, '--date', '2026-11-24'));
    await grow.fails(1, 'validation_failed', 'date: expected a date YYYY-MM-DD', ...log(...ok, '--date', '2026-13-01'));
    await grow.fails(1, 'validation_failed', 'weeks: expected a whole number from 1 to 104', 'balance', '--weeks', '0');
    await grow.fails(1, 'validation_failed', 'weeks: expected a whole number from 1 to 104', 'balance', '--weeks', '105');
    await grow.fails(1, 'validation_failed', 'from: must not be after to', 'log', 'list', '--from', '2026-11-23', '--to', '2026-11-01');
    await grow.fails(2, 'usage', /missing required argument 'text'/, 'log');
    expect((await grow.json<{ text: string }[]>('log', 'list')).map((a) => a.text)).toEqual(['kept']);
  });

  it('balance: minutes per ISO week against the target ratio, with a meter and the neglected', async () => {
    const grow = fresh();
    await grow.json('settings', '--technical-ratio', '0.6');
    await grow.json('log', 'design review', '--minutes', '60', '--skills', 'system-design', '--date', '2026-11-17');
    await grow.json('log', 'mentoring', '--minutes', '40', '--skills', 'coaching-and-teaching,code-craft');
    expect(await grow.json('balance', '--weeks', '2')).toEqual({
      weeks: [
        { week: '2026-W47', technicalMinutes: 60, softMinutes: 0, finished: [] },
        { week: '2026-W48', technicalMinutes: 20, softMinutes: 20, finished: [] },
      ],
      ratio: 0.8,
      targetRatio: 0.6,
      neglected: [],
    });
    // 80% of 20 cells filled; the target mark after the 12th.
    expect((await grow.ok('balance', '--weeks', '2')).stdout).toBe(
      [
        'WEEK      TECHNICAL  SOFT    TOTAL',
        '2026-W47  60 min     0 min   60 min',
        '2026-W48  20 min     20 min  40 min',
        '',
        'technical ████████████│████░░░░ soft  80% technical, target 60%',
        '',
      ].join('\n'),
    );
    // A book finished on a skill shows under the week it was finished; its minutes are not invented.
    const book = await grow.json<{ id: string }>('learn', 'add', 'Crucial Conversations', '--skills', 'empathy');
    await grow.json('learn', 'finish', book.id, '--date', '2026-11-18');
    const after = await grow.ok('balance', '--weeks', '2');
    expect(after.stdout).toContain('2026-W47  60 min     0 min   60 min');
    expect(after.stdout.trimEnd().split('\n').at(-1)).toBe('Finished: Crucial Conversations (2026-W47; empathy)');
  });

  it('balance and today warn about what has been neglected for 14 days', async () => {
    const grow = fresh();
    await grow.json('log', 'tests', '--minutes', '30', '--skills', 'testing', '--date', '2026-11-05');
    await grow.json('log', 'listening', '--minutes', '30', '--skills', 'empathy');
    expect((await grow.json('balance')).neglected).toEqual([{ kind: 'technical', daysSince: 18 }]);
    const balance = await grow.ok('balance');
    expect(balance.stdout).toContain('Neglected (14 days or more):\n  ! technical practice: last practised 18 days ago\n');
    expect((await grow.json('today')).neglected).toEqual([{ kind: 'technical', daysSince: 18 }]);
    const today = await grow.ok('today');
    expect(today.stdout).toContain('Balance\n  ! technical practice: last practised 18 days ago\n');
  });

  it('settings --technical-ratio sets the target share, 0..1', async () => {
    const grow = fresh();
    expect((await grow.json('settings')).technicalRatio).toBe(0.5);
    expect((await grow.json('settings', '--technical-ratio', '0.25')).technicalRatio).toBe(0.25);
    expect((await grow.ok('settings')).stdout).toContain('balance    25% technical, 75% soft\n');
    await grow.fails(
      1,
      'validation_failed',
      'technicalRatio: expected a number from 0 to 1, e.g. 0.6 for 60% technical',
      'settings',
      '--technical-ratio',
      '1.2',
    );
    await grow.fails(1, 'validation_failed', 'technicalRatio: expected a number, got "half"', 'settings', '--technical-ratio', 'half');
    expect((await grow.json('settings')).technicalRatio).toBe(0.25);
  });
});
