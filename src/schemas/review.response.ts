import { z } from '@hono/zod-openapi';
import { CARD_KINDS, CARD_STATES } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

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
