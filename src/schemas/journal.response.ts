import { z } from '@hono/zod-openapi';
import { JOURNAL_KINDS, VISIBILITIES } from '../core/vocabulary.js';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

const entryFields = {
  id: z.string(),
  title: z.string().nullable(),
  date: z.string().openapi({ example: '2026-11-23' }),
  time: z.string().nullable().openapi({ description: 'local wall time HH:MM:SS when known', example: '21:05:00' }),
  utcOffset: z.string().nullable().openapi({ description: "that time's offset from UTC when known", example: '+01:00' }),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  kind: z.enum(JOURNAL_KINDS),
  periodFrom: z.string().nullable().openapi({ description: 'first day of the period a review or reflection covers' }),
  periodTo: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
};
const entryTail = {
  createdAt: z.string(),
  updatedAt: z.string(),
  jekyll: z.object({ sourceName: z.string() }).nullable().openapi({ description: 'an imported Jekyll post: its file name' }),
};

export const journalEntrySchema = z
  .object({ ...entryFields, body: z.string().openapi({ description: 'Markdown, exactly as written' }), ...entryTail })
  .openapi('JournalEntry');

export const savedJournalEntrySchema = z
  .object({
    ...journalEntrySchema.shape,
    warnings: z.array(z.string()).optional().openapi({ description: 'present when the Markdown holds HTML that could run script: kept as written, never run' }),
  })
  .openapi('SavedJournalEntry');

export const journalListItemSchema = z
  .object({ ...entryFields, ...entryTail, excerpt: z.string().openapi({ description: 'the first ~160 characters of the body as plain text' }) })
  .openapi('JournalListItem');

export const journalSearchHitSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    date: z.string(),
    snippet: z
      .string()
      .openapi({ description: 'an excerpt of the body around the match; matched words between ⟦ and ⟧', example: 'a blameless ⟦postmortem⟧ after the outage' }),
  })
  .openapi('JournalSearchHit');
