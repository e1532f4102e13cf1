import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { listActivities } from '../../src/services/activity.service.js';
import { exportCalendar } from '../../src/services/calendar.service.js';
import { type Context, createContext } from '../../src/services/context.js';
import { markSessionDone, planSettings, planWeekFor, plannedToday, showWeek, skipSession } from '../../src/services/plan.service.js';
import { assessSkill, setTarget } from '../../src/services/skill.service.js';
import { today } from '../../src/services/today.service.js';
import { insertPerson } from '../../src/store/person.repository.js';
import { describeEachDialect } from '../support/stores.js';
import { expectAppError } from './service.helpers.js';

// 2026-11-23 is a Monday; the week under way runs to Sunday 2026-11-29.
const MON = '2026-11-23';
const TUE = '2026-11-24';
const WED = '2026-11-25';

const minutesOf = (sessions: readonly { minutes: number }[]) => sessions.reduce((sum, s) => sum + s.minutes, 0);

describeEachDialect('the kept plan', (db) => {
  async function aiming(day = MON): Promise<Context> {
    const ctx = await db.ctx(day);
    await setTarget(ctx, { track: 'ic', level: 'senior' });
    return ctx;
  }

  /** Everything the plan writes: the settings, the stored sessions of every week, the activities. */
  async function planState(ctx: Context) {
    return {
      settings: await planSettings(ctx),
      sessions: await db.store.db.selectFrom('plan_session').selectAll().where('person_id', '=', ctx.personId).orderBy('id').execute(),
      activities: await listActivities(ctx),
    };
  }

  async function expectRefusedAndNothingWritten(ctx: Context, call: () => Promise<unknown>, code: string, message: string): Promise<void> {
    const before = await planState(ctx);
    await expectAppError(call(), code, message);
    expect(await planState(ctx)).toEqual(before);
  }

  it('makes the week under way once: a rating changed midweek leaves it as it was', async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    expect(week).toMatchObject({ start: MON, kept: true });
    expect(week.sessions).toHaveLength(5);
    for (const s of week.sessions) {
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(s).toMatchObject({ status: 'planned', activityId: null });
    }
    // A rating that changes the gaps: the plan computed now would differ, the kept week does not.
    await assessSkill(ctx, week.sessions[0]!.skill, { level: 5 });
    const wednesday = await db.ctx(WED);
    expect((await showWeek(wednesday, { hours: 3 })).sessions.map((s) => s.skill)).not.toEqual(week.sessions.map((s) => s.skill));
    const again = await planWeekFor(wednesday);
    expect(again.sessions.map(({ status: _, ...s }) => s)).toEqual(week.sessions.map(({ status: _, ...s }) => s));
    // Monday and Tuesday passed with nothing done: missed.
    expect(again.sessions.map((s) => s.status)).toEqual(['missed', 'missed', 'planned', 'planned', 'planned']);
    // Today and the calendar read the same sessions.
    expect((await plannedToday(wednesday)).map((s) => s.id)).toEqual([again.sessions[2]!.id]);
    expect((await today(wednesday)).planned.map((s) => s.id)).toEqual([again.sessions[2]!.id]);
  });

  it('makes the week once when it is first read by several requests at once', async () => {
    const ctx = await aiming();
    const [a, b, c] = await Promise.all([planWeekFor(ctx), plannedToday(ctx), showWeek(ctx)]);
    expect(a.sessions.map((s) => s.id)).toEqual(c.sessions.map((s) => s.id));
    expect(b.map((s) => s.id)).toEqual([a.sessions[0]!.id]);
    expect((await planState(ctx)).sessions).toHaveLength(5);
  });

  it('keeps the hours and days given: the next week, Today and the calendar follow them', async () => {
    const ctx = await aiming();
    expect(await planSettings(ctx)).toEqual({ hours: 3, days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    const chosen = await planWeekFor(ctx, { hours: '4', days: 'fri,mon,wed' });
    expect(await planSettings(ctx)).toEqual({ hours: 4, days: ['mon', 'wed', 'fri'] });
    expect(minutesOf(chosen.sessions)).toBe(240);
    expect(new Set(chosen.sessions.map((s) => s.date))).toEqual(new Set([MON, WED, '2026-11-27']));
    // Without options: the same kept week.
    expect(await planWeekFor(ctx)).toEqual(chosen);
    expect((await plannedToday(await db.ctx(TUE))).length).toBe(0);
    // The week ahead, a preview, follows them too; so does the feed.
    const next = await planWeekFor(ctx, { start: '2026-12-01' });
    expect(next).toMatchObject({ start: '2026-11-30', kept: false });
    expect(next.sessions.every((s) => s.id === null && s.status === 'planned')).toBe(true);
    expect(minutesOf(next.sessions)).toBe(240);
    expect(new Set(next.sessions.map((s) => s.date))).toEqual(new Set(['2026-11-30', '2026-12-02', '2026-12-04']));
    const events = new ICAL.Component(ICAL.parse(await exportCalendar(ctx, { weeks: 2 }))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const days = events.filter((e) => e.uid.startsWith('plan-')).map((e) => e.startDate.toString());
    expect(days.every((d) => ['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02', '2026-12-04'].includes(d))).toBe(true);
    expect(days).toHaveLength(chosen.sessions.length + next.sessions.length);
  });

  it('logs the practice of a done session for its skill and links it; done twice is refused', async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    const [monday, tuesday] = week.sessions;
    const done = await markSessionDone(ctx, monday!.id!, { energy: '2', ease: 4 });
    expect(done.session).toMatchObject({ id: monday!.id, status: 'done', activityId: done.activity.id });
    expect(done.activity).toMatchObject({ date: MON, minutes: monday!.minutes, skills: [monday!.skill], energy: 2, ease: 4 });
    expect(done.activity.text).toMatch(/^Planned practice: /);
    expect(await listActivities(ctx)).toEqual([done.activity]);
    // A session still ahead, done early, is logged today, for the minutes given.
    const early = await markSessionDone(ctx, tuesday!.id!, { minutes: 45 });
    expect(early.activity).toMatchObject({ date: MON, minutes: 45 });
    const shown = await planWeekFor(ctx);
    expect(shown.sessions.slice(0, 2).map((s) => [s.status, s.activityId])).toEqual([
      ['done', done.activity.id],
      ['done', early.activity.id],
    ]);

    await expectRefusedAndNothingWritten(ctx, () => markSessionDone(ctx, monday!.id!), 'conflict', 'session: already done: its practice is logged once');
    await expectRefusedAndNothingWritten(ctx, () => skipSession(ctx, monday!.id!), 'conflict', 'session: already done: its practice stays logged');
  });

  it('skips a session: not missed, so next week does not carry it; it can still be done', async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    const skipped = await skipSession(ctx, week.sessions[0]!.id!);
    expect(skipped).toMatchObject({ id: week.sessions[0]!.id, status: 'skipped', activityId: null });
    await expectRefusedAndNothingWritten(ctx, () => skipSession(ctx, week.sessions[0]!.id!), 'conflict', 'session: already skipped');
    const later = await db.ctx(WED);
    expect((await planWeekFor(later)).sessions.map((s) => s.status)).toEqual(['skipped', 'missed', 'planned', 'planned', 'planned']);
    // Next week's preview carries Tuesday's miss, not Monday's skip.
    const next = await showWeek(later, { start: '2026-11-30' });
    expect(next.sessions.flatMap((s) => /Missed on (\S+):/.exec(s.why)?.[1] ?? [])).toEqual([TUE]);
    // Done after all: logged on its day.
    expect((await markSessionDone(later, week.sessions[0]!.id!)).activity.date).toBe(MON);
  });

  it('replans the week from today: sessions done, skipped or gone by stay; the rest is made again', async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    await markSessionDone(ctx, week.sessions[0]!.id!);
    await skipSession(ctx, week.sessions[3]!.id!); // Thursday's, skipped ahead of time
    const wednesday = await db.ctx(WED);
    const replanned = await planWeekFor(wednesday, { replan: true });
    const [mon, tue, ...rest] = replanned.sessions;
    expect([mon, tue]).toEqual([
      { ...week.sessions[0], status: 'done', activityId: expect.any(String) },
      { ...week.sessions[1], status: 'missed' },
    ]);
    expect(rest.find((s) => s.id === week.sessions[3]!.id)).toMatchObject({ status: 'skipped' });
    const made = rest.filter((s) => s.status === 'planned');
    // The days from Wednesday get their share of the week's hours (3/5 of 3 hours, 108 minutes), less
    // Thursday's skipped session (35), whose day gets no new one.
    expect(made.map((s) => s.date)).toEqual([WED, '2026-11-27']);
    for (const s of made) expect(week.sessions.map((w) => w.id)).not.toContain(s.id);
    expect(minutesOf(made)).toBe(70);

    // New hours and days midweek: saved, and the rest of the week follows them from today.
    const changed = await planWeekFor(wednesday, { hours: 4, days: 'mon,wed,fri' });
    const left = changed.sessions.filter((s) => s.status === 'planned');
    expect(new Set(left.map((s) => s.date))).toEqual(new Set([WED, '2026-11-27']));
    expect(minutesOf(left)).toBe(160); // 2 of the 3 chosen days left: 2/3 of 4 hours
    expect(changed.sessions.filter((s) => s.status !== 'planned').map((s) => s.id)).toEqual([week.sessions[0]!.id, week.sessions[1]!.id, week.sessions[3]!.id]);
  });

  it("carries a missed session into next week's plan, first within its kind, and says so", async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    const [monday, tuesday] = week.sessions;
    await markSessionDone(await db.ctx(TUE), tuesday!.id!);
    for (const s of week.sessions.slice(2)) await skipSession(ctx, s.id!);
    const next = await planWeekFor(await db.ctx('2026-11-30'));
    expect(next).toMatchObject({ start: '2026-11-30', kept: true });
    const carried = next.sessions.filter((s) => s.why.includes('Missed on'));
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ skill: monday!.skill, kind: monday!.kind });
    expect(carried[0]!.why).toMatch(/(^|\. )Missed on 2026-11-23: carried into this week\. /);
    // First of its kind in the week.
    expect(next.sessions.find((s) => s.kind === monday!.kind)).toEqual(carried[0]);
    // A replan keeps carrying it once, not twice.
    const replanned = await planWeekFor(await db.ctx('2026-11-30'), { replan: true });
    expect(replanned.sessions.filter((s) => s.why.includes('Missed on'))).toHaveLength(1);
  });

  it('refuses bad input, naming each field, and writes nothing', async () => {
    const ctx = await aiming();
    const week = await planWeekFor(ctx);
    const id = week.sessions[0]!.id!;
    await expectRefusedAndNothingWritten(ctx, () => markSessionDone(ctx, id, { minutes: 0 }), 'validation_failed', 'minutes: must be more than 0');
    await expectRefusedAndNothingWritten(
      ctx,
      () => markSessionDone(ctx, id, { minutes: 'lots', energy: 3, note: 'x' }),
      'validation_failed',
      'minutes: expected a whole number of minutes (and 2 more problems)',
    );
    await expect(markSessionDone(ctx, id, { ease: 9, energy: -3 })).rejects.toMatchObject({
      details: [
        { path: 'energy', message: 'expected a whole number from -2 (drained) to 2 (energized)' },
        { path: 'ease', message: 'expected a whole number from 1 (hard) to 5 (natural)' },
      ],
    });
    await expectRefusedAndNothingWritten(ctx, () => markSessionDone(ctx, 'nope'), 'not_found', 'session: no session "nope"');
    await expectRefusedAndNothingWritten(ctx, () => skipSession(ctx, 'nope'), 'not_found', 'session: no session "nope"');
    await expectRefusedAndNothingWritten(ctx, () => planWeekFor(ctx, { hours: 0, days: 'mon' }), 'validation_failed', 'hours: must be greater than 0');
    await expectRefusedAndNothingWritten(
      ctx,
      () => planWeekFor(ctx, { days: 'mon,funday', replan: true }),
      'validation_failed',
      expect.stringMatching(/^days: unknown day "funday"/) as never,
    );

    // Another person's session is not theirs to see: not found, and it stays as it was.
    await insertPerson(db.store.db, { id: 'other', name: 'Other', time_zone: 'UTC', created_at: '2026-11-01T00:00:00.000Z' });
    const other = await createContext(db.store, { personId: 'other', env: { GROW_TODAY: MON } });
    await expectRefusedAndNothingWritten(ctx, () => markSessionDone(other, id), 'not_found', `session: no session "${id}"`);
    await expectRefusedAndNothingWritten(ctx, () => skipSession(other, id), 'not_found', `session: no session "${id}"`);
    expect(await listActivities(other)).toEqual([]);
  });

  it('keeps an empty week, writing nothing, when none of the days is left; days added later are planned', async () => {
    const saturday = await aiming('2026-11-28');
    // Monday to Friday (the default) are gone by on Saturday: nothing to do, nothing stored.
    expect(await planWeekFor(saturday)).toEqual({ start: MON, kept: true, sessions: [] });
    expect(await plannedToday(saturday)).toEqual([]);
    expect((await planState(saturday)).sessions).toEqual([]);
    // The weekend chosen now: the days left get their share of the week.
    const weekend = await planWeekFor(saturday, { days: 'sat,sun' });
    expect(weekend.kept).toBe(true);
    expect(new Set(weekend.sessions.map((s) => s.date))).toEqual(new Set(['2026-11-28', '2026-11-29']));
    expect(minutesOf(weekend.sessions)).toBe(180);
    expect((await planState(saturday)).sessions).toHaveLength(weekend.sessions.length);
  });

  it('previews, never keeps, a week not under way, and keeps nothing for someone who plans no practice', async () => {
    const ctx = await db.ctx();
    // No rating, no target: the week is a preview; Today plans nothing.
    expect(await planWeekFor(ctx)).toMatchObject({ start: MON, kept: false });
    expect(await plannedToday(ctx)).toEqual([]);
    await setTarget(ctx, { track: 'ic', level: 'senior' });
    expect((await showWeek(ctx, { start: '2026-12-09' })).kept).toBe(false);
    expect((await showWeek(ctx, { start: '2026-11-16' })).kept).toBe(false);
    // Hours or days in a read show what they would plan; nothing is saved or kept.
    const whatIf = await showWeek(ctx, { hours: 6, days: 'sat' });
    expect(whatIf).toMatchObject({ start: MON, kept: false });
    expect(new Set(whatIf.sessions.map((s) => s.date))).toEqual(new Set(['2026-11-28']));
    expect(await planState(ctx)).toMatchObject({ settings: { hours: 3 }, sessions: [] });
  });
});
