/**
 * Balance: minutes of technical against soft practice per ISO week, against the person's target
 * ratio, and warnings when a kind of skill, or a skill the target needs, has been neglected.
 * Pure: "today" is an argument, and the skills' kinds come from the caller's framework.
 */
import { type IsoDate, fromDayNumber, toDayNumber, weekdayOfDay } from './calendar.js';
import type { SkillKind } from './framework.js';
import { SKILL_KINDS } from './vocabulary.js';

/** Days without practice after which a kind or a needed skill counts as neglected. */
export const NEGLECT_DAYS = 14;
/** The share of practice meant for technical skills when the person has not chosen one. */
export const DEFAULT_TECHNICAL_RATIO = 0.5;
export const DEFAULT_BALANCE_WEEKS = 4;
export const MAX_BALANCE_WEEKS = 104;

export { SKILL_KINDS };

/** What balance needs of one logged activity. */
export interface PracticeEntry {
  date: IsoDate;
  minutes: number;
  skills: readonly string[];
}

/** A learning item finished that week that names the skills it grows. */
export interface FinishedItem {
  id: string;
  title: string;
  skills: string[];
}

/** What balance needs of one finished learning item: it counts as practice of its skills on its finish date. */
export interface FinishedEntry extends FinishedItem {
  date: IsoDate;
}

export interface WeekMinutes {
  /** ISO week, e.g. "2026-W48". */
  week: string;
  technicalMinutes: number;
  softMinutes: number;
  /** Items finished that week that name skills, in finish order. */
  finished: FinishedItem[];
}

/** One warning: a kind, or one skill, not practised for NEGLECT_DAYS or more; null: never practised. */
export type Neglect = { kind: SkillKind; daysSince: number | null } | { skill: string; daysSince: number | null };

export interface Balance {
  weeks: WeekMinutes[];
  /** Technical share of all minutes in those weeks, 0..1; null when there are none. */
  ratio: number | null;
  targetRatio: number;
  neglected: Neglect[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Monday that starts the ISO week of a day number. */
function mondayOf(day: number): number {
  return day - weekdayOfDay(day);
}

/**
 * The ISO 8601 week of a date, "YYYY-Www". Weeks start on Monday; week 1 is the week holding the
 * year's first Thursday, so a week belongs to the year of its Thursday (2024-12-30 is 2025-W01).
 */
export function isoWeek(date: IsoDate): string {
  const day = toDayNumber(date);
  if (Number.isNaN(day)) throw new RangeError(`not a date: ${date}`);
  const thursday = mondayOf(day) + 3;
  const year = fromDayNumber(thursday).slice(0, 4);
  const week = Math.floor((thursday - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** The Monday of the ISO week of a date. */
export function weekStart(date: IsoDate): IsoDate {
  return fromDayNumber(mondayOf(toDayNumber(date)));
}

/** The first day of the last `weeks` ISO weeks ending with the week of `today`. */
export function windowStart(today: IsoDate, weeks: number): IsoDate {
  return fromDayNumber(mondayOf(toDayNumber(today)) - 7 * (weeks - 1));
}

/** The last `weeks` ISO weeks ending with the week of `today`, oldest first. */
export function lastWeeks(today: IsoDate, weeks: number): string[] {
  const monday = mondayOf(toDayNumber(today));
  const out: string[] = [];
  for (let i = weeks - 1; i >= 0; i--) out.push(isoWeek(fromDayNumber(monday - 7 * i)));
  return out;
}

/**
 * How an activity's minutes divide between the kinds: evenly across its skills, so 60 minutes on
 * two technical skills and one soft skill are 40 technical and 20 soft. Minutes stay whole: the
 * technical part is rounded to the nearest minute (a half goes to technical) and soft takes the
 * rest. Skills the framework does not know (say, after switching frameworks) are left out; an
 * activity with none it knows counts for neither kind.
 */
export function splitMinutes(minutes: number, skills: readonly string[], kindOf: ReadonlyMap<string, SkillKind>): { technical: number; soft: number } {
  let technical = 0;
  let known = 0;
  for (const skill of new Set(skills)) {
    const kind = kindOf.get(skill);
    if (kind === undefined) continue;
    known++;
    if (kind === 'technical') technical++;
  }
  if (known === 0) return { technical: 0, soft: 0 };
  const technicalMinutes = Math.round((minutes * technical) / known);
  return { technical: technicalMinutes, soft: minutes - technicalMinutes };
}

export interface BalanceInput {
  /** The person's activities, in any order; those after today are ignored. */
  entries: Iterable<PracticeEntry>;
  /**
   * Learning items finished, in finish order; those after today are ignored. Each is practice of
   * its skills on its finish date (reading a book on empathy is not neglecting empathy) but adds
   * no minutes: nobody knows how long the reading took.
   */
  finished?: Iterable<FinishedEntry>;
  /** The kind of each skill of the active framework, in the framework's order. */
  kindOf: ReadonlyMap<string, SkillKind>;
  today: IsoDate;
  weeks: number;
  targetRatio: number;
  /** Skills the person's target needs (expected above 0), in the framework's order. */
  neededSkills: readonly string[];
}

/**
 * Minutes per kind for each of the last `weeks` weeks, the technical share of them, and what has
 * been neglected. One pass over the entries, whatever their number.
 *
 * A kind is checked only when the framework has skills of it and the target ratio gives it a
 * share (a target of 100% technical never warns about soft practice). Warnings list the kinds
 * first (technical, soft), then the skills, the longest neglected first (never practised before
 * all), ties in the framework's order.
 */
export function computeBalance(input: BalanceInput): Balance {
  const { kindOf, today, weeks, targetRatio } = input;
  const todayNumber = toDayNumber(today);
  const labels = lastWeeks(today, weeks);
  const firstDay = mondayOf(todayNumber) - 7 * (weeks - 1);
  const totals: WeekMinutes[] = labels.map((week) => ({ week, technicalMinutes: 0, softMinutes: 0, finished: [] }));

  const lastKind = new Map<SkillKind, number>();
  const lastSkill = new Map<string, number>();
  const remember = <K>(map: Map<K, number>, key: K, day: number) => {
    const seen = map.get(key);
    if (seen === undefined || day > seen) map.set(key, day);
  };

  for (const entry of input.entries) {
    const day = toDayNumber(entry.date);
    if (!(day <= todayNumber)) continue;
    for (const skill of entry.skills) {
      const kind = kindOf.get(skill);
      if (kind === undefined) continue;
      remember(lastSkill, skill, day);
      remember(lastKind, kind, day);
    }
    if (day >= firstDay) {
      const split = splitMinutes(entry.minutes, entry.skills, kindOf);
      const slot = totals[Math.floor((day - firstDay) / 7)]!;
      slot.technicalMinutes += split.technical;
      slot.softMinutes += split.soft;
    }
  }

  for (const item of input.finished ?? []) {
    const day = toDayNumber(item.date);
    if (!(day <= todayNumber) || item.skills.length === 0) continue;
    for (const skill of item.skills) {
      const kind = kindOf.get(skill);
      if (kind === undefined) continue;
      remember(lastSkill, skill, day);
      remember(lastKind, kind, day);
    }
    if (day >= firstDay) totals[Math.floor((day - firstDay) / 7)]!.finished.push({ id: item.id, title: item.title, skills: [...item.skills] });
  }

  let technical = 0;
  let all = 0;
  for (const week of totals) {
    technical += week.technicalMinutes;
    all += week.technicalMinutes + week.softMinutes;
  }

  const daysSince = (last: number | undefined) => (last === undefined ? null : todayNumber - last);
  const neglected = (since: number | null) => since === null || since >= NEGLECT_DAYS;

  const kinds = new Set(kindOf.values());
  const warnings: Neglect[] = [];
  for (const kind of SKILL_KINDS) {
    const share = kind === 'technical' ? targetRatio : 1 - targetRatio;
    if (!kinds.has(kind) || share <= 0) continue;
    const since = daysSince(lastKind.get(kind));
    if (neglected(since)) warnings.push({ kind, daysSince: since });
  }
  const skills: { skill: string; daysSince: number | null }[] = [];
  for (const skill of new Set(input.neededSkills)) {
    if (!kindOf.has(skill)) continue;
    const since = daysSince(lastSkill.get(skill));
    if (neglected(since)) skills.push({ skill, daysSince: since });
  }
  // A stable sort keeps the framework's order among equals.
  const rank = (since: number | null) => (since === null ? Infinity : since);
  skills.sort((a, b) => rank(b.daysSince) - rank(a.daysSince) || 0);
  warnings.push(...skills);

  return { weeks: totals, ratio: all === 0 ? null : technical / all, targetRatio, neglected: warnings };
}
