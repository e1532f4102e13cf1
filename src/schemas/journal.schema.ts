import { z } from 'zod';
import { JOURNAL_KINDS, VISIBILITIES } from '../core/vocabulary.js';
import { addDays, isIsoDate, toDayNumber, weekdayOfDay } from '../core/calendar.js';
import { isoWeek } from '../core/balance.js';
import { isoDate, oneOf, optionalText, tagList } from './common.schema.js';

export { JOURNAL_KINDS, VISIBILITIES };
export type { JournalKind } from '../core/vocabulary.js';

/** The longest body an entry may have: a long post is ~20,000 characters; this is ten of them. */
export const MAX_BODY_CHARS = 200_000;
/** The most words a search uses: more would only slow the query down. */
export const MAX_SEARCH_WORDS = 20;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 200;

/**
 * The Monday of an ISO week "YYYY-Www", or null when there is no such week (W53 exists only in
 * years whose 1 January or 31 December is a Thursday).
 */
export function mondayOfIsoWeek(week: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const jan4 = `${m[1]}-01-04`;
  if (!isIsoDate(jan4)) return null;
  // Week 1 holds 4 January; its Monday is the start of the ISO year.
  const firstMonday = addDays(jan4, -weekdayOfDay(toDayNumber(jan4)));
  const monday = addDays(firstMonday, (Number(m[2]) - 1) * 7);
  return Number(m[2]) >= 1 && isoWeek(monday) === week ? monday : null;
}

/** The body exactly as written (never trimmed: imported posts export byte for byte), not blank. */
const body = z
  .string({ error: 'required: the entry text in Markdown' })
  .max(MAX_BODY_CHARS, { message: `at most ${MAX_BODY_CHARS} characters` })
  .refine((text) => text.trim() !== '', { message: 'must not be empty' });

const journalFields = {
  title: optionalText(200),
  date: isoDate,
  tags: tagList,
  body,
  visibility: oneOf(VISIBILITIES),
};

export const journalCreateSchema = z
  .object({
    ...journalFields,
    date: journalFields.date.optional(),
    tags: journalFields.tags.optional(),
    visibility: journalFields.visibility.default('private'),
  })
  .strict();
export type JournalCreateInput = z.output<typeof journalCreateSchema>;

export const journalUpdateSchema = z
  .object(journalFields)
  .partial()
  .strict()
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), {
    message: 'nothing to change: give a title, date, tags, visibility or body',
  });
export type JournalUpdateInput = z.output<typeof journalUpdateSchema>;

export const journalListSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    tag: z.string().trim().toLowerCase().max(60, { message: 'a tag has at most 60 characters' }).optional(),
    kind: oneOf(JOURNAL_KINDS).optional(),
  })
  .strict()
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: 'must not be after to', path: ['from'] });
export type JournalListInput = z.output<typeof journalListSchema>;

const LIMIT = `expected a whole number from 1 to ${MAX_SEARCH_LIMIT}`;

export const journalSearchSchema = z
  .object({
    text: z
      .string({ error: 'required: the words to look for' })
      .trim()
      .min(1, { message: 'must not be empty: give the words to look for' })
      .max(500, { message: 'at most 500 characters' }),
    limit: z
      .preprocess(
        (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
        z.number({ error: LIMIT }).int({ message: LIMIT }).min(1, { message: LIMIT }).max(MAX_SEARCH_LIMIT, { message: LIMIT }),
      )
      .default(DEFAULT_SEARCH_LIMIT),
  })
  .strict();
export type JournalSearchInput = z.output<typeof journalSearchSchema>;

const answer = optionalText(20_000);

export const weeklyReviewSchema = z
  .object({
    week: z
      .string({ error: 'expected an ISO week YYYY-Www, e.g. 2026-W48' })
      .trim()
      .toUpperCase()
      .refine((w) => mondayOfIsoWeek(w) !== null, { message: 'expected an ISO week YYYY-Www, e.g. 2026-W48' })
      .optional(),
    grew: answer,
    drained: answer,
    next: answer,
  })
  .strict()
  .refine((r) => Boolean(r.grew || r.drained || r.next), {
    message: 'answer at least one prompt: what grew, what drained you, what you will try next week',
    path: ['grew'],
  });
export type WeeklyReviewInput = z.output<typeof weeklyReviewSchema>;

/** The prompts of a weekly review, in the order asked: the answer's field and the heading it goes under. */
export const WEEKLY_PROMPTS = [
  { field: 'grew', heading: 'What grew', question: 'What grew this week?' },
  { field: 'drained', heading: 'What drained you', question: 'What drained you?' },
  { field: 'next', heading: 'What you will try next week', question: 'What will you try next week?' },
] as const;
