import { z } from 'zod';
import { HABIT_KINDS, SCORECARD_RATINGS } from '../core/vocabulary.js';
import { SCHEDULE_HELP, formatSchedule, parseSchedule } from '../core/schedule.js';
import { AppError } from '../core/errors.js';
import { oneOf, optionalText, tagList } from './common.schema.js';
import { isValidTimeZone } from '../core/calendar.js';

export { asOfSchema, type CheckInInput, checkInSchema, undoSchema } from './check-in.schema.js';

const schedule = z.string().transform((value, ctx) => {
  try {
    return formatSchedule(parseSchedule(value));
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof AppError ? error.message.replace(/^schedule: /, '') : SCHEDULE_HELP });
    return z.NEVER;
  }
});

const habitFields = {
  name: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(100, { message: 'at most 100 characters' }),
  kind: oneOf(HABIT_KINDS),
  schedule,
  target: z.number({ error: 'expected a number' }).finite().positive({ message: 'must be greater than 0' }).nullable(),
  unit: optionalText(30),
  identity: optionalText(),
  when: optionalText(),
  where: optionalText(),
  after: optionalText(200),
  twoMinute: optionalText(),
  bundle: optionalText(),
  lawObvious: optionalText(),
  lawAttractive: optionalText(),
  lawEasy: optionalText(),
  lawSatisfying: optionalText(),
  group: optionalText(60),
  skills: tagList,
};

export const habitCreateSchema = z
  .object({
    ...habitFields,
    kind: habitFields.kind.default('build'),
    schedule: habitFields.schedule.default('daily'),
    target: habitFields.target.optional(),
    skills: habitFields.skills.optional(),
  })
  .strict()
  .refine((h) => !(h.unit && (h.target === undefined || h.target === null)), { message: 'a unit needs a target', path: ['unit'] });

export const habitUpdateSchema = z
  .object({
    ...habitFields,
    archived: z.boolean({ error: 'expected true or false' }),
  })
  .partial()
  .strict();

export type HabitCreateInput = z.output<typeof habitCreateSchema>;
export type HabitUpdateInput = z.output<typeof habitUpdateSchema>;

export const scorecardAddSchema = z
  .object({
    text: z.string({ error: 'required' }).trim().min(1, { message: 'must not be empty' }).max(200, { message: 'at most 200 characters' }),
    rating: oneOf(SCORECARD_RATINGS),
    time: optionalText(20),
  })
  .strict();
export type ScorecardAddInput = z.output<typeof scorecardAddSchema>;

export const scorecardToHabitSchema = z.object({ kind: oneOf(HABIT_KINDS).optional() }).strict();

export const settingsSchema = z
  .object({
    // null goes back to the system's time zone.
    timeZone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin' }).nullable(),
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(100, { message: 'at most 100 characters' }),
    // The share of practice meant for technical skills; null goes back to 0.5.
    technicalRatio: z
      .number({ error: 'expected a number from 0 to 1, e.g. 0.6 for 60% technical' })
      .min(0, { message: 'expected a number from 0 to 1, e.g. 0.6 for 60% technical' })
      .max(1, { message: 'expected a number from 0 to 1, e.g. 0.6 for 60% technical' })
      .nullable(),
  })
  .partial()
  .strict();
export type SettingsInput = z.output<typeof settingsSchema>;
