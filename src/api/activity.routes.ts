import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { activityCreateSchema, activityListSchema, balanceQuerySchema } from '../schemas/activity.schema.js';
import { balance, listActivities, logActivity } from '../services/activity.service.js';
import type { ApiEnv } from './context.middleware.js';
import { neglectSchema } from './openapi.schemas.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';

export const activitySchema = z
  .object({
    id: z.string(),
    date: z.string(),
    text: z.string(),
    minutes: z.number().int(),
    skills: z.array(z.string()),
    energy: z.number().int().min(-2).max(2).nullable().openapi({ description: '−2 drained … +2 energized' }),
    ease: z.number().int().min(1).max(5).nullable().openapi({ description: '1 hard … 5 natural' }),
  })
  .openapi('Activity');

export const balanceSchema = z
  .object({
    weeks: z.array(
      z.object({
        week: z.string().openapi({ example: '2026-W48' }),
        technicalMinutes: z.number().int(),
        softMinutes: z.number().int(),
        finished: z
          .array(z.object({ id: z.string(), title: z.string(), skills: z.array(z.string()) }))
          .openapi({ description: 'learning items finished that week that name skills; each counts as practice of its skills for the neglect warnings' }),
      }),
    ),
    ratio: z.number().min(0).max(1).nullable().openapi({ description: 'technical share of all minutes in those weeks; null when none' }),
    targetRatio: z.number().min(0).max(1),
    neglected: z.array(neglectSchema),
  })
  .openapi('Balance');

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
