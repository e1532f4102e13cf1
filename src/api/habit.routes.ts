import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { checkInSchema, habitCreateSchema, habitUpdateSchema } from '../schemas/habit.schema.js';
import { isoDate } from '../schemas/common.schema.js';
import { addHabit, archiveHabit, checkIn, editHabit, habitChart, listHabits, removeHabit, showHabit, undoCheckIn } from '../services/habit.service.js';
import type { ApiEnv } from './context.middleware.js';
import { habitChartSchema, habitDetailSchema, habitSummarySchema } from '../schemas/habit.response.js';
import { removedSchema } from '../schemas/common.response.js';
import { jsonBody, jsonResponse, errors } from './route.helpers.js';

const ref = z.object({ ref: z.string().openapi({ description: 'the habit slug or id' }) });
const tags = ['habits'];

export function habitRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/habits',
      tags,
      summary: 'List habits with their strength and streaks',
      request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonResponse(z.array(habitSummarySchema), 'habits'), ...errors },
    }),
    async (c) => c.json(await listHabits(c.get('ctx'), { includeArchived: c.req.valid('query').archived === 'true' }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/habits',
      tags,
      summary: 'Add a habit',
      request: { body: jsonBody(habitCreateSchema) },
      responses: { 201: jsonResponse(habitDetailSchema, 'the new habit'), ...errors },
    }),
    async (c) => c.json(await addHabit(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/habits/{ref}',
      tags,
      summary: 'A habit with its numbers and history, as of a day',
      request: { params: ref, query: z.object({ asOf: isoDate.optional() }) },
      responses: { 200: jsonResponse(habitDetailSchema, 'the habit'), ...errors },
    }),
    async (c) => c.json(await showHabit(c.get('ctx'), c.req.valid('param').ref, c.req.valid('query').asOf), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/habits/{ref}',
      tags,
      summary: 'Edit a habit',
      request: { params: ref, body: jsonBody(habitUpdateSchema) },
      responses: { 200: jsonResponse(habitDetailSchema, 'the habit'), ...errors },
    }),
    async (c) => c.json(await editHabit(c.get('ctx'), c.req.valid('param').ref, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/habits/{ref}/archive',
      tags,
      summary: 'Archive a habit (or restore it with {"archived": false})',
      request: { params: ref, body: jsonBody(z.object({ archived: z.boolean().optional() }).strict(), false) },
      responses: { 200: jsonResponse(habitDetailSchema, 'the habit'), ...errors },
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { archived?: boolean };
      return c.json(await archiveHabit(c.get('ctx'), c.req.valid('param').ref, body.archived ?? true), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/habits/{ref}',
      tags,
      summary: 'Remove a habit and its check-ins',
      request: { params: ref },
      responses: { 200: jsonResponse(removedSchema, 'removed'), ...errors },
    }),
    async (c) => c.json(await removeHabit(c.get('ctx'), c.req.valid('param').ref), 200),
  );

  for (const action of ['done', 'skip', 'slip'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/habits/{ref}/${action}`,
        tags,
        summary: { done: 'Check a habit in as done', skip: 'Skip a day (the strength freezes, the streak holds)', slip: 'Record a slip on a habit to break' }[
          action
        ],
        request: { params: ref, body: jsonBody(checkInSchema, false) },
        responses: { 200: jsonResponse(habitDetailSchema, 'the habit after the check-in'), ...errors },
      }),
      async (c) => {
        const text = await c.req.text();
        const body: unknown = text.trim() === '' ? {} : JSON.parse(text);
        return c.json(await checkIn(c.get('ctx'), c.req.valid('param').ref, action, body), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/habits/{ref}/check-ins/{date}',
      tags,
      summary: "Undo a day's check-in",
      request: { params: ref.extend({ date: isoDate }) },
      responses: { 200: jsonResponse(habitDetailSchema, 'the habit'), ...errors },
    }),
    async (c) => c.json(await undoCheckIn(c.get('ctx'), c.req.valid('param').ref, c.req.valid('param').date), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/habits/{ref}/chart',
      tags,
      summary: 'Strength per day and check-ins over the last year, for charts',
      request: { params: ref },
      responses: { 200: jsonResponse(habitChartSchema, 'chart data'), ...errors },
    }),
    async (c) => c.json(await habitChart(c.get('ctx'), c.req.valid('param').ref), 200),
  );
}
