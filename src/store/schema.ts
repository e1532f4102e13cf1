import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CardKind,
  CheckInStatus,
  FacetStatus,
  HabitKind,
  JournalKind,
  LearningKind,
  LearningStatus,
  LibrarySource,
  Outcome,
  ScorecardRating,
  SessionStatus,
  SkillKind,
  Visibility,
} from '../core/vocabulary.js';

/** Row types. Booleans are 0/1 integers so SQLite and PostgreSQL read the same values. */
export interface PersonTable {
  id: string;
  name: string;
  time_zone: string | null;
  created_at: string;
  /** Share of practice meant for technical skills, 0..1; null means 0.5. */
  technical_ratio: number | null;
  /** The framework the person measures against; null means the built-in one. */
  active_framework_id: string | null;
  /** The plan's hours a week; null means the default (3). */
  plan_hours: number | null;
  /** The plan's days, e.g. "mon,wed,fri"; null means the default (mon..fri). */
  plan_days: string | null;
}

export interface HabitTable {
  id: string;
  person_id: string;
  slug: string;
  name: string;
  kind: HabitKind;
  schedule: string;
  target: number | null;
  unit: string | null;
  identity: string | null;
  when_text: string | null;
  where_text: string | null;
  after_habit_id: string | null;
  after_text: string | null;
  two_minute: string | null;
  bundle: string | null;
  law_obvious: string | null;
  law_attractive: string | null;
  law_easy: string | null;
  law_satisfying: string | null;
  group_name: string | null;
  skills: string; // JSON array of tags
  archived: number;
  position: number;
  start_date: string;
  /** The day N-in-M-days blocks count from; set once, never moved by a back-dated check-in. */
  anchor_date: Generated<string>;
  /** The name case-folded (habitNameKey), unique per person: "Read" and "read" cannot coexist. */
  name_key: Generated<string>;
  loop_uuid: string | null;
  created_at: string;
  updated_at: string;
}

export interface HabitCheckInTable {
  id: string;
  habit_id: string;
  date: string;
  status: CheckInStatus;
  amount: number | null;
  note: string | null;
  created_at: string;
}

/** A habit's daily numbers settled up to a day (core StatsSnapshot as JSON), for these rules. */
export interface HabitSnapshotTable {
  habit_id: string;
  rules_key: string;
  state: string;
}

export interface ScorecardItemTable {
  id: string;
  person_id: string;
  position: number;
  text: string;
  rating: ScorecardRating;
  time_text: string | null;
  habit_id: string | null;
  created_at: string;
}

export interface AuthTokenTable {
  /** SHA-256 of the secret; the secret itself is never stored. */
  id: string;
  person_id: string;
  kind: 'login' | 'session' | 'api' | 'calendar';
  label: string | null;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
}

export interface FrameworkTable {
  id: string;
  person_id: string;
  name: string;
  version: string | null;
  content: string; // the validated framework document, JSON
  created_at: string;
}

export interface SkillAssessmentTable {
  id: string;
  person_id: string;
  skill_id: string;
  level: number;
  date: string;
  evidence: string | null;
  note: string | null;
  created_at: string;
}

export interface CareerTargetTable {
  person_id: string;
  track: string;
  level: string;
  by_date: string | null;
  set_at: string;
}

export interface FacetStatusTable {
  person_id: string;
  facet_id: string;
  status: FacetStatus;
  updated_at: string;
}

export interface EvidenceTable {
  id: string;
  person_id: string;
  text: string;
  skills: string; // JSON array of skill ids
  date: string;
  link: string | null;
  created_at: string;
}

export interface ActivityTable {
  id: string;
  person_id: string;
  text: string;
  date: string;
  minutes: number;
  skills: string; // JSON array of skill ids
  energy: number | null;
  ease: number | null;
  created_at: string;
}

export interface ExperimentTable {
  id: string;
  person_id: string;
  title: string;
  track: string;
  hypothesis: string;
  started_on: string;
  until: string;
  outcome: Outcome | null;
  note: string | null;
  closed_on: string | null;
  created_at: string;
}

export type { LearningKind, LearningStatus };

export interface LearningItemTable {
  id: string;
  person_id: string;
  kind: LearningKind;
  title: string;
  /** Made from the title when the item is added, unique per person, kept when the title changes. */
  slug: string;
  authors: string; // JSON array of names
  isbn10: string | null;
  isbn13: string | null;
  pages: number | null;
  url: string | null;
  recommended_by: string | null;
  skills: string; // JSON array of skill ids
  status: LearningStatus;
  progress_page: number | null;
  /** 0..100; kept when progress is given as a percentage (no page count, or an ebook). */
  progress_percent: number | null;
  /** 0..5 in quarter steps; null means unrated. */
  rating: number | null;
  review: string | null;
  shelves: string; // JSON array
  started_at: string | null;
  finished_at: string | null;
  added_at: string;
  /** Folded title and first author's last name: matches a book across sources without a shared id. */
  match_key: string;
  source: LibrarySource | null;
  /** The source's own id for the item (Goodreads Book Id, StoryGraph ISBN/UID). */
  source_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningNoteTable {
  id: string;
  item_id: string;
  text: string;
  source: string | null;
  source_key: string | null;
  created_at: string;
}

export interface HighlightTable {
  id: string;
  item_id: string;
  text: string;
  note: string | null;
  page: string | null;
  location: string | null;
  location_start: number | null;
  location_end: number | null;
  color: string | null;
  tags: string; // JSON array
  /** ISO-8601 UTC when the source gives a zone; otherwise the source's local time, as written. */
  highlighted_at: string | null;
  highlighted_raw: string | null;
  source: string;
  /** Identifies the highlight on re-import, per item. */
  source_key: string;
  created_at: string;
}

export interface CardTable {
  id: string;
  person_id: string;
  item_id: string | null;
  highlight_id: string | null;
  kind: CardKind;
  front: string;
  back: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review: string | null;
  suspended: number;
  created_at: string;
}

export interface ReviewLogTable {
  id: string;
  card_id: string;
  /** ts-fsrs Rating: 1 again, 2 hard, 3 good, 4 easy. */
  rating: number;
  state: number;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: string;
}

export interface JournalEntryTable {
  id: string;
  person_id: string;
  title: string | null;
  body: string;
  date: string;
  /** Local wall time HH:MM or HH:MM:SS, when known. */
  time: string | null;
  /** The offset of that time from UTC, +HH:MM, when known. */
  utc_offset: string | null;
  tags: string; // JSON array
  categories: string; // JSON array
  kind: JournalKind;
  period_from: string | null;
  period_to: string | null;
  visibility: Visibility;
  /** An imported Jekyll post: everything before the body, exactly as read (fences included). */
  front_matter: string | null;
  /** An imported post's file name, e.g. 2024-03-05-on-feedback.md. */
  source_name: string | null;
  created_at: string;
  updated_at: string;
}

/** One session of a kept week (see migration 0009). */
export interface PlanSessionTable {
  id: string;
  person_id: string;
  /** The Monday of the session's week. */
  week_start: string;
  date: string;
  skill_id: string;
  kind: SkillKind;
  minutes: number;
  why: string;
  position: number;
  status: SessionStatus;
  activity_id: string | null;
  /** The id of the missed session of the week before that this one carries. */
  carried_from: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  framework: FrameworkTable;
  skill_assessment: SkillAssessmentTable;
  career_target: CareerTargetTable;
  facet_status: FacetStatusTable;
  evidence: EvidenceTable;
  activity: ActivityTable;
  experiment: ExperimentTable;
  person: PersonTable;
  habit: HabitTable;
  habit_check_in: HabitCheckInTable;
  habit_snapshot: HabitSnapshotTable;
  scorecard_item: ScorecardItemTable;
  auth_token: AuthTokenTable;
  learning_item: LearningItemTable;
  learning_note: LearningNoteTable;
  highlight: HighlightTable;
  card: CardTable;
  review_log: ReviewLogTable;
  journal_entry: JournalEntryTable;
  plan_session: PlanSessionTable;
}

export type PersonRow = Selectable<PersonTable>;
export type HabitRow = Selectable<HabitTable>;
export type NewHabitRow = Insertable<HabitTable>;
export type HabitUpdate = Updateable<HabitTable>;
export type CheckInRow = Selectable<HabitCheckInTable>;
export type HabitSnapshotRow = Selectable<HabitSnapshotTable>;
export type ScorecardItemRow = Selectable<ScorecardItemTable>;
export type AuthTokenRow = Selectable<AuthTokenTable>;
export type FrameworkRow = Selectable<FrameworkTable>;
export type SkillAssessmentRow = Selectable<SkillAssessmentTable>;
export type CareerTargetRow = Selectable<CareerTargetTable>;
export type FacetStatusRow = Selectable<FacetStatusTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ExperimentRow = Selectable<ExperimentTable>;
export type LearningItemRow = Selectable<LearningItemTable>;
export type LearningNoteRow = Selectable<LearningNoteTable>;
export type HighlightRow = Selectable<HighlightTable>;
export type CardRow = Selectable<CardTable>;
export type ReviewLogRow = Selectable<ReviewLogTable>;
export type JournalEntryRow = Selectable<JournalEntryTable>;
export type PlanSessionRow = Selectable<PlanSessionTable>;
export type { Generated };
