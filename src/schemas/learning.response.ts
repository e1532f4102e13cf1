import { z } from '@hono/zod-openapi';
import { LEARNING_KINDS, LEARNING_STATUSES } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

const itemFields = {
  id: z.string(),
  slug: z
    .string()
    .openapi({ description: 'unique per person, made from the title when the item was added; kept when the title changes', example: 'deep-work' }),
  kind: z.enum(LEARNING_KINDS),
  title: z.string(),
  authors: z.array(z.string()),
  isbn10: z.string().nullable(),
  isbn13: z.string().nullable(),
  status: z.enum(LEARNING_STATUSES),
  progress: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .openapi({ description: 'percent read: from page and pages when both are known, else as last given; null when unknown' }),
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

export const takeawaySchema = z.object({ id: z.string(), front: z.string(), back: z.string(), due: z.string(), createdAt: z.string() }).openapi('Takeaway');

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
