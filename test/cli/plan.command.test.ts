import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createPostgresDatabase } from '../support/stores.js';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow plan week, export ics, calendar token', { timeout: 120_000 }, () => {
  it('plans a week with the contract fields, the same on every run', async () => {
    const grow = fresh();
    await grow.json('target', 'set', 'ic', 'senior');
    await grow.json('log', 'pairing on tests', '--minutes', '45', '--skills', 'testing', '--date', '2026-11-20');
    const plan = await grow.json('plan', 'week', '--hours', '4', '--days', 'mon,wed,fri', '--start', '2026-11-30');
    expect(Object.keys(plan).sort()).toEqual(['kept', 'sessions', 'start']);
    // Next week: a preview, kept once it is under way.
    expect(plan).toMatchObject({ start: '2026-11-30', kept: false });
    for (const s of plan.sessions) {
      expect(Object.keys(s).sort()).toEqual(['activityId', 'date', 'id', 'kind', 'minutes', 'skill', 'status', 'why']);
      expect(s).toMatchObject({ id: null, status: 'planned', activityId: null });
    }
    expect(plan.sessions.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0)).toBe(240);
    expect(new Set(plan.sessions.map((s: { date: string }) => s.date))).toEqual(new Set(['2026-11-30', '2026-12-02', '2026-12-04']));
    expect(await grow.json('plan', 'week', '--start', '2026-11-30')).toEqual(plan);
    // The hours and days given are kept: the week under way follows them.
    const human = await grow.ok('plan', 'week');
    expect(human.stdout).toMatch(/^Week of 2026-11-23: 4 sessions, 4 h 0 min\n/);
    expect(human.stdout).toMatch(/Log one with: grow plan done ID/);
  });

  it('refuses bad input: exit 1, one JSON error line, nothing written', async () => {
    const grow = fresh();
    await grow.fails(1, 'validation_failed', 'hours: must be greater than 0', 'plan', 'week', '--hours', '0');
    await grow.fails(1, 'validation_failed', 'hours: at most 40 hours a week', 'plan', 'week', '--hours', '40.5');
    await grow.fails(1, 'validation_failed', 'days: name at least one day, e.g. mon,wed,fri', 'plan', 'week', '--days', ',');
    await grow.fails(1, 'validation_failed', /^days: unknown day "moonday"/, 'plan', 'week', '--days', 'moonday');
    await grow.fails(1, 'validation_failed', 'start: expected a date YYYY-MM-DD', 'plan', 'week', '--start', '30/11/2026');
    const out = join(root.path, 'never.ics');
    await grow.fails(1, 'validation_failed', /^weeks: expected a whole number of weeks from 1 to 12/, 'export', 'ics', '--weeks', '13', '--out', out);
    await grow.fails(1, 'validation_failed', /^weeks: expected a whole number of weeks from 1 to 12/, 'export', 'ics', '--weeks', '0', '--out', out);
    expect(existsSync(out)).toBe(false);
    await grow.fails(2, 'usage', 'token: name the token to revoke, or pass --all', 'calendar', 'token', 'revoke');
    await grow.fails(
      1,
      'validation_failed',
      /^replan: only the week under way \(from 2026-11-23\) is replanned/,
      'plan',
      'week',
      '--replan',
      '--start',
      '2026-12-01',
    );
    await grow.fails(1, 'not_found', 'session: no session "nope"', 'plan', 'done', 'nope');
    await grow.fails(1, 'not_found', 'session: no session "nope"', 'plan', 'skip', 'nope');
    await grow.fails(2, 'usage', /id/, 'plan', 'done');
    // Nothing was kept: the plan settings are the defaults still.
    expect((await grow.ok('plan', 'week')).stdout).toMatch(/^Week of 2026-11-23: 5 sessions, 3 h 0 min/);
  });

  it('exports an iCalendar file of the plan and the habits', async () => {
    const grow = fresh();
    await grow.json('habit', 'add', 'Read', '--schedule', 'weekdays', '--when', '21:30', '--where', 'bed');
    const out = join(root.path, 'grow.ics');
    expect(await grow.json('export', 'ics', '--weeks', '2', '--out', out)).toMatchObject({ out });
    const text = readFileSync(out, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.filter((e) => e.uid.startsWith('plan-'))).toHaveLength(10);
    const read = events.find((e) => e.summary === 'Read')!;
    expect(read.uid).toMatch(/^habit-.+@grow$/);
    expect(read.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(read.location).toBe('bed');
    const stdout = (await grow.ok('export', 'ics', '--weeks', '2')).stdout;
    expect(stdout.replace(/DTSTAMP:.*\r\n/g, '')).toBe(text.replace(/DTSTAMP:.*\r\n/g, ''));
  });

  it('creates and revokes calendar feed tokens', async () => {
    const grow = fresh();
    const a = await grow.json('calendar', 'token', 'create', '--label', 'phone');
    expect(a.path).toBe(`/api/v1/calendar.ics?token=${a.token}`);
    expect(await grow.json('calendar', 'token', 'revoke', a.token)).toEqual({ revoked: 1 });
    await grow.fails(
      1,
      'not_found',
      'token: no calendar token of yours matches; revoke all your calendar tokens instead',
      'calendar',
      'token',
      'revoke',
      a.token,
    );
    await grow.json('calendar', 'token', 'create');
    await grow.json('calendar', 'token', 'create');
    expect(await grow.json('calendar', 'token', 'revoke', '--all')).toEqual({ revoked: 2 });
  });
});

describe.each(DIALECTS)('the kept plan on the command line [%s]', { timeout: 120_000 }, (dialect) => {
  it('keeps the week, logs a done session, skips one, replans and carries what was missed', async () => {
    const home = join(root.path, `kept-${dialect}`, 'grow');
    const database = dialect === 'postgres' ? { GROW_DATABASE_URL: await createPostgresDatabase() } : {};
    const on = (day: string) => new Grow(home, { ...database, GROW_TODAY: day });
    const monday = on('2026-11-23');
    await monday.json('target', 'set', 'ic', 'senior');
    const week = await monday.json('plan', 'week', '--hours', '2', '--days', 'mon,tue,wed');
    expect(week).toMatchObject({ start: '2026-11-23', kept: true });
    expect(week.sessions.map((s: { status: string }) => s.status)).toEqual(['planned', 'planned', 'planned']);
    const [first, second, third] = week.sessions as { id: string; skill: string; minutes: number }[];
    // A rating changed: the kept week stays as it was.
    await monday.json('skill', 'assess', first!.skill, '5');
    expect(await monday.json('plan', 'week')).toEqual(week);

    const done = await monday.json('plan', 'done', first!.id, '--minutes', '25', '--energy', '-1', '--ease', '4');
    expect(Object.keys(done).sort()).toEqual(['activity', 'session']);
    expect(done.session).toMatchObject({ id: first!.id, status: 'done', activityId: done.activity.id });
    expect(done.activity).toMatchObject({ date: '2026-11-23', minutes: 25, skills: [first!.skill], energy: -1, ease: 4 });
    expect((await monday.json('log', 'list')).map((a: { id: string }) => a.id)).toEqual([done.activity.id]);
    await monday.fails(1, 'conflict', 'session: already done: its practice is logged once', 'plan', 'done', first!.id);
    await monday.fails(1, 'validation_failed', 'minutes: must be more than 0', 'plan', 'done', second!.id, '--minutes', '0');
    await monday.fails(1, 'validation_failed', /^energy: expected a whole number from -2/, 'plan', 'done', second!.id, '--energy', '3');
    expect((await monday.json('log', 'list')).map((a: { id: string }) => a.id)).toEqual([done.activity.id]);

    const skipped = await monday.json('plan', 'skip', third!.id);
    expect(skipped).toMatchObject({ id: third!.id, status: 'skipped' });
    await monday.fails(1, 'conflict', 'session: already skipped', 'plan', 'skip', third!.id);
    const human409 = await monday.run('plan', 'skip', third!.id);
    expect([human409.code, human409.stderr]).toEqual([1, 'error: session: already skipped\n']);

    // Today lists today's sessions, with their status and how to log the ones left.
    const today = await monday.json('today');
    expect(today.planned.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[first!.id, 'done']]);
    expect((await on('2026-11-24').ok('today')).stdout).toContain(`grow plan done ${second!.id}`);

    // Wednesday: Tuesday's session was missed. A replan keeps what is done, skipped or gone by.
    const wednesday = on('2026-11-25');
    const replanned = await wednesday.json('plan', 'week', '--replan');
    expect(replanned.sessions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [first!.id, 'done'],
      [second!.id, 'missed'],
      [third!.id, 'skipped'],
    ]);
    const human = (await wednesday.ok('plan', 'week')).stdout;
    expect(human).toMatch(/missed/);
    expect(human).toContain(second!.id);

    // Next Monday: the missed session is carried into the new week, first within its kind.
    const next = await on('2026-11-30').json('plan', 'week');
    expect(next).toMatchObject({ start: '2026-11-30', kept: true });
    const carried = next.sessions.find((s: { why: string }) => s.why.includes('Missed on 2026-11-24: carried into this week.'));
    expect(carried).toMatchObject({ skill: second!.skill, status: 'planned' });
    // The settings given on Monday are kept for the new week: 2 hours over mon, tue and wed.
    expect(new Set(next.sessions.map((s: { date: string }) => s.date))).toEqual(new Set(['2026-11-30', '2026-12-01', '2026-12-02']));
  });
});
