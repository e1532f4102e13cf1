import { z } from '@hono/zod-openapi';
import { SKILL_KINDS, TRACK_TYPES } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

const summaryFields = {
  id: z.string(),
  name: z.string(),
  version: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
  skills: z.number().int().openapi({ description: 'how many skills the framework defines' }),
  tracks: z.array(z.string()).openapi({ description: 'the track ids' }),
};
export const frameworkSummarySchema = z.object(summaryFields).openapi('FrameworkSummary');
export const importResultSchema = z.object({ ...summaryFields, replaced: z.boolean() }).openapi('FrameworkImport');

const skillLevel = z.object({ summary: z.string(), behaviours: z.array(z.string()) });
export const frameworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    description: z.string(),
    skills: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(SKILL_KINDS),
        description: z.string(),
        levels: z.object({ 1: skillLevel, 2: skillLevel, 3: skillLevel, 4: skillLevel, 5: skillLevel }),
      }),
    ),
    tracks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.enum(TRACK_TYPES),
        description: z.string(),
        levels: z.array(
          z.object({ id: z.string(), name: z.string(), description: z.string().optional(), expects: z.record(z.string(), z.number().int().min(0).max(5)) }),
        ),
        facets: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), skills: z.array(z.string()) })),
      }),
    ),
  })
  .openapi('Framework', { description: 'a career framework, in the shape of an import file (docs/frameworks.md)' });
