import { z } from '@hono/zod-openapi';
import { SESSION_VIEW_STATUSES, SKILL_KINDS } from '../core/vocabulary.js';
import { activitySchema } from './activity.response.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const sessionSchema = z
  .object({
    id: z.string().nullable().openapi({ description: 'the kept session; null in a preview (a week not under way), which cannot be done or skipped' }),
    date: z.string().openapi({ description: 'YYYY-MM-DD' }),
    skill: z.string().openapi({ description: 'a skill id of the active framework' }),
    kind: z.enum(SKILL_KINDS),
    minutes: z.number().int(),
    why: z.string().openapi({ description: 'why this session, in words' }),
    status: z.enum(SESSION_VIEW_STATUSES).openapi({ description: 'missed: its day passed, neither done nor skipped; it counts in next week’s plan' }),
    activityId: z.string().nullable().openapi({ description: 'the practice logged for it, once done' }),
  })
  .openapi('PlannedSession');
export const weekPlanSchema = z
  .object({
    start: z.string().openapi({ description: 'the Monday of the week' }),
    kept: z.boolean().openapi({ description: 'stored (the week under way, or one gone by), or a preview computed from the plan settings' }),
    sessions: z.array(sessionSchema),
  })
  .openapi('WeekPlan');
export const planSettingsSchema = z
  .object({
    hours: z.number().openapi({ description: 'hours of practice a week (default 3)' }),
    days: z.array(z.string()).openapi({ description: 'the weekdays practised, e.g. ["mon", "wed", "fri"] (default mon..fri)' }),
  })
  .openapi('PlanSettings');
export const sessionDoneOutSchema = z.object({ session: sessionSchema, activity: activitySchema }).openapi('SessionDone');
export const feedTokenSchema = z
  .object({ token: z.string().openapi({ description: 'shown once' }), path: z.string().openapi({ description: 'the feed path with the token' }) })
  .openapi('CalendarToken');
export const feedTokensRevokedSchema = z.object({ revoked: z.number().int() });
