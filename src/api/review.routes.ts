import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CARD_KINDS, CARD_STATES } from '../core/vocabulary.js';
import { cardGradeSchema, highlightCardSchema, reviewListSchema, takeawayCreateSchema } from '../schemas/review.schema.js';
import { addHighlightCard, addTakeaway, gradeCard, listReview, removeCard } from '../services/review.service.js';
import type { ApiEnv } from './context.middleware.js';
import { removedSchema } from './openapi.schemas.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';

const reviewItemShape = {
  id: z.string(),
  front: z.string().openapi({ description: 'the prompt' }),
  back: z.string().openapi({ description: 'the answer: the takeaway, or the highlighted passage' }),
  source: z.string().nullable().openapi({ description: 'the item it came from: Title (Author)', example: 'Atomic Habits (James Clear)' }),
  due: z.string().openapi({ description: 'when it is next due, ISO-8601 UTC', example: '2026-12-01T12:00:00.000Z' }),
  kind: z.enum(CARD_KINDS),
  itemId: z.string().nullable(),
};

/** A card in the review queue. */
export const reviewItemSchema = z.object(reviewItemShape).openapi('ReviewItem');

/** A card with its FSRS scheduling state. */
export const cardSchema = z
  .object({
    ...reviewItemShape,
    highlightId: z.string().nullable(),
    state: z.enum(CARD_STATES),
    reps: z.number().int().openapi({ description: 'reviews so far' }),
    lapses: z.number().int().openapi({ description: 'times forgotten (graded Again) after being learned' }),
    stability: z.number().openapi({ description: 'FSRS stability in days' }),
    difficulty: z.number().openapi({ description: 'FSRS difficulty, 1 … 10' }),
    scheduledDays: z.number().int().openapi({ description: 'whole days from the last review to the due date; 0 in (re)learning steps' }),
    lastReview: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Card');

const cardId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['review'];

export function reviewRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/review',
      tags,
      summary: 'Cards due now, oldest due first (all=true: every card)',
      request: { query: reviewListSchema },
      responses: { 200: jsonResponse(z.array(reviewItemSchema), 'the cards'), ...errors },
    }),
    async (c) => c.json(await listReview(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/review/{id}/grade',
      tags,
      summary: 'Grade a card again, hard, good or easy: FSRS gives its next due date',
      request: { params: cardId, body: jsonBody(cardGradeSchema) },
      responses: { 200: jsonResponse(cardSchema, 'the card, with its next due date'), ...errors },
    }),
    async (c) => c.json(await gradeCard(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/learning/{id}/takeaways',
      tags,
      summary: 'Add a takeaway to a learning item: a card to review, due at once',
      request: { params: cardId, body: jsonBody(takeawayCreateSchema) },
      responses: { 201: jsonResponse(cardSchema, 'the new card'), ...errors },
    }),
    async (c) => c.json(await addTakeaway(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/highlights/{id}/card',
      tags,
      summary: 'Make a highlight a card to review (one card per highlight)',
      request: { params: cardId, body: jsonBody(highlightCardSchema, false) },
      responses: { 201: jsonResponse(cardSchema, 'the new card'), ...errors },
    }),
    // The body is optional (none: the default prompt); a JSON body was already checked by the schema.
    async (c) => c.json(await addHighlightCard(c.get('ctx'), c.req.valid('param').id, await c.req.json().catch(() => ({}))), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/cards/{id}',
      tags,
      summary: 'Remove a card and its review history',
      request: { params: cardId },
      responses: { 200: jsonResponse(removedSchema, 'removed'), ...errors },
    }),
    async (c) => c.json(await removeCard(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
