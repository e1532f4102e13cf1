import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber, weekdayOfDay } from '../../src/core/calendar.js';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
const newHome = () => join(root.path, `home-${++homes}`, 'grow');
/** A grow whose clock GROW_TODAY pins to `day`, in a system zone of UTC unless told. */
const at = (home: string, day: string, env: Record<string, string> = {}) => new Grow(home, { GROW_TODAY: day, TZ: 'UTC', ...env });

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

/** `2027-W09`: the ISO week of a day. */
function isoWeek(day: string): string {
  const n = toDayNumber(day);
  const thursday = n - weekdayOfDay(n) + 3;
  const year = fromDayNumber(thursday).slice(0, 4);
  return `${year}-W${String(Math.floor((thursday - toDayNumber(`${year}-01-01`)) / 7) + 1).padStart(2, '0')}`;
}
const noonUtc = (day: string) => `${day}T12:00:00.000Z`;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * Every date- or time-dependent command on a pinned day: each answer follows that day, not the
 * wall clock. Run for two days, so that an answer fixed to one day (or to the real today) fails.
 */
async function walk(day: string): Promise<void> {
  const home = newHome();
  const grow = at(home, day);
  const later = (days: number) => at(home, addDays(day, days));

  // Habits: the start, a check-in, the list, the detail and today's page.
  const habit = await grow.json('habit', 'add', 'Read');
  expect(habit.startDate).toBe(day);
  const done = await grow.json('habit', 'done', 'read');
  expect(done.asOf).toBe(day);
  expect(done.streak).toBe(1);
  expect(done.history.at(-1)).toMatchObject({ date: day, status: 'done' });
  expect((await grow.json<any[]>('habit', 'list'))[0]).toMatchObject({ streak: 1, dueToday: false, neverMissTwice: 'ok' });
  expect((await grow.json('habit', 'show', 'read')).asOf).toBe(day);
  const today = await grow.json('today');
  expect(today.date).toBe(day);
  expect(today.done.map((h: { slug: string }) => h.slug)).toEqual(['read']);
  // Two days on, yesterday was missed: the pinned day moves every answer.
  const twoOn = await later(2).json<any[]>('habit', 'list');
  expect(twoOn[0]).toMatchObject({ streak: 0, dueToday: true, neverMissTwice: 'missed-once' });
  expect((await later(2).json('today')).date).toBe(addDays(day, 2));

  // Learning: added and finished on the pinned day; its takeaway card is due at the pinned noon.
  const item = await grow.json('learn', 'add', 'Atomic Habits');
  expect(item.addedAt).toBe(noonUtc(day));
  expect((await grow.json('learn', 'finish', item.id)).finishedAt).toBe(day);
  const card = await grow.json('learn', 'takeaway', item.id, 'small habits compound');
  expect(card.due).toBe(noonUtc(day));

  // Review: due now, graded now; FSRS schedules from the pinned noon.
  expect((await grow.json<any[]>('review')).map((c) => c.id)).toEqual([card.id]);
  const first = await grow.json('review', 'grade', card.id, 'good');
  expect(first.lastReview).toBe(noonUtc(day));
  expect(first.due).toBe(`${day}T12:10:00.000Z`); // the 10-minute learning step
  expect(await grow.json<any[]>('review')).toEqual([]); // not due yet at 12:00
  expect((await grow.json('today')).reviewsDue).toBe(0);
  expect((await later(1).json<any[]>('review')).map((c) => c.id)).toEqual([card.id]);
  expect((await later(1).json('today')).reviewsDue).toBe(1);
  const second = await later(1).json('review', 'grade', card.id, 'good');
  expect(second.lastReview).toBe(noonUtc(addDays(day, 1)));
  expect(second.scheduledDays).toBeGreaterThan(0);
  expect(second.due).toBe(noonUtc(addDays(day, 1 + second.scheduledDays)));
  // The human answer counts the days from the pinned day, and says when on the wall clock.
  const third = (await later(1).run('review', 'grade', card.id, 'good')).stdout;
  const [, inDays, on] = /next due in (\d+) days \((\d{4}-\d{2}-\d{2}) 12:00\)/.exec(third) ?? [];
  expect(on).toBe(addDays(day, 1 + Number(inDays)));

  // Practice and balance: logged today, counted in this ISO week.
  const logged = await grow.json('log', 'pairing on tests', '--minutes', '30', '--skills', 'testing', '--energy', '2');
  expect(logged.date).toBe(day);
  const balance = await grow.json('balance');
  expect(balance.weeks.at(-1)).toMatchObject({ week: isoWeek(day), technicalMinutes: 30 });

  // The plan is the week under way, from its Monday; the calendar file is stamped at the pinned noon.
  const monday = fromDayNumber(toDayNumber(day) - weekdayOfDay(toDayNumber(day)));
  const plan = await grow.json('plan', 'week');
  expect(plan.start).toBe(monday);
  for (const s of plan.sessions) expect(s.date >= plan.start && s.date <= addDays(plan.start, 6)).toBe(true);
  const ics = join(root.path, `plan-${homes}.ics`);
  await grow.json('export', 'ics', '--weeks', '1', '--out', ics);
  const text = readFileSync(ics, 'utf8');
  expect(text).toContain(`DTSTAMP:${day.replaceAll('-', '')}T120000Z`);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const planned = events.filter((e) => e.uid.startsWith('plan-')).map((e) => e.startDate.toJSDate().toISOString().slice(0, 10));
  expect(planned.length).toBeGreaterThan(0);
  // The calendar covers the current week, from its Monday.
  expect(planned.sort()[0]).toBe(monday);
  for (const date of planned) expect(date >= monday && date <= addDays(monday, 6)).toBe(true);

  // Path fit: the dates its advice names (the suggested experiment's end) are counted from the pinned day.
  const fits = await grow.json<any[]>('path', 'fit');
  const named = fits.flatMap((f) => [...(f.reasons.join(' ').match(DATE) ?? []), ...(f.suggestion ? [f.suggestion.until] : [])]);
  expect(named.length).toBeGreaterThan(0);
  for (const date of named) expect(date > day && date <= addDays(day, 90)).toBe(true);

  // Experiments: started today, overdue once their last day has passed.
  const experiment = await grow.json(
    'experiment',
    'add',
    'Try leading',
    '--track',
    'manager',
    '--until',
    addDays(day, 6),
    '--hypothesis',
    'I like unblocking people',
  );
  expect(experiment).toMatchObject({ startedOn: day, status: 'open' });
  expect((await later(6).json<any[]>('experiment', 'list'))[0].status).toBe('open');
  expect((await later(7).json<any[]>('experiment', 'list'))[0].status).toBe('overdue');

  // Journal, weekly review and reflection: dated and stamped on the pinned day.
  const weekly = await grow.json('journal', 'weekly', '--grew', 'tests', '--drained', 'meetings', '--next', 'pairing');
  expect(weekly).toMatchObject({ date: day, time: '12:00:00', title: `Weekly review ${isoWeek(day)}`, createdAt: noonUtc(day) });
  const reflection = await grow.json('reflect', '--from', addDays(day, -6), '--to', day);
  expect(reflection.date).toBe(day);
  expect(reflection.body).toContain(`Facts gathered by grow on ${day}`);
}

describe('GROW_TODAY pins the one clock of every date-dependent command', { timeout: 300_000 }, () => {
  it('on 2027-03-01 (a Monday)', () => walk('2027-03-01'));
  it('on 2027-06-16 (a Wednesday)', () => walk('2027-06-16'));

  it("makes now 12:00 in the person's zone, else in the system's", async () => {
    const home = newHome();
    // No zone of one's own: the system's (TZ), without loading Intl's zone data.
    const kolkata = at(home, '2027-03-01', { TZ: 'Asia/Kolkata' });
    expect((await kolkata.json('learn', 'add', 'Dune')).addedAt).toBe('2027-03-01T06:30:00.000Z');
    await kolkata.json('settings', '--time-zone', 'America/Los_Angeles');
    const item = await kolkata.json('learn', 'add', 'Emma');
    expect(item.addedAt).toBe('2027-03-01T20:00:00.000Z');
    const card = await kolkata.json('learn', 'takeaway', item.id, 'irony');
    expect((await kolkata.json('review', 'grade', card.id, 'good')).due).toBe('2027-03-01T20:10:00.000Z');
    expect((await kolkata.json('journal', 'weekly', '--grew', 'a', '--drained', 'b', '--next', 'c')).utcOffset).toBe('-08:00');
  });

  it('refuses a GROW_TODAY that is not a date: exit 2, the variable named, nothing written', async () => {
    const home = newHome();
    await at(home, '2027-03-01').json('habit', 'add', 'Read');
    for (const bad of ['2027-02-30', 'tomorrow', '1/3/2027']) {
      await at(home, bad).fails(2, 'usage', `GROW_TODAY: expected a date YYYY-MM-DD, got ${JSON.stringify(bad)}`, 'habit', 'done', 'read');
      const human = await at(home, bad).run('review');
      expect(human.code).toBe(2);
      expect(human.stderr).toContain(`GROW_TODAY: expected a date YYYY-MM-DD, got ${JSON.stringify(bad)}`);
    }
    expect((await at(home, '2027-03-01').json('habit', 'show', 'read')).history.filter((d: { status: string }) => d.status === 'done')).toEqual([]);
  });
});
