import { z } from 'zod';
import { isIsoDate } from '../core/calendar.js';
import { wordsOf } from '../core/vocabulary.js';

export const isoDate = z.string({ error: 'expected a date YYYY-MM-DD' }).refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** Optional free text: trimmed, empty means none. */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, { message: `at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

export const tagList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .pipe(
    z.array(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(60, { message: 'a tag has at most 60 characters' })
        .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$|^$/u, { message: 'a tag holds letters, digits, spaces, _ . -' }),
    ),
  )
  .transform((tags) => [...new Set(tags.filter((t) => t !== ''))]);

/** One word of a vocabulary (src/core/vocabulary.ts); a wrong word is refused naming the accepted ones. */
export const oneOf = <const T extends readonly [string, ...string[]]>(words: T) => z.enum(words, { error: `expected ${wordsOf(words)}` });

/**
 * Skill ids, as a list or one "a,b" string (as the CLI gives them): trimmed, lower case (framework ids
 * are), blanks and repeats dropped. Empty is fine where a skill is optional (a book).
 */
export const skillIds = z
  .union([z.string(), z.array(z.string())], { error: 'expected skill ids, e.g. testing,empathy' })
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .transform((ids) => [...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => id !== ''))]);

/** At least one skill id. The message names the choice, not a flag's syntax: the web shows it beside its checkboxes. */
export const someSkillIds = skillIds.refine((ids) => ids.length > 0, { message: 'choose at least one skill' });
