import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { activityCreateSchema, activityListSchema, balanceQuerySchema } from '../schemas/activity.schema.js';
import { balance, listActivities, logActivity } from '../services/activity.service.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { activitySchema, balanceSchema } from '../schemas/activity.response.js';

const tags = ['practice'];

export function activityRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/activities',
      tags,
      summary: 'Log a practice: what, when, minutes, skills, energy and ease',
      request: { body: jsonBody(activityCreateSchema) },
      responses: { 201: jsonResponse(activitySchema, 'the logged activity'), ...errors },
    }),
    async (c) => c.json(await logActivity(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/activities',
      tags,
      summary: 'The practice log between two dates (both included), oldest first',
      request: { query: activityListSchema },
      responses: { 200: jsonResponse(z.array(activitySchema), 'activities'), ...errors },
    }),
    async (c) => c.json(await listActivities(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/balance',
      tags,
      summary: 'Technical against soft practice per ISO week, the target ratio, and what is neglected',
      request: { query: balanceQuerySchema },
      responses: { 200: jsonResponse(balanceSchema, 'balance'), ...errors },
    }),
    async (c) => c.json(await balance(c.get('ctx'), c.req.valid('query')), 200),
  );
}
