import { z } from '@hono/zod-openapi';
import { FACET_STATUSES, GAP_BASES, SKILL_KINDS } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

// Response shapes, for the OpenAPI document; the requests use the schemas the CLI shares.
const kind = z.enum(SKILL_KINDS);
const summaryFields = {
  id: z.string(),
  name: z.string(),
  kind,
  level: z.number().int().min(0).max(5).openapi({ description: 'current rating: the latest assessment by date, then creation; 0 if none' }),
  target: z.number().int().nullable().openapi({ description: 'what the target track level expects, or null' }),
  gap: z.number().int().nullable().openapi({ description: 'max(0, target − level), or null without a target' }),
};
export const skillSummarySchema = z.object(summaryFields).openapi('SkillSummary');
export const skillDetailSchema = z
  .object({
    ...summaryFields,
    description: z.string(),
    history: z.array(z.object({ date: z.string(), level: z.number().int(), note: z.string().nullable(), evidence: z.string().nullable() })),
    levels: z.array(z.object({ level: z.number().int(), summary: z.string(), behaviours: z.array(z.string()) })),
  })
  .openapi('SkillDetail');
export const targetSchema = z
  .object({
    track: z.string(),
    level: z.string(),
    trackName: z.string().nullable(),
    levelName: z.string().nullable(),
    by: z.string().nullable(),
    setAt: z.string(),
  })
  .openapi('CareerTarget');
export const trackViewSchema = z
  .object({
    track: z.string(),
    trackName: z.string(),
    level: z.string(),
    levelName: z.string(),
    basis: z.enum(GAP_BASES),
    levels: z.array(z.string()),
    skills: z.array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        kind: kind.nullable(),
        expected: z.number().int(),
        current: z.number().int(),
        gap: z.number().int(),
      }),
    ),
  })
  .openapi('TrackView');
export const evidenceSchema = z
  .object({ id: z.string(), text: z.string(), skills: z.array(z.string()), date: z.string(), link: z.string().nullable(), createdAt: z.string() })
  .openapi('Evidence');
export const facetSchema = z.object({ id: z.string(), name: z.string(), track: z.string(), status: z.enum(FACET_STATUSES) }).openapi('Facet');
