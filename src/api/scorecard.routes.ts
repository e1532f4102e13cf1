import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { scorecardAddSchema, scorecardToHabitSchema } from '../schemas/habit.schema.js';
import { addScorecardItem, listScorecard, removeScorecardItem, scorecardItemToHabit } from '../services/scorecard.service.js';
import type { ApiEnv } from './context.middleware.js';
import { habitDetailSchema, scorecardItemSchema } from '../schemas/habit.response.js';
import { removedSchema } from '../schemas/common.response.js';
import { jsonBody, jsonResponse, errors } from './route.helpers.js';

const tags = ['scorecard'];

export function scorecardRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/scorecard',
      tags,
      summary: 'The habit scorecard',
      responses: { 200: jsonResponse(z.array(scorecardItemSchema), 'lines in order'), ...errors },
    }),
    async (c) => c.json(await listScorecard(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/scorecard',
      tags,
      summary: 'Add a scorecard line',
      request: { body: jsonBody(scorecardAddSchema) },
      responses: { 201: jsonResponse(scorecardItemSchema, 'the new line'), ...errors },
    }),
    async (c) => c.json(await addScorecardItem(c.get('ctx'), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/scorecard/{id}',
      tags,
      summary: 'Remove a scorecard line',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: jsonResponse(removedSchema, 'removed'), ...errors },
    }),
    async (c) => c.json(await removeScorecardItem(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/scorecard/{id}/habit',
      tags,
      summary: 'Turn a scorecard line into a habit to build or to break',
      request: { params: z.object({ id: z.string() }), body: jsonBody(scorecardToHabitSchema, false) },
      responses: { 201: jsonResponse(habitDetailSchema, 'the new habit'), ...errors },
    }),
    async (c) => {
      const text = await c.req.text();
      return c.json(await scorecardItemToHabit(c.get('ctx'), c.req.valid('param').id, text.trim() ? JSON.parse(text) : {}), 201);
    },
  );
}
