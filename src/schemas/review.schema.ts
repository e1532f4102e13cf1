import { z } from 'zod';
import { RATINGS } from '../core/review.js';
import { optionalText } from './common.schema.js';

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
