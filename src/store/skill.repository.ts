import type { Db } from './habit.repository.js';
import type { EvidenceRow, FacetStatusRow, SkillAssessmentRow } from './schema.js';

/** Every assessment of a person, in one query: by skill, then date, then creation. */
export async function listAssessments(db: Db, personId: string): Promise<SkillAssessmentRow[]> {
  return db
    .selectFrom('skill_assessment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('skill_id')
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One skill's history, oldest first (index skill_assessment_person_skill_date). */
export async function listSkillHistory(db: Db, personId: string, skillId: string): Promise<SkillAssessmentRow[]> {
  return db
    .selectFrom('skill_assessment')
    .selectAll()
    .where('person_id', '=', personId)
    .where('skill_id', '=', skillId)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The latest creation instant among a skill's assessments, to keep creation order strict. */
export async function lastAssessmentCreatedAt(db: Db, personId: string, skillId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('skill_assessment')
    .select((eb) => eb.fn.max<string | null>('created_at').as('last'))
    .where('person_id', '=', personId)
    .where('skill_id', '=', skillId)
    .executeTakeFirst();
  return row?.last ?? undefined;
}

export async function insertAssessment(db: Db, row: SkillAssessmentRow): Promise<void> {
  await db.insertInto('skill_assessment').values(row).execute();
}

export async function insertEvidence(db: Db, row: EvidenceRow): Promise<void> {
  await db.insertInto('evidence').values(row).execute();
}

/**
 * A person's evidence, oldest first (index evidence_person_date). With a skill, only the entries
 * naming it: the JSON text is narrowed in SQL, and the caller checks the exact id.
 */
export async function listEvidenceRows(db: Db, personId: string, options: { skill?: string } = {}): Promise<EvidenceRow[]> {
  let query = db.selectFrom('evidence').selectAll().where('person_id', '=', personId);
  if (options.skill !== undefined) {
    // A wildcard (% or _) in an id can only widen the match; the caller keeps exact matches.
    query = query.where('skills', 'like', `%${JSON.stringify(options.skill)}%`);
  }
  return query.orderBy('date').orderBy('created_at').orderBy('id').execute();
}

export async function listFacetStatuses(db: Db, personId: string): Promise<FacetStatusRow[]> {
  return db.selectFrom('facet_status').selectAll().where('person_id', '=', personId).orderBy('facet_id').execute();
}

/** One status per person and facet: setting it again replaces it. */
export async function putFacetStatus(db: Db, row: FacetStatusRow): Promise<void> {
  await db
    .insertInto('facet_status')
    .values(row)
    .onConflict((oc) => oc.columns(['person_id', 'facet_id']).doUpdateSet({ status: row.status, updated_at: row.updated_at }))
    .execute();
}
