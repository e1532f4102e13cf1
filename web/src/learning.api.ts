import type { z } from 'zod';
import type {
  highlightSchema,
  learningItemDetailSchema,
  learningItemSchema,
  learningNoteCreatedSchema,
  learningNoteOutSchema,
  learningRemovedSchema,
  takeawaySchema,
} from '../../src/schemas/learning.response.js';
import { query, ref, send } from './api.js';

/** The library's shapes, from the schemas that describe them in the OpenAPI document. */
export type LearningItem = z.infer<typeof learningItemSchema>;
export type LearningItemDetail = z.infer<typeof learningItemDetailSchema>;
export type LearningNote = z.infer<typeof learningNoteOutSchema>;
export type Takeaway = z.infer<typeof takeawaySchema>;
export type Highlight = z.infer<typeof highlightSchema>;
export type LearningStatus = LearningItem['status'];
export type LearningKind = LearningItem['kind'];

export const STATUS_TEXT: Record<LearningStatus, string> = {
  want: 'Want to read',
  reading: 'Reading',
  read: 'Read',
  abandoned: 'Abandoned',
};

export const KIND_TEXT: Record<LearningKind, string> = {
  book: 'Book',
  article: 'Article',
  course: 'Course',
  talk: 'Talk',
};

export const learningApi = {
  items: (status?: LearningStatus) => send<LearningItem[]>('GET', `/learning${query({ status })}`),
  item: (id: string) => send<LearningItemDetail>('GET', `/learning/${ref(id)}`),
  add: (input: Record<string, unknown>) => send<LearningItemDetail>('POST', '/learning', { json: input }),
  edit: (id: string, input: Record<string, unknown>) => send<LearningItemDetail>('PATCH', `/learning/${ref(id)}`, { json: input }),
  remove: (id: string) => send<z.infer<typeof learningRemovedSchema>>('DELETE', `/learning/${ref(id)}`),
  progress: (id: string, input: { page: unknown } | { percent: unknown }) => send<LearningItemDetail>('POST', `/learning/${ref(id)}/progress`, { json: input }),
  finish: (id: string, input: { rating?: number | null; date?: string }) => send<LearningItemDetail>('POST', `/learning/${ref(id)}/finish`, { json: input }),
  addNote: (id: string, text: string) => send<z.infer<typeof learningNoteCreatedSchema>>('POST', `/learning/${ref(id)}/notes`, { json: { text } }),
  // Routes of the review area: a takeaway and a highlight each become a review card.
  addTakeaway: (id: string, text: string) => send<unknown>('POST', `/learning/${ref(id)}/takeaways`, { json: { text } }),
  makeCard: (highlightId: string) => send<unknown>('POST', `/highlights/${ref(highlightId)}/card`, { json: {} }),
};

/** "25%", "25% · p. 100 of 400", "p. 12", or "" when nothing is known. */
export function progressText(item: Pick<LearningItem, 'progress' | 'page' | 'pages'>): string {
  const percent = item.progress === null ? null : `${Number.isInteger(item.progress) ? item.progress : item.progress.toFixed(1)}%`;
  const page = item.page === null ? null : item.pages === null ? `p. ${item.page}` : `p. ${item.page} of ${item.pages}`;
  return [percent, page].filter(Boolean).join(' · ');
}

/** "3.75 / 5", or "" when unrated. */
export const ratingText = (rating: number | null) => (rating === null ? '' : `${rating} / 5`);
