import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  LEARNING_KINDS,
  LEARNING_STATUSES,
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

const itemFields = {
  id: z.string(),
  slug: z.string().openapi({ description: 'unique per person, made from the title when the item was added; kept when the title changes', example: 'deep-work' }),
  kind: z.enum(LEARNING_KINDS),
  title: z.string(),
  authors: z.array(z.string()),
  isbn10: z.string().nullable(),
  isbn13: z.string().nullable(),
  status: z.enum(LEARNING_STATUSES),
  progress: z.number().min(0).max(100).nullable().openapi({ description: 'percent read: from page and pages when both are known, else as last given; null when unknown' }),
  page: z.number().int().nullable().openapi({ description: 'the current page, when progress was given as a page' }),
  pages: z.number().int().nullable(),
  rating: z.number().min(0).max(5).nullable().openapi({ description: '0..5 in quarter steps; null: unrated' }),
  recommendedBy: z.string().nullable(),
  url: z.string().nullable(),
  skills: z.array(z.string()),
  review: z.string().nullable(),
  shelves: z.array(z.string()),
  startedAt: z.string().nullable().openapi({ example: '2026-11-02' }),
  finishedAt: z.string().nullable().openapi({ example: '2026-11-20' }),
  addedAt: z.string().openapi({ description: 'an instant, ISO-8601 UTC' }),
  source: z.string().nullable().openapi({ description: 'where an imported item came from: goodreads, storygraph, kindle, readwise' }),
};

export const learningItemSchema = z.object(itemFields).openapi('LearningItem');

export const learningNoteOutSchema = z.object({ id: z.string(), text: z.string(), createdAt: z.string() }).openapi('LearningNote');

export const takeawaySchema = z
  .object({ id: z.string(), front: z.string(), back: z.string(), due: z.string(), createdAt: z.string() })
  .openapi('Takeaway');

export const highlightSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    note: z.string().nullable(),
    page: z.string().nullable(),
    location: z.string().nullable(),
    highlightedAt: z.string().nullable(),
    color: z.string().nullable(),
    tags: z.array(z.string()),
    cardId: z.string().nullable().openapi({ description: 'the review card made from this highlight, if any' }),
  })
  .openapi('Highlight');

export const learningItemDetailSchema = z
  .object({ ...itemFields, notes: z.array(learningNoteOutSchema), takeaways: z.array(takeawaySchema), highlights: z.array(highlightSchema) })
  .openapi('LearningItemDetail');

export const learningNoteCreatedSchema = learningNoteOutSchema.extend({ itemId: z.string() }).openapi('LearningNoteCreated');

export const learningRemovedSchema = z.object({ id: z.string(), slug: z.string(), title: z.string(), removed: z.literal(true) }).openapi('LearningItemRemoved');

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
    async (c) => c.json(await finishLearningItem(c.get('ctx'), c.req.valid('param').id, /json/.test(c.req.header('content-type') ?? '') ? await c.req.json() : {}), 200),
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

