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

export const suggestedPeriodSchema = z
  .object({
    period: z
      .object({
        from: z.string().openapi({ example: '2026-11-16' }),
        to: z.string().openapi({ example: '2026-11-22' }),
        basis: z.enum(['last-week', 'this-week', 'latest-week']).openapi({
          description: 'last-week: the week just past holds data; this-week: only this week so far does; latest-week: the last week that held any',
        }),
      })
      .nullable()
      .openapi({ description: 'null when nothing was ever recorded: no check-in, assessment, practice, finished item or experiment' }),
  })
  .openapi('SuggestedReflectionPeriod');
