import type { z } from 'zod';
import type { journalEntrySchema, journalListItemSchema, journalSearchHitSchema, savedJournalEntrySchema } from '../../src/schemas/journal.response.js';
import { API, query, ref, send } from './api.js';

/** The shapes of the journal API, taken from the schemas that describe it in the OpenAPI document. */
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type SavedJournalEntry = z.infer<typeof savedJournalEntrySchema>;
export type JournalListItem = z.infer<typeof journalListItemSchema>;
export type JournalSearchHit = z.infer<typeof journalSearchHitSchema>;
export type JournalKind = JournalEntry['kind'];

export interface JournalFilter {
  from?: string;
  to?: string;
  tag?: string;
  kind?: JournalKind;
}

export const journalApi = {
  list: (filter: JournalFilter = {}) => send<JournalListItem[]>('GET', `/journal${query({ ...filter })}`),
  entry: (id: string) => send<JournalEntry>('GET', `/journal/${ref(id)}`),
  add: (input: Record<string, unknown>) => send<SavedJournalEntry>('POST', '/journal', { json: input }),
  edit: (id: string, input: Record<string, unknown>) => send<SavedJournalEntry>('PATCH', `/journal/${ref(id)}`, { json: input }),
  remove: (id: string) => send<{ id: string; removed: true }>('DELETE', `/journal/${ref(id)}`),
  search: (text: string) => send<JournalSearchHit[]>('GET', `/journal/search${query({ text })}`),
  weekly: (input: Record<string, unknown>) => send<SavedJournalEntry>('POST', '/journal/weekly', { json: input }),
};

/** The Jekyll post of an entry, as a download (the route belongs to the Jekyll export). */
export const jekyllUrl = (id: string) => `${API}/journal/${ref(id)}/jekyll`;

export const KIND_LABEL: Record<JournalKind, string> = { entry: 'entry', 'weekly-review': 'weekly review', reflection: 'reflection' };
