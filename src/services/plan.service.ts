/**
 * The weekly plan, kept. The week under way is made once, the first time it is shown (`grow plan
 * week`, Today, the web's Plan page, the calendar feed): core/plan decides, from the person's ratings,
 * target, practice and plan settings, and the sessions are stored in one transaction. Later reads
 * return what was stored, so the week does not reshuffle while it is lived; only a replan (asked for,
 * or new settings) remakes the days from today on. Other weeks are previews, computed and never
 * stored: a week made ahead of time could not carry the sessions its week before will still miss.
 */
import type { IsoDate } from '../core/calendar.js';
import { WEEKDAYS, addDays } from '../core/calendar.js';
import { DEFAULT_TECHNICAL_RATIO } from '../core/balance.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { type Framework, findSkill } from '../core/framework.js';
import {
  DEFAULT_PLAN_DAYS,
  DEFAULT_PLAN_HOURS,
  type MissedSession,
  type PlanInput,
  type WeekSession,
  chooseAim,
  mondayOf,
  parsePlanDays,
  planDates,
  planWeek,
  restOfWeek,
  viewStatus,
  weekEndOf,
} from '../core/plan.js';
import type { SkillKind, SessionViewStatus } from '../core/vocabulary.js';
import { insertActivity } from '../store/activity.repository.js';
import { inTransaction, isUniqueViolation } from '../store/database.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import { findPerson, updatePerson } from '../store/person.repository.js';
import {
  deletePlanSessions,
  findPlanSession,
  insertPlanSessions,
  lastPracticeBySkills,
  latestRatings,
  listWeekSessions,
  updatePlanSession,
} from '../store/plan.repository.js';
import type { PlanSessionRow } from '../store/schema.js';
import { findCareerTarget } from '../store/target.repository.js';
import { planWeekQuerySchema, planWeekSchema, sessionDoneSchema } from '../schemas/plan.schema.js';
import { parseInput } from '../schemas/validate.js';
import { type Activity, newActivityRow, toActivity } from './activity.service.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';

/** A session as every edge shows it. */
export interface PlanSession {
  /** Null in a preview: only the sessions of a kept week can be done or skipped. */
  id: string | null;
  date: IsoDate;
  skill: string;
  kind: SkillKind;
  minutes: number;
  why: string;
  status: SessionViewStatus;
  /** The practice logged for the session, once done. */
  activityId: string | null;
}

export interface WeekPlan {
  /** The Monday of the week. */
  start: IsoDate;
  /** Whether the sessions are stored (the week under way, or one gone by) or a preview. */
  kept: boolean;
  sessions: PlanSession[];
}

/** The hours and days every week is planned with; the defaults until the person chooses. */
export interface PlanSettings {
  hours: number;
  days: string[];
}

/** What every week of a plan is built from: read once, whatever the number of weeks. */
interface PlanData {
  framework: Framework;
  current: Map<string, number>;
  target: { track: string; level: string } | undefined;
  technicalRatio: number;
  hours: number;
  days: number[];
}

const dayNames = (days: readonly number[]) => days.map((d) => WEEKDAYS[d]!);

function settingsOf(person: { plan_hours: number | null; plan_days: string | null } | undefined): { hours: number; days: number[] } {
  return {
    hours: person?.plan_hours ?? DEFAULT_PLAN_HOURS,
    days: person?.plan_days ? parsePlanDays(person.plan_days) : [...DEFAULT_PLAN_DAYS],
  };
}

async function loadPlanData(ctx: Context): Promise<PlanData> {
  const db = ctx.store.db;
  const [framework, ratings, target, person] = await Promise.all([
    getActiveFramework(ctx),
    latestRatings(db, ctx.personId),
    findCareerTarget(db, ctx.personId),
    findPerson(db, ctx.personId),
  ]);
  return {
    framework,
    current: new Map(ratings.map((r) => [r.skill_id, r.level])),
    target: target ? { track: target.track, level: target.level } : undefined,
    technicalRatio: person?.technical_ratio ?? DEFAULT_TECHNICAL_RATIO,
    ...settingsOf(person),
  };
}

/** Someone who uses grow for habits alone, with no rating and no target, is not handed practice to keep. */
const aimsAtSomething = (data: PlanData) => data.current.size > 0 || data.target !== undefined;

/** The last day each skill was practised before `before`. */
async function lastPractice(ctx: Context, before: IsoDate): Promise<Map<string, IsoDate>> {
  const out = new Map<string, IsoDate>();
  for (const row of await lastPracticeBySkills(ctx.store.db, ctx.personId, before)) {
    let skills: unknown;
    try {
      skills = JSON.parse(row.skills);
    } catch {
      continue;
    }
    if (!Array.isArray(skills)) continue;
    for (const skill of skills) {
      if (typeof skill !== 'string') continue;
      const seen = out.get(skill);
      if (seen === undefined || row.last > seen) out.set(skill, row.last);
    }
  }
  return out;
}

/** Practice already done counts when the plan is for the week under way (today's too). */
const practiceBefore = (ctx: Context, start: IsoDate) => lastPractice(ctx, start > ctx.today ? start : addDays(ctx.today, 1));

/** The sessions of the week from `monday` whose day passed with neither done nor skipped, oldest first. */
async function missedIn(db: Db, ctx: Context, monday: IsoDate): Promise<MissedSession[]> {
  return (await listWeekSessions(db, ctx.personId, monday))
    .filter((r) => viewStatus(r.status, r.date, ctx.today) === 'missed')
    .map((r) => ({ id: r.id, date: r.date, skill: r.skill_id }));
}

function plan(data: PlanData, extra: Pick<PlanInput, 'start' | 'end' | 'days' | 'hours' | 'lastPractice' | 'kept' | 'missed'>) {
  return planWeek({
    framework: data.framework,
    current: data.current,
    aim: chooseAim(data.framework, data.current, data.target),
    technicalRatio: data.technicalRatio,
    ...extra,
  });
}

const byDateThenPosition = (a: PlanSessionRow, b: PlanSessionRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.position - b.position);

/**
 * Makes the days of the week under way from today on, in the caller's transaction: its planned
 * sessions from today are replaced; those done, skipped or of days gone by stay, count as planned,
 * and keep what they carried. The days left get their share of the week's hours (core restOfWeek).
 */
async function remakeFromToday(trx: Db, ctx: Context, data: PlanData, monday: IsoDate, practice: Map<string, IsoDate>): Promise<PlanSessionRow[]> {
  const existing = await listWeekSessions(trx, ctx.personId, monday);
  const from = ctx.today;
  const staying = existing.filter((r) => r.date < from || r.status !== 'planned');
  const carried = new Set(staying.map((r) => r.carried_from));
  const missed = (await missedIn(trx, ctx, addDays(monday, -7))).filter((m) => !carried.has(m.id));
  const rest = restOfWeek(data, monday, from, staying);
  const made = plan(data, {
    ...rest,
    lastPractice: practice,
    kept: staying.map((r) => ({ date: r.date, skill: r.skill_id, kind: r.kind })),
    missed,
  });
  await deletePlanSessions(
    trx,
    ctx.personId,
    existing.filter((r) => !staying.includes(r)).map((r) => r.id),
  );
  let position = Math.max(-1, ...existing.map((r) => r.position)) + 1;
  const at = ctx.now().toISOString();
  const rows: PlanSessionRow[] = made.sessions.map((s) => ({
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    week_start: monday,
    date: s.date,
    skill_id: s.skill,
    kind: s.kind,
    minutes: s.minutes,
    why: s.why,
    position: position++,
    status: 'planned' as const,
    activity_id: null,
    carried_from: s.carriedFrom,
    created_at: at,
    updated_at: at,
  }));
  await insertPlanSessions(trx, rows);
  return [...staying, ...rows].sort(byDateThenPosition);
}

/** The week under way, made the first time it is read. Two first reads at once make it once. */
async function keptWeek(ctx: Context, data: PlanData, monday: IsoDate): Promise<PlanSessionRow[]> {
  const practice = await practiceBefore(ctx, ctx.today);
  try {
    return await inTransaction(ctx.store, async (trx) => {
      const stored = await listWeekSessions(trx, ctx.personId, monday);
      return stored.length > 0 ? stored : remakeFromToday(trx, ctx, data, monday, practice);
    });
  } catch (error) {
    // Another request made the week in the meantime (the positions are unique): read what it made.
    if (isUniqueViolation(error)) return listWeekSessions(ctx.store.db, ctx.personId, monday);
    throw error;
  }
}

function viewOf(row: PlanSessionRow, today: IsoDate): PlanSession {
  return {
    id: row.id,
    date: row.date,
    skill: row.skill_id,
    kind: row.kind,
    minutes: row.minutes,
    why: row.why,
    status: viewStatus(row.status, row.date, today),
    activityId: row.activity_id,
  };
}

const previewOf = (s: WeekSession): PlanSession => ({
  id: null,
  date: s.date,
  skill: s.skill,
  kind: s.kind,
  minutes: s.minutes,
  why: s.why,
  status: 'planned',
  activityId: null,
});

/** A week as it would be planned from its Monday, carrying what the week before has missed so far. */
async function previewWeek(ctx: Context, data: PlanData, monday: IsoDate): Promise<WeekPlan> {
  const [practice, missed] = await Promise.all([practiceBefore(ctx, monday), missedIn(ctx.store.db, ctx, addDays(monday, -7))]);
  const made = plan(data, { start: monday, end: weekEndOf(monday), days: data.days, hours: data.hours, lastPractice: practice, missed });
  return { start: monday, kept: false, sessions: made.sessions.map(previewOf) };
}

/** The week from `monday`: as stored, made now when it is the week under way, else a preview. */
async function weekOf(ctx: Context, data: PlanData, monday: IsoDate): Promise<WeekPlan> {
  let rows = await listWeekSessions(ctx.store.db, ctx.personId, monday);
  if (rows.length === 0 && monday === mondayOf(ctx.today) && aimsAtSomething(data)) {
    // Late in a week with none of the person's days left there is nothing to make: no write on every read.
    if (planDates(ctx.today, data.days, weekEndOf(monday)).length === 0) return { start: monday, kept: true, sessions: [] };
    rows = await keptWeek(ctx, data, monday);
  } else if (rows.length === 0) return previewWeek(ctx, data, monday);
  return { start: monday, kept: true, sessions: rows.map((r) => viewOf(r, ctx.today)) };
}

/**
 * `grow plan week` and POST /plan/week: the week holding `start` (default: the week under way).
 * Hours and days given are kept as the plan settings and remake the week under way from today on,
 * as `replan` does. Bad input names the field and writes nothing.
 */
export async function planWeekFor(ctx: Context, raw: unknown = {}): Promise<WeekPlan> {
  const input = parseInput(planWeekSchema, raw);
  const current = mondayOf(ctx.today);
  const monday = mondayOf(input.start ?? ctx.today);
  if (input.replan && monday !== current) {
    throw invalid('replan', `only the week under way (from ${current}) is replanned; the week of ${monday} is ${monday > current ? 'a preview' : 'over'}`);
  }
  const settingsGiven = input.hours !== undefined || input.days !== undefined;
  let data = await loadPlanData(ctx);
  if (settingsGiven || input.replan) {
    data = { ...data, hours: input.hours ?? data.hours, days: input.days ?? data.days };
    const practice = await practiceBefore(ctx, ctx.today);
    const changed = data;
    await inTransaction(ctx.store, async (trx) => {
      if (input.hours !== undefined) await updatePerson(trx, ctx.personId, { plan_hours: input.hours });
      if (input.days !== undefined) await updatePerson(trx, ctx.personId, { plan_days: dayNames(input.days).join(',') });
      if (aimsAtSomething(changed)) await remakeFromToday(trx, ctx, changed, current, practice);
    });
  }
  return weekOf(ctx, data, monday);
}

/**
 * GET /plan/week: the week holding `start` (default: the week under way), read as planWeekFor shows
 * it. Hours or days given show what they would plan, as a preview: nothing is kept or saved.
 */
export async function showWeek(ctx: Context, raw: unknown = {}): Promise<WeekPlan> {
  const input = parseInput(planWeekQuerySchema, raw);
  const monday = mondayOf(input.start ?? ctx.today);
  const data = await loadPlanData(ctx);
  if (input.hours === undefined && input.days === undefined) return weekOf(ctx, data, monday);
  return previewWeek(ctx, { ...data, hours: input.hours ?? data.hours, days: input.days ?? data.days }, monday);
}

/** `weeks` consecutive weeks from the Monday `firstStart`: the week under way kept, those ahead previews. */
export async function planWeeks(ctx: Context, firstStart: IsoDate, weeks: number): Promise<WeekPlan[]> {
  const data = await loadPlanData(ctx);
  const plans: WeekPlan[] = [];
  for (let w = 0; w < weeks; w++) plans.push(await weekOf(ctx, data, addDays(firstStart, 7 * w)));
  return plans;
}

/** Today's sessions of the week under way, for `grow today`, whatever their status. Often one, none on a day off. */
export async function plannedToday(ctx: Context): Promise<PlanSession[]> {
  const data = await loadPlanData(ctx);
  const week = await weekOf(ctx, data, mondayOf(ctx.today));
  return week.kept ? week.sessions.filter((s) => s.date === ctx.today) : [];
}

export async function planSettings(ctx: Context): Promise<PlanSettings> {
  const settings = settingsOf(await findPerson(ctx.store.db, ctx.personId));
  return { hours: settings.hours, days: dayNames(settings.days) };
}

async function sessionOf(ctx: Context, id: string): Promise<PlanSessionRow> {
  const row = await findPlanSession(ctx.store.db, ctx.personId, id);
  if (!row) throw notFound('session', id);
  return row;
}

export interface SessionDone {
  session: PlanSession;
  activity: Activity;
}

/**
 * `grow plan done ID`: logs the practice of a kept session for its skill (the activity's rules:
 * minutes default to the session's, on the session's day, or today when that is still ahead) and
 * marks the session done with it, in one transaction. Done twice is refused; so is another person's.
 */
export async function markSessionDone(ctx: Context, id: string, raw: unknown = {}): Promise<SessionDone> {
  const input = parseInput(sessionDoneSchema, raw);
  const row = await sessionOf(ctx, id);
  if (row.status === 'done') throw conflict('session', 'already done: its practice is logged once');
  const framework = await getActiveFramework(ctx);
  const activityRow = await newActivityRow(ctx, {
    text: `Planned practice: ${findSkill(framework, row.skill_id)?.name ?? row.skill_id}`,
    minutes: input.minutes ?? row.minutes,
    skills: [row.skill_id],
    energy: input.energy ?? null,
    ease: input.ease ?? null,
    date: row.date > ctx.today ? ctx.today : row.date,
  });
  const updatedAt = ctx.now().toISOString();
  const activity = await inTransaction(ctx.store, async (trx) => {
    const logged = await insertActivity(trx, activityRow);
    // Marked done by another request since it was read: nothing of this one is kept.
    if (!(await updatePlanSession(trx, ctx.personId, id, ['planned', 'skipped'], { status: 'done', activity_id: logged.id, updated_at: updatedAt }))) {
      throw conflict('session', 'already done: its practice is logged once');
    }
    return logged;
  });
  return { session: viewOf({ ...row, status: 'done', activity_id: activity.id, updated_at: updatedAt }, ctx.today), activity: toActivity(activity) };
}

/** `grow plan skip ID`: the session will not happen; it is not missed, so next week does not carry it. */
export async function skipSession(ctx: Context, id: string): Promise<PlanSession> {
  const row = await sessionOf(ctx, id);
  if (row.status !== 'planned') throw conflict('session', row.status === 'done' ? 'already done: its practice stays logged' : 'already skipped');
  const updatedAt = ctx.now().toISOString();
  const changed = await inTransaction(ctx.store, (trx) => updatePlanSession(trx, ctx.personId, id, ['planned'], { status: 'skipped', updated_at: updatedAt }));
  if (!changed) throw conflict('session', 'already done or skipped');
  return viewOf({ ...row, status: 'skipped', updated_at: updatedAt }, ctx.today);
}
