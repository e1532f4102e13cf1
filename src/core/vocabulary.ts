/**
 * Every closed list of words grow speaks, each listed once. The zod enums of src/schemas, the
 * OpenAPI document, the CLI's choices and the web app's selects are all made from these lists, so a
 * word added here reaches every edge and a word cannot exist in one edge only.
 */

/** Habits: to build, or to break. */
export const HABIT_KINDS = ['build', 'break'] as const;
export type HabitKind = (typeof HABIT_KINDS)[number];

/** What a check-in records: done (or kept, for a habit to break), skipped, or a slip. */
export const CHECK_IN_STATUSES = ['done', 'skipped', 'slip'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** A day of a habit's history: a check-in, or what the schedule makes of a day without one. */
export const HISTORY_STATUSES = [...CHECK_IN_STATUSES, 'missed', 'auto'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const NEVER_MISS_TWICE_STATES = ['ok', 'missed-once', 'missed-twice'] as const;
export type NeverMissTwice = (typeof NEVER_MISS_TWICE_STATES)[number];

/** The Atomic Habits scorecard: a good, bad or neutral habit. */
export const SCORECARD_RATINGS = ['+', '-', '='] as const;
export type ScorecardRating = (typeof SCORECARD_RATINGS)[number];

/** Skills, and so practice and balance, are technical or soft. */
export const SKILL_KINDS = ['technical', 'soft'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

/** A session of the kept weekly plan: still planned, done (its practice logged), or skipped. */
export const SESSION_STATUSES = ['planned', 'done', 'skipped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** A session as shown: a planned one whose day has passed is missed, and counts in next week's plan. */
export const SESSION_VIEW_STATUSES = [...SESSION_STATUSES, 'missed'] as const;
export type SessionViewStatus = (typeof SESSION_VIEW_STATUSES)[number];

/** A track is a ladder of levels or a specialization. */
export const TRACK_TYPES = ['ladder', 'specialization'] as const;
export type TrackType = (typeof TRACK_TYPES)[number];

/** What a skill gap is measured against. */
export const GAP_BASES = ['asked', 'target', 'next'] as const;
export type GapBasis = (typeof GAP_BASES)[number];

/** Security facets: breadth first, then a T shape. */
export const FACET_STATUSES = ['unexplored', 'exploring', 'specializing'] as const;
export type FacetStatus = (typeof FACET_STATUSES)[number];

/** How an experiment on a path went. */
export const OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EXPERIMENT_STATUSES = ['open', 'overdue', 'closed'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** The library. */
export const LEARNING_KINDS = ['book', 'article', 'course', 'talk'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];
export const LEARNING_STATUSES = ['want', 'reading', 'read', 'abandoned'] as const;
export type LearningStatus = (typeof LEARNING_STATUSES)[number];
/** Where a library item came from, when it was imported. */
export const LIBRARY_SOURCES = ['goodreads', 'storygraph', 'kindle', 'readwise'] as const;
export type LibrarySource = (typeof LIBRARY_SOURCES)[number];

/**
 * Every file format grow imports, one entry each in the import registry
 * (src/services/import.registry.ts): Loop Habit Tracker, the library sources, Jekyll posts,
 * career framework files and grow's own JSON backup.
 */
export const IMPORT_SOURCES = ['loop', ...LIBRARY_SOURCES, 'jekyll', 'framework', 'json'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Spaced review: what a card holds, its FSRS state, and the four grades in the order of their keys 1–4. */
export const CARD_KINDS = ['takeaway', 'highlight'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];
export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type Grade = (typeof GRADES)[number];

/** The journal. */
export const JOURNAL_KINDS = ['entry', 'weekly-review', 'reflection'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
export const VISIBILITIES = ['private', 'shared'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Team mode: who supports whom, what a relation is at, and the areas a person may share in one. */
export const RELATION_ROLES = ['mentor', 'manager'] as const;
export type RelationRole = (typeof RELATION_ROLES)[number];
export const RELATION_STATUSES = ['pending', 'accepted', 'declined', 'ended'] as const;
export type RelationStatus = (typeof RELATION_STATUSES)[number];
export const SHARE_AREAS = ['skills', 'habits', 'practice', 'learning', 'path', 'journal'] as const;
export type ShareArea = (typeof SHARE_AREAS)[number];

/** The codes of AppError; each edge maps them once (HTTP statuses, exit codes). */
export const ERROR_CODES = ['validation_failed', 'not_found', 'conflict', 'forbidden', 'unauthenticated', 'usage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** "a, b or c": how a message names the words a field accepts. */
export function wordsOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
