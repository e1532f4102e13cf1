import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { today } from '../services/today.service.js';
import type { ApiEnv } from './context.middleware.js';
import { todaySchema } from '../schemas/habit.response.js';
import { jsonResponse, errors } from './route.helpers.js';

export function todayRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/today',
      tags: ['today'],
      summary: 'What is due today',
      responses: { 200: jsonResponse(todaySchema, 'today'), ...errors },
    }),
    async (c) => c.json(await today(c.get('ctx')), 200),
  );
}
