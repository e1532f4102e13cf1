/**
 * The calendar (RFC 5545): the planned sessions of the coming weeks and the habits, for
 * `grow export ics` and the subscribable feed GET /api/v1/calendar.ics?token=…
 */
import type { IsoDate } from '../core/calendar.js';
import { findSkill } from '../core/framework.js';
import type { ScheduleAnchor } from '../core/habit-stats.js';
import { mondayOf, DEFAULT_CALENDAR_WEEKS } from '../core/plan.js';
import { formatSchedule, parseSchedule } from '../core/schedule.js';
import { type CalendarHabit, type CalendarSession, renderCalendar } from '../formats/ical.format.js';
import { listHabitRows } from '../store/habit.repository.js';
import { type CalendarInput, calendarSchema } from '../schemas/plan.schema.js';
import { parseInput } from '../schemas/validate.js';
import { CALENDAR_FEED_PATH, createCalendarToken, revokeCalendarToken } from './auth.service.js';

export { CALENDAR_FEED_PATH };
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';
import { planWeeks } from './plan.service.js';
import { scheduleAnchors } from './habit.service.js';

/**
 * The calendar text: `weeks` weeks of plan (default 4) from the Monday of the current week, so
 * today's session is there: the week under way as kept (made now if it was not yet), the weeks ahead
 * as previews with the plan settings; and every habit that is not archived, recurring by its schedule.
 */
export async function exportCalendar(ctx: Context, raw: unknown = {}): Promise<string> {
  const input: CalendarInput = parseInput(calendarSchema, raw);
  const weeks = input.weeks ?? DEFAULT_CALENDAR_WEEKS;
  const [plans, framework, habitRows] = await Promise.all([
    planWeeks(ctx, mondayOf(ctx.today), weeks),
    getActiveFramework(ctx),
    listHabitRows(ctx.store.db, ctx.personId),
  ]);
  // A skipped session will not happen: it leaves the calendar. Done and missed ones stay where they were.
  const sessions: CalendarSession[] = plans.flatMap((p) =>
    p.sessions.filter((s) => s.status !== 'skipped').map((s) => ({ ...s, skillName: findSkill(framework, s.skill)?.name ?? s.skill })),
  );
  const anchors = await scheduleAnchors(ctx, habitRows, ctx.today);
  const habits: CalendarHabit[] = habitRows.map((row) => {
    const schedule = parseSchedule(row.schedule);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      schedule,
      scheduleText: formatSchedule(schedule),
      startDate: row.start_date,
      countsFrom: countsFrom(anchors.get(row.id) ?? null, row.start_date, ctx.today),
      when: row.when_text,
      where: row.where_text,
      identity: row.identity,
      twoMinute: row.two_minute,
    };
  });
  return renderCalendar({ name: 'grow', sessions, habits, stamp: ctx.now() });
}

function countsFrom(anchor: ScheduleAnchor | null, startDate: IsoDate, today: IsoDate): IsoDate {
  if (anchor?.rule === 'last-done') return anchor.nextDue < today ? today : anchor.nextDue;
  if (anchor?.rule === 'fixed') return anchor.date;
  return startDate;
}

export interface CalendarToken {
  token: string;
  /** The feed's path with the token; prefix the server's origin to subscribe. */
  path: string;
}

/** A new read-only feed token, shown once. */
export async function createFeedToken(ctx: Context, label: string | null = null): Promise<CalendarToken> {
  const token = await createCalendarToken(ctx.store, ctx.personId, label, ctx.now());
  return { token, path: `${CALENDAR_FEED_PATH}?token=${encodeURIComponent(token)}` };
}

/** Revokes one feed token (by its secret) or, without one, all of the person's feed tokens. */
export async function revokeFeedToken(ctx: Context, token?: string): Promise<{ revoked: number }> {
  return { revoked: await revokeCalendarToken(ctx.store, ctx.personId, token) };
}
