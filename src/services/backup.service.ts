import { AppError } from '../core/errors.js';
import { parseSchedule } from '../core/schedule.js';
import { type Backup, BACKUP_FORMAT, BACKUP_VERSION, parseBackup, serializeBackup } from '../formats/backup.format.js';
import {
  allActivityRows,
  allAssessmentRows,
  allCheckInRows,
  allEvidenceRows,
  allExperimentRows,
  allFacetRows,
  allFrameworkRows,
  allHabitRows,
  allLearningAndJournalRows,
  hasPersonData,
  type LearningAndJournalRows,
} from '../store/backup.repository.js';
import { findCareerTarget } from '../store/target.repository.js';
import { type HABIT_FIELD_COLUMNS, habitColumnsOf, habitFieldsOf, habitNameKey } from '../store/habit.repository.js';
import { groupBy } from '../core/collections.js';
import { findPerson } from '../store/person.repository.js';
import { listScorecardItems } from '../store/scorecard.repository.js';
import type { CheckInRow, HabitRow } from '../store/schema.js';
import { matchKey } from '../core/library.js';
import { claimSlug } from '../core/slug.js';
import { itemSlugBase } from '../store/learning.repository.js';
import type { Context } from './context.js';
import { type ImportPlan, type Importer, runImport } from './import.runner.js';
import { refreshSnapshots } from './habit.service.js';

const camelCase = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The library, card and journal tables are written to the backup column for column: camelCase
 * names, JSON list columns as lists, 0/1 flags as booleans.
 */
interface TableSpec {
  /** Columns holding a JSON list. */
  json?: string[];
  /** 0/1 columns, booleans in the file. */
  flags?: string[];
  /** Columns the file leaves out: the owner, parent keys the nesting gives, derived values. */
  omit?: string[];
  /** Fields of the file that are child lists, not columns. */
  nested?: string[];
}

function fieldsOf(row: object, spec: TableSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (spec.omit?.includes(column)) continue;
    out[camelCase(column)] = spec.json?.includes(column) ? JSON.parse(value as string) : spec.flags?.includes(column) ? value === 1 : value;
  }
  return out;
}

/** The inverse of fieldsOf, for rows read from a backup; `nested` keys are not columns. */
function columnsOf(fields: object, spec: TableSpec, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (spec.nested?.includes(field)) continue;
    const column = snakeCase(field);
    out[column] = spec.json?.includes(column) ? JSON.stringify(value) : spec.flags?.includes(column) ? (value ? 1 : 0) : value;
  }
  return { ...out, ...extra };
}

const ITEM = { json: ['authors', 'skills', 'shelves'], omit: ['person_id', 'match_key'], nested: ['notes', 'highlights'] };
const NOTE = { omit: ['item_id'] };
const HIGHLIGHT = { json: ['tags'], omit: ['item_id'] };
const CARD = { flags: ['suspended'], omit: ['person_id'], nested: ['reviews'] };
const REVIEW = { omit: ['card_id'] };
const ENTRY = { json: ['tags', 'categories'], omit: ['person_id'] };

/** The slug beside the title it was made from (the column itself came last, in migration 0007). */
function slugAfterTitle(fields: Record<string, unknown>): Record<string, unknown> {
  const { slug, ...rest } = fields;
  return Object.fromEntries(
    Object.entries(rest).flatMap(([key, value]) =>
      key === 'title'
        ? [
            [key, value],
            ['slug', slug],
          ]
        : [[key, value]],
    ),
  );
}

async function exportLearningAndJournal(ctx: Context): Promise<Pick<Backup, 'library' | 'cards' | 'journal'>> {
  const rows = await allLearningAndJournalRows(ctx.store.db, ctx.personId);
  const notes = groupBy(rows.notes, (n) => n.item_id);
  const highlights = groupBy(rows.highlights, (h) => h.item_id);
  const reviews = groupBy(rows.reviews, (r) => r.card_id);
  return {
    library: rows.items.map((item) => ({
      ...slugAfterTitle(fieldsOf(item, ITEM)),
      notes: (notes.get(item.id) ?? []).map((n) => fieldsOf(n, NOTE)),
      highlights: (highlights.get(item.id) ?? []).map((h) => fieldsOf(h, HIGHLIGHT)),
    })) as Backup['library'],
    cards: rows.cards.map((card) => ({ ...fieldsOf(card, CARD), reviews: (reviews.get(card.id) ?? []).map((r) => fieldsOf(r, REVIEW)) })) as Backup['cards'],
    journal: rows.journal.map((entry) => fieldsOf(entry, ENTRY)) as Backup['journal'],
  };
}

export async function exportBackup(ctx: Context): Promise<Backup> {
  const db = ctx.store.db;
  const person = await findPerson(db, ctx.personId);
  const habits = await allHabitRows(db, ctx.personId);
  const checkIns = await allCheckInRows(db, ctx.personId);
  const scorecard = await listScorecardItems(db, ctx.personId);
  const byHabit = groupBy(checkIns, (c) => c.habit_id);
  const frameworks = await allFrameworkRows(db, ctx.personId);
  const assessments = await allAssessmentRows(db, ctx.personId);
  const target = await findCareerTarget(db, ctx.personId);
  const facets = await allFacetRows(db, ctx.personId);
  const evidence = await allEvidenceRows(db, ctx.personId);
  const activities = await allActivityRows(db, ctx.personId);
  const experiments = await allExperimentRows(db, ctx.personId);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    person: {
      name: person?.name ?? 'me',
      timeZone: person?.time_zone ?? null,
      technicalRatio: person?.technical_ratio ?? null,
      activeFrameworkId: person?.active_framework_id ?? null,
    },
    habits: habits.map((h) => ({
      id: h.id,
      slug: h.slug,
      ...habitFieldsOf(h),
      afterHabitId: h.after_habit_id,
      afterText: h.after_text,
      skills: JSON.parse(h.skills) as string[],
      archived: h.archived === 1,
      position: h.position,
      startDate: h.start_date,
      anchorDate: h.anchor_date || h.start_date,
      loopUuid: h.loop_uuid,
      createdAt: h.created_at,
      updatedAt: h.updated_at,
      checkIns: (byHabit.get(h.id) ?? []).map((c) => ({
        id: c.id,
        date: c.date,
        status: c.status,
        amount: c.amount,
        note: c.note,
        createdAt: c.created_at,
      })),
    })),
    scorecard: scorecard.map((s) => ({
      id: s.id,
      position: s.position,
      text: s.text,
      rating: s.rating,
      time: s.time_text,
      habitId: s.habit_id,
      createdAt: s.created_at,
    })),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      content: JSON.parse(f.content) as Record<string, unknown>,
      createdAt: f.created_at,
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      skillId: a.skill_id,
      level: a.level,
      date: a.date,
      evidence: a.evidence,
      note: a.note,
      createdAt: a.created_at,
    })),
    target: target ? { track: target.track, level: target.level, byDate: target.by_date, setAt: target.set_at } : null,
    facets: facets.map((f) => ({ facetId: f.facet_id, status: f.status, updatedAt: f.updated_at })),
    evidence: evidence.map((e) => ({ id: e.id, text: e.text, skills: JSON.parse(e.skills) as string[], date: e.date, link: e.link, createdAt: e.created_at })),
    activities: activities.map((a) => ({
      id: a.id,
      text: a.text,
      date: a.date,
      minutes: a.minutes,
      skills: JSON.parse(a.skills) as string[],
      energy: a.energy,
      ease: a.ease,
      createdAt: a.created_at,
    })),
    experiments: experiments.map((e) => ({
      id: e.id,
      title: e.title,
      track: e.track,
      hypothesis: e.hypothesis,
      startedOn: e.started_on,
      until: e.until,
      outcome: e.outcome,
      note: e.note,
      closedOn: e.closed_on,
      createdAt: e.created_at,
    })),
    ...(await exportLearningAndJournal(ctx)),
  };
}

export async function exportBackupText(ctx: Context): Promise<string> {
  return serializeBackup(await exportBackup(ctx));
}

export interface ImportSummary {
  habits: number;
  checkIns: number;
  scorecard: number;
  frameworks: number;
  assessments: number;
  evidence: number;
  activities: number;
  experiments: number;
  library: number;
  cards: number;
  journal: number;
}

/** Reads a backup and checks that its rows agree with each other, naming the first that does not. */
function readBackup(content: string): Backup {
  const backup = parseBackup(content);
  const ids = new Set(backup.habits.map((h) => h.id));
  // Rows that contradict each other are named here, not left to fail on a database constraint.
  const seen = {
    id: new Set<string>(),
    slug: new Set<string>(),
    name: new Set<string>(),
    checkIn: new Set<string>(),
    line: new Set<string>(),
    loopUuid: new Set<string>(),
  };
  const once = (set: Set<string>, value: string, field: string, problem: string) => {
    if (set.has(value)) throw new AppError('validation_failed', `${field}: ${problem}`);
    set.add(value);
  };
  backup.habits.forEach((h, i) => {
    once(seen.id, h.id, `habits[${i}].id`, `a second habit with id ${h.id}`);
    once(seen.slug, h.slug, `habits[${i}].slug`, `a second habit with slug ${JSON.stringify(h.slug)}`);
    once(seen.name, h.name, `habits[${i}].name`, `a second habit named ${JSON.stringify(h.name)}`);
    if (h.loopUuid !== null) once(seen.loopUuid, h.loopUuid, `habits[${i}].loopUuid`, `a second habit with Loop uuid ${h.loopUuid}`);
    const dates = new Set<string>();
    h.checkIns.forEach((c, j) => {
      once(dates, c.date, `habits[${i}].checkIns[${j}].date`, `a second check-in on ${c.date}`);
      once(seen.checkIn, c.id, `habits[${i}].checkIns[${j}].id`, `a second check-in with id ${c.id}`);
    });
    try {
      parseSchedule(h.schedule);
    } catch (error) {
      throw new AppError('validation_failed', `habits[${i}].${error instanceof Error ? error.message : 'schedule: invalid'}`);
    }
    if (h.afterHabitId && !ids.has(h.afterHabitId))
      throw new AppError('validation_failed', `habits[${i}].afterHabitId: no habit with id ${h.afterHabitId} in the backup`);
  });
  backup.scorecard.forEach((s, i) => {
    once(seen.line, s.id, `scorecard[${i}].id`, `a second line with id ${s.id}`);
    if (s.habitId && !ids.has(s.habitId)) throw new AppError('validation_failed', `scorecard[${i}].habitId: no habit with id ${s.habitId} in the backup`);
  });
  checkLearningReferences(backup, once);
  for (const section of ['frameworks', 'assessments', 'evidence', 'activities', 'experiments', 'library', 'cards', 'journal'] as const) {
    const sectionIds = new Set<string>();
    for (const [i, row] of backup[section].entries()) once(sectionIds, row.id, `${section}[${i}].id`, `a second entry with id ${row.id}`);
  }
  const facetIds = new Set<string>();
  for (const [i, f] of backup.facets.entries()) once(facetIds, f.facetId, `facets[${i}].facetId`, `a second status for facet ${f.facetId}`);

  return backup;
}

/**
 * grow's own JSON backup, restored into a person with no data yet: every row comes back as it was
 * exported, ids and all.
 */
export const backupImporter: Importer<string, Backup, boolean, ImportSummary, Record<string, never>, HabitRow[]> = {
  read: (content) => readBackup(content),
  load: (db, ctx) => hasPersonData(db, ctx.personId),
  plan(backup, hasData, env) {
    if (hasData) throw new AppError('conflict', 'database: already holds data; restore a backup into an empty database');
    return planRestore(backup, env.personId);
  },
  // The restored habits' daily numbers, so that the first `grow habit list` needs no history.
  settle: (db, ctx, plan) => refreshSnapshots(db, plan.derived!, ctx.today),
};

/** Restores a backup into a person with no data yet, in one transaction. */
export async function importBackup(ctx: Context, content: string): Promise<ImportSummary> {
  return runImport(ctx, backupImporter, content, {});
}

function planRestore(backup: Backup, personId: string): ImportPlan<ImportSummary, HabitRow[]> {
  const person_id = personId;
  const habitRows: HabitRow[] = backup.habits.map((h) => ({
    ...(habitColumnsOf(h) as Pick<HabitRow, (typeof HABIT_FIELD_COLUMNS)[keyof typeof HABIT_FIELD_COLUMNS]>),
    id: h.id,
    person_id: personId,
    slug: h.slug,
    // Stacks are linked after every habit exists, whatever the order in the file.
    after_habit_id: null,
    after_text: h.afterText,
    skills: JSON.stringify(h.skills),
    archived: h.archived ? 1 : 0,
    position: h.position,
    start_date: h.startDate,
    anchor_date: h.anchorDate ?? h.startDate,
    name_key: habitNameKey(h.name),
    loop_uuid: h.loopUuid,
    created_at: h.createdAt,
    updated_at: h.updatedAt,
  }));
  const checkIns: CheckInRow[] = backup.habits.flatMap((h) =>
    h.checkIns.map((c) => ({ id: c.id, habit_id: h.id, date: c.date, status: c.status, amount: c.amount, note: c.note, created_at: c.createdAt })),
  );
  const learning = learningAndJournalRows(backup, personId);
  return {
    inserts: [
      { table: 'habit', rows: habitRows },
      { table: 'habit_check_in', rows: checkIns },
      {
        table: 'scorecard_item',
        rows: backup.scorecard.map((s) => ({
          id: s.id,
          person_id,
          position: s.position,
          text: s.text,
          rating: s.rating,
          time_text: s.time,
          habit_id: s.habitId,
          created_at: s.createdAt,
        })),
      },
      {
        table: 'framework',
        rows: backup.frameworks.map((f) => ({
          id: f.id,
          person_id,
          name: f.name,
          version: f.version,
          content: JSON.stringify(f.content),
          created_at: f.createdAt,
        })),
      },
      {
        table: 'skill_assessment',
        rows: backup.assessments.map((a) => ({
          id: a.id,
          person_id,
          skill_id: a.skillId,
          level: a.level,
          date: a.date,
          evidence: a.evidence,
          note: a.note,
          created_at: a.createdAt,
        })),
      },
      {
        table: 'career_target',
        rows: backup.target
          ? [{ person_id, track: backup.target.track, level: backup.target.level, by_date: backup.target.byDate, set_at: backup.target.setAt }]
          : [],
      },
      { table: 'facet_status', rows: backup.facets.map((f) => ({ person_id, facet_id: f.facetId, status: f.status, updated_at: f.updatedAt })) },
      {
        table: 'evidence',
        rows: backup.evidence.map((e) => ({
          id: e.id,
          person_id,
          text: e.text,
          skills: JSON.stringify(e.skills),
          date: e.date,
          link: e.link,
          created_at: e.createdAt,
        })),
      },
      {
        table: 'activity',
        rows: backup.activities.map((a) => ({
          id: a.id,
          person_id,
          text: a.text,
          date: a.date,
          minutes: a.minutes,
          skills: JSON.stringify(a.skills),
          energy: a.energy,
          ease: a.ease,
          created_at: a.createdAt,
        })),
      },
      {
        table: 'experiment',
        rows: backup.experiments.map((e) => ({
          id: e.id,
          person_id,
          title: e.title,
          track: e.track,
          hypothesis: e.hypothesis,
          started_on: e.startedOn,
          until: e.until,
          outcome: e.outcome,
          note: e.note,
          closed_on: e.closedOn,
          created_at: e.createdAt,
        })),
      },
      { table: 'learning_item', rows: learning.items },
      { table: 'learning_note', rows: learning.notes },
      { table: 'highlight', rows: learning.highlights },
      { table: 'card', rows: learning.cards },
      { table: 'review_log', rows: learning.reviews },
      { table: 'journal_entry', rows: learning.journal },
    ],
    rewrites: [],
    updates: [
      {
        table: 'person',
        where: { id: personId },
        set: {
          name: backup.person.name,
          time_zone: backup.person.timeZone,
          technical_ratio: backup.person.technicalRatio,
          active_framework_id: backup.person.activeFrameworkId,
        },
      },
      ...backup.habits.flatMap((h) => (h.afterHabitId ? [{ table: 'habit' as const, where: { id: h.id }, set: { after_habit_id: h.afterHabitId } }] : [])),
    ],
    result: {
      habits: habitRows.length,
      checkIns: checkIns.length,
      scorecard: backup.scorecard.length,
      frameworks: backup.frameworks.length,
      assessments: backup.assessments.length,
      evidence: backup.evidence.length,
      activities: backup.activities.length,
      experiments: backup.experiments.length,
      library: backup.library.length,
      cards: backup.cards.length,
      journal: backup.journal.length,
    },
    derived: habitRows,
  };
}

/** Highlights, notes and reviews are unique across the file, and cards point at what the file holds. */
function checkLearningReferences(backup: Backup, once: (set: Set<string>, value: string, field: string, problem: string) => void): void {
  const items = new Set(backup.library.map((i) => i.id));
  const highlightIds = new Set<string>();
  const noteIds = new Set<string>();
  const slugs = new Set<string>();
  backup.library.forEach((item, i) => {
    if (item.slug !== undefined) once(slugs, item.slug, `library[${i}].slug`, `a second library item with slug ${JSON.stringify(item.slug)}`);
    for (const [j, n] of item.notes.entries()) once(noteIds, n.id, `library[${i}].notes[${j}].id`, `a second note with id ${n.id}`);
    const keys = new Set<string>();
    item.highlights.forEach((h, j) => {
      once(highlightIds, h.id, `library[${i}].highlights[${j}].id`, `a second highlight with id ${h.id}`);
      once(keys, h.sourceKey, `library[${i}].highlights[${j}].sourceKey`, `a second highlight with key ${JSON.stringify(h.sourceKey)} in this item`);
    });
  });
  const reviewIds = new Set<string>();
  backup.cards.forEach((card, i) => {
    if (card.itemId !== null && !items.has(card.itemId))
      throw new AppError('validation_failed', `cards[${i}].itemId: no library item with id ${card.itemId} in the backup`);
    if (card.highlightId !== null && !highlightIds.has(card.highlightId)) {
      throw new AppError('validation_failed', `cards[${i}].highlightId: no highlight with id ${card.highlightId} in the backup`);
    }
    for (const [j, r] of card.reviews.entries()) once(reviewIds, r.id, `cards[${i}].reviews[${j}].id`, `a second review with id ${r.id}`);
  });
}

function learningAndJournalRows(backup: Backup, personId: string) {
  const person = { person_id: personId };
  // Items without a slug (older backups) take the first free one their title gives, after the ones the file names.
  const slugs = new Set(backup.library.flatMap((item) => (item.slug === undefined ? [] : [item.slug])));
  return {
    items: backup.library.map((item) =>
      columnsOf(item, ITEM, { ...person, match_key: matchKey(item.title, item.authors), slug: item.slug ?? claimSlug(itemSlugBase(item.title), slugs) }),
    ),
    notes: backup.library.flatMap((item) => item.notes.map((n) => columnsOf(n, NOTE, { item_id: item.id }))),
    highlights: backup.library.flatMap((item) => item.highlights.map((h) => columnsOf(h, HIGHLIGHT, { item_id: item.id }))),
    cards: backup.cards.map((card) => columnsOf(card, CARD, person)),
    reviews: backup.cards.flatMap((card) => card.reviews.map((r) => columnsOf(r, REVIEW, { card_id: card.id }))),
    journal: backup.journal.map((entry) => columnsOf(entry, ENTRY, person)),
  } as unknown as LearningAndJournalRows;
}
