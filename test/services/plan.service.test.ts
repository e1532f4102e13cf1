import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { addHabit, checkIn } from '../../src/services/habit.service.js';
import { assessSkill, setTarget } from '../../src/services/skill.service.js';
import { logActivity } from '../../src/services/activity.service.js';
import { planWeekFor, plannedToday, showWeek } from '../../src/services/plan.service.js';
import { createFeedToken, exportCalendar, revokeFeedToken } from '../../src/services/calendar.service.js';
import { authenticate, authenticateCalendarToken } from '../../src/services/auth.service.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { describeEachDialect } from '../support/stores.js';
import { expectAppError, expectRefusedAndUnchanged } from './service.helpers.js';

// The test's today, 2026-11-23, is a Monday.
describeEachDialect('plan service', (db) => {
  it('counts practice already done in the week under way: a kind practised today is not "neglected"', async () => {
    const ctx = await db.ctx('2026-11-25'); // a Wednesday
    await setTarget(ctx, { track: 'manager', level: 'team-lead' });
    await logActivity(ctx, { text: 'tests', minutes: 30, skills: 'testing', date: '2026-11-01' });
    await logActivity(ctx, { text: 'coaching', minutes: 45, skills: 'coaching-and-teaching', date: '2026-11-24' });
    const [thisWeek] = [await planWeekFor(ctx, { start: '2026-11-23' })];
    // Made on Wednesday, the week is planned from today. Technical practice is 24 days old: that
    // kind is repaired first; soft was practised yesterday.
    expect(thisWeek.sessions[0]).toMatchObject({ date: '2026-11-25', kind: 'technical' });
    expect(thisWeek.sessions[0]!.why).toMatch(/^No technical practice for 24 days/);
    expect(thisWeek.sessions.map((s) => s.why).join(' ')).not.toMatch(/No soft practice/);
  });

  it('plans the week from today (a Monday): 3 hours over the weekdays, alternating kinds, aimed at the target', async () => {
    const ctx = await db.ctx();
    await setTarget(ctx, { track: 'ic', level: 'senior' });
    await assessSkill(ctx, 'testing', { level: 0 });
    await assessSkill(ctx, 'code-craft', { level: 3 });
    await logActivity(ctx, { text: 'tests', minutes: 30, skills: 'testing', date: '2026-11-20' });
    await logActivity(ctx, { text: '1:1', minutes: 30, skills: 'empathy', date: '2026-11-21' });
    const plan = await planWeekFor(ctx);
    expect(plan.start).toBe('2026-11-23');
    expect(plan.sessions.map((s) => s.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(plan.sessions.map((s) => s.minutes)).toEqual([40, 35, 35, 35, 35]);
    expect(plan.sessions.map((s) => s.kind)).toEqual(['technical', 'soft', 'technical', 'soft', 'technical']);
    // Gap 3 for most skills (senior expects 3), none for code craft (rated 3); among equal gaps the
    // longest unpractised first (testing and empathy were practised days ago), then the id.
    expect(plan.sessions.map((s) => s.skill)).toEqual(['data-and-databases', 'communication', 'debugging', 'feedback', 'operations-and-reliability']);
    expect(plan.sessions[0]!.why).toBe(
      'Largest technical gap open: Data and databases is at 0, Senior engineer (your target) expects 3 (gap 3). Not practised yet. Alternates with soft practice so both grow side by side.',
    );
    // What 40 hours would plan: a preview, nothing kept.
    const withEmpathy = await showWeek(ctx, { hours: 40 });
    expect(withEmpathy.sessions.find((s) => s.skill === 'empathy')!.why).toMatch(
      /Empathy is at 0, Senior engineer \(your target\) expects 3 \(gap 3\)\. Last practised 2 days before the week\./,
    );
    // Stable: the same data gives the same plan.
    expect(await planWeekFor(ctx)).toEqual(plan);
  });

  it("counts each skill's latest rating, and repairs a neglected kind first", async () => {
    const ctx = await db.ctx();
    await setTarget(ctx, { track: 'ic', level: 'mid' });
    for (const skill of ['code-craft', 'testing', 'debugging', 'system-design', 'data-and-databases', 'operations-and-reliability', 'security-fundamentals']) {
      await assessSkill(ctx, skill, { level: 2, date: '2026-01-01' });
    }
    await assessSkill(ctx, 'testing', { level: 0, date: '2026-06-01' }); // the latest rating wins
    await logActivity(ctx, { text: 'pairing', minutes: 60, skills: 'testing', date: '2026-11-22' });
    await logActivity(ctx, { text: 'retro', minutes: 60, skills: 'feedback', date: '2026-11-01' });
    const plan = await planWeekFor(ctx, { hours: '2', days: 'tue,thu' });
    expect(plan.sessions[0]).toMatchObject({ date: '2026-11-24', kind: 'soft' });
    expect(plan.sessions[0]!.why).toMatch(/^No soft practice for 22 days: the week starts by repairing it\./);
    expect(plan.sessions.find((s) => s.kind === 'technical')).toMatchObject({ skill: 'testing' });
    expect(plan.sessions.reduce((sum, s) => sum + s.minutes, 0)).toBe(120);
    expect(new Set(plan.sessions.map((s) => s.date))).toEqual(new Set(['2026-11-24', '2026-11-26']));
  });

  it('without a target aims at the next level of the closest ladder; --start picks the week holding that day', async () => {
    const ctx = await db.ctx();
    const plan = await planWeekFor(ctx, { start: '2026-12-02', days: ['wed', 'sat'], hours: 1 });
    expect(plan).toMatchObject({ start: '2026-11-30', kept: false });
    expect(plan.sessions.map((s) => [s.date, s.minutes])).toEqual([
      ['2026-12-02', 30],
      ['2026-12-05', 30],
    ]);
    expect(plan.sessions[0]!.why).toMatch(/Junior engineer expects 1 \(gap 1\)/);
  });

  it('gives today the planned sessions of the current week, for grow today', async () => {
    const ctx = await db.ctx('2026-11-25');
    // Without a rating or a target, grow is used for habits alone: no practice is planned.
    expect(await plannedToday(ctx)).toEqual([]);
    await assessSkill(ctx, 'code-craft', { level: 0 });
    const today = await plannedToday(ctx);
    expect(today).toHaveLength(1);
    // The week is made on Wednesday: its hours' share of the days left, 3/5 of 3 hours over Wed..Fri.
    expect(today[0]).toMatchObject({ date: '2026-11-25', minutes: 35, status: 'planned' });
    expect(await plannedToday(await db.ctx('2026-11-28'))).toEqual([]); // a Saturday
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const ctx = await db.ctx();
    const cases: [unknown, string][] = [
      [{ hours: 0 }, 'hours: must be greater than 0'],
      [{ hours: '0' }, 'hours: must be greater than 0'],
      [{ hours: 41 }, 'hours: at most 40 hours a week'],
      [{ hours: 'lots' }, 'hours: expected a number of hours, got "lots"'],
      [{ days: '' }, 'days: name at least one day, e.g. mon,wed,fri'],
      [{ days: 'mon,someday' }, 'days: unknown day "someday"; expected mon, tue, wed, thu, fri, sat or sun'],
      [{ start: 'next monday' }, 'start: expected a date YYYY-MM-DD'],
      [{ start: '2026-02-30' }, 'start: expected a date YYYY-MM-DD'],
      [{ weeks: 2 }, 'weeks: unknown field'],
      [{ replan: 'yes' }, 'replan: expected true or false'],
      [{ replan: true, start: '2026-11-30' }, 'replan: only the week under way (from 2026-11-23) is replanned; the week of 2026-11-30 is a preview'],
    ];
    for (const [input, message] of cases) await expectRefusedAndUnchanged(ctx, () => planWeekFor(ctx, input), 'validation_failed', message);
    for (const weeks of [0, 13, '2.5', 'x']) {
      await expectRefusedAndUnchanged(
        ctx,
        () => exportCalendar(ctx, { weeks }),
        'validation_failed',
        expect.stringMatching(/^weeks: expected a whole number of weeks from 1 to 12/) as never,
      );
    }
  });

  it('exports the plan of the coming weeks and the habits as iCalendar with stable UIDs', async () => {
    const ctx = await db.ctx('2026-11-25');
    await updatePerson(db.store.db, ctx.personId, { time_zone: 'UTC' });
    const read = await addHabit(ctx, { name: 'Read', schedule: 'mon,wed,fri', when: '7:00', where: 'sofa' });
    await addHabit(ctx, { name: 'Walk', schedule: 'every 2 days', when: 'after lunch' });
    const text = await exportCalendar(ctx, { weeks: 2 });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const sessions = events.filter((e) => e.uid.startsWith('plan-'));
    expect(sessions).toHaveLength(10);
    expect(sessions[0]!.startDate.toString()).toBe('2026-11-23'); // the current week, from its Monday
    expect(sessions.at(-1)!.startDate.toString()).toBe('2026-12-04');
    const habit = events.find((e) => e.uid === `habit-${read.id}@grow`)!;
    expect(habit.location).toBe('sofa');
    const it = habit.iterator();
    expect([it.next()?.toString(), it.next()?.toString()]).toEqual([`${read.startDate}T07:00:00`, '2026-11-27T07:00:00']);
    // Exported again later: the same UIDs, so a subscribed calendar updates instead of duplicating.
    const again = await exportCalendar(await db.ctx('2026-11-26'), { weeks: 2 });
    const uids = (t: string) => new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(again)).toEqual(uids(text));
    expect(uids(text)).toHaveLength(12);
    // Default: four weeks.
    expect((await exportCalendar(ctx)).match(/UID:plan-/g)).toHaveLength(20);
  });

  it('starts every-N-days habits at their next day due and N/M-days blocks at their anchor, not at the start date', async () => {
    const added = await db.ctx('2026-11-25'); // a Wednesday
    await updatePerson(db.store.db, added.personId, { time_zone: 'UTC' });
    const walk = await addHabit(added, { name: 'Walk', schedule: 'every 3 days' });
    const write = await addHabit(added, { name: 'Write', schedule: '2/3days' });
    // Back-dated check-ins move both habits' start dates to 2026-11-20, but not what their days count from.
    await checkIn(added, 'walk', 'done', { date: '2026-11-20' });
    await checkIn(await db.ctx('2026-11-26'), 'walk', 'done', {});
    await checkIn(added, 'write', 'done', { date: '2026-11-20' });
    const firstDays = async (today: string) => {
      const text = await exportCalendar(await db.ctx(today), { weeks: 1 });
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const days = (id: string) => {
        const it = events.find((e) => e.uid === `habit-${id}@grow`)!.iterator();
        return [it.next(), it.next()].map((t) => t?.toString().slice(0, 10));
      };
      return { walk: days(walk.id), write: days(write.id) };
    };
    // Done on the 26th: due again on the 29th. The 2/3-day blocks run from the day the habit was added.
    expect(await firstDays('2026-11-27')).toEqual({ walk: ['2026-11-29', '2026-12-02'], write: ['2026-11-25', '2026-11-28'] });
    // Not done since: overdue, so the feed shows it from today.
    expect((await firstDays('2026-12-03')).walk).toEqual(['2026-12-03', '2026-12-06']);
  });

  it('issues read-only feed tokens the person can revoke', async () => {
    const ctx = await db.ctx();
    const one = await createFeedToken(ctx, 'phone');
    const two = await createFeedToken(ctx);
    expect(one.path).toBe(`/api/v1/calendar.ics?token=${one.token}`);
    expect(await authenticateCalendarToken(db.store, one.token)).toBe(ctx.personId);
    // A calendar token opens the feed only: it is no session or API token.
    expect(await authenticate(db.store, one.token)).toBeUndefined();
    expect(await revokeFeedToken(ctx, one.token)).toEqual({ revoked: 1 });
    expect(await authenticateCalendarToken(db.store, one.token)).toBeUndefined();
    await expectAppError(revokeFeedToken(ctx, one.token), 'not_found', 'token: no calendar token of yours matches; revoke all your calendar tokens instead');
    expect(await revokeFeedToken(ctx)).toEqual({ revoked: 1 });
    expect(await authenticateCalendarToken(db.store, two.token)).toBeUndefined();
  });
});
