import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Row types. Booleans are 0/1 integers so SQLite and PostgreSQL read the same values. */
export interface PersonTable {
  id: string;
  name: string;
  time_zone: string | null;
  created_at: string;
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
  kind: 'login' | 'session' | 'api';
  label: string | null;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
}

export interface Database {
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
export type { Generated };
