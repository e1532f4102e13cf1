import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { LIBRARY_SOURCES, libraryImportQuerySchema } from '../schemas/library-import.schema.js';
import { importLibrary } from '../services/library-import.service.js';
import { upload, uploadedBytes } from './backup.routes.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonResponse } from './route.helpers.js';

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

const SUMMARIES: Record<(typeof LIBRARY_SOURCES)[number], string> = {
  goodreads: 'Import a Goodreads library export (goodreads_library_export.csv)',
  storygraph: 'Import a StoryGraph export (CSV)',
  kindle: "Import highlights and notes from a Kindle's My Clippings.txt",
  readwise: 'Import highlights from a Readwise CSV export',
};

export function libraryImportRoutes(app: OpenAPIHono<ApiEnv>): void {
  for (const source of LIBRARY_SOURCES) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/import/${source}`,
        tags: ['import and export'],
        summary: SUMMARIES[source],
        description:
          'The file is the body (or a form field named "file"). One transaction: a bad row refuses the whole file unless skipBad=true. Importing the same file again changes nothing.',
        request: { query: libraryImportQuerySchema, body: upload('text/csv', 'text/plain') },
        responses: { 200: jsonResponse(libraryImportResultSchema, 'what was imported'), ...errors },
      }),
      async (c) => {
        const { skipBad } = c.req.valid('query');
        const bytes = await uploadedBytes(c.req.raw);
        const text = new TextDecoder().decode(bytes);
        return c.json(await importLibrary(c.get('ctx'), { source, skipBad: skipBad ?? false }, text), 200);
      },
    );
  }
}
