import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { settingsSchema } from '../schemas/habit.schema.js';
import { getSettings, updateSettings } from '../services/settings.service.js';
import type { ApiEnv } from './context.middleware.js';
import { settingsOutSchema } from '../schemas/habit.response.js';
import { jsonBody, jsonResponse, errors } from './route.helpers.js';

export function settingsRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['settings'],
      summary: 'Settings',
      responses: { 200: jsonResponse(settingsOutSchema, 'settings'), ...errors },
    }),
    async (c) => c.json(await getSettings(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/settings',
      tags: ['settings'],
      summary: 'Change settings (name, time zone)',
      request: { body: jsonBody(settingsSchema) },
      responses: { 200: jsonResponse(settingsOutSchema, 'settings'), ...errors },
    }),
    async (c) => c.json(await updateSettings(c.get('ctx'), await c.req.json()), 200),
  );
}
