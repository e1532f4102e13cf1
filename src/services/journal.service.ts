import { addDays, dateInZone, type IsoDate } from '../core/calendar.js';
import { inTransaction } from '../store/database.js';
import type { Visibility } from '../core/vocabulary.js';
import { isoWeek } from '../core/balance.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import {
  type JournalListRow,
  type JournalSearchHit,
  deleteJournalEntry,
  findJournalEntry,
  findWeeklyReview,
  insertJournalEntry,
  listJournalRows,
  searchJournalRows,
  searchWords,
  updateJournalEntry,
} from '../store/journal.repository.js';
import { newId } from '../store/ids.js';
import type { JournalEntryRow, JournalEntryTable } from '../store/schema.js';
import {
  type JournalKind,
  MAX_SEARCH_WORDS,
  WEEKLY_PROMPTS,
  journalCreateSchema,
  journalListSchema,
  journalSearchSchema,
  journalUpdateSchema,
  mondayOfIsoWeek,
  weeklyReviewSchema,
} from '../schemas/journal.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';

export type { JournalSearchHit };

interface JournalFields {
  id: string;
  title: string | null;
  date: IsoDate;
  /** Local wall time HH:MM:SS when known. */
  time: string | null;
  /** That time's offset from UTC, +HH:MM, when known. */
  utcOffset: string | null;
  tags: string[];
  categories: string[];
  kind: JournalKind;
  periodFrom: IsoDate | null;
  periodTo: IsoDate | null;
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
  /** An imported Jekyll post keeps its file name; null for an entry written here. */
  jekyll: { sourceName: string } | null;
}

export interface JournalEntry extends JournalFields {
  /** Markdown, exactly as written. */
  body: string;
}

export interface JournalListItem extends JournalFields {
  /** The first ~160 characters of the body as plain text. */
  excerpt: string;
}

/** A saved entry, with what the person should know about it (script in the Markdown). */
export type SavedJournalEntry = JournalEntry & { warnings?: string[] };

export const EXCERPT_CHARS = 160;

function fieldsOf(row: Omit<JournalEntryRow, 'body'>): JournalFields {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    time: row.time,
    utcOffset: row.utc_offset,
    tags: JSON.parse(row.tags) as string[],
    categories: JSON.parse(row.categories) as string[],
    kind: row.kind,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    visibility: row.visibility,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    jekyll: row.source_name === null ? null : { sourceName: row.source_name },
  };
}

/** The entry as the CLI and the API show it, fields in the documented order. */
export function toJournalEntry(row: JournalEntryRow): JournalEntry {
  const { createdAt, updatedAt, jekyll, ...head } = fieldsOf(row);
  return { ...head, body: row.body, createdAt, updatedAt, jekyll };
}

function toListItem(row: JournalListRow): JournalListItem {
  return { ...fieldsOf(row), excerpt: plainExcerpt(row.body_start) };
}

/**
 * The start of a Markdown text as plain words, for lists: no markup, no HTML, no link targets,
 * whitespace collapsed, cut at a word boundary near `max` characters.
 */
export function plainExcerpt(markdown: string, max = EXCERPT_CHARS): string {
  const text = markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/^ {0,3}(```|~~~).*$/gm, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/^ {0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, '')
    .replace(/^ {0,3}([-*_=]\s*){3,}$/gm, ' ')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=[\s).,;:!?]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * What in a Markdown body could run script if shown unsanitized: a <script> element, an on…=
 * event handler attribute, a javascript: link. Detection only: the body is kept as written.
 */
export function scriptWarnings(body: string): string[] {
  const found: string[] = [];
  if (/<script\b/i.test(body)) found.push('<script>');
  const handlers = new Set<string>();
  for (const m of body.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) handlers.add(`${m[1]!.toLowerCase()}=`);
  found.push(...handlers);
  if (/(\]\(\s*<?|\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*|^ {0,3}\[[^\]]+\]:\s*<?|<)\s*javascript:/im.test(body))
    found.push('javascript: URL');
  if (found.length === 0) return [];
  return [`body: contains HTML that can run script (${found.join(', ')}); it is kept as written and never runs: the web app removes it when showing the entry`];
}

function withWarnings(entry: JournalEntry): SavedJournalEntry {
  const warnings = scriptWarnings(entry.body);
  return warnings.length > 0 ? { ...entry, warnings } : entry;
}

/** The wall time (HH:MM:SS) and UTC offset (+HH:MM) of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): { date: IsoDate; time: string; utcOffset: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+05:30", "GMT-08:00", or plain "GMT" at UTC.
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return { date: dateInZone(instant, timeZone), time: `${get('hour')}:${get('minute')}:${get('second')}`, utcOffset: offset };
}

/**
 * When an entry written now happened: today, with the time of day and offset when "now" falls on
 * today in the person's zone (not so when today is pinned to another day).
 */
function writtenNow(ctx: Context): { date: IsoDate; time: string | null; utcOffset: string | null } {
  const clock = wallClock(ctx.now(), ctx.timeZone);
  return clock.date === ctx.today ? clock : { date: ctx.today, time: null, utcOffset: null };
}

async function loadEntry(ctx: Context, id: string): Promise<JournalEntryRow> {
  const row = await findJournalEntry(ctx.store.db, ctx.personId, id);
  if (!row) throw notFound('entry', id);
  return row;
}

/** Writes an entry: body as written, dated today (with the time) unless a date is given. One transaction. */
export async function addJournalEntry(ctx: Context, raw: unknown): Promise<SavedJournalEntry> {
  const input = parseInput(journalCreateSchema, raw);
  const when = input.date === undefined ? writtenNow(ctx) : { date: input.date, time: null, utcOffset: null };
  const now = ctx.now().toISOString();
  const row: JournalEntryRow = {
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    title: input.title ?? null,
    body: input.body,
    date: when.date,
    time: when.time,
    utc_offset: when.utcOffset,
    tags: JSON.stringify(input.tags ?? []),
    categories: '[]',
    kind: 'entry',
    period_from: null,
    period_to: null,
    visibility: input.visibility,
    front_matter: null,
    source_name: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx.store, (trx) => insertJournalEntry(trx, row));
  return withWarnings(toJournalEntry(row));
}

/** The person's entries, newest first, without bodies (an excerpt instead). */
export async function listJournal(ctx: Context, raw: unknown = {}): Promise<JournalListItem[]> {
  const filter = parseInput(journalListSchema, raw);
  const rows = await listJournalRows(ctx.store.db, ctx.personId, filter);
  const tag = filter.tag;
  const kept = tag === undefined ? rows : rows.filter((r) => (JSON.parse(r.tags) as string[]).some((t) => t.toLowerCase() === tag));
  return kept.map(toListItem);
}

export async function getJournalEntry(ctx: Context, id: string): Promise<JournalEntry> {
  return toJournalEntry(await loadEntry(ctx, id));
}

/**
 * Changes an entry's title, date, tags, visibility or body. A new date drops the time of day,
 * which belonged to the old one. An imported post's front matter and file name are never
 * touched: the Jekyll export decides from them what to regenerate.
 */
export async function editJournalEntry(ctx: Context, id: string, raw: unknown): Promise<SavedJournalEntry> {
  const input = parseInput(journalUpdateSchema, raw);
  return inTransaction(ctx.store, async (trx) => {
    const row = await findJournalEntry(trx, ctx.personId, id);
    if (!row) throw notFound('entry', id);
    const changes: Partial<JournalEntryTable> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.body !== undefined) changes.body = input.body;
    if (input.tags !== undefined) changes.tags = JSON.stringify(input.tags);
    if (input.visibility !== undefined) changes.visibility = input.visibility;
    if (input.date !== undefined && input.date !== row.date) {
      changes.date = input.date;
      changes.time = null;
      changes.utc_offset = null;
    }
    changes.updated_at = ctx.now().toISOString();
    await updateJournalEntry(trx, ctx.personId, id, changes);
    return withWarnings(toJournalEntry({ ...row, ...changes }));
  });
}

export async function removeJournalEntry(ctx: Context, id: string): Promise<{ id: string; removed: true }> {
  return inTransaction(ctx.store, async (trx) => {
    if (!(await deleteJournalEntry(trx, ctx.personId, id))) throw notFound('entry', id);
    return { id, removed: true as const };
  });
}

/**
 * Full-text search of the person's own entries: every word must match (stemmed, the last one as a
 * prefix), title matches first (in the order docs/journal.md gives for each database); the snippet
 * marks matched words ⟦like this⟧.
 */
export async function searchJournal(ctx: Context, raw: unknown): Promise<JournalSearchHit[]> {
  const input = parseInput(journalSearchSchema, raw);
  const words = searchWords(input.text);
  if (words.length > MAX_SEARCH_WORDS) throw invalid('text', `at most ${MAX_SEARCH_WORDS} words`);
  return searchJournalRows(ctx.store.db, ctx.personId, words, input.limit);
}

/** The body of a weekly review: one heading per prompt, each answer under its own (blank when not given). */
export function weeklyReviewBody(answers: { grew?: string | null; drained?: string | null; next?: string | null }): string {
  return `${WEEKLY_PROMPTS.map((p) => `## ${p.heading}\n\n${answers[p.field] ? `${answers[p.field]}\n` : ''}`).join('\n')}`;
}

/**
 * A weekly review of an ISO week (default this one) as an entry: dated today for the current week,
 * else the week's Sunday; one per week.
 */
export async function writeWeeklyReview(ctx: Context, raw: unknown): Promise<SavedJournalEntry> {
  const input = parseInput(weeklyReviewSchema, raw);
  const week = input.week ?? isoWeek(ctx.today);
  const monday = mondayOfIsoWeek(week)!;
  const sunday = addDays(monday, 6);
  if (monday > ctx.today) throw invalid('week', `${week} has not started yet (this week is ${isoWeek(ctx.today)})`);
  const when = sunday >= ctx.today ? writtenNow(ctx) : { date: sunday, time: null, utcOffset: null };
  const now = ctx.now().toISOString();
  const row: JournalEntryRow = {
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    title: `Weekly review ${week}`,
    body: weeklyReviewBody(input),
    date: when.date,
    time: when.time,
    utc_offset: when.utcOffset,
    tags: '[]',
    categories: '[]',
    kind: 'weekly-review',
    period_from: monday,
    period_to: sunday,
    visibility: 'private',
    front_matter: null,
    source_name: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx.store, async (trx) => {
    const existing = await findWeeklyReview(trx, ctx.personId, monday);
    if (existing) throw conflict('week', `${week} already has a weekly review (${existing.id}); edit it with grow journal edit ${existing.id}`);
    await insertJournalEntry(trx, row);
  });
  return withWarnings(toJournalEntry(row));
}
