/**
 * Test data for path fit: assessments and activities inserted the way a repository does (the
 * services that write them belong to other areas), and the personas of docs/path-fit.md.
 */
import { addDays } from '../../src/core/calendar.js';
import type { ActivityFact, AssessmentFact } from '../../src/core/path-fit.js';
import type { Db } from '../../src/store/habit.repository.js';
import type { ActivityRow, SkillAssessmentRow } from '../../src/store/schema.js';

export const TODAY = '2026-11-23';

let counter = 0;
/** Ids that sort in creation order and never collide within a run. */
export const testId = (prefix: string): string => `${prefix}-${String(++counter).padStart(8, '0')}`;

export interface PersonaData {
  assessments: AssessmentFact[];
  activities: ActivityFact[];
}

export async function insertAssessmentRows(db: Db, personId: string, facts: AssessmentFact[]): Promise<void> {
  const rows: SkillAssessmentRow[] = facts.map((a) => ({
    id: a.id,
    person_id: personId,
    skill_id: a.skillId,
    level: a.level,
    date: a.date,
    evidence: null,
    note: null,
    created_at: a.createdAt,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('skill_assessment')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertActivityRows(db: Db, personId: string, facts: ActivityFact[]): Promise<void> {
  const rows: ActivityRow[] = facts.map((a) => ({
    id: a.id,
    person_id: personId,
    text: `activity ${a.id}`,
    date: a.date,
    minutes: a.minutes,
    skills: JSON.stringify(a.skills),
    energy: a.energy,
    ease: a.ease,
    created_at: `${a.date}T18:00:00.000Z`,
  }));
  // 9 columns a row: 500 rows stay under SQLite's and PostgreSQL's limits on bound parameters.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('activity')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertPersona(db: Db, personId: string, data: PersonaData): Promise<void> {
  await insertAssessmentRows(db, personId, data.assessments);
  await insertActivityRows(db, personId, data.activities);
}

export function assessment(skillId: string, level: number, date = addDays(TODAY, -30)): AssessmentFact {
  return { id: testId('as'), skillId, level, date, createdAt: `${date}T09:00:00.000Z` };
}

export function ratings(levels: Record<string, number>, date?: string): AssessmentFact[] {
  return Object.entries(levels).map(([skill, level]) => assessment(skill, level, date));
}

export function activity(date: string, skills: string[], energy: number | null, ease: number | null, minutes = 60): ActivityFact {
  return { id: testId('ac'), date, minutes, skills, energy, ease };
}

/** One activity every `every` days over the last `days` days, ending yesterday. */
export function routine(days: number, every: number, skills: string[], energy: number | null, ease: number | null, minutes = 60): ActivityFact[] {
  const out: ActivityFact[] = [];
  for (let d = days; d >= 1; d -= every) out.push(activity(addDays(TODAY, -d), skills, energy, ease, minutes));
  return out;
}

const MID = {
  'code-craft': 2,
  testing: 2,
  debugging: 2,
  'system-design': 2,
  'data-and-databases': 2,
  'operations-and-reliability': 2,
  'security-fundamentals': 2,
  communication: 2,
  empathy: 2,
  feedback: 2,
  'coaching-and-teaching': 1,
  'advocacy-and-sponsorship': 1,
  recognition: 1,
  'shielding-the-team': 1,
  humility: 2,
  influence: 1,
  'planning-and-delivery': 2,
  'handling-conflict': 1,
  hiring: 1,
};

/** Energized by teaching and mentoring, drained by deep solo work; soft skills rated higher. */
export function teacher(): PersonaData {
  return {
    assessments: [
      ...ratings({ ...MID, 'code-craft': 1 }, addDays(TODAY, -200)), // an old rating the latest replaces
      ...ratings({
        ...MID,
        communication: 3,
        empathy: 3,
        feedback: 3,
        'coaching-and-teaching': 3,
        recognition: 3,
        'planning-and-delivery': 3,
        'handling-conflict': 2,
        humility: 3,
      }),
    ],
    activities: [
      ...routine(84, 3, ['coaching-and-teaching', 'feedback'], 2, 4, 45), // mentoring juniors
      ...routine(84, 7, ['recognition', 'communication'], 1, 4, 30), // writing kudos
      ...routine(84, 2, ['code-craft', 'system-design'], -2, 2, 120), // deep solo work
    ],
  };
}

/** The opposite: energized by deep solo work, drained by mentoring and 1:1s. */
export function builder(): PersonaData {
  return {
    assessments: ratings({
      ...MID,
      'code-craft': 3,
      testing: 3,
      debugging: 3,
      'system-design': 3,
      'data-and-databases': 3,
      'operations-and-reliability': 3,
    }),
    activities: [
      ...routine(84, 2, ['code-craft', 'system-design'], 2, 4, 120),
      ...routine(84, 4, ['testing', 'data-and-databases'], 1, 4, 60),
      ...routine(84, 7, ['coaching-and-teaching', 'feedback'], -2, 2, 45),
      ...routine(84, 14, ['hiring'], -1, 2, 60),
    ],
  };
}

/** A generalist whose ordinary work is neutral, without and with a growing curiosity for security. */
export function generalist(): PersonaData {
  return {
    assessments: ratings(MID),
    activities: [...routine(84, 2, ['code-craft', 'testing'], 0, 3, 90), ...routine(84, 7, ['feedback', 'planning-and-delivery'], 0, 3, 45)],
  };
}

export function securityCurious(): PersonaData {
  const base = generalist();
  return {
    assessments: [...base.assessments, assessment('security-fundamentals', 3, addDays(TODAY, -5))],
    activities: [
      ...base.activities,
      ...routine(56, 4, ['security-fundamentals'], 2, 3, 60), // threat models, a CTF on weekends
      ...routine(56, 7, ['security-fundamentals', 'debugging'], 2, 3, 90), // fixing findings
    ],
  };
}

/**
 * The bug of issue 9: technical skills rated highest and practised with energy, a 2 in security
 * fundamentals and no security practice (the manager experiment that went badly is the caller's).
 */
export function technicalPerson(): PersonaData {
  return {
    assessments: ratings({
      ...MID,
      'code-craft': 4,
      testing: 4,
      debugging: 4,
      'system-design': 4,
      'data-and-databases': 4,
      'operations-and-reliability': 3,
      'security-fundamentals': 2,
      communication: 3,
      humility: 3,
      'planning-and-delivery': 3,
    }),
    activities: [
      ...routine(90, 2, ['code-craft', 'testing'], 2, 4, 120),
      ...routine(90, 5, ['system-design'], 2, 4, 90),
      ...routine(90, 9, ['debugging'], 1, 4, 60),
    ],
  };
}
