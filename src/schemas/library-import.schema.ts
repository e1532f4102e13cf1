import { z } from 'zod';
import { LIBRARY_SOURCES } from '../core/vocabulary.js';
import { oneOf } from './common.schema.js';

export { LIBRARY_SOURCES };

/** Booleans arrive as JSON, as query text (`?skipBad=true`) or as a CLI flag. */
const flag = z.preprocess(
  (value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' || value === '' ? false : value),
  z.boolean({ error: 'expected true or false' }),
);

/** What a library import needs besides the file: where it comes from, and whether bad rows are skipped. */
export const libraryImportSchema = z
  .object({
    source: oneOf(LIBRARY_SOURCES),
    skipBad: flag.optional().default(false),
  })
  .strict();
export type LibraryImportInput = z.input<typeof libraryImportSchema>;

/** The query string of POST /import/{source}. */
export const libraryImportQuerySchema = z.object({ skipBad: flag.optional() });
