import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { experimentAddSchema, experimentCloseSchema } from '../schemas/path.schema.js';
import { addExperiment, closeExperiment, listExperiments, pathFit } from '../services/path.service.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { pathFitSchema, experimentSchema } from '../schemas/path.response.js';

const tags = ['paths'];

export function pathRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/path/fit',
      tags,
      summary: 'How well each track fits the person, from their evidence: best first, with reasons and confidence',
      responses: { 200: jsonResponse(z.array(pathFitSchema), 'one entry per track, best first'), ...errors },
    }),
    async (c) => c.json(await pathFit(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/experiments',
      tags,
      summary: 'List experiments, newest first',
      responses: { 200: jsonResponse(z.array(experimentSchema), 'experiments'), ...errors },
    }),
    async (c) => c.json(await listExperiments(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/experiments',
      tags,
      summary: 'Start a time-boxed experiment on a track',
      request: { body: jsonBody(experimentAddSchema) },
      responses: { 201: jsonResponse(experimentSchema, 'the new experiment'), ...errors },
    }),
    async (c) => c.json(await addExperiment(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/experiments/{id}/close',
      tags,
      summary: 'Close an experiment with its outcome',
      request: { params: z.object({ id: z.string().openapi({ description: 'the experiment id' }) }), body: jsonBody(experimentCloseSchema) },
      responses: { 200: jsonResponse(experimentSchema, 'the closed experiment'), ...errors },
    }),
    async (c) => c.json(await closeExperiment(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );
}
