import { z } from 'zod';
import { isoDate } from '../schemas/common.schema.js';
import { AppError } from '../core/errors.js';
import { describeZodError } from '../schemas/validate.js';

/**
 * grow's JSON backup. Lossless: export → import into an empty database → export gives the same
 * bytes, so the file carries no export time and keeps every id.
 */
export const BACKUP_FORMAT = 'grow-backup';
export const BACKUP_VERSION = 1;

const text = z.string().nullable();

const checkInSchema = z
  .object({
    id: z.string().min(1),
    date: isoDate,
    status: z.enum(['done', 'skipped', 'slip']),
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
    kind: z.enum(['build', 'break']),
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
    rating: z.enum(['+', '-', '=']),
    time: text,
    habitId: text,
    createdAt: z.string(),
  })
  .strict();

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    person: z.object({ name: z.string(), timeZone: text }).strict(),
    habits: z.array(habitSchema),
    scorecard: z.array(scorecardSchema),
  })
  .strict();

export type Backup = z.output<typeof backupSchema>;
export type BackupHabit = Backup['habits'][number];

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** Parses a backup file, naming the JSON path of the first problem. */
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
  if (version !== BACKUP_VERSION) {
    throw new AppError('validation_failed', `version: unknown backup format version ${JSON.stringify(version)} (this grow reads ${BACKUP_VERSION})`);
  }
  const result = backupSchema.safeParse(data);
  if (!result.success) throw new AppError('validation_failed', describeZodError(result.error, 'backup'));
  return result.data;
}
