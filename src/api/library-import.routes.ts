import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { libraryImportQuerySchema } from '../schemas/library-import.schema.js';
import { LIBRARY_IMPORTS } from '../services/import.registry.js';
import { importLibrary } from '../services/library-import.service.js';
import { upload, uploadedBytes } from './upload.helpers.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonResponse } from './route.helpers.js';
import { libraryImportResultSchema } from '../schemas/library-import.response.js';

export function libraryImportRoutes(app: OpenAPIHono<ApiEnv>): void {
  for (const { source, summary, limit } of LIBRARY_IMPORTS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/import/${source}`,
        tags: ['import and export'],
        summary,
        description:
          'The file is the body (or a form field named "file"). One transaction: a bad row refuses the whole file unless skipBad=true. Importing the same file again changes nothing.',
        request: { query: libraryImportQuerySchema, body: upload('text/csv', 'text/plain') },
        responses: { 200: jsonResponse(libraryImportResultSchema, 'what was imported'), ...errors },
      }),
      async (c) => {
        const { skipBad } = c.req.valid('query');
        const bytes = await uploadedBytes(c.req.raw, limit);
        const text = new TextDecoder().decode(bytes);
        return c.json(await importLibrary(c.get('ctx'), { source, skipBad: skipBad ?? false }, text), 200);
      },
    );
  }
}
