import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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
}

export interface HabitTable {
  id: string;
  person_id: string;
  slug: string;
  name: string;
  kind: 'build' | 'break';
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
  loop_uuid: string | null;
  created_at: string;
  updated_at: string;
}

export interface HabitCheckInTable {
  id: string;
  habit_id: string;
  date: string;
  status: 'done' | 'skipped' | 'slip';
  amount: number | null;
  note: string | null;
  created_at: string;
}

export interface ScorecardItemTable {
  id: string;
  person_id: string;
  position: number;
  text: string;
  rating: '+' | '-' | '=';
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
  status: 'unexplored' | 'exploring' | 'specializing';
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
  outcome: 'positive' | 'neutral' | 'negative' | null;
  note: string | null;
  closed_on: string | null;
  created_at: string;
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
  scorecard_item: ScorecardItemTable;
  auth_token: AuthTokenTable;
}

export type PersonRow = Selectable<PersonTable>;
export type HabitRow = Selectable<HabitTable>;
export type NewHabitRow = Insertable<HabitTable>;
export type HabitUpdate = Updateable<HabitTable>;
export type CheckInRow = Selectable<HabitCheckInTable>;
export type ScorecardItemRow = Selectable<ScorecardItemTable>;
export type AuthTokenRow = Selectable<AuthTokenTable>;
export type FrameworkRow = Selectable<FrameworkTable>;
export type SkillAssessmentRow = Selectable<SkillAssessmentTable>;
export type CareerTargetRow = Selectable<CareerTargetTable>;
export type FacetStatusRow = Selectable<FacetStatusTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ExperimentRow = Selectable<ExperimentTable>;
export type { Generated };
