import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { jekyllImportQuerySchema, reflectionCreateSchema } from '../schemas/reflection.schema.js';
import { type PostFile, decodePost, exportJekyll, importJekyll } from '../services/jekyll.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import { createReflection, listReflections, suggestReflectionPeriod } from '../services/reflection.service.js';
import { isFormUpload, upload, uploadedBytes, uploadedFiles } from './upload.helpers.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { jekyllImportResultSchema, reflectionSchema, suggestedPeriodSchema } from '../schemas/reflection.response.js';

/**
 * The posts of an upload: each `file` field of a form (named by its file name), or the body
 * alone, named by `?name=`.
 */
async function uploadedPosts(request: Request, name: string | undefined): Promise<PostFile[]> {
  if (!isFormUpload(request)) {
    if (name === undefined) throw new AppError('validation_failed', "name: required: the post's file name, e.g. ?name=2024-03-05-slug.md");
    return [decodePost(await uploadedBytes(request, IMPORT_REGISTRY.jekyll.limit), name)];
  }
  return (await uploadedFiles(request, IMPORT_REGISTRY.jekyll.limit)).map((f) => decodePost(f.bytes, f.name || (name ?? '')));
}

/** An HTTP header's `filename`: ASCII for old clients, the exact UTF-8 name for the rest (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function reflectionRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import/jekyll',
      tags: ['import and export'],
      summary: IMPORT_REGISTRY.jekyll.summary,
      request: { query: jekyllImportQuerySchema, body: upload('text/markdown', 'text/plain', 'text/html') },
      responses: { 200: jsonResponse(jekyllImportResultSchema, 'what was imported'), ...errors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const files = await uploadedPosts(c.req.raw, query.name);
      return c.json(await importJekyll(c.get('ctx'), files, { skipBad: query.skipBad }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/journal/{id}/jekyll',
      tags: ['journal'],
      summary: 'A journal entry as a Jekyll post (an imported post unchanged comes back byte for byte)',
      request: { params: z.object({ id: z.string().openapi({ description: 'the entry id, or the file name it was imported from' }) }) },
      responses: { 200: { content: { 'text/markdown': { schema: z.string() } }, description: 'the post, named YYYY-MM-DD-slug.md' }, ...errors },
    }),
    async (c) => {
      const post = await exportJekyll(c.get('ctx'), c.req.valid('param').id);
      return new Response(post.text, {
        status: 200,
        headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': attachment(post.fileName) },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reflections',
      tags: ['journal'],
      summary: 'Write a draft reflection of facts about a period, with room for your own words',
      request: { body: jsonBody(reflectionCreateSchema) },
      responses: { 201: jsonResponse(reflectionSchema, 'the draft entry (kind reflection)'), ...errors },
    }),
    async (c) => c.json(await createReflection(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reflections/period',
      tags: ['journal'],
      summary: 'The period a reflection starts from: the latest week with anything recorded',
      responses: { 200: jsonResponse(suggestedPeriodSchema, 'the suggested period, or null'), ...errors },
    }),
    async (c) => c.json({ period: await suggestReflectionPeriod(c.get('ctx')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reflections',
      tags: ['journal'],
      summary: 'The reflections, the most recent period first',
      responses: { 200: jsonResponse(z.array(reflectionSchema), 'reflections'), ...errors },
    }),
    async (c) => c.json(await listReflections(c.get('ctx')), 200),
  );
}
