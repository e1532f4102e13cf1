/**
 * The weekly plan: reads the person's ratings, target and practice history in a few small queries,
 * then leaves every decision to core/plan (pure and deterministic). Nothing here writes.
 */
import type { IsoDate } from '../core/calendar.js';
import { addDays } from '../core/calendar.js';
import { DEFAULT_TECHNICAL_RATIO } from '../core/balance.js';
import type { Framework } from '../core/framework.js';
import { DEFAULT_PLAN_DAYS, DEFAULT_PLAN_HOURS, type PlannedSession, type WeekPlan, chooseAim, defaultPlanStart, mondayOf, planWeek } from '../core/plan.js';
import { findPerson } from '../store/person.repository.js';
import { lastPracticeBySkills, latestRatings } from '../store/plan.repository.js';
import { findCareerTarget } from '../store/target.repository.js';
import { type PlanWeekInput, planWeekSchema } from '../schemas/plan.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';

export type { PlannedSession, WeekPlan };

/** What every week of a plan is built from: read once, whatever the number of weeks. */
interface PlanData {
  framework: Framework;
  current: Map<string, number>;
  target: { track: string; level: string } | undefined;
  technicalRatio: number;
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
  };
}

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

async function planFrom(ctx: Context, data: PlanData, start: IsoDate, hours: number, days: readonly number[]): Promise<WeekPlan> {
  return planWeek({
    framework: data.framework,
    current: data.current,
    aim: chooseAim(data.framework, data.current, data.target),
    // Practice already done this week counts when the plan is for the week under way.
    lastPractice: await lastPractice(ctx, start > ctx.today ? start : addDays(ctx.today, 1)),
    start,
    days,
    hours,
    technicalRatio: data.technicalRatio,
  });
}

/**
 * `grow plan week`: a week of practice from `start` (default: the next Monday, or today when
 * today is a Monday), `hours` (default 3) over `days` (default mon..fri). Bad input writes
 * nothing (nothing is ever written here) and names the field.
 */
export async function planWeekFor(ctx: Context, raw: unknown = {}): Promise<WeekPlan> {
  const input: PlanWeekInput = parseInput(planWeekSchema, raw);
  const data = await loadPlanData(ctx);
  return planFrom(ctx, data, input.start ?? defaultPlanStart(ctx.today), input.hours ?? DEFAULT_PLAN_HOURS, input.days ?? DEFAULT_PLAN_DAYS);
}

/** `weeks` consecutive weeks from `firstStart`, each planned with the same rules and defaults. */
export async function planWeeks(ctx: Context, firstStart: IsoDate, weeks: number): Promise<WeekPlan[]> {
  const data = await loadPlanData(ctx);
  const plans: WeekPlan[] = [];
  for (let w = 0; w < weeks; w++) plans.push(await planFrom(ctx, data, addDays(firstStart, 7 * w), DEFAULT_PLAN_HOURS, DEFAULT_PLAN_DAYS));
  return plans;
}

/**
 * Today's planned sessions, for `grow today`: the plan of the current week (from its Monday,
 * default hours and days, as the calendar feed shows it) on today's date. Often one session,
 * none on a day off.
 */
export async function plannedToday(ctx: Context): Promise<PlannedSession[]> {
  const data = await loadPlanData(ctx);
  // Someone who uses grow for habits alone, with no rating and no target, is not handed practice.
  if (data.current.size === 0 && !data.target) return [];
  const week = await planFrom(ctx, data, mondayOf(ctx.today), DEFAULT_PLAN_HOURS, DEFAULT_PLAN_DAYS);
  return week.sessions.filter((s) => s.date === ctx.today);
}
