/**
 * When a card is next due: FSRS, through ts-fsrs, behind two pure functions. Instants come in and
 * go out as ISO-8601 UTC text, as the store keeps them; "now" is always a parameter.
 * Kept apart from review.ts (the grades and keys) so the CLI's start and the web app do not load
 * the scheduler.
 */
import { type Card, type Grade as FsrsGrade, Rating, State, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import type { CardState, Grade } from './vocabulary.js';

/** A card's FSRS state, with its instants as ISO-8601 UTC text. */
export interface CardSchedule {
  due: string;
  /** Memory stability in days: the interval at which recall drops to 90%. */
  stability: number;
  /** 1 (easy) … 10 (hard). */
  difficulty: number;
  elapsedDays: number;
  /** Whole days between the last review and the due date (0 while in (re)learning steps). */
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs's State as its number: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: string | null;
}

/** What one grade did, for the review log: the state before it and the grade. */
export interface ReviewLogEntry {
  rating: number;
  state: number;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: string;
}

/**
 * The one scheduler: ts-fsrs with its defaults (retention 0.9, learning steps 1m and 10m,
 * relearning 10m, maximum interval 100 years). Fuzz is off so that a grade always gives the same
 * due date: people (and tests) can predict it.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const FSRS_GRADES: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** The word for a stored state number; an unknown number reads as new. */
export const cardStateName = (state: number): CardState => STATE_NAMES[state as State] ?? 'new';

function fromCard(card: Card): CardSchedule {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

function toCard(schedule: CardSchedule): Card {
  return {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state as State,
    ...(schedule.lastReview ? { last_review: new Date(schedule.lastReview) } : {}),
  };
}

/** A new card, due at once. */
export const newCardSchedule = (now: Date): CardSchedule => fromCard(createEmptyCard(now));

/** Grades a card at `now`: its next state and due date, and the log entry of the grade. */
export function gradeSchedule(schedule: CardSchedule, now: Date, grade: Grade): { schedule: CardSchedule; log: ReviewLogEntry } {
  const { card, log } = scheduler.next(toCard(schedule), now, FSRS_GRADES[grade]);
  return {
    schedule: fromCard(card),
    log: {
      rating: log.rating,
      state: log.state,
      due: log.due.toISOString(),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      review: log.review.toISOString(),
    },
  };
}
