import { z } from '@hono/zod-openapi';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const libraryImportResultSchema = z
  .object({
    itemsCreated: z.number().int(),
    itemsUpdated: z.number().int(),
    itemsUnchanged: z.number().int(),
    highlightsAdded: z.number().int(),
    highlightsUpdated: z.number().int().openapi({ description: 'stored highlights the file extended: a longer re-selection, a new note, new tags' }),
    highlightsUnchanged: z.number().int(),
    notesAdded: z.number().int(),
    skipped: z
      .array(
        z.object({
          row: z.number().int().openapi({ description: 'the CSV data row (1 = the first row after the header), or the Kindle entry (1 = the first)' }),
          message: z.string().openapi({ example: 'row 3 (line 4): ISBN13: "9780000000001" is not a valid ISBN-13 (the check digit does not match)' }),
        }),
      )
      .openapi({ description: 'bad rows left out (only with skipBad=true; without it a bad row refuses the whole file)' }),
  })
  .openapi('LibraryImportResult');
