import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createFeedToken, exportCalendar, revokeFeedToken } from '../services/calendar.service.js';
import { markSessionDone, planSettings, planWeekFor, showWeek, skipSession } from '../services/plan.service.js';
import { calendarTokenSchema, planWeekSchema, sessionDoneSchema } from '../schemas/plan.schema.js';
import { parseInput } from '../schemas/validate.js';
import { AppError } from '../core/errors.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { feedTokenSchema, feedTokensRevokedSchema, planSettingsSchema, sessionDoneOutSchema, sessionSchema, weekPlanSchema } from '../schemas/plan.response.js';

// Response shapes, for the OpenAPI document. The query strings are documented as text and parsed
// by the services' schemas, the same ones the CLI uses, so errors read the same on both edges.

const planQuery = z.object({
  start: z.string().optional().openapi({ description: 'a day of the week to show, YYYY-MM-DD (default today: the week under way)' }),
  hours: z.string().optional().openapi({ description: 'what these hours (more than 0, at most 40) would plan: a preview, nothing kept or saved' }),
  days: z.string().optional().openapi({ description: 'what these days (e.g. mon,wed,fri) would plan: a preview, nothing kept or saved' }),
});
const sessionParams = z.object({ id: z.string().openapi({ description: 'a kept session id (GET /plan/week)' }) });
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
    async (c) => c.json(await showWeek(c.get('ctx'), defined(c.req.query())), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/plan/week',
      tags: ['plan'],
      summary: 'Keep new plan settings (hours, days) and remake the week under way from today, or replan it; as grow plan week',
      request: { body: jsonBody(planWeekSchema, false) },
      responses: { 200: jsonResponse(weekPlanSchema, 'the week holding start (default: the week under way)'), ...errors },
    }),
    async (c) => c.json(await planWeekFor(c.get('ctx'), bodyOf(await c.req.text())), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/plan/settings',
      tags: ['plan'],
      summary: 'The hours and days every week is planned with',
      responses: { 200: jsonResponse(planSettingsSchema, 'the plan settings'), ...errors },
    }),
    async (c) => c.json(await planSettings(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/plan/sessions/{id}/done',
      tags: ['plan'],
      summary: "Log a kept session's practice for its skill and mark it done (minutes default to the session's)",
      request: { params: sessionParams, body: jsonBody(sessionDoneSchema, false) },
      responses: { 200: jsonResponse(sessionDoneOutSchema, 'the session, done, and the activity logged'), ...errors },
    }),
    async (c) => c.json(await markSessionDone(c.get('ctx'), c.req.valid('param').id, bodyOf(await c.req.text())), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/plan/sessions/{id}/skip',
      tags: ['plan'],
      summary: 'Skip a kept session: it is not missed, so next week does not carry it',
      request: { params: sessionParams },
      responses: { 200: jsonResponse(sessionSchema, 'the session, skipped'), ...errors },
    }),
    async (c) => c.json(await skipSession(c.get('ctx'), c.req.valid('param').id), 200),
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
