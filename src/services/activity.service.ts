import type { Insertable } from 'kysely';
import type { IsoDate } from '../core/calendar.js';
import { inTransaction } from '../store/database.js';
import { type Balance, type FinishedItem, type Neglect, DEFAULT_BALANCE_WEEKS, DEFAULT_TECHNICAL_RATIO, computeBalance } from '../core/balance.js';
import { invalid } from '../core/errors.js';
import { type Framework, type SkillKind, findLevel, findTrack } from '../core/framework.js';
import { insertActivity, listActivityRows, listPracticeRows } from '../store/activity.repository.js';
import { listFinishedLearningRows } from '../store/learning.repository.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import { findPerson } from '../store/person.repository.js';
import type { ActivityRow, ActivityTable } from '../store/schema.js';
import { findCareerTarget } from '../store/target.repository.js';
import { activityCreateSchema, activityListSchema, balanceQuerySchema } from '../schemas/activity.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';

export interface Activity {
  id: string;
  date: IsoDate;
  text: string;
  minutes: number;
  skills: string[];
  /** −2 drained … +2 energized; null when not said. */
  energy: number | null;
  /** 1 hard … 5 natural; null when not said. */
  ease: number | null;
}

export type { Balance, FinishedItem, Neglect };

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    date: row.date,
    text: row.text,
    minutes: row.minutes,
    skills: JSON.parse(row.skills) as string[],
    energy: row.energy,
    ease: row.ease,
  };
}

function kindsOf(framework: Framework): Map<string, SkillKind> {
  return new Map(framework.skills.map((s) => [s.id, s.kind]));
}

/**
 * Refuses skill ids the active framework does not know, naming them; the same rule for practice
 * and for learning items, so both say it the same way.
 */
export async function requireKnownSkills(ctx: Context, ids: readonly string[]): Promise<Framework> {
  const framework = await getActiveFramework(ctx);
  const kinds = kindsOf(framework);
  const unknown = ids.filter((id) => !kinds.has(id));
  if (unknown.length > 0) {
    throw invalid('skills', `unknown skill${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => JSON.stringify(id)).join(', ')} (see grow skill list)`);
  }
  return framework;
}

/**
 * The row of a new activity, every field checked (the skills against the active framework) and
 * nothing written: for logActivity, and for a use case that logs practice in a transaction of its own.
 */
export async function newActivityRow(ctx: Context, raw: unknown): Promise<Insertable<ActivityTable>> {
  const input = parseInput(activityCreateSchema, raw);
  const date = input.date ?? ctx.today;
  if (date > ctx.today) throw invalid('date', `${date} is after today (${ctx.today})`);
  await requireKnownSkills(ctx, input.skills);
  return {
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    text: input.text,
    date,
    minutes: input.minutes,
    skills: JSON.stringify(input.skills),
    energy: input.energy ?? null,
    ease: input.ease ?? null,
    created_at: ctx.now().toISOString(),
  };
}

/** Logs one practice. Every field is checked before anything is written; one transaction. */
export async function logActivity(ctx: Context, raw: unknown): Promise<Activity> {
  const row = await newActivityRow(ctx, raw);
  return toActivity(await inTransaction(ctx.store, (trx) => insertActivity(trx, row)));
}

/** The practice log between two dates (both included), oldest first. */
export async function listActivities(ctx: Context, raw: unknown = {}): Promise<Activity[]> {
  const range = parseInput(activityListSchema, raw);
  return (await listActivityRows(ctx.store.db, ctx.personId, range)).map(toActivity);
}

/** The person's target share of technical practice, 0..1. */
export async function technicalRatioOf(db: Db, personId: string): Promise<number> {
  const person = await findPerson(db, personId);
  return person?.technical_ratio ?? DEFAULT_TECHNICAL_RATIO;
}

/** Skills the person's career target expects above 0, in the framework's order; none without a target. */
async function neededSkills(ctx: Context, framework: Framework): Promise<string[]> {
  const target = await findCareerTarget(ctx.store.db, ctx.personId);
  if (!target) return [];
  const track = findTrack(framework, target.track);
  const level = track && findLevel(track, target.level);
  if (!level) return [];
  return framework.skills.filter((s) => (level.expects[s.id] ?? 0) > 0).map((s) => s.id);
}

async function computeFor(ctx: Context, weeks: number): Promise<Balance & { practised: boolean }> {
  const framework = await getActiveFramework(ctx);
  const [needed, targetRatio, rows, finishedRows] = await Promise.all([
    neededSkills(ctx, framework),
    technicalRatioOf(ctx.store.db, ctx.personId),
    listPracticeRows(ctx.store.db, ctx.personId, ctx.today),
    listFinishedLearningRows(ctx.store.db, ctx.personId, { to: ctx.today }),
  ]);
  const finished = finishedRows
    .map((r) => ({ id: r.id, title: r.title, skills: JSON.parse(r.skills) as string[], date: r.finished_at! }))
    .filter((f) => f.skills.length > 0);
  const result = computeBalance({
    entries: rows.map((r) => ({ date: r.date, minutes: r.minutes, skills: JSON.parse(r.skills) as string[] })),
    finished,
    kindOf: kindsOf(framework),
    today: ctx.today,
    weeks,
    targetRatio,
    neededSkills: needed,
  });
  // A finished book that names skills is practice too: its reader is not nagged as a beginner.
  return { ...result, practised: rows.length > 0 || finished.length > 0 };
}

/** Technical against soft minutes over the last N ISO weeks (default 4), and what is neglected. */
export async function balance(ctx: Context, raw: unknown = {}): Promise<Balance> {
  const { weeks } = parseInput(balanceQuerySchema, raw);
  const { practised: _, ...result } = await computeFor(ctx, weeks);
  return result;
}

/**
 * The balance warnings alone, for `grow today`. Someone who has never logged practice is not
 * nagged about every skill on their dashboard; `grow balance` still says what is missing.
 */
export async function neglectedPractice(ctx: Context): Promise<Neglect[]> {
  const result = await computeFor(ctx, DEFAULT_BALANCE_WEEKS);
  return result.practised ? result.neglected : [];
}
