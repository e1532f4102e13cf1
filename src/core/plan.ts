/**
 * The weekly plan: practice sessions that interleave technical and soft work, aim at the largest
 * gaps to a track level, repair a neglected kind first and fit the hours and days given.
 * Pure and deterministic: "today" and the start are arguments, no randomness, ties broken by id.
 */
import { type IsoDate, WEEKDAYS, addDays, fromDayNumber, toDayNumber, weekdayOfDay } from './calendar.js';
import type { Framework, SkillKind, Track, TrackLevel } from './framework.js';
import { levelOf, nextLevel } from './skills.js';
import { NEGLECT_DAYS, SKILL_KINDS } from './balance.js';
import { invalid } from './errors.js';
import type { SessionStatus, SessionViewStatus } from './vocabulary.js';

export const DEFAULT_PLAN_HOURS = 3;
export const MIN_PLAN_HOURS = 0.25;
export const MAX_PLAN_HOURS = 40;
/** Monday to Friday (ISO weekday indices). */
export const DEFAULT_PLAN_DAYS: readonly number[] = [0, 1, 2, 3, 4];
export const DEFAULT_CALENDAR_WEEKS = 4;
export const MAX_CALENDAR_WEEKS = 12;
/** Minutes are planned in steps of this size. */
export const MINUTE_STEP = 5;
/** A session is never shorter than this (unless the week's time allows no more)… */
export const MIN_SESSION_MINUTES = 20;
/** …and never longer than this. */
export const MAX_SESSION_MINUTES = 60;

export interface PlannedSession {
  date: IsoDate;
  skill: string;
  kind: SkillKind;
  minutes: number;
  why: string;
}

/** A session of a week's plan: a planned session, and the missed one it carries, if any. */
export interface WeekSession extends PlannedSession {
  /** The id of the missed session of the week before that this one carries; null when none. */
  carriedFrom: string | null;
}

/** A session of the week that stays as it is while the rest of the week is planned (a replan). */
export interface KeptSession {
  date: IsoDate;
  skill: string;
  kind: SkillKind;
}

/** A session of the week before whose day passed with neither done nor skipped. */
export interface MissedSession {
  id: string;
  date: IsoDate;
  skill: string;
}

export interface WeekPlan {
  start: IsoDate;
  sessions: WeekSession[];
}

/** The level a plan aims at, and why that one. */
export interface PlanAim {
  track: Track;
  level: TrackLevel;
  basis: 'target' | 'closest';
}

export interface PlanInput {
  framework: Framework;
  /** The person's current rating per skill (absent: 0). */
  current: ReadonlyMap<string, number>;
  /** The level aimed at; undefined when the framework has no track with levels. */
  aim: PlanAim | undefined;
  /** The last day each skill was practised before the plan's start (absent: never). */
  lastPractice: ReadonlyMap<string, IsoDate>;
  start: IsoDate;
  /** ISO weekday indices (0 = Monday), any order. */
  days: readonly number[];
  hours: number;
  /** Share of practice meant for technical skills; a kind whose share is 0 is not planned. */
  technicalRatio: number;
  /** The last day the plan may use (default: the sixth day after the start, a whole week). */
  end?: IsoDate;
  /** Sessions of the week that stay (done, skipped, or on days gone by): they count as planned. */
  kept?: readonly KeptSession[];
  /** Sessions missed in the week before, oldest first: their skills are planned first within their kind. */
  missed?: readonly MissedSession[];
}

/** The Monday of the week holding a day. */
export function mondayOf(date: IsoDate): IsoDate {
  const day = toDayNumber(date);
  return fromDayNumber(day - weekdayOfDay(day));
}

/** "mon,wed,fri" → [0, 2, 4]; throws `days: problem`. */
export function parsePlanDays(text: string): number[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw invalid('days', 'name at least one day, e.g. mon,wed,fri');
  const days = names.map((name) => {
    const index = (WEEKDAYS as readonly string[]).indexOf(name);
    if (index < 0) throw invalid('days', `unknown day ${JSON.stringify(name)}; expected mon, tue, wed, thu, fri, sat or sun`);
    return index;
  });
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Sum of the gaps of a level: the rating points still missing. */
function missingPoints(level: TrackLevel, current: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [id, expected] of Object.entries(level.expects)) sum += Math.max(0, expected - levelOf(current, id));
  return sum;
}

/**
 * What the plan aims at: the target's level when the framework has it; otherwise, over the ladder
 * tracks (any track when there is no ladder), the next level of each (its lowest level not yet met),
 * and of those the one with the fewest rating points missing; ties go to the track id first in order.
 */
export function chooseAim(
  framework: Framework,
  current: ReadonlyMap<string, number>,
  target: { track: string; level: string } | undefined,
): PlanAim | undefined {
  if (target) {
    const track = framework.tracks.find((t) => t.id === target.track);
    const level = track?.levels.find((l) => l.id === target.level);
    if (track && level) return { track, level, basis: 'target' };
  }
  const ladders = framework.tracks.filter((t) => t.type === 'ladder' && t.levels.length > 0);
  const pool = ladders.length > 0 ? ladders : framework.tracks.filter((t) => t.levels.length > 0);
  let best: { aim: PlanAim; missing: number } | undefined;
  for (const track of [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const level = nextLevel(track, current);
    if (!level) continue;
    const missing = missingPoints(level, current);
    if (!best || missing < best.missing) best = { aim: { track, level, basis: 'closest' }, missing };
  }
  return best?.aim;
}

/** The Sunday of the week that begins on `monday`. */
export function weekEndOf(monday: IsoDate): IsoDate {
  return addDays(monday, 6);
}

/**
 * The plan's days in date order: each date from `start` to `end` (default: the 7 days from the
 * start) whose weekday is chosen.
 */
export function planDates(start: IsoDate, days: readonly number[], end: IsoDate = addDays(start, 6)): IsoDate[] {
  const first = toDayNumber(start);
  const last = Math.min(toDayNumber(end), first + 6);
  const chosen = new Set(days);
  const dates: IsoDate[] = [];
  for (let d = first; d <= last; d++) if (chosen.has(weekdayOfDay(d))) dates.push(fromDayNumber(d));
  return dates;
}

/**
 * The share of a week's hours that falls on its chosen days from `from` to its end: the hours are
 * spread evenly over the chosen days, so a week planned from Wednesday with mon..fri gets 3/5 of them.
 * One rule for a week first shown after it began and for a replan, whatever was done or missed before.
 */
export function hoursFrom(hours: number, days: readonly number[], monday: IsoDate, from: IsoDate): number {
  const all = planDates(monday, days);
  if (all.length === 0) return 0;
  return (hours * all.filter((d) => d >= from).length) / all.length;
}

/** How the rest of a week is planned: from which day, on which weekdays, with how many hours. */
export interface RestOfWeek {
  start: IsoDate;
  end: IsoDate;
  days: number[];
  hours: number;
}

/**
 * The rest of the week from `monday`, planned from `from` (today): the chosen days from then on get
 * their share of the week's hours (hoursFrom), less the minutes of the sessions that stay on them
 * (done or skipped ahead of their day, or today). A day that holds such a session gets no new one
 * while another chosen day is left.
 */
export function restOfWeek(
  settings: { hours: number; days: readonly number[] },
  monday: IsoDate,
  from: IsoDate,
  staying: readonly { date: IsoDate; minutes: number }[],
): RestOfWeek {
  const end = weekEndOf(monday);
  const chosen = new Set(settings.days);
  const ahead = staying.filter((s) => s.date >= from && s.date <= end && chosen.has(weekdayOfDay(toDayNumber(s.date))));
  const used = ahead.reduce((sum, s) => sum + s.minutes, 0);
  const busy = new Set(ahead.map((s) => weekdayOfDay(toDayNumber(s.date))));
  const free = planDates(from, settings.days, end)
    .map((d) => weekdayOfDay(toDayNumber(d)))
    .filter((d) => !busy.has(d));
  const minutes = Math.max(0, hoursFrom(settings.hours, settings.days, monday, from) * 60 - used);
  return { start: from, end, days: free.length > 0 ? free : [...settings.days], hours: minutes / 60 };
}

/** A kept session as shown: a planned one whose day has passed is missed. */
export function viewStatus(status: SessionStatus, date: IsoDate, today: IsoDate): SessionViewStatus {
  return status === 'planned' && date < today ? 'missed' : status;
}

/**
 * Session lengths for a week: the hours in steps of MINUTE_STEP minutes, as many sessions as
 * needed to keep each at most MAX_SESSION_MINUTES, and at least one a day while each can still
 * last MIN_SESSION_MINUTES. Longer sessions come first.
 */
export function sessionLengths(hours: number, dayCount: number): number[] {
  const steps = Math.floor((hours * 60 + 1e-9) / MINUTE_STEP);
  if (steps === 0 || dayCount === 0) return [];
  const total = steps * MINUTE_STEP;
  const count = Math.max(1, Math.ceil(total / MAX_SESSION_MINUTES), Math.min(dayCount, Math.floor(total / MIN_SESSION_MINUTES)));
  const base = Math.floor(steps / count);
  const extra = steps - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < extra ? 1 : 0)) * MINUTE_STEP);
}

/** Which day each of `count` sessions falls on: spread evenly, earlier days taking any extra. */
function dayIndexes(count: number, dayCount: number): number[] {
  const out: number[] = [];
  if (count >= dayCount) {
    const base = Math.floor(count / dayCount);
    const extra = count - base * dayCount;
    for (let d = 0; d < dayCount; d++) for (let i = 0; i < base + (d < extra ? 1 : 0); i++) out.push(d);
  } else {
    for (let i = 0; i < count; i++) out.push(Math.floor((i * dayCount) / count));
  }
  return out;
}

interface Candidate {
  id: string;
  name: string;
  kind: SkillKind;
  expected: number;
  current: number;
  gap: number;
  /** Day number of the last practice, or the last planned session; -Infinity: never. */
  last: number;
  planned: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Plans one week, or the rest of one (`end`, `kept`). Sessions alternate kinds (technical, soft)
 * whenever both are planned; the first session goes to a neglected kind (no practice for
 * NEGLECT_DAYS or more before the start; the longest neglected, never practised counting longest),
 * else to the kind the kept sessions did not end on, else to the kind with the larger gap, else
 * technical. Within a kind, a skill missed in the week before comes first (oldest miss first, one
 * session per miss); otherwise each session goes to the skill with the largest gap weighed down by
 * the sessions it already has (gap ÷ (1 + sessions), kept ones included), then the longest
 * unpractised, then the id; a skill is not planned twice on one day while another of its kind is
 * free that day.
 */
export function planWeek(input: PlanInput): WeekPlan {
  const { framework, current, aim, start } = input;
  const startDay = toDayNumber(start);
  const dates = planDates(start, input.days, input.end);
  const lengths = sessionLengths(input.hours, dates.length);
  const levelName = aim ? `${aim.level.name}${aim.basis === 'target' ? ' (your target)' : ''}` : '';

  const share = (kind: SkillKind) => (kind === 'technical' ? input.technicalRatio : 1 - input.technicalRatio);
  const byKind = new Map<SkillKind, Candidate[]>();
  const byId = new Map<string, Candidate>();
  const lastOfKind = new Map<SkillKind, number>();
  for (const kind of SKILL_KINDS) {
    if (share(kind) <= 0) continue;
    const all: Candidate[] = framework.skills
      .filter((s) => s.kind === kind)
      .map((s) => {
        const expected = aim?.level.expects[s.id] ?? 0;
        const have = levelOf(current, s.id);
        const last = input.lastPractice.get(s.id);
        const lastDay = last === undefined ? -Infinity : toDayNumber(last);
        // Practice already done in the week under way counts as done at its start.
        return { id: s.id, name: s.name, kind, expected, current: have, gap: Math.max(0, expected - have), last: Math.min(lastDay, startDay), planned: 0 };
      });
    lastOfKind.set(kind, Math.max(-Infinity, ...all.map((c) => c.last)));
    for (const c of all) byId.set(c.id, c);
    // Skills the aim expects come first; a kind it expects nothing of still gets practice.
    const expected = all.filter((c) => c.expected > 0);
    const pool = expected.length > 0 ? expected : all;
    if (pool.length > 0) byKind.set(kind, pool);
  }

  const kinds = SKILL_KINDS.filter((k) => byKind.has(k));
  if (kinds.length === 0 || lengths.length === 0) return { start, sessions: [] };

  // The week's kept sessions count as planned, so the rest of the week goes on from them.
  for (const k of input.kept ?? []) {
    const c = byId.get(k.skill);
    if (!c) continue;
    c.planned += 1;
    c.last = Math.max(c.last, Math.min(toDayNumber(k.date), startDay));
  }
  // Missed sessions wait in their kind's queue, oldest first; a skill the framework no longer has, or
  // of a kind not planned, is not carried.
  const carry = new Map<SkillKind, MissedSession[]>();
  for (const m of input.missed ?? []) {
    const c = byId.get(m.skill);
    if (!c || !byKind.has(c.kind)) continue;
    carry.set(c.kind, [...(carry.get(c.kind) ?? []), m]);
  }

  const neglectOf = (kind: SkillKind) => startDay - lastOfKind.get(kind)!; // Infinity when never practised
  const neglected = kinds.filter((k) => neglectOf(k) >= NEGLECT_DAYS).sort((a, b) => neglectOf(b) - neglectOf(a));
  const maxGap = (kind: SkillKind) => Math.max(...byKind.get(kind)!.map((c) => c.gap));
  const lastKept = input.kept?.at(-1);
  let first: SkillKind;
  if (neglected.length > 0) first = neglected[0]!;
  else if (lastKept && kinds.length === 2 && kinds.includes(lastKept.kind)) first = kinds.find((k) => k !== lastKept.kind)!;
  else first = [...kinds].sort((a, b) => maxGap(b) - maxGap(a))[0]!;
  const order = kinds.length === 2 ? [first, kinds.find((k) => k !== first)!] : [first];

  const indexes = dayIndexes(lengths.length, dates.length);
  const sessions: WeekSession[] = [];
  const usedOn = new Map<number, Set<string>>();
  for (let i = 0; i < lengths.length; i++) {
    const kind = order[i % order.length]!;
    const dayIndex = indexes[i]!;
    const date = dates[dayIndex]!;
    const day = toDayNumber(date);
    const used = usedOn.get(dayIndex) ?? new Set<string>();
    usedOn.set(dayIndex, used);
    const queue = carry.get(kind) ?? [];
    const carried = queue.find((m) => !used.has(m.skill));
    let choice: Candidate;
    if (carried) {
      queue.splice(queue.indexOf(carried), 1);
      choice = byId.get(carried.skill)!;
    } else {
      const pool = byKind.get(kind)!;
      const free = pool.filter((c) => !used.has(c.id));
      choice = [...(free.length > 0 ? free : pool)].sort(
        (a, b) => b.gap / (1 + b.planned) - a.gap / (1 + a.planned) || b.gap - a.gap || a.last - b.last || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )[0]!;
    }
    const why = whyOf(choice, {
      levelName,
      repairing: i === 0 && neglected.includes(kind) ? neglectOf(kind) : null,
      carriedOn: carried?.date ?? null,
      startDay,
      firstOfSkill: choice.planned === 0,
      alternating: order.length === 2,
    });
    sessions.push({ date, skill: choice.id, kind, minutes: lengths[i]!, why, carriedFrom: carried?.id ?? null });
    choice.planned += 1;
    choice.last = day;
    used.add(choice.id);
  }
  return { start, sessions };
}

function whyOf(
  c: Candidate,
  context: { levelName: string; repairing: number | null; carriedOn: IsoDate | null; startDay: number; firstOfSkill: boolean; alternating: boolean },
): string {
  const parts: string[] = [];
  if (context.repairing !== null) {
    const since = Number.isFinite(context.repairing) ? `for ${plural(context.repairing, 'day')}` : 'yet';
    parts.push(`No ${c.kind} practice ${since}: the week starts by repairing it.`);
  }
  if (context.carriedOn !== null) parts.push(`Missed on ${context.carriedOn}: carried into this week.`);
  if (c.gap > 0) {
    const lead = context.firstOfSkill ? `Largest ${c.kind} gap open` : `Another session on a large ${c.kind} gap`;
    parts.push(`${lead}: ${c.name} is at ${c.current}, ${context.levelName} expects ${c.expected} (gap ${c.gap}).`);
  } else if (c.expected > 0) {
    parts.push(`${c.name} meets ${context.levelName} (${c.current} of ${c.expected} expected); practice keeps it there.`);
  } else {
    parts.push(`Keeps ${c.kind} practice going: ${c.name} is at ${c.current}.`);
  }
  if (c.planned === 0) {
    if (c.last === -Infinity) parts.push('Not practised yet.');
    else if (c.last >= context.startDay) parts.push('Already practised this week.');
    else parts.push(`Last practised ${plural(context.startDay - c.last, 'day')} before the week.`);
  }
  if (context.alternating) parts.push(`Alternates with ${c.kind === 'technical' ? 'soft' : 'technical'} practice so both grow side by side.`);
  return parts.join(' ');
}
