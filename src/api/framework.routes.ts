import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { limitText } from '../core/import-limits.js';
import { importFramework, listFrameworks, showFramework, useFramework } from '../services/framework.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonResponse } from './route.helpers.js';
import { uploadedBytes } from './upload.helpers.js';
import { frameworkSummarySchema, importResultSchema, frameworkSchema } from '../schemas/framework.response.js';

const tags = ['frameworks'];
const idParam = z.object({ id: z.string().openapi({ description: 'the framework id; "grow" is the built-in one' }) });
const flag = z.enum(['true', 'false'], { error: 'expected true or false' }).optional();

// Plain OpenAPI schemas, not zod: the file is read as bytes and checked by the framework parser,
// so the route validators must neither parse the body nor refuse a content type.
const textFile = { type: 'string' } as const;
const binaryFile = { type: 'string', format: 'binary' } as const;
const frameworkFile = {
  content: {
    'application/yaml': { schema: textFile },
    'text/yaml': { schema: textFile },
    'application/json': { schema: { type: 'object' as const, description: 'the framework file as JSON' } },
    'application/octet-stream': { schema: binaryFile },
    'multipart/form-data': { schema: { type: 'object' as const, properties: { file: binaryFile }, required: ['file'] } },
  },
  required: true,
  description: `the framework file, YAML or JSON, at most ${limitText(IMPORT_REGISTRY.framework.limit)}`,
};

/** The uploaded file as text: refused over the limit (by its declared length, before reading) or when not UTF-8. */
async function uploadedText(request: Request): Promise<string> {
  const bytes = await uploadedBytes(request, IMPORT_REGISTRY.framework.limit);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', 'file: empty');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('validation_failed', 'file: not UTF-8 text');
  }
}

export function frameworkRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks',
      tags,
      summary: 'The frameworks the person can use: the built-in one first, then their imports',
      responses: { 200: jsonResponse(z.array(frameworkSummarySchema), 'frameworks'), ...errors },
    }),
    async (c) => c.json(await listFrameworks(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{id}',
      tags,
      summary: 'A whole framework: skills with their level descriptions, tracks with their levels and facets',
      request: { params: idParam },
      responses: { 200: jsonResponse(frameworkSchema, 'the framework'), ...errors },
    }),
    async (c) => c.json((await showFramework(c.get('ctx'), c.req.valid('param').id)) as z.infer<typeof frameworkSchema>, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/frameworks',
      tags,
      summary: IMPORT_REGISTRY.framework.summary,
      description:
        'An id already imported is refused with 409 unless replace=true; the built-in id "grow" is never replaced. With use=true the framework also becomes the active one.',
      request: { query: z.object({ use: flag, replace: flag }), body: frameworkFile },
      responses: { 201: jsonResponse(importResultSchema, 'the imported framework'), ...errors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const content = await uploadedText(c.req.raw);
      return c.json(await importFramework(c.get('ctx'), content, { use: query.use === 'true', replace: query.replace === 'true' }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/frameworks/{id}/use',
      tags,
      summary: 'Make a framework the active one ("grow" goes back to the built-in one)',
      request: { params: idParam },
      responses: { 200: jsonResponse(frameworkSummarySchema, 'the now active framework'), ...errors },
    }),
    async (c) => c.json(await useFramework(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
