/**
 * iCalendar (RFC 5545) for the weekly plan and the habits, through ical-generator.
 *
 * UIDs are derived from what the events are, never from the export, so a calendar that subscribes
 * to the feed updates its events instead of duplicating them:
 *   - a planned session: plan-YYYY-MM-DD-SKILL@grow (plus -2, -3 for a second session of the same
 *     skill that day, which the planner avoids whenever it can);
 *   - a habit: habit-ID@grow.
 * Planned sessions are all-day events (the plan names a day, not an hour). A habit is timed when its
 * implementation intention's "when" reads as a time of day (7:30, 7am, 19:00, noon): a floating
 * local time lasting HABIT_MINUTES. Otherwise it is an all-day event with the intention in the
 * description. Per-period schedules are reminders, all-day.
 */
import ical, { ICalEventRepeatingFreq, ICalWeekday, type ICalRepeatingOptions } from 'ical-generator';
import type { HabitKind } from '../core/vocabulary.js';
import { type IsoDate, fromDayNumber, toDayNumber, weekdayOfDay } from '../core/calendar.js';
import type { PlannedSession } from '../core/plan.js';
import type { Schedule } from '../core/schedule.js';

/** How long a timed habit event lasts. */
export const HABIT_MINUTES = 30;
export const UID_DOMAIN = 'grow';

export interface CalendarSession extends PlannedSession {
  skillName: string;
}

export interface CalendarHabit {
  id: string;
  name: string;
  kind: HabitKind;
  schedule: Schedule;
  /** The schedule as the person wrote it (normalized), for the description. */
  scheduleText: string;
  startDate: IsoDate;
  /**
   * The first day of an every-N-days or N/M-days recurrence: the next day due (every N days follows the
   * last day done; today when it is overdue) or the anchor day of the N/M blocks. The start date otherwise.
   */
  countsFrom: IsoDate;
  when: string | null;
  where: string | null;
  identity: string | null;
  twoMinute: string | null;
}

export interface CalendarInput {
  name: string;
  sessions: readonly CalendarSession[];
  habits: readonly CalendarHabit[];
  /** DTSTAMP of every event: when the calendar was made. */
  stamp: Date;
}

/**
 * A time of day in an implementation intention: "7:30", "07:30", "19:00", "7am", "7:30 pm",
 * "at 7:30", "noon", "midnight". Anything else (e.g. "after breakfast") is null.
 */
export function parseTimeOfDay(text: string | null): { hour: number; minute: number } | null {
  if (!text) return null;
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^at\s+/, '');
  if (t === 'noon') return { hour: 12, minute: 0 };
  if (t === 'midnight') return { hour: 0, minute: 0 };
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59) return null;
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    const pm = m[3].startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

const ICAL_DAYS: readonly ICalWeekday[] = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];

/** The first day on or after `from` whose weekday is one of `days`. */
function firstOf(from: IsoDate, days: readonly number[]): IsoDate {
  const start = toDayNumber(from);
  for (let d = start; d < start + 7; d++) if (days.includes(weekdayOfDay(d))) return fromDayNumber(d);
  return from;
}

export interface HabitRecurrence {
  /** The first occurrence (DTSTART must be one, RFC 5545 §3.8.5.3). */
  first: IsoDate;
  rule: ICalRepeatingOptions;
  /** Per-period schedules are reminders: always all-day. */
  allDayOnly: boolean;
  /** What the rule means, for the description. */
  note: string | null;
}

/**
 * The recurrence of a schedule from the habit's start date:
 *   daily → FREQ=DAILY; weekdays → FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR; mon,wed → FREQ=WEEKLY;BYDAY=MO,WE;
 *   every N days → FREQ=DAILY;INTERVAL=N from the next day due (`countsFrom`): grow counts N days from
 *   the last day done, so the feed, fetched again by the calendar, moves when the habit is done;
 *   N/week → a weekly reminder on Mondays (FREQ=WEEKLY;BYDAY=MO);
 *   N/M days → a reminder every M days from the blocks' anchor day (`countsFrom`, FREQ=DAILY;INTERVAL=M):
 *   the days of the repetitions are the person's to choose, so the calendar marks the start of each block.
 */
export function habitRecurrence(schedule: Schedule, startDate: IsoDate, countsFrom: IsoDate = startDate): HabitRecurrence {
  switch (schedule.type) {
    case 'daily':
      return { first: startDate, rule: { freq: ICalEventRepeatingFreq.DAILY }, allDayOnly: false, note: null };
    case 'weekdays': {
      const days = [0, 1, 2, 3, 4];
      return {
        first: firstOf(startDate, days),
        rule: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: days.map((d) => ICAL_DAYS[d]!) },
        allDayOnly: false,
        note: null,
      };
    }
    case 'days':
      return {
        first: firstOf(startDate, schedule.days),
        rule: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: schedule.days.map((d) => ICAL_DAYS[d]!) },
        allDayOnly: false,
        note: null,
      };
    case 'every':
      return { first: countsFrom, rule: { freq: ICalEventRepeatingFreq.DAILY, interval: schedule.days }, allDayOnly: false, note: null };
    case 'per-week':
      return {
        first: firstOf(startDate, [0]),
        rule: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [ICalWeekday.MO] },
        allDayOnly: true,
        note: `${schedule.times} times this week, on days you choose.`,
      };
    case 'per-days':
      return {
        first: countsFrom,
        rule: { freq: ICalEventRepeatingFreq.DAILY, interval: schedule.days },
        allDayOnly: true,
        note: `${schedule.times} times in the ${schedule.days} days from today, on days you choose.`,
      };
  }
}

/** A calendar date as the UTC midnight ical-generator writes as that date. */
const dayAt = (date: IsoDate, hour = 0, minute = 0) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour, minute));

export function sessionUid(date: IsoDate, skill: string, nth = 1): string {
  return `plan-${date}-${skill}${nth > 1 ? `-${nth}` : ''}@${UID_DOMAIN}`;
}

export function habitUid(id: string): string {
  return `habit-${id}@${UID_DOMAIN}`;
}

const lines = (...parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => !!p).join('\n');

/** The whole calendar as RFC 5545 text (CRLF line ends, folded at 75 octets). */
export function renderCalendar(input: CalendarInput): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'grow', product: 'grow', language: 'EN' },
    description: 'Planned practice sessions and habits from grow',
  });
  const seen = new Map<string, number>();
  for (const s of input.sessions) {
    const key = `${s.date}-${s.skill}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    calendar.createEvent({
      id: sessionUid(s.date, s.skill, nth),
      stamp: input.stamp,
      start: dayAt(s.date),
      allDay: true,
      summary: `Practice ${s.skillName} (${s.kind}, ${s.minutes} min)`,
      description: s.why,
      categories: [{ name: s.kind }],
    });
  }
  for (const h of input.habits) {
    const recurrence = habitRecurrence(h.schedule, h.startDate, h.countsFrom);
    const time = recurrence.allDayOnly ? null : parseTimeOfDay(h.when);
    const summary = h.kind === 'break' ? `Break: ${h.name}` : h.name;
    const description = lines(
      `Schedule: ${h.scheduleText}.`,
      recurrence.note,
      h.when && !time ? `When: ${h.when}` : null,
      h.where && !time ? `Where: ${h.where}` : null,
      h.identity ? `Identity: ${h.identity}` : null,
      h.twoMinute ? `Two-minute version: ${h.twoMinute}` : null,
    );
    const common = { id: habitUid(h.id), stamp: input.stamp, summary, description, repeating: recurrence.rule };
    if (time) {
      const start = dayAt(recurrence.first, time.hour, time.minute);
      calendar.createEvent({
        ...common,
        start,
        end: new Date(start.getTime() + HABIT_MINUTES * 60_000),
        // Floating: "7:30" means 7:30 wherever the person is (RFC 5545 §3.3.5, form #1).
        floating: true,
        location: h.where ?? null,
      });
    } else {
      calendar.createEvent({ ...common, start: dayAt(recurrence.first), allDay: true });
    }
  }
  return calendar.toString();
}
