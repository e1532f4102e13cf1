import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { journalCreateSchema, journalListSchema, journalSearchSchema, journalUpdateSchema, weeklyReviewSchema } from '../schemas/journal.schema.js';
import {
  addJournalEntry,
  editJournalEntry,
  getJournalEntry,
  listJournal,
  removeJournalEntry,
  searchJournal,
  writeWeeklyReview,
} from '../services/journal.service.js';
import type { ApiEnv } from './context.middleware.js';
import { removedSchema } from '../schemas/common.response.js';
import { errors, jsonBody, jsonResponse } from './route.helpers.js';
import { journalEntrySchema, savedJournalEntrySchema, journalListItemSchema, journalSearchHitSchema } from '../schemas/journal.response.js';

const id = z.object({ id: z.string().openapi({ description: 'the entry id' }) });
const tags = ['journal'];

export function journalRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/journal',
      tags,
      summary: 'Journal entries, newest first, without bodies: by dates, tag and kind',
      request: { query: journalListSchema },
      responses: { 200: jsonResponse(z.array(journalListItemSchema), 'entries'), ...errors },
    }),
    async (c) => c.json(await listJournal(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/journal',
      tags,
      summary: 'Write an entry in Markdown: dated now (with the time) unless a date is given; private by default',
      request: { body: jsonBody(journalCreateSchema) },
      responses: { 201: jsonResponse(savedJournalEntrySchema, 'the entry'), ...errors },
    }),
    async (c) => c.json(await addJournalEntry(c.get('ctx'), await c.req.json()), 201),
  );

  // Before /journal/{id}, which would otherwise take "search" and "weekly" for ids.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/journal/search',
      tags,
      summary: 'Full-text search of your entries: every word must match, the last as a prefix; title matches first',
      request: { query: journalSearchSchema },
      responses: { 200: jsonResponse(z.array(journalSearchHitSchema), 'hits'), ...errors },
    }),
    async (c) => c.json(await searchJournal(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/journal/weekly',
      tags,
      summary: 'Write the weekly review of an ISO week (default this one): what grew, what drained you, what you will try next',
      request: { body: jsonBody(weeklyReviewSchema) },
      responses: { 201: jsonResponse(savedJournalEntrySchema, 'the review entry'), ...errors },
    }),
    async (c) => c.json(await writeWeeklyReview(c.get('ctx'), await c.req.json()), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/journal/{id}',
      tags,
      summary: 'One entry with its Markdown body',
      request: { params: id },
      responses: { 200: jsonResponse(journalEntrySchema, 'the entry'), ...errors },
    }),
    async (c) => c.json(await getJournalEntry(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/journal/{id}',
      tags,
      summary: "Edit an entry's title, date, tags, visibility or body (an imported post keeps its front matter)",
      request: { params: id, body: jsonBody(journalUpdateSchema) },
      responses: { 200: jsonResponse(savedJournalEntrySchema, 'the entry'), ...errors },
    }),
    async (c) => c.json(await editJournalEntry(c.get('ctx'), c.req.valid('param').id, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/journal/{id}',
      tags,
      summary: 'Delete an entry',
      request: { params: id },
      responses: { 200: jsonResponse(removedSchema, 'removed'), ...errors },
    }),
    async (c) => c.json(await removeJournalEntry(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
