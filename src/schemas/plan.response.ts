import { z } from '@hono/zod-openapi';
import { SKILL_KINDS } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const sessionSchema = z
  .object({
    date: z.string().openapi({ description: 'YYYY-MM-DD' }),
    skill: z.string().openapi({ description: 'a skill id of the active framework' }),
    kind: z.enum(SKILL_KINDS),
    minutes: z.number().int(),
    why: z.string().openapi({ description: 'why this session, in words' }),
  })
  .openapi('PlannedSession');
export const weekPlanSchema = z.object({ start: z.string(), sessions: z.array(sessionSchema) }).openapi('WeekPlan');
export const feedTokenSchema = z
  .object({ token: z.string().openapi({ description: 'shown once' }), path: z.string().openapi({ description: 'the feed path with the token' }) })
  .openapi('CalendarToken');
export const feedTokensRevokedSchema = z.object({ revoked: z.number().int() });
