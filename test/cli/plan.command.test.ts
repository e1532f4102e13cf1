import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(Object.keys(plan).sort()).toEqual(['sessions', 'start']);
    expect(plan.start).toBe('2026-11-30');
    for (const s of plan.sessions) expect(Object.keys(s).sort()).toEqual(['date', 'kind', 'minutes', 'skill', 'why']);
    expect(plan.sessions.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0)).toBe(240);
    expect(new Set(plan.sessions.map((s: { date: string }) => s.date))).toEqual(new Set(['2026-11-30', '2026-12-02', '2026-12-04']));
    expect(await grow.json('plan', 'week', '--hours', '4', '--days', 'mon,wed,fri', '--start', '2026-11-30')).toEqual(plan);
    const human = await grow.ok('plan', 'week');
    expect(human.stdout).toMatch(/^Week of 2026-11-23: 5 sessions, 3 h 0 min/);
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
