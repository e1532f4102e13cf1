import { z } from 'zod';
import {
  CARD_KINDS,
  CHECK_IN_STATUSES,
  FACET_STATUSES,
  HABIT_KINDS,
  JOURNAL_KINDS,
  LEARNING_KINDS,
  LEARNING_STATUSES,
  LIBRARY_SOURCES,
  OUTCOMES,
  SCORECARD_RATINGS,
  VISIBILITIES,
} from '../core/vocabulary.js';
import { isoDate } from '../schemas/common.schema.js';
import { AppError } from '../core/errors.js';
import { zodError } from '../schemas/validate.js';

/**
 * grow's JSON backup. Lossless: export → import into an empty database → export gives the same
 * bytes, so the file carries no export time and keeps every id.
 */
export const BACKUP_FORMAT = 'grow-backup';
/**
 * Version 2 added skills and paths, version 3 the library, review cards and the journal, version 4
 * the slugs of library items and the anchors of habits; files of versions 1 to 3 still import.
 */
export const BACKUP_VERSION = 4;
export const READABLE_BACKUP_VERSIONS = [1, 2, 3, 4] as const;

const text = z.string().nullable();

const checkInSchema = z
  .object({
    id: z.string().min(1),
    date: isoDate,
    status: z.enum(CHECK_IN_STATUSES),
    amount: z.number().finite().nonnegative().nullable(),
    note: text,
    createdAt: z.string(),
  })
  .strict();

const habitSchema = z
  .object({
    id: z.string().min(1),
    slug: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(HABIT_KINDS),
    schedule: z.string(),
    target: z.number().finite().positive().nullable(),
    unit: text,
    identity: text,
    when: text,
    where: text,
    afterHabitId: text,
    afterText: text,
    twoMinute: text,
    bundle: text,
    lawObvious: text,
    lawAttractive: text,
    lawEasy: text,
    lawSatisfying: text,
    group: text,
    skills: z.array(z.string()),
    archived: z.boolean(),
    position: z.number().int(),
    startDate: isoDate,
    // Absent from files written before habits had an anchor: their blocks count from startDate.
    anchorDate: isoDate.optional(),
    loopUuid: text,
    createdAt: z.string(),
    updatedAt: z.string(),
    checkIns: z.array(checkInSchema),
  })
  .strict();

const scorecardSchema = z
  .object({
    id: z.string().min(1),
    position: z.number().int(),
    text: z.string().min(1),
    rating: z.enum(SCORECARD_RATINGS),
    time: text,
    habitId: text,
    createdAt: z.string(),
  })
  .strict();

const skills = z.array(z.string());

const frameworkSchema = z
  .object({ id: z.string().min(1), name: z.string(), version: text, content: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .strict();

const assessmentSchema = z
  .object({
    id: z.string().min(1),
    skillId: z.string().min(1),
    level: z.number().int().min(0).max(5),
    date: isoDate,
    evidence: text,
    note: text,
    createdAt: z.string(),
  })
  .strict();

const targetSchema = z.object({ track: z.string().min(1), level: z.string().min(1), byDate: isoDate.nullable(), setAt: z.string() }).strict();

const facetSchema = z.object({ facetId: z.string().min(1), status: z.enum(FACET_STATUSES), updatedAt: z.string() }).strict();

const evidenceSchema = z.object({ id: z.string().min(1), text: z.string().min(1), skills, date: isoDate, link: text, createdAt: z.string() }).strict();

const activitySchema = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    date: isoDate,
    minutes: z.number().int().min(1).max(1440),
    skills,
    energy: z.number().int().min(-2).max(2).nullable(),
    ease: z.number().int().min(1).max(5).nullable(),
    createdAt: z.string(),
  })
  .strict();

const experimentSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    track: z.string().min(1),
    hypothesis: z.string(),
    startedOn: isoDate,
    until: isoDate,
    outcome: z.enum(OUTCOMES).nullable(),
    note: text,
    closedOn: isoDate.nullable(),
    createdAt: z.string(),
  })
  .strict();

const instant = z.string().min(1);
const whole = z.number().int();

const learningNoteSchema = z.object({ id: z.string().min(1), text: z.string(), source: text, sourceKey: text, createdAt: z.string() }).strict();

const highlightSchema = z
  .object({
    id: z.string().min(1),
    text: z.string(),
    note: text,
    page: text,
    location: text,
    locationStart: whole.nullable(),
    locationEnd: whole.nullable(),
    color: text,
    tags: z.array(z.string()),
    highlightedAt: text,
    highlightedRaw: text,
    source: z.string().min(1),
    sourceKey: z.string().min(1),
    createdAt: z.string(),
  })
  .strict();

const learningItemSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(LEARNING_KINDS),
    title: z.string().min(1),
    // Backups written before items had slugs have none: the restore makes them from the titles.
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes, e.g. deep-work')
      .optional(),
    authors: z.array(z.string()),
    isbn10: text,
    isbn13: text,
    pages: whole.positive().nullable(),
    url: text,
    recommendedBy: text,
    skills,
    status: z.enum(LEARNING_STATUSES),
    progressPage: whole.nonnegative().nullable(),
    progressPercent: z.number().min(0).max(100).nullable(),
    rating: z.number().min(0).max(5).nullable(),
    review: text,
    shelves: z.array(z.string()),
    startedAt: isoDate.nullable(),
    finishedAt: isoDate.nullable(),
    addedAt: isoDate,
    source: z.enum(LIBRARY_SOURCES).nullable(),
    sourceId: text,
    createdAt: z.string(),
    updatedAt: z.string(),
    notes: z.array(learningNoteSchema),
    highlights: z.array(highlightSchema),
  })
  .strict();

const fsrsFields = {
  due: instant,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsedDays: whole,
  scheduledDays: whole,
  learningSteps: whole,
  state: whole.min(0).max(3),
};

const reviewLogSchema = z.object({ id: z.string().min(1), rating: whole.min(1).max(4), ...fsrsFields, lastElapsedDays: whole, review: instant }).strict();

const cardSchema = z
  .object({
    id: z.string().min(1),
    itemId: text,
    highlightId: text,
    kind: z.enum(CARD_KINDS),
    front: z.string(),
    back: z.string(),
    ...fsrsFields,
    reps: whole.nonnegative(),
    lapses: whole.nonnegative(),
    lastReview: text,
    suspended: z.boolean(),
    createdAt: z.string(),
    reviews: z.array(reviewLogSchema),
  })
  .strict();

const journalEntrySchema = z
  .object({
    id: z.string().min(1),
    title: text,
    body: z.string(),
    date: isoDate,
    time: text,
    utcOffset: text,
    tags: z.array(z.string()),
    categories: z.array(z.string()),
    kind: z.enum(JOURNAL_KINDS),
    periodFrom: isoDate.nullable(),
    periodTo: isoDate.nullable(),
    visibility: z.enum(VISIBILITIES),
    frontMatter: text,
    sourceName: text,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    person: z
      .object({
        name: z.string(),
        timeZone: text,
        technicalRatio: z.number().min(0).max(1).nullable().default(null),
        activeFrameworkId: text.default(null),
      })
      .strict(),
    habits: z.array(habitSchema),
    scorecard: z.array(scorecardSchema),
    // Absent from version 1 files: they hold habits only.
    frameworks: z.array(frameworkSchema).default([]),
    assessments: z.array(assessmentSchema).default([]),
    target: targetSchema.nullable().default(null),
    facets: z.array(facetSchema).default([]),
    evidence: z.array(evidenceSchema).default([]),
    activities: z.array(activitySchema).default([]),
    experiments: z.array(experimentSchema).default([]),
    // Absent from files before version 3.
    library: z.array(learningItemSchema).default([]),
    cards: z.array(cardSchema).default([]),
    journal: z.array(journalEntrySchema).default([]),
  })
  .strict();

export type Backup = z.output<typeof backupSchema>;
export type BackupHabit = Backup['habits'][number];

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** Parses a backup file, naming every problem by its JSON path. */
export function parseBackup(content: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    // Node's own parse message quotes the file and varies between versions: say it plainly.
    throw new AppError('validation_failed', 'file: not valid JSON (is it a grow backup?)');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new AppError('validation_failed', `format: not a grow backup (expected "format": "${BACKUP_FORMAT}")`);
  }
  const version = (data as { version?: unknown }).version;
  if (!(READABLE_BACKUP_VERSIONS as readonly unknown[]).includes(version)) {
    throw new AppError(
      'validation_failed',
      `version: unknown backup format version ${JSON.stringify(version)} (this grow reads ${READABLE_BACKUP_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_BACKUP_VERSIONS.at(-1)})`,
    );
  }
  const result = backupSchema.safeParse(data);
  if (!result.success) throw zodError(result.error, 'backup');
  return result.data;
}
