import { z } from '@hono/zod-openapi';
import { CHECK_IN_STATUSES, ERROR_CODES, HABIT_KINDS, HISTORY_STATUSES, NEVER_MISS_TWICE_STATES, SCORECARD_RATINGS, SKILL_KINDS } from '../core/vocabulary.js';

/** Response shapes, for the OpenAPI document. Requests use the shared schemas in src/schemas. */
const errorDetailSchema = z
  .object({
    path: z.string().openapi({ description: 'where the problem is: a JSON path such as tracks[1].levels[0].skills, a CSV column, or "" for the whole input' }),
    message: z.string(),
    line: z.number().int().positive().optional().openapi({ description: 'the line of a CSV or text file, from 1' }),
    column: z.number().int().positive().optional().openapi({ description: 'the column of a CSV file, from 1' }),
  })
  .openapi('ErrorDetail');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: 'the first problem, "field: problem", and how many more there are' }),
      details: z.array(errorDetailSchema).max(50).optional().openapi({ description: 'every problem of a refused input, at most 50' }),
      more: z.number().int().positive().optional().openapi({ description: 'how many problems there are beyond the 50 in details' }),
    }),
  })
  .openapi('Error');

const nullableText = z.string().nullable();
const checkInStatus = z.enum(CHECK_IN_STATUSES);
const stats = {
  strength: z.number().min(0).max(1).openapi({ description: "Loop Habit Tracker's score, unrounded" }),
  streak: z.number().int(),
  bestStreak: z.number().int(),
  dueToday: z.boolean(),
  neverMissTwice: z.enum(NEVER_MISS_TWICE_STATES),
};

export const habitSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(HABIT_KINDS),
    schedule: z.string(),
    group: nullableText,
    target: z.number().nullable(),
    unit: nullableText,
    archived: z.boolean(),
    ...stats,
    today: z.object({ status: checkInStatus, amount: z.number().nullable() }).nullable(),
  })
  .openapi('HabitSummary');

export const habitDetailSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(HABIT_KINDS),
    schedule: z.string(),
    target: z.number().nullable(),
    unit: nullableText,
    identity: nullableText,
    when: nullableText,
    where: nullableText,
    after: nullableText,
    twoMinute: nullableText,
    bundle: nullableText,
    lawObvious: nullableText,
    lawAttractive: nullableText,
    lawEasy: nullableText,
    lawSatisfying: nullableText,
    group: nullableText,
    skills: z.array(z.string()),
    archived: z.boolean(),
    startDate: z.string(),
    ...stats,
    completion30: z.number().nullable(),
    completion365: z.number().nullable(),
    asOf: z.string(),
    // What the schedule counts from: every N days from the last day done, N/Mdays from a fixed day.
    anchor: z
      .union([
        z.object({ rule: z.literal('last-done'), date: z.string().nullable(), nextDue: z.string() }),
        z.object({ rule: z.literal('fixed'), date: z.string(), periodStart: z.string(), periodEnd: z.string() }),
      ])
      .nullable(),
    history: z.array(
      z.object({ date: z.string(), status: z.enum(HISTORY_STATUSES), amount: z.number().nullable(), note: nullableText }),
    ),
  })
  .openapi('HabitDetail');

export const habitChartSchema = z
  .object({
    strength: z.array(z.object({ date: z.string(), value: z.number() })),
    checkIns: z.array(z.object({ date: z.string(), status: checkInStatus, amount: z.number().nullable() })),
  })
  .openapi('HabitChart');

export const removedSchema = z.object({ id: z.string(), slug: z.string().optional(), removed: z.literal(true) }).openapi('Removed');

export const scorecardItemSchema = z
  .object({ id: z.string(), position: z.number().int(), text: z.string(), rating: z.enum(SCORECARD_RATINGS), time: nullableText, habit: nullableText })
  .openapi('ScorecardItem');

/** A balance warning: a kind of skill, or one skill, not practised for 14 days or more (null: never). */
export const neglectSchema = z
  .union([
    z.object({ kind: z.enum(SKILL_KINDS), daysSince: z.number().int().nullable() }),
    z.object({ skill: z.string(), daysSince: z.number().int().nullable() }),
  ])
  .openapi('Neglect');

export const todaySchema = z
  .object({
    date: z.string(),
    due: z.array(habitSummarySchema),
    done: z.array(habitSummarySchema),
    avoid: z.array(habitSummarySchema),
    atRisk: z.array(z.string()),
    neglected: z.array(neglectSchema).openapi({ description: 'balance warnings: a kind or a skill the target needs, not practised for 14 days or more' }),
    planned: z
      .array(z.object({ date: z.string(), skill: z.string(), kind: z.enum(SKILL_KINDS), minutes: z.number(), why: z.string() }))
      .openapi({ description: "practice sessions this week's plan puts on today" }),
    reviewsDue: z.number().int().min(0).openapi({ description: 'review cards (takeaways, highlights) due now: see GET /review' }),
  })
  .openapi('Today');

export const settingsOutSchema = z
  .object({
    name: z.string(),
    timeZone: z.string(),
    timeZoneIsSystem: z.boolean(),
    today: z.string(),
    technicalRatio: z.number().min(0).max(1).openapi({ description: 'the share of practice meant for technical skills (default 0.5)' }),
  })
  .openapi('Settings');

export const importSummarySchema = z.record(z.string(), z.number()).openapi('ImportSummary');
