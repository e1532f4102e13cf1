import { type CardSchedule, cardStateName, gradeSchedule, newCardSchedule } from '../core/review-schedule.js';
import type { CardKind, CardState } from '../core/vocabulary.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import {
  type CardWithSource,
  countDueCards,
  deleteCard,
  findCard,
  findCardForUpdate,
  findCardOfHighlight,
  findPersonHighlight,
  insertCard,
  insertReviewLog,
  listCards,
  listCardsOfItems,
  updateCard,
} from '../store/card.repository.js';
import type { Db } from '../store/habit.repository.js';
import { inTransaction, isUniqueViolation } from '../store/database.js';
import { newId } from '../store/ids.js';
import { findLearningItemById } from '../store/learning.repository.js';
import type { CardRow, HighlightRow, LearningItemRow } from '../store/schema.js';
import { type HighlightCardInput, cardGradeSchema, highlightCardSchema, reviewListSchema, takeawayCreateSchema } from '../schemas/review.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { resolveLearningItem } from './learning.service.js';

/** One card to review, as `grow review --json` and GET /review list it. */
export interface ReviewItem {
  id: string;
  front: string;
  back: string;
  /** The item the card came from: `Title (Author, Author)`; null for a card without an item. */
  source: string | null;
  /** When the card is next due: an ISO-8601 UTC instant. */
  due: string;
  kind: CardKind;
  itemId: string | null;
}

export type { CardState } from '../core/vocabulary.js';

/** A card with its FSRS state. */
export interface ReviewCard extends ReviewItem {
  highlightId: string | null;
  state: CardState;
  /** Reviews so far. */
  reps: number;
  /** Times it was forgotten (graded Again) after it had been learned. */
  lapses: number;
  /** FSRS memory stability in days: the interval at which recall drops to 90%. */
  stability: number;
  /** FSRS difficulty, 1 (easy) … 10 (hard). */
  difficulty: number;
  /** Whole days between the last review and the due date (0 while in (re)learning steps). */
  scheduledDays: number;
  lastReview: string | null;
  createdAt: string;
}

/** `Atomic Habits (James Clear)`, or the title alone when the item names no author. */
export function sourceOf(title: string | null, authorsJson: string | null): string | null {
  if (title === null) return null;
  const authors = authorsJson ? (JSON.parse(authorsJson) as string[]) : [];
  return authors.length > 0 ? `${title} (${authors.join(', ')})` : title;
}

/** `From "Atomic Habits" (James Clear)`: the start of the prompts derived from an item. */
const fromItem = (item: Pick<LearningItemRow, 'title' | 'authors'>) => {
  const authors = JSON.parse(item.authors) as string[];
  return `From "${item.title}"${authors.length > 0 ? ` (${authors.join(', ')})` : ''}`;
};

export const takeawayPrompt = (item: Pick<LearningItemRow, 'title' | 'authors'>) => `${fromItem(item)}: what did you take away?`;

export function highlightPrompt(item: Pick<LearningItemRow, 'title' | 'authors'>, highlight: Pick<HighlightRow, 'page' | 'location'>): string {
  const where = highlight.page ? `, page ${highlight.page}` : highlight.location ? `, location ${highlight.location}` : '';
  return `${fromItem(item)}${where}: what does the passage you highlighted say?`;
}

function toReviewItem(row: CardWithSource): ReviewItem {
  return {
    id: row.id,
    front: row.front,
    back: row.back,
    source: sourceOf(row.item_title, row.item_authors),
    due: row.due,
    kind: row.kind,
    itemId: row.item_id,
  };
}

function toReviewCard(row: CardWithSource): ReviewCard {
  return {
    ...toReviewItem(row),
    highlightId: row.highlight_id,
    state: cardStateName(row.state),
    reps: row.reps,
    lapses: row.lapses,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduled_days,
    lastReview: row.last_review,
    createdAt: row.created_at,
  };
}

/** A card's schedule as its columns. */
function scheduleColumns(schedule: CardSchedule) {
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state,
    last_review: schedule.lastReview,
  };
}

function scheduleOf(row: CardRow): CardSchedule {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsed_days,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.last_review,
  };
}

/** A new card, due at once: FSRS's empty card created now. */
function newCardRow(ctx: Context, fields: { item: LearningItemRow; highlightId: string | null; kind: CardKind; front: string; back: string }): CardWithSource {
  const now = ctx.now();
  return {
    id: newId(now.getTime()),
    person_id: ctx.personId,
    item_id: fields.item.id,
    highlight_id: fields.highlightId,
    kind: fields.kind,
    front: fields.front,
    back: fields.back,
    ...scheduleColumns(newCardSchedule(now)),
    suspended: 0,
    created_at: now.toISOString(),
    item_title: fields.item.title,
    item_authors: fields.item.authors,
  };
}

async function saveNewCard(db: Db, row: CardWithSource): Promise<ReviewCard> {
  const { item_title: _t, item_authors: _a, ...card } = row;
  await insertCard(db, card);
  return toReviewCard(row);
}

/** `grow learn takeaway ITEM TEXT`: what the person took away from an item, as a card to review. */
export async function addTakeaway(ctx: Context, itemRef: string, raw: unknown): Promise<ReviewCard> {
  const input = parseInput(takeawayCreateSchema, raw);
  return inTransaction(ctx.store, async (trx) => {
    const item = await resolveLearningItem(trx, ctx.personId, itemRef);
    const row = newCardRow(ctx, { item, highlightId: null, kind: 'takeaway', front: input.front ?? takeawayPrompt(item), back: input.text });
    return saveNewCard(trx, row);
  });
}

/**
 * A highlight made a card (one card per highlight): the passage is the answer, with the
 * highlight's note and the person's own words after it when there are any. `itemRef`, when given,
 * must be the highlight's item (the CLI names both).
 */
export async function addHighlightCard(ctx: Context, highlightId: string, raw: unknown = {}, itemRef?: string): Promise<ReviewCard> {
  const input = parseInput(highlightCardSchema, raw);
  try {
    return await makeHighlightCard(ctx, highlightId, input, itemRef);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request made this highlight a card between our check and our insert (the unique index caught it).
    const winner = await findCardOfHighlight(ctx.store.db, ctx.personId, highlightId);
    throw conflict('highlight', `${highlightId} is already card ${winner?.id ?? '(just made)'}`);
  }
}

async function makeHighlightCard(ctx: Context, highlightId: string, input: HighlightCardInput, itemRef: string | undefined): Promise<ReviewCard> {
  return inTransaction(ctx.store, async (trx) => {
    const named = itemRef === undefined ? undefined : await resolveLearningItem(trx, ctx.personId, itemRef);
    const highlight = await findPersonHighlight(trx, ctx.personId, highlightId);
    if (!highlight) throw notFound('highlight', highlightId);
    if (named && highlight.item_id !== named.id) {
      throw invalid('highlight', `${highlightId} is a highlight of another item, not of "${named.title}"`);
    }
    const existing = await findCardOfHighlight(trx, ctx.personId, highlight.id);
    if (existing) throw conflict('highlight', `${highlight.id} is already card ${existing.id}`);
    const item = named ?? (await findLearningItemById(trx, ctx.personId, highlight.item_id));
    if (!item) throw notFound('item', highlight.item_id);
    const back = [highlight.text, highlight.note, input.text].filter((part): part is string => Boolean(part?.trim())).join('\n\n');
    const row = newCardRow(ctx, { item, highlightId: highlight.id, kind: 'highlight', front: input.front ?? highlightPrompt(item, highlight), back });
    return saveNewCard(trx, row);
  });
}

/** Cards due now, oldest due first (`all`: every card, by due). */
export async function listReview(ctx: Context, raw: unknown = {}): Promise<ReviewItem[]> {
  const input = parseInput(reviewListSchema, raw);
  const rows = await listCards(ctx.store.db, ctx.personId, { dueBy: input.all ? undefined : ctx.now().toISOString(), limit: input.limit });
  return rows.map(toReviewItem);
}

/** How many cards are due now, for the dashboard. */
export async function reviewsDue(ctx: Context): Promise<number> {
  return countDueCards(ctx.store.db, ctx.personId, ctx.now().toISOString());
}

export async function getCard(ctx: Context, id: string): Promise<ReviewCard> {
  const row = await findCard(ctx.store.db, ctx.personId, id);
  if (!row) throw notFound('card', id);
  return toReviewCard(row);
}

/** The cards made from an item, oldest first: its takeaways and highlight cards, for the item's page. */
export async function listItemCards(ctx: Context, itemId: string): Promise<ReviewCard[]> {
  return (await listCardsOfItems(ctx.store.db, ctx.personId, [itemId])).map(toReviewCard);
}

/**
 * Grades one card now: FSRS gives its next state and due date; the card and one review-log row
 * are written in one transaction.
 */
export async function gradeCard(ctx: Context, id: string, raw: unknown): Promise<ReviewCard> {
  const { rating } = parseInput(cardGradeSchema, raw);
  const now = ctx.now();
  return inTransaction(ctx.store, async (trx) => {
    const row = await findCardForUpdate(trx, ctx.personId, id);
    if (!row) throw notFound('card', id);
    const { schedule, log } = gradeSchedule(scheduleOf(row), now, rating);
    await updateCard(trx, row.id, scheduleColumns(schedule));
    await insertReviewLog(trx, {
      id: newId(now.getTime()),
      card_id: row.id,
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsedDays,
      last_elapsed_days: log.lastElapsedDays,
      scheduled_days: log.scheduledDays,
      learning_steps: log.learningSteps,
      review: log.review,
    });
    const saved = await findCard(trx, ctx.personId, row.id);
    if (!saved) throw new AppError('internal', `card: ${row.id} vanished while being graded`);
    return toReviewCard(saved);
  });
}

export async function removeCard(ctx: Context, id: string): Promise<{ id: string; removed: true }> {
  const removed = await inTransaction(ctx.store, (trx) => deleteCard(trx, ctx.personId, id));
  if (!removed) throw notFound('card', id);
  return { id, removed: true };
}
