import { z } from 'zod';
import { DEFAULT_BALANCE_WEEKS, MAX_BALANCE_WEEKS } from '../core/balance.js';
import { isoDate, someSkillIds } from './common.schema.js';

/** Minutes in a day: the most one activity can take. */
export const MAX_ACTIVITY_MINUTES = 1440;

/** A whole number, from JSON or from text (a query string, a CLI flag): "30" is 30, "2.5" is refused. */
const wholeNumber = (message: string, min: number, max: number, range: { low: string; high: string }) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int({ message }).min(min, { message: range.low }).max(max, { message: range.high }),
  );

const ENERGY = 'expected a whole number from -2 (drained) to 2 (energized)';
const EASE = 'expected a whole number from 1 (hard) to 5 (natural)';
const WEEKS = `expected a whole number from 1 to ${MAX_BALANCE_WEEKS}`;

export const activityCreateSchema = z
  .object({
    text: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(500, { message: 'at most 500 characters' }),
    minutes: wholeNumber('expected a whole number of minutes', 1, MAX_ACTIVITY_MINUTES, {
      low: 'must be more than 0',
      high: `at most ${MAX_ACTIVITY_MINUTES} (a day)`,
    }),
    skills: someSkillIds,
    energy: wholeNumber(ENERGY, -2, 2, { low: ENERGY, high: ENERGY }).nullable().optional(),
    ease: wholeNumber(EASE, 1, 5, { low: EASE, high: EASE }).nullable().optional(),
    date: isoDate.optional(),
  })
  .strict();
export type ActivityCreateInput = z.output<typeof activityCreateSchema>;

export const activityListSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: 'must not be after to', path: ['from'] });
export type ActivityListInput = z.output<typeof activityListSchema>;

export const balanceQuerySchema = z
  .object({
    weeks: wholeNumber(WEEKS, 1, MAX_BALANCE_WEEKS, { low: WEEKS, high: WEEKS }).default(DEFAULT_BALANCE_WEEKS),
  })
  .strict();
export type BalanceQueryInput = z.output<typeof balanceQuerySchema>;
