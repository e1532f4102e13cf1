import { z } from 'zod';
import { isoDate } from './common.schema.js';

/** A period reflection: the days it covers (both included) and an optional title. */
export const reflectionCreateSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    title: z.string().trim().max(200, { message: 'at most 200 characters' }).optional(),
  })
  .strict()
  .refine((q) => !(q.from > q.to), { message: 'must not be after to', path: ['from'] });
export type ReflectionCreateInput = z.output<typeof reflectionCreateSchema>;

const truthy = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean({ error: 'expected true or false' }));

/** `POST /import/jekyll?name=…&skipBad=true`: the file name of a post sent alone, and whether to skip bad posts. */
export const jekyllImportQuerySchema = z
  .object({
    name: z.string().trim().min(1, { message: 'must not be empty' }).optional(),
    skipBad: truthy.optional(),
  })
  .strict();
export type JekyllImportQuery = z.output<typeof jekyllImportQuerySchema>;
