import type { z } from 'zod';
import type { cardSchema, reviewItemSchema } from '../../src/schemas/review.response.js';
import type { RatingName } from '../../src/core/review.js';
import { query, ref, send } from './api.js';

/** The shapes of the review API, taken from the schemas of its OpenAPI document. */
export type Card = z.infer<typeof cardSchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type Rating = RatingName;

export interface TakeawayBody {
  text: string;
  /** The question the card asks; omitted, one is derived from the item. */
  front?: string;
}

export interface HighlightCardBody {
  front?: string;
  /** Words of one's own, added to the answer after the passage. */
  text?: string;
}

export const reviewApi = {
  /** Cards due now, oldest due first (all: every card). */
  due: (params: { all?: boolean; limit?: number } = {}) =>
    send<ReviewItem[]>('GET', `/review${query({ all: params.all ? 'true' : undefined, limit: params.limit })}`),
  grade: (id: string, rating: Rating) => send<Card>('POST', `/review/${ref(id)}/grade`, { json: { rating } }),
  addTakeaway: (itemId: string, body: TakeawayBody) => send<Card>('POST', `/learning/${ref(itemId)}/takeaways`, { json: body }),
  cardFromHighlight: (highlightId: string, body: HighlightCardBody = {}) => send<Card>('POST', `/highlights/${ref(highlightId)}/card`, { json: body }),
  removeCard: (id: string) => send<{ id: string; removed: true }>('DELETE', `/cards/${ref(id)}`),
};
