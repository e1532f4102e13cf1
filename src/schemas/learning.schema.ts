import { z } from 'zod';
import { LEARNING_KINDS, LEARNING_STATUSES } from '../core/vocabulary.js';
import { readIsbn } from '../core/isbn.js';
import { normalizeName } from '../core/library.js';
import { isoDate, oneOf, skillIds } from './common.schema.js';

export { LEARNING_KINDS, LEARNING_STATUSES };

/** More pages than any printed book has: a typo guard, not a rule about books. */
export const MAX_PAGES = 100_000;

const RATING = 'expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75';
const PAGES = `expected a whole number of pages from 1 to ${MAX_PAGES}`;
const PAGE = 'expected a whole page number, 0 or more';
const PERCENT = 'expected a percentage from 0 to 100';

/** A number from JSON or from text (a CLI flag, a form): "3.75" is 3.75; "3.75abc" stays text and is refused. */
const numeric = (message: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*[-+]?(\d+(\.\d+)?|\.\d+)\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).finite({ message }),
  );

export const kindSchema = oneOf(LEARNING_KINDS);
export const statusSchema = oneOf(LEARNING_STATUSES);

/** 0..5 in quarter steps, as StoryGraph rates (3.75); Goodreads' whole stars fit too. */
export const ratingSchema = numeric(RATING).refine((r) => r >= 0 && r <= 5 && Number.isInteger(r * 4), { message: RATING });

const title = z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(300, { message: 'at most 300 characters' });

/** Names as a list, or one name: spaces normalized, empties dropped, no repeats. */
const authors = z
  .union([z.string(), z.array(z.string())], { error: 'expected a list of names' })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .transform((names) => [...new Set(names.map(normalizeName).filter((n) => n !== ''))])
  .refine((names) => names.every((n) => n.length <= 200), { message: 'a name has at most 200 characters' })
  .refine((names) => names.length <= 20, { message: 'at most 20 authors' });

/** Either length, hyphens allowed; read into both forms, so a bad check digit is caught here. */
const isbn = z
  .string({ error: 'expected an ISBN-10 or ISBN-13' })
  .trim()
  .transform((text, ctx) => {
    if (text === '') return null;
    const reading = readIsbn(text);
    if ('error' in reading) {
      ctx.addIssue({ code: 'custom', message: reading.error });
      return z.NEVER;
    }
    return reading;
  })
  .nullable();

const pages = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value === '' ? null : value),
  z.number({ error: PAGES }).int({ message: PAGES }).min(1, { message: PAGES }).max(MAX_PAGES, { message: PAGES }).nullable(),
);

function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

const url = z
  .string({ error: 'expected a web address' })
  .trim()
  .max(2000, { message: 'at most 2000 characters' })
  .refine((u) => u === '' || isWebAddress(u), { message: 'expected a web address starting with http:// or https://' })
  .transform((u) => (u === '' ? null : u))
  .nullable();

const recommendedBy = z
  .string({ error: 'expected a name' })
  .transform(normalizeName)
  .refine((n) => n.length <= 200, { message: 'at most 200 characters' })
  .transform((n) => (n === '' ? null : n))
  .nullable();

// None is fine: not every book grows a skill.
const skills = skillIds;

const itemFields = { title, kind: kindSchema, authors, isbn, pages, url, recommendedBy, skills, status: statusSchema };

export const learningCreateSchema = z
  .object({
    ...itemFields,
    kind: kindSchema.default('book'),
    status: statusSchema.default('want'),
    authors: authors.default([]),
    skills: skills.default([]),
    isbn: isbn.optional(),
    pages: pages.optional(),
    url: url.optional(),
    recommendedBy: recommendedBy.optional(),
  })
  .strict();
export type LearningCreateInput = z.output<typeof learningCreateSchema>;

/** Any field of add, and the rating (null clears it); what is left out stays as it was. */
export const learningUpdateSchema = z
  .object({ ...itemFields, rating: ratingSchema.nullable() })
  .partial()
  .strict();
export type LearningUpdateInput = z.output<typeof learningUpdateSchema>;

export const learningListSchema = z.object({ status: statusSchema.optional() }).strict();
export type LearningListInput = z.output<typeof learningListSchema>;

/** Where the reader is: a page, or a percentage (an ebook, or a book whose page count is unknown). */
export const learningProgressSchema = z
  .object({
    page: z.preprocess(
      (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
      z.number({ error: PAGE }).int({ message: PAGE }).min(0, { message: PAGE }),
    ),
    percent: numeric(PERCENT).refine((p) => p >= 0 && p <= 100, { message: PERCENT }),
  })
  .partial()
  .strict()
  .refine((p) => (p.page === undefined) !== (p.percent === undefined), { message: 'give a page or a percentage, e.g. 120 or 40%', path: ['page'] });
export type LearningProgressInput = z.output<typeof learningProgressSchema>;

export const learningFinishSchema = z.object({ rating: ratingSchema.nullable().optional(), date: isoDate.optional() }).strict();
export type LearningFinishInput = z.output<typeof learningFinishSchema>;

export const learningNoteSchema = z
  .object({
    text: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(10_000, { message: 'at most 10000 characters' }),
  })
  .strict();
export type LearningNoteInput = z.output<typeof learningNoteSchema>;

/**
 * "120" is page 120; "40%" is 40 percent: how `grow learn progress` reads its argument. Anything
 * else is passed on as a page so the schema names the problem.
 */
export function readProgressArgument(text: string): { page: unknown } | { percent: unknown } {
  const trimmed = text.trim();
  return trimmed.endsWith('%') ? { percent: trimmed.slice(0, -1).trim() } : { page: trimmed };
}
