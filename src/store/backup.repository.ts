import type { Db } from './habit.repository.js';
import type {
  ActivityRow,
  CheckInRow,
  EvidenceRow,
  ExperimentRow,
  FacetStatusRow,
  FrameworkRow,
  HabitRow,
  HighlightRow,
  JournalEntryRow,
  LearningItemRow,
  LearningNoteRow,
  ReviewLogRow,
  CardRow,
  SkillAssessmentRow,
} from './schema.js';

/** The tables a backup restores, in an order that satisfies their references. */
const PERSON_TABLES = [
  'habit',
  'scorecard_item',
  'framework',
  'skill_assessment',
  'career_target',
  'facet_status',
  'evidence',
  'activity',
  'experiment',
  'learning_item',
  'card',
  'journal_entry',
] as const;

/** Whether the person holds anything a backup would restore. */
export async function hasPersonData(db: Db, personId: string): Promise<boolean> {
  for (const table of PERSON_TABLES) {
    const rows = await db.selectFrom(table).select('person_id').where('person_id', '=', personId).limit(1).execute();
    if (rows.length > 0) return true;
  }
  return false;
}

export async function allFrameworkRows(db: Db, personId: string): Promise<FrameworkRow[]> {
  return db.selectFrom('framework').selectAll().where('person_id', '=', personId).orderBy('id').execute();
}

export async function allAssessmentRows(db: Db, personId: string): Promise<SkillAssessmentRow[]> {
  return db.selectFrom('skill_assessment').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('created_at').orderBy('id').execute();
}

export async function allFacetRows(db: Db, personId: string): Promise<FacetStatusRow[]> {
  return db.selectFrom('facet_status').selectAll().where('person_id', '=', personId).orderBy('facet_id').execute();
}

export async function allEvidenceRows(db: Db, personId: string): Promise<EvidenceRow[]> {
  return db.selectFrom('evidence').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('id').execute();
}

export async function allActivityRows(db: Db, personId: string): Promise<ActivityRow[]> {
  return db.selectFrom('activity').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('created_at').orderBy('id').execute();
}

export async function allExperimentRows(db: Db, personId: string): Promise<ExperimentRow[]> {
  return db.selectFrom('experiment').selectAll().where('person_id', '=', personId).orderBy('started_on').orderBy('id').execute();
}

export async function allHabitRows(db: Db, personId: string): Promise<HabitRow[]> {
  return db.selectFrom('habit').selectAll().where('person_id', '=', personId).orderBy('position').orderBy('id').execute();
}

export async function allCheckInRows(db: Db, personId: string): Promise<CheckInRow[]> {
  return db
    .selectFrom('habit_check_in')
    .innerJoin('habit', 'habit.id', 'habit_check_in.habit_id')
    .selectAll('habit_check_in')
    .where('habit.person_id', '=', personId)
    .orderBy('habit_check_in.habit_id')
    .orderBy('habit_check_in.date')
    .execute();
}

export interface LearningAndJournalRows {
  items: LearningItemRow[];
  notes: LearningNoteRow[];
  highlights: HighlightRow[];
  cards: CardRow[];
  reviews: ReviewLogRow[];
  journal: JournalEntryRow[];
}

/** Everything of the library, review and journal, one query per table, in a stable order. */
export async function allLearningAndJournalRows(db: Db, personId: string): Promise<LearningAndJournalRows> {
  const items = await db.selectFrom('learning_item').selectAll().where('person_id', '=', personId).orderBy('added_at').orderBy('id').execute();
  const notes = await db
    .selectFrom('learning_note')
    .innerJoin('learning_item', 'learning_item.id', 'learning_note.item_id')
    .selectAll('learning_note')
    .where('learning_item.person_id', '=', personId)
    .orderBy('learning_note.created_at')
    .orderBy('learning_note.id')
    .execute();
  const highlights = await db
    .selectFrom('highlight')
    .innerJoin('learning_item', 'learning_item.id', 'highlight.item_id')
    .selectAll('highlight')
    .where('learning_item.person_id', '=', personId)
    .orderBy('highlight.id')
    .execute();
  const cards = await db.selectFrom('card').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  const reviews = await db
    .selectFrom('review_log')
    .innerJoin('card', 'card.id', 'review_log.card_id')
    .selectAll('review_log')
    .where('card.person_id', '=', personId)
    .orderBy('review_log.review')
    .orderBy('review_log.id')
    .execute();
  const journal = await db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('id').execute();
  return { items, notes, highlights, cards, reviews, journal };
}
