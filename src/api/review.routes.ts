import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { cardGradeSchema, highlightCardSchema, reviewListSchema, takeawayCreateSchema } from '../schemas/review.schema.js';
import { addHighlightCard, addTakeaway, gradeCard, listReview, removeCard } from '../services/review.service.js';
import type { ApiEnv } from './context.middleware.js';
import { removedSchema } from '../schemas/common.response.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { reviewItemSchema, cardSchema } from '../schemas/review.response.js';

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
