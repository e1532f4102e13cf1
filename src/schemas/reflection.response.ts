import { z } from '@hono/zod-openapi';
import { journalEntrySchema } from './journal.response.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const jekyllImportResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.array(z.object({ file: z.string(), message: z.string() })).openapi({ description: 'bad posts left out with skipBad=true' }),
  })
  .openapi('JekyllImportResult');

export const reflectionSchema = journalEntrySchema;
