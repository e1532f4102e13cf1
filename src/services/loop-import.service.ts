import type { IsoDate } from '../core/calendar.js';
import { invalid } from '../core/errors.js';
import { formatSchedule, parseSchedule, scheduleFromFrequency } from '../core/schedule.js';
import { slugify, uniqueSlug } from '../core/slug.js';
import { type LoopDayMark, type LoopExport, type LoopHabit, readLoopBytes, readLoopPath } from '../formats/loop.format.js';
import { habitNameKey, listCheckIns, listHabitRows, nextHabitPosition } from '../store/habit.repository.js';
import type { Db } from '../store/habit.repository.js';
import type { PlannedUpdate } from '../store/import.repository.js';
import { listJournalRows } from '../store/journal.repository.js';
import type { CheckInRow, HabitRow, JournalEntryRow } from '../store/schema.js';
import type { Context } from './context.js';
import { refreshSnapshots } from './habit.service.js';
import { type ImportPlan, type Importer, type PlanEnv, runImport } from './import.runner.js';

/**
 * A path (a `.db`, a `.zip` or an unpacked CSV export folder) or the bytes of a `.db` or `.zip`.
 * The content decides the format; `name`, the uploaded file's name, is not needed for it.
 */
export type LoopImportSource = { path: string } | { bytes: Uint8Array; name?: string };

export interface LoopImportOptions {
  /** Called once before the first habit and after each habit, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface LoopImportResult {
  habitsCreated: number;
  habitsMatched: number;
  checkInsAdded: number;
  /** Loop entries on days that already had a check-in; the check-in is kept as it is. */
  checkInsUnchanged: number;
  /** Notes on days that are no check-in (not done, unknown, automatic), added as journal entries. */
  notesAdded: number;
}

/** What grow already holds, kept current as the import adds habits. */
interface Known {
  byUuid: Map<string, HabitRow>;
  /** By name key: names are compared without case, as the store's unique index does. */
  byName: Map<string, HabitRow>;
  slugs: Set<string>;
  nextPosition: number;
}

/** Loop's frequency as a grow schedule, refused when grow cannot express it. */
function scheduleOf(habit: LoopHabit): string {
  try {
    const schedule = formatSchedule(scheduleFromFrequency(habit.numerator, habit.denominator));
    parseSchedule(schedule); // the stored text must read back, or the habit could not be shown
    return schedule;
  } catch {
    throw invalid(`habit "${habit.name}"`, `Loop frequency ${habit.numerator} in ${habit.denominator} days has no grow schedule`);
  }
}

/**
 * The habit a Loop habit is already imported as. Loop's uuid decides when the file has one; CSV
 * exports and very old backups have none, so the name decides, preferring the " (Loop)" name an
 * earlier import gives when the plain name was taken.
 */
function findMatch(known: Known, habit: LoopHabit): HabitRow | undefined {
  if (habit.uuid !== null) return known.byUuid.get(habit.uuid);
  return known.byName.get(habitNameKey(`${habit.name} (Loop)`)) ?? known.byName.get(habitNameKey(habit.name));
}

function freeName(known: Known, name: string): string {
  if (!known.byName.has(habitNameKey(name))) return name;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (Loop)` : `${name} (Loop ${n})`;
    if (!known.byName.has(habitNameKey(candidate))) return candidate;
  }
}

/** A grow habit for a Loop habit, under a name and slug still free; the known habits then include it. */
function newHabitRow(env: PlanEnv, known: Known, habit: LoopHabit): HabitRow {
  const name = freeName(known, habit.name);
  const slug = uniqueSlug(slugify(name), known.slugs);
  const measurable = habit.targetValue !== null;
  const start = habit.trackedSince ?? habit.entries[0]?.date ?? env.today;
  const row: HabitRow = {
    id: env.newId(),
    person_id: env.personId,
    slug,
    name,
    // Loop's "at most" habits are limits: in grow, habits to break whose entries are slips.
    kind: measurable && habit.targetType === 'at-most' ? 'break' : 'build',
    schedule: scheduleOf(habit),
    // Loop's target is per frequency period and grow's per repetition; grow multiplies it back by
    // the repetitions of the period, so the strength stays Loop's.
    target: measurable ? habit.targetValue! / habit.numerator : null,
    unit: measurable ? habit.unit : null,
    identity: null,
    when_text: null,
    where_text: null,
    after_habit_id: null,
    after_text: null,
    two_minute: null,
    bundle: null,
    law_obvious: null,
    law_attractive: null,
    law_easy: null,
    law_satisfying: null,
    group_name: null,
    skills: '[]',
    archived: habit.archived ? 1 : 0,
    position: known.nextPosition++,
    start_date: start,
    // The anchor starts on the start date and then stays put (habit.repository's insertHabit does the same).
    anchor_date: start,
    name_key: habitNameKey(name),
    loop_uuid: habit.uuid,
    created_at: env.now,
    updated_at: env.now,
  };
  known.byName.set(row.name_key, row);
  known.slugs.add(row.slug);
  if (row.loop_uuid !== null) known.byUuid.set(row.loop_uuid, row);
  return row;
}

/** The check-ins a Loop habit adds to a grow habit: only days the habit has nothing for yet. */
function newCheckIns(env: PlanEnv, into: HabitRow, habit: LoopHabit, taken: Set<IsoDate>): CheckInRow[] {
  const measurable = into.target !== null;
  const rows: CheckInRow[] = [];
  for (const entry of habit.entries) {
    if (taken.has(entry.date)) continue;
    let status: CheckInRow['status'] = 'skipped';
    let amount: number | null = null;
    if (entry.kind === 'done') {
      // A day Loop counts towards an "at most" limit is a slip of that amount.
      status = into.kind === 'break' ? 'slip' : 'done';
      if (measurable) amount = entry.amount ?? (into.kind === 'build' ? into.target : null);
    }
    rows.push({ id: env.newId(), habit_id: into.id, date: entry.date, status, amount, note: entry.note, created_at: env.now });
  }
  return rows;
}

/**
 * Notes on days that are no check-in become journal entries on their day, tagged `loop` and the
 * habit's slug, titled with the habit and what Loop held for the day: a check-in of grow cannot
 * carry them (it is done, skipped or a slip), and a note the person wrote must not be lost.
 */
const NOTE_TAG = 'loop';
const MARK_WORDS: Record<LoopDayMark, string> = { 'not-done': 'not done', unknown: 'no mark', auto: 'not due' };

/** The key of a Loop note already in the journal: its day and the habit's slug. */
const noteKey = (date: IsoDate, slug: string) => `${date} ${slug}`;

async function importedNoteKeys(db: Db, personId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const row of await listJournalRows(db, personId, { tag: NOTE_TAG })) {
    const tags = JSON.parse(row.tags) as string[];
    if (!tags.includes(NOTE_TAG)) continue;
    for (const tag of tags) if (tag !== NOTE_TAG) keys.add(noteKey(row.date, tag));
  }
  return keys;
}

function noteEntries(env: PlanEnv, into: HabitRow, habit: LoopHabit, keys: Set<string>): JournalEntryRow[] {
  const rows: JournalEntryRow[] = [];
  for (const { date, mark, note } of habit.notes) {
    const key = noteKey(date, into.slug);
    if (keys.has(key)) continue;
    keys.add(key);
    rows.push({
      id: env.newId(),
      person_id: env.personId,
      title: `${into.name}: ${MARK_WORDS[mark]}`,
      body: note,
      date,
      time: null,
      utc_offset: null,
      tags: JSON.stringify([NOTE_TAG, into.slug]),
      categories: '[]',
      kind: 'entry',
      period_from: null,
      period_to: null,
      visibility: 'private',
      front_matter: null,
      source_name: null,
      created_at: env.now,
      updated_at: env.now,
    });
  }
  return rows;
}

/** What grow holds for a Loop file, before the plan adds to it. */
interface KnownLoop {
  habits: HabitRow[];
  nextPosition: number;
  /** The days recorded for each habit the file's habits match. */
  takenDays: Map<string, Set<IsoDate>>;
  /** The Loop notes already in the journal (read only when the file has notes). */
  noteKeys: Set<string>;
}

/** What the plan leaves for settle: every habit it touched, as it ends up, and what changed. */
interface LoopPlanned {
  touched: HabitRow[];
  changed: Map<string, IsoDate>;
  histories: Map<string, CheckInRow[]>;
}

const indexOf = (rows: HabitRow[], nextPosition: number): Known => ({
  byUuid: new Map(rows.filter((r) => r.loop_uuid !== null).map((r) => [r.loop_uuid!, r])),
  byName: new Map(rows.map((r) => [habitNameKey(r.name), r])),
  slugs: new Set(rows.map((r) => r.slug)),
  nextPosition,
});

const byDate = (a: CheckInRow, b: CheckInRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Loop Habit Tracker's SQLite backup or CSV export (zip or folder): habits are matched by Loop's
 * uuid or by name, new ones created, and only days grow does not have yet are added.
 */
export const loopImporter: Importer<LoopImportSource, LoopExport, KnownLoop, LoopImportResult, Record<string, never>, LoopPlanned> = {
  read(source) {
    return 'path' in source ? readLoopPath(source.path) : readLoopBytes(source.bytes);
  },

  async load(db, ctx, data) {
    const habits = await listHabitRows(db, ctx.personId, { includeArchived: true });
    const known = indexOf(habits, 0);
    // The days already recorded for every matched habit, in one query rather than one per habit.
    const matchedIds = data.habits.map((h) => findMatch(known, h)?.id).filter((id): id is string => id !== undefined);
    const takenDays = new Map<string, Set<IsoDate>>();
    for (const c of await listCheckIns(db, matchedIds)) {
      let days = takenDays.get(c.habit_id);
      if (!days) {
        days = new Set();
        takenDays.set(c.habit_id, days);
      }
      days.add(c.date);
    }
    return {
      habits,
      nextPosition: await nextHabitPosition(db, ctx.personId),
      takenDays,
      noteKeys: data.habits.some((h) => h.notes.length > 0) ? await importedNoteKeys(db, ctx.personId) : new Set(),
    };
  },

  plan(data, loaded, env) {
    return planLoopImport(data, loaded, env);
  },

  async settle(db, ctx, plan) {
    const { touched, changed, histories } = plan.derived!;
    await refreshSnapshots(db, touched, ctx.today, changed, histories);
  },
};

function planLoopImport(data: LoopExport, loaded: KnownLoop, env: PlanEnv): ImportPlan<LoopImportResult, LoopPlanned> {
  const known = indexOf(loaded.habits, loaded.nextPosition);
  const takenDays = new Map([...loaded.takenDays].map(([id, days]) => [id, new Set(days)]));
  const noteKeys = new Set(loaded.noteKeys);
  const result: LoopImportResult = { habitsCreated: 0, habitsMatched: 0, checkInsAdded: 0, checkInsUnchanged: 0, notesAdded: 0 };
  const habits: HabitRow[] = [];
  const checkIns: CheckInRow[] = [];
  const journal: JournalEntryRow[] = [];
  const ends: number[] = [];
  // Each habit the import touched, as it ends up, the earliest day it added, and the new habits' histories.
  const touched = new Map<string, HabitRow>();
  const changed = new Map<string, IsoDate>();
  const created = new Map<string, CheckInRow[]>();
  const startDates = new Map<string, IsoDate>();

  for (const habit of data.habits) {
    let into = findMatch(known, habit);
    let taken = new Set<IsoDate>();
    if (into) {
      result.habitsMatched++;
      taken = takenDays.get(into.id) ?? taken;
    } else {
      into = newHabitRow(env, known, habit);
      habits.push(into);
      created.set(into.id, []);
      result.habitsCreated++;
    }
    const added = newCheckIns(env, into, habit, taken);
    for (const row of added) checkIns.push(row);
    ends.push(checkIns.length);
    // Two habits of one file may land on the same grow habit (CSV exports match by name).
    for (const row of added) taken.add(row.date);
    takenDays.set(into.id, taken);
    result.checkInsAdded += added.length;
    result.checkInsUnchanged += habit.entries.length - added.length;
    touched.set(into.id, into);
    const history = created.get(into.id);
    if (history) for (const row of added) history.push(row);
    const firstAdded = added.reduce<IsoDate | undefined>((min, r) => (min === undefined || r.date < min ? r.date : min), undefined);
    const before = changed.get(into.id);
    if (firstAdded !== undefined && (before === undefined || firstAdded < before)) changed.set(into.id, firstAdded);
    for (const entry of noteEntries(env, into, habit, noteKeys)) {
      journal.push(entry);
      result.notesAdded++;
    }

    // As with a check-in by hand, a habit begins no later than its earliest record.
    const earliest = [habit.trackedSince, added[0]?.date].filter((d): d is IsoDate => !!d).sort()[0];
    if (earliest !== undefined && earliest < into.start_date) {
      const updated: HabitRow = { ...into, start_date: earliest };
      if (created.has(into.id)) habits[habits.indexOf(into)] = updated;
      else startDates.set(into.id, earliest);
      touched.set(updated.id, updated);
      known.byName.set(habitNameKey(updated.name), updated);
      if (updated.loop_uuid !== null) known.byUuid.set(updated.loop_uuid, updated);
    }
  }
  const updates: PlannedUpdate[] = [...startDates].map(([id, start]) => ({ table: 'habit', where: { id }, set: { start_date: start } }));
  return {
    inserts: [
      { table: 'habit', rows: habits },
      { table: 'habit_check_in', rows: checkIns },
      { table: 'journal_entry', rows: journal },
    ],
    rewrites: [],
    updates,
    progress: { table: 'habit_check_in', total: data.habits.length, done: 0, ends },
    result,
    derived: { touched: [...touched.values()], changed, histories: new Map([...created].map(([id, rows]) => [id, rows.sort(byDate)])) },
  };
}

/**
 * Imports a Loop Habit Tracker SQLite backup or CSV export (zip or folder) in one transaction:
 * the file is read and checked completely first, so a bad file changes nothing. Importing the same
 * file again changes nothing either.
 */
export async function importLoop(ctx: Context, source: LoopImportSource, options: LoopImportOptions = {}): Promise<LoopImportResult> {
  return runImport(ctx, loopImporter, source, {}, options);
}
