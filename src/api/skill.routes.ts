import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { assessSchema, evidenceAddSchema, evidenceQuerySchema, facetSetSchema, targetSetSchema, trackQuerySchema } from '../schemas/skill.schema.js';
import {
  addEvidence,
  assessSkill,
  getTarget,
  listEvidence,
  listFacets,
  listSkills,
  setFacet,
  setTarget,
  showSkill,
  showTrack,
} from '../services/skill.service.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { skillSummarySchema, skillDetailSchema, targetSchema, trackViewSchema, evidenceSchema, facetSchema } from '../schemas/skill.response.js';

const idParam = (what: string) => z.object({ id: z.string().openapi({ description: `the ${what} id in the active framework` }) });

export function skillRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills',
      tags: ['skills'],
      summary: "The framework's skills with the person's rating, target and gap",
      responses: { 200: jsonResponse(z.array(skillSummarySchema), 'skills in framework order'), ...errors },
    }),
    async (c) => c.json(await listSkills(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/skills/{id}',
      tags: ['skills'],
      summary: 'A skill: rating, assessment history and level descriptions',
      request: { params: idParam('skill') },
      responses: { 200: jsonResponse(skillDetailSchema, 'the skill'), ...errors },
    }),
    async (c) => c.json(await showSkill(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/skills/{id}/assessments',
      tags: ['skills'],
      summary: 'Rate a skill 0..5 on a day (appended to its history)',
      request: { params: idParam('skill'), body: jsonBody(assessSchema) },
      responses: { 201: jsonResponse(skillDetailSchema, 'the skill after the assessment'), ...errors },
    }),
    async (c) => c.json(await assessSkill(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/target',
      tags: ['skills'],
      summary: 'The track level the person aims at (null when none is set)',
      responses: { 200: jsonResponse(targetSchema.nullable(), 'the target'), ...errors },
    }),
    async (c) => c.json(await getTarget(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/target',
      tags: ['skills'],
      summary: 'Set the target track level (replaces the previous one)',
      request: { body: jsonBody(targetSetSchema) },
      responses: { 200: jsonResponse(targetSchema, 'the target'), ...errors },
    }),
    async (c) => c.json(await setTarget(c.get('ctx'), await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tracks/{id}',
      tags: ['skills'],
      summary: 'Try on a role: what a track level expects against current ratings',
      description:
        "Without ?level: the target's level when the target is on this track, else the lowest level whose expectations are not all met (else the top).",
      request: { params: idParam('track'), query: trackQuerySchema },
      responses: { 200: jsonResponse(trackViewSchema, 'the track level and gaps'), ...errors },
    }),
    async (c) => c.json(await showTrack(c.get('ctx'), c.req.valid('param').id, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evidence',
      tags: ['evidence'],
      summary: 'Evidence of impact, oldest first; ?skill= keeps what names a skill',
      request: { query: evidenceQuerySchema },
      responses: { 200: jsonResponse(z.array(evidenceSchema), 'evidence'), ...errors },
    }),
    async (c) => c.json(await listEvidence(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evidence',
      tags: ['evidence'],
      summary: 'Record evidence of impact for some skills',
      request: { body: jsonBody(evidenceAddSchema) },
      responses: { 201: jsonResponse(evidenceSchema, 'the evidence'), ...errors },
    }),
    async (c) => c.json(await addEvidence(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/facets',
      tags: ['skills'],
      summary: 'Specialization facets (security) and how far the person has gone into each',
      responses: { 200: jsonResponse(z.array(facetSchema), 'facets'), ...errors },
    }),
    async (c) => c.json(await listFacets(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/facets/{id}',
      tags: ['skills'],
      summary: 'Mark a facet unexplored, exploring or specializing',
      description:
        'Breadth first, then a T shape: specializing needs the facet explored first and at least 3 facets explored; at most 2 facets specialize at once.',
      request: { params: idParam('facet'), body: jsonBody(facetSetSchema) },
      responses: { 200: jsonResponse(facetSchema, 'the facet'), ...errors },
    }),
    async (c) => c.json(await setFacet(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );
}
