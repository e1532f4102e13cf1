import { z } from '@hono/zod-openapi';
import { SKILL_KINDS } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

/** A balance warning: a kind of skill, or one skill, not practised for 14 days or more (null: never). */
export const neglectSchema = z
  .union([
    z.object({ kind: z.enum(SKILL_KINDS), daysSince: z.number().int().nullable() }),
    z.object({ skill: z.string(), daysSince: z.number().int().nullable() }),
  ])
  .openapi('Neglect');

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
