import type { Db } from './habit.repository.js';
import type { ActivityRow, SkillAssessmentRow } from './schema.js';

// Path fit's own reads: only the columns the model uses, one query per table, no ordering (the
// model picks the latest and most recent rows itself in one pass).

export type AssessmentLevelRow = Pick<SkillAssessmentRow, 'id' | 'skill_id' | 'level' | 'date' | 'created_at'>;
export type ActivityFeelingRow = Pick<ActivityRow, 'id' | 'date' | 'minutes' | 'skills' | 'energy' | 'ease'>;

/** Every assessment of a person up to a day (index skill_assessment_person_skill_date, by person_id). */
export async function listAssessmentLevels(db: Db, personId: string, to: string): Promise<AssessmentLevelRow[]> {
  return db
    .selectFrom('skill_assessment')
    .select(['id', 'skill_id', 'level', 'date', 'created_at'])
    .where('person_id', '=', personId)
    .where('date', '<=', to)
    .execute();
}

/** Every activity of a person up to a day (index activity_person_date). */
export async function listActivityFeelings(db: Db, personId: string, to: string): Promise<ActivityFeelingRow[]> {
  return db
    .selectFrom('activity')
    .select(['id', 'date', 'minutes', 'skills', 'energy', 'ease'])
    .where('person_id', '=', personId)
    .where('date', '<=', to)
    .execute();
}
