import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createFeedToken, exportCalendar, revokeFeedToken } from '../services/calendar.service.js';
import { planWeekFor } from '../services/plan.service.js';
import { calendarTokenSchema } from '../schemas/plan.schema.js';
import { parseInput } from '../schemas/validate.js';
import { AppError } from '../core/errors.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { feedTokensRevokedSchema, weekPlanSchema, feedTokenSchema } from '../schemas/plan.response.js';

// Response shapes, for the OpenAPI document. The query strings are documented as text and parsed
// by the services' schemas, the same ones the CLI uses, so errors read the same on both edges.

const planQuery = z.object({
  hours: z.string().optional().openapi({ description: 'hours of practice in the week, more than 0 and at most 40 (default 3)' }),
  days: z.string().optional().openapi({ description: 'days to practise, e.g. mon,wed,fri (default mon..fri)' }),
  start: z.string().optional().openapi({ description: 'the first day, YYYY-MM-DD (default the next Monday, or today on a Monday)' }),
});
const calendarQuery = z.object({
  weeks: z.string().optional().openapi({ description: 'weeks of plan from the current week, 1..12 (default 4)' }),
  token: z.string().optional().openapi({ description: 'a calendar feed token (grow calendar token create); instead of a session' }),
});

function bodyOf(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'body: not valid JSON');
  }
}

const defined = (query: Record<string, string | undefined>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));

export function planRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/plan/week',
      tags: ['plan'],
      summary: 'A week of practice: technical and soft sessions interleaved, aimed at the largest gaps',
      request: { query: planQuery },
      responses: { 200: jsonResponse(weekPlanSchema, 'the plan'), ...errors },
    }),
    async (c) => c.json(await planWeekFor(c.get('ctx'), defined(c.req.query())), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar.ics',
      tags: ['plan'],
      summary: 'The calendar (RFC 5545): planned sessions and habits. Subscribable with ?token= (read-only)',
      request: { query: calendarQuery },
      responses: { 200: { content: { 'text/calendar': { schema: z.string() } }, description: 'the calendar' }, ...errors },
    }),
    async (c) => {
      const { token: _token, ...query } = c.req.query();
      const text = await exportCalendar(c.get('ctx'), defined(query));
      return new Response(text, {
        status: 200,
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': 'inline; filename="grow.ics"',
          // A feed URL carries a secret: keep copies out of shared caches.
          'cache-control': 'private, no-store',
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/calendar/tokens',
      tags: ['plan'],
      summary: 'Create a read-only calendar feed token (shown once)',
      request: { body: jsonBody(calendarTokenSchema, false) },
      responses: { 201: jsonResponse(feedTokenSchema, 'the token and the feed path'), ...errors },
    }),
    async (c) => {
      const text = await c.req.text();
      const input = parseInput(calendarTokenSchema, bodyOf(text), 'body');
      return c.json(await createFeedToken(c.get('ctx'), input.label ?? null), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar/tokens',
      tags: ['plan'],
      summary: 'Revoke every calendar feed token of yours (or one, with {"token": …})',
      request: { body: jsonBody(z.object({ token: z.string().optional() }).strict(), false) },
      responses: { 200: jsonResponse(feedTokensRevokedSchema, 'how many were revoked'), ...errors },
    }),
    async (c) => {
      const text = await c.req.text();
      const body = parseInput(z.object({ token: z.string().min(1, { message: 'must not be empty' }).optional() }).strict(), bodyOf(text), 'body');
      return c.json(await revokeFeedToken(c.get('ctx'), body.token), 200);
    },
  );
}
