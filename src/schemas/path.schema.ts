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

/** A new experiment. The track is checked against the active framework and `until` against today by the service. */
export const experimentAddSchema = z
  .object({
    title: requiredText(200),
    track: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }),
    until: isoDate,
    hypothesis: requiredText(2000),
  })
  .strict();
export type ExperimentAddInput = z.output<typeof experimentAddSchema>;

export const experimentCloseSchema = z
  .object({
    outcome: oneOf(OUTCOMES),
    note: optionalText(2000),
  })
  .strict();
export type ExperimentCloseInput = z.output<typeof experimentCloseSchema>;
