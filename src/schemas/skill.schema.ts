import { z } from 'zod';
import { isoDate, optionalText, someSkillIds } from './common.schema.js';
import { FACET_STATUSES } from '../core/skills.js';

const RATING_MESSAGE = 'expected an integer from 0 to 5';

/** A rating 0..5. The CLI turns a numeric argument into a number; anything else is refused here. */
export const rating = z
  .number({ error: RATING_MESSAGE })
  .int({ message: RATING_MESSAGE })
  .min(0, { message: RATING_MESSAGE })
  .max(5, { message: RATING_MESSAGE });

const id = (what: string) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { message: `name a ${what}` })
    .max(100, { message: 'at most 100 characters' });

export const assessSchema = z
  .object({
    level: rating,
    date: isoDate.optional(),
    evidence: optionalText(2000),
    note: optionalText(2000),
  })
  .strict();
export type AssessInput = z.output<typeof assessSchema>;

export const targetSetSchema = z
  .object({
    track: id('track'),
    level: id('level'),
    by: isoDate.nullable().optional(),
  })
  .strict();
export type TargetSetInput = z.output<typeof targetSetSchema>;

export const trackQuerySchema = z.object({ level: id('level').optional() }).strict();

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const evidenceAddSchema = z
  .object({
    text: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(2000, { message: 'at most 2000 characters' }),
    skills: someSkillIds,
    date: isoDate.optional(),
    link: z.string().trim().max(2000, { message: 'at most 2000 characters' }).refine(isHttpUrl, { message: 'expected an http(s) URL' }).nullable().optional(),
  })
  .strict();
export type EvidenceAddInput = z.output<typeof evidenceAddSchema>;

export const evidenceQuerySchema = z.object({ skill: id('skill').optional() }).strict();

export const facetSetSchema = z.object({ status: z.enum(FACET_STATUSES, { error: 'expected unexplored, exploring or specializing' }) }).strict();
export type FacetSetInput = z.output<typeof facetSetSchema>;
