import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { exportBackupText, importBackup } from '../services/backup.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import type { ApiEnv } from './context.middleware.js';
import { backupFileSchema, importSummarySchema } from '../schemas/backup.response.js';
import { errors, jsonResponse } from './route.helpers.js';
import { upload, uploadedBytes } from './upload.helpers.js';

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
      summary: IMPORT_REGISTRY.json.summary,
      request: { body: upload('application/json') },
      responses: { 200: jsonResponse(importSummarySchema, 'what was imported'), ...errors },
    }),
    async (c) => {
      const bytes = await uploadedBytes(c.req.raw, IMPORT_REGISTRY.json.limit);
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
        summary: IMPORT_REGISTRY.loop.summary,
        request: { body: upload() },
        responses: { 200: jsonResponse(importSummarySchema, 'what was imported'), ...errors },
      }),
      async (c) => c.json(await loop(c.get('ctx'), await uploadedBytes(c.req.raw, IMPORT_REGISTRY.loop.limit)), 200),
    );
  }
}
