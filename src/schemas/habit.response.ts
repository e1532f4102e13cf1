import { z } from '@hono/zod-openapi';
import { CHECK_IN_STATUSES, HABIT_KINDS, HISTORY_STATUSES, NEVER_MISS_TWICE_STATES, SCORECARD_RATINGS } from '../core/vocabulary.js';
import { neglectSchema } from './activity.response.js';
import { sessionSchema } from './plan.response.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

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
    history: z.array(z.object({ date: z.string(), status: z.enum(HISTORY_STATUSES), amount: z.number().nullable(), note: nullableText })),
  })
  .openapi('HabitDetail');

export const habitChartSchema = z
  .object({
    strength: z.array(z.object({ date: z.string(), value: z.number() })),
    checkIns: z.array(z.object({ date: z.string(), status: checkInStatus, amount: z.number().nullable() })),
  })
  .openapi('HabitChart');

export const scorecardItemSchema = z
  .object({ id: z.string(), position: z.number().int(), text: z.string(), rating: z.enum(SCORECARD_RATINGS), time: nullableText, habit: nullableText })
  .openapi('ScorecardItem');

export const todaySchema = z
  .object({
    date: z.string(),
    due: z.array(habitSummarySchema),
    done: z.array(habitSummarySchema),
    avoid: z.array(habitSummarySchema),
    atRisk: z.array(z.string()),
    neglected: z.array(neglectSchema).openapi({ description: 'balance warnings: a kind or a skill the target needs, not practised for 14 days or more' }),
    planned: z.array(sessionSchema).openapi({ description: "the sessions this week's kept plan puts on today, done and skipped ones too" }),
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
