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
