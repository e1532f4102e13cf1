import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { MAX_CALENDAR_WEEKS, MAX_PLAN_HOURS, MIN_PLAN_HOURS, parsePlanDays } from '../core/plan.js';
import { activityCreateSchema } from './activity.schema.js';
import { isoDate } from './common.schema.js';

/**
 * A number given as a number (JSON) or as text (CLI flag, query string): "3", "2.5"; never
 * "3abc" or "". The same schema serves every edge, so the errors read the same.
 */
const numberish = (message: string) =>
  z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${message}, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return n;
  });

const hours = numberish('expected a number of hours').pipe(
  z
    .number()
    .positive({ message: 'must be greater than 0' })
    .min(MIN_PLAN_HOURS, { message: `at least ${MIN_PLAN_HOURS} (15 minutes)` })
    .max(MAX_PLAN_HOURS, { message: `at most ${MAX_PLAN_HOURS} hours a week` }),
);

const days = z.union([z.string(), z.array(z.string())], { error: 'expected days such as mon,wed,fri' }).transform((value, ctx) => {
  try {
    return parsePlanDays(Array.isArray(value) ? value.join(',') : value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof AppError ? error.message.replace(/^days: /, '') : 'expected days such as mon,wed,fri' });
    return z.NEVER;
  }
});

const WEEKS_MESSAGE = `expected a whole number of weeks from 1 to ${MAX_CALENDAR_WEEKS}`;
const weeks = numberish(WEEKS_MESSAGE).pipe(
  z.number().int({ message: WEEKS_MESSAGE }).min(1, { message: WEEKS_MESSAGE }).max(MAX_CALENDAR_WEEKS, { message: WEEKS_MESSAGE }),
);

/**
 * `grow plan week` and POST /plan/week: hours and days given are kept as the plan settings (and
 * remake the rest of the week under way, as `replan` does); `start` names a day of the week shown.
 */
export const planWeekSchema = z
  .object({
    hours: hours.optional(),
    days: days.optional(),
    start: isoDate.optional(),
    replan: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .strict();
export type PlanWeekInput = z.output<typeof planWeekSchema>;

/** GET /plan/week: which week to show; hours and days show what they would plan, keeping nothing. */
export const planWeekQuerySchema = planWeekSchema.omit({ replan: true });
export type PlanWeekQuery = z.output<typeof planWeekQuerySchema>;

/** `grow plan done ID`: the practice logged for a session, by the activity's rules; minutes default to the session's. */
export const sessionDoneSchema = activityCreateSchema.pick({ minutes: true, energy: true, ease: true }).partial().strict();
export type SessionDoneInput = z.output<typeof sessionDoneSchema>;

export const calendarSchema = z.object({ weeks: weeks.optional() }).strict();
export type CalendarInput = z.output<typeof calendarSchema>;

export const calendarTokenSchema = z
  .object({
    label: z.string().trim().max(100, { message: 'at most 100 characters' }).optional(),
  })
  .strict();
