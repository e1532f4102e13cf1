import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  learningCreateSchema,
  learningFinishSchema,
  learningListSchema,
  learningNoteSchema,
  learningProgressSchema,
  learningUpdateSchema,
} from '../schemas/learning.schema.js';
import {
  addLearningItem,
  addLearningNote,
  editLearningItem,
  finishLearningItem,
  listLearningItems,
  recordProgress,
  removeLearningItem,
  showLearningItem,
} from '../services/learning.service.js';
import type { ApiEnv } from './context.middleware.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { learningItemSchema, learningItemDetailSchema, learningNoteCreatedSchema, learningRemovedSchema } from '../schemas/learning.response.js';

const params = z.object({ id: z.string().openapi({ description: 'the item slug or id (a title, or the start of one, works too)', example: 'deep-work' }) });
const tags = ['library'];

export function learningRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/learning',
      tags,
      summary: 'The library: books, articles, courses and talks, oldest added first',
      request: { query: learningListSchema },
      responses: { 200: jsonResponse(z.array(learningItemSchema), 'items'), ...errors },
    }),
    async (c) => c.json(await listLearningItems(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/learning',
      tags,
      summary: 'Add an item; a second copy of a book (same ISBN, or same title and author) is a conflict',
      request: { body: jsonBody(learningCreateSchema) },
      responses: { 201: jsonResponse(learningItemDetailSchema, 'the new item'), ...errors },
    }),
    async (c) => c.json(await addLearningItem(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/learning/{id}',
      tags,
      summary: 'An item with its notes, takeaways and highlights',
      request: { params },
      responses: { 200: jsonResponse(learningItemDetailSchema, 'the item'), ...errors },
    }),
    async (c) => c.json(await showLearningItem(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/learning/{id}',
      tags,
      summary: 'Change an item: the fields given change, the rest stay',
      request: { params, body: jsonBody(learningUpdateSchema) },
      responses: { 200: jsonResponse(learningItemDetailSchema, 'the item'), ...errors },
    }),
    async (c) => c.json(await editLearningItem(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/learning/{id}',
      tags,
      summary: 'Delete an item with its notes, highlights and review cards',
      request: { params },
      responses: { 200: jsonResponse(learningRemovedSchema, 'removed'), ...errors },
    }),
    async (c) => c.json(await removeLearningItem(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/learning/{id}/progress',
      tags,
      summary: 'Record progress as {page} or {percent}; an item one wanted to read moves to reading',
      request: { params, body: jsonBody(learningProgressSchema) },
      responses: { 200: jsonResponse(learningItemDetailSchema, 'the item'), ...errors },
    }),
    async (c) => c.json(await recordProgress(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/learning/{id}/finish',
      tags,
      summary: 'Mark an item read on a day (default today), with an optional rating 0..5 in quarter steps',
      request: { params, body: jsonBody(learningFinishSchema, false) },
      responses: { 200: jsonResponse(learningItemDetailSchema, 'the item'), ...errors },
    }),
    // Finishing needs no fields: a request without a JSON body finishes today, unrated.
    async (c) =>
      c.json(await finishLearningItem(c.get('ctx'), c.req.valid('param').id, /json/.test(c.req.header('content-type') ?? '') ? await c.req.json() : {}), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/learning/{id}/notes',
      tags,
      summary: 'Add a note to an item',
      request: { params, body: jsonBody(learningNoteSchema) },
      responses: { 201: jsonResponse(learningNoteCreatedSchema, 'the note'), ...errors },
    }),
    async (c) => c.json(await addLearningNote(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 201),
  );
}
