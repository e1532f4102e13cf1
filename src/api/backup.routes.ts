import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { exportBackupText, importBackup } from '../services/backup.service.js';
import type { ApiEnv } from './context.middleware.js';
import { backupFileSchema, importSummarySchema } from '../schemas/backup.response.js';
import { errors, jsonResponse } from './route.helpers.js';

/** Uploads larger than this are refused before they are read. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export async function uploadedBytes(request: Request): Promise<Uint8Array> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_UPLOAD_BYTES) throw new AppError('validation_failed', `file: larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB limit`);
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new AppError('validation_failed', 'file: missing (send the file in a form field named "file")');
    return new Uint8Array(await file.arrayBuffer());
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('validation_failed', `file: larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB limit`);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', 'file: empty');
  return bytes;
}

// Plain OpenAPI schemas, not zod: the file is read and checked by uploadedBytes and the importer,
// so the route validators must neither parse the body nor refuse a content type.
const binaryFile = { type: 'string', format: 'binary' } as const;
export const upload = (...extra: string[]) => ({
  content: {
    'application/octet-stream': { schema: binaryFile },
    'multipart/form-data': { schema: { type: 'object' as const, properties: { file: binaryFile }, required: ['file'] } },
    ...Object.fromEntries(extra.map((type) => [type, { schema: binaryFile }])),
  },
  required: true,
});

export function backupRoutes(
  app: OpenAPIHono<ApiEnv>,
  importers: { loop?: (ctx: ApiEnv['Variables']['ctx'], bytes: Uint8Array) => Promise<Record<string, number>> },
): void {
  const tags = ['import and export'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/export/json',
      tags,
      summary: 'Download a JSON backup of everything',
      responses: { 200: { content: { 'application/json': { schema: backupFileSchema } }, description: 'the backup file' }, ...errors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      // The exact bytes of `grow export json`, so a downloaded backup diffs cleanly against one.
      return new Response(await exportBackupText(ctx), {
        status: 200,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="grow-backup-${ctx.today}.json"`,
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/import/json',
      tags,
      summary: 'Restore a JSON backup into an empty database',
      request: { body: upload('application/json') },
      responses: { 200: jsonResponse(importSummarySchema, 'what was imported'), ...errors },
    }),
    async (c) => {
      const bytes = await uploadedBytes(c.req.raw);
      const summary = await importBackup(c.get('ctx'), new TextDecoder().decode(bytes));
      return c.json(summary as unknown as Record<string, number>, 200);
    },
  );

  if (importers.loop) {
    const loop = importers.loop;
    app.openapi(
      createRoute({
        method: 'post',
        path: '/import/loop',
        tags,
        summary: 'Import a Loop Habit Tracker backup (.db) or CSV export (.zip)',
        request: { body: upload() },
        responses: { 200: jsonResponse(importSummarySchema, 'what was imported'), ...errors },
      }),
      async (c) => c.json(await loop(c.get('ctx'), await uploadedBytes(c.req.raw)), 200),
    );
  }
}
