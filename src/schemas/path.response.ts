import { z } from '@hono/zod-openapi';
import { EXPERIMENT_STATUSES, OUTCOMES } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

// Response shapes of this area, for the OpenAPI document (kept here, beside their only routes).
export const pathFitSchema = z
  .object({
    track: z.string().openapi({ description: 'a track id of the active framework' }),
    score: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: '0.5 is neutral; higher fits better (see docs/path-fit.md); null when no evidence at all speaks for or against the track' }),
    confidence: z.number().min(0).max(1).openapi({ description: 'how much evidence stands behind the score' }),
    reasons: z.array(z.string()),
    evidence: z.array(z.string()).openapi({ description: 'ids of the assessments, activities and experiments the reasons cite' }),
    suggestion: z
      .object({ title: z.string(), track: z.string(), until: z.string() })
      .nullable()
      .openapi({ description: 'with little evidence and no experiment open on the track: an experiment to try (POST /api/v1/experiments)' }),
  })
  .openapi('PathFit');

export const experimentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    track: z.string(),
    hypothesis: z.string(),
    startedOn: z.string(),
    until: z.string(),
    status: z.enum(EXPERIMENT_STATUSES),
    outcome: z.enum(OUTCOMES).nullable(),
    note: z.string().nullable(),
    closedOn: z.string().nullable(),
  })
  .openapi('Experiment');
