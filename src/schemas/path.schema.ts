import { z } from 'zod';
import { OUTCOMES } from '../core/vocabulary.js';
import { isoDate, oneOf, optionalText } from './common.schema.js';

export { OUTCOMES };

const requiredText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `at most ${max} characters` });

/**
 * A new experiment, possibly recorded after the fact: `start` (default today) and `until` may lie
 * in the past. The service checks the track against the active framework and `until` against the start.
 */
export const experimentAddSchema = z
  .object({
    title: requiredText(200),
    track: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }),
    start: isoDate.optional().describe('the first day, YYYY-MM-DD (default today; may lie in the past)'),
    until: isoDate.describe('the last day, YYYY-MM-DD, not before the start (may lie in the past)'),
    hypothesis: requiredText(2000),
  })
  .strict();
export type ExperimentAddInput = z.output<typeof experimentAddSchema>;

/** An experiment's outcome; `on`, the closing day (default today), may lie in the past but not before the start. */
export const experimentCloseSchema = z
  .object({
    outcome: oneOf(OUTCOMES),
    note: optionalText(2000),
    on: isoDate.optional().describe("the closing day, YYYY-MM-DD (default today; may lie in the past, not before the experiment's start)"),
  })
  .strict();
export type ExperimentCloseInput = z.output<typeof experimentCloseSchema>;
