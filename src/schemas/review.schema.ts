import { z } from 'zod';
import { optionalText } from './common.schema.js';

/** The four grades of FSRS, in the order of their keys 1–4 (CLI and web alike). */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];

/** The one-key shortcuts of a grade: its number and its initial. */
export const RATING_KEYS: Record<RatingName, readonly [string, string]> = {
  again: ['1', 'a'],
  hard: ['2', 'h'],
  good: ['3', 'g'],
  easy: ['4', 'e'],
};

const RATING_PROBLEM = 'expected again, hard, good or easy';

export const ratingSchema = z.enum(RATINGS, { error: RATING_PROBLEM });

export const cardGradeSchema = z.object({ rating: ratingSchema }).strict();
export type CardGradeInput = z.output<typeof cardGradeSchema>;

export const MAX_TAKEAWAY_CHARS = 2000;
export const MAX_PROMPT_CHARS = 500;

export const takeawayCreateSchema = z
  .object({
    text: z
      .string({ error: 'required' })
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(MAX_TAKEAWAY_CHARS, { message: `at most ${MAX_TAKEAWAY_CHARS} characters` }),
    // Empty means "derive one from the item".
    front: optionalText(MAX_PROMPT_CHARS),
  })
  .strict();
export type TakeawayCreateInput = z.output<typeof takeawayCreateSchema>;

/** A highlight made a card: the highlight is the answer; a prompt and a thought of one's own are optional. */
export const highlightCardSchema = z
  .object({
    front: optionalText(MAX_PROMPT_CHARS),
    text: optionalText(MAX_TAKEAWAY_CHARS),
  })
  .strict();
export type HighlightCardInput = z.output<typeof highlightCardSchema>;

/** A whole number from JSON or from text (a query string, a CLI flag). */
const LIMIT = 'expected a whole number from 1 to 1000';
const limit = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : value),
  z.number({ error: LIMIT }).int({ message: LIMIT }).min(1, { message: LIMIT }).max(1000, { message: LIMIT }),
);

export const reviewListSchema = z
  .object({
    // Query strings and CLI flags carry text; JSON may carry a boolean.
    all: z
      .union([z.boolean(), z.enum(['true', 'false', ''])], { error: 'expected true or false' })
      .transform((v) => v === true || v === 'true' || v === '')
      .optional(),
    limit: limit.optional(),
  })
  .strict();
export type ReviewListInput = z.output<typeof reviewListSchema>;

/**
 * "in 10 minutes", "in 3 hours", "in 8 days", "now": how far a due instant is. The CLI and the
 * web say it the same way, so it lives beside the schemas both import.
 */
export function dueIn(due: string | Date, now: Date): string {
  const ms = new Date(due).getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(Math.max(1, minutes), 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(ms / 86_400_000);
  if (days < 60) return plural(days, 'day');
  const months = Math.round(days / 30.44);
  if (months < 24) return plural(months, 'month');
  return plural(Math.round(days / 365.25), 'year');
}
