import type { Insertable } from 'kysely';
import { dateInZone } from '../core/calendar.js';
import { claimSlug } from '../core/slug.js';
import { AppError, invalidAll } from '../core/errors.js';
import { matchKey } from '../core/library.js';
import { badRowDetails } from '../formats/csv.js';
import { readGoodreadsCsv } from '../formats/goodreads.format.js';
import { type Clip, mergeClippings, readKindleClippings } from '../formats/kindle.format.js';
import type { ImportedHighlight, ImportedItem, ImportedNote, LibraryFile, LibrarySource } from '../formats/library-csv.js';
import { readReadwiseCsv } from '../formats/readwise.format.js';
import { readStoryGraphCsv } from '../formats/storygraph.format.js';
import { type LibraryImportInput, libraryImportSchema } from '../schemas/library-import.schema.js';
import { parseInput } from '../schemas/validate.js';
import { itemSlugBase } from '../store/learning.repository.js';
import { listPersonLearningItems, listSourceHighlights, listSourceNotes } from '../store/library-import.repository.js';
import type { HighlightRow, LearningItemRow, LearningNoteRow, LearningNoteTable } from '../store/schema.js';
import type { Context } from './context.js';
import { type ImportPlan, type Importer, type PlanEnv, runImport } from './import.runner.js';

export type { LibrarySource };

export interface LibraryImportResult {
  itemsCreated: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  highlightsAdded: number;
  /** Highlights already here that the file extends: a longer re-selection, a new note, new tags. */
  highlightsUpdated: number;
  highlightsUnchanged: number;
  notesAdded: number;
  /** Rows (CSV: data rows from 1; Kindle: entries from 1) left out with --skip-bad, and why. */
  skipped: { row: number; message: string }[];
}

export interface LibraryImportOptions {
  /** Called as items are written, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const READERS: Record<LibrarySource, (text: string) => LibraryFile> = {
  goodreads: readGoodreadsCsv,
  storygraph: readStoryGraphCsv,
  kindle: readKindleClippings,
  readwise: readReadwiseCsv,
};

/** The refusal of a file with bad rows: every one with its line and column (up to 50, then a count). */
function badFileError(file: LibraryFile): AppError {
  const unit = file.source === 'kindle' ? 'entr' : 'row';
  const plural = (n: number) => (unit === 'entr' ? (n === 1 ? 'entry' : 'entries') : n === 1 ? 'row' : 'rows');
  const count = file.bad.length;
  const error = invalidAll(badRowDetails(file.bad), `nothing was imported; ${count} bad ${plural(count)} in all; skip bad ${plural(2)} to import the others`);
  // The message keeps the first bad row in full, with its row and line.
  return new AppError('validation_failed', `${file.bad[0]!.message} (${error.hint})`, { details: error.details, more: error.more, hint: error.hint });
}

/**
 * The person's items, findable the ways an imported book is matched: by the source's own id,
 * by ISBN-13, by title and first author. Items a library export already matched in this import
 * are claimed, so two rows never land on one item (which would make re-imports flip-flop).
 */
class ItemIndex {
  private bySourceId = new Map<string, LearningItemRow>();
  private byIsbn = new Map<string, LearningItemRow[]>();
  private byKey = new Map<string, LearningItemRow[]>();
  readonly claimed = new Set<string>();
  /** Every slug the person's items hold, so new items get free ones without asking the database. */
  readonly slugs = new Set<string>();

  constructor(rows: LearningItemRow[]) {
    for (const row of rows) this.add(row);
  }

  add(row: LearningItemRow): void {
    this.slugs.add(row.slug);
    if (row.source !== null && row.source_id !== null) {
      const key = `${row.source}\u0000${row.source_id}`;
      if (!this.bySourceId.has(key)) this.bySourceId.set(key, row);
    }
    const push = (map: Map<string, LearningItemRow[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    };
    if (row.isbn13 !== null) push(this.byIsbn, row.isbn13);
    push(this.byKey, row.match_key);
  }

  find(item: ImportedItem, key: string, describesItems: boolean): LearningItemRow | undefined {
    if (item.sourceId !== null) {
      const own = this.bySourceId.get(`${item.source}\u0000${item.sourceId}`);
      if (own) return own;
    }
    // Another row of the same source (it has its own id there) is another book, however alike.
    const open = (row: LearningItemRow) =>
      !describesItems || (!this.claimed.has(row.id) && !(row.source === item.source && row.source_id !== null && row.source_id !== item.sourceId));
    const byIsbn = item.isbn13 === null ? undefined : this.byIsbn.get(item.isbn13)?.find(open);
    return byIsbn ?? this.byKey.get(key)?.find(open);
  }
}

const json = (value: unknown) => JSON.stringify(value);

/** A new item from a file's description of it, with the first free slug its title gives. */
function newItemRow(env: PlanEnv, item: ImportedItem, key: string, slugs: Set<string>): LearningItemRow {
  const earliest = item.highlights
    .map((h) =>
      h.highlightedAt === null ? null : item.source === 'kindle' ? h.highlightedAt.slice(0, 10) : dateInZone(new Date(h.highlightedAt), env.timeZone),
    )
    .filter((d): d is string => d !== null)
    .sort()[0];
  // Highlights mean the book is being read; a highlighted article was read.
  const status = item.status ?? (item.kind === 'article' ? 'read' : 'reading');
  return {
    id: env.newId(),
    person_id: env.personId,
    kind: item.kind,
    title: item.title,
    slug: claimSlug(itemSlugBase(item.title), slugs),
    authors: json(item.authors),
    isbn10: item.isbn10,
    isbn13: item.isbn13,
    pages: item.pages,
    url: null,
    recommended_by: item.recommendedBy,
    skills: '[]',
    status,
    progress_page: null,
    progress_percent: null,
    rating: item.rating,
    review: item.review,
    shelves: json(item.shelves),
    started_at: item.startedAt,
    finished_at: item.finishedAt,
    added_at: item.addedAt ?? earliest ?? env.today,
    match_key: key,
    source: item.source,
    source_id: item.sourceId,
    created_at: env.now,
    updated_at: env.now,
  };
}

/**
 * The item as a newer export describes it, or null when nothing changed. What the file leaves
 * empty (Date Read is often empty, rating 0 is "unrated") keeps what grow holds.
 */
function updatedItemRow(row: LearningItemRow, item: ImportedItem, now: string): LearningItemRow | null {
  const next: LearningItemRow = { ...row };
  const set = <K extends keyof LearningItemRow>(field: K, value: LearningItemRow[K] | null) => {
    if (value !== null) next[field] = value;
  };
  set('title', item.title);
  if (item.authors.length > 0) next.authors = json(item.authors);
  set('isbn10', item.isbn10);
  set('isbn13', item.isbn13);
  set('pages', item.pages);
  set('status', item.status);
  set('rating', item.rating);
  set('review', item.review);
  if (item.shelves.length > 0) next.shelves = json(item.shelves);
  set('started_at', item.startedAt);
  set('finished_at', item.finishedAt);
  set('added_at', item.addedAt);
  set('recommended_by', item.recommendedBy);
  if (next.title !== row.title || next.authors !== row.authors) next.match_key = matchKey(next.title, JSON.parse(next.authors) as string[]);
  // An item without a source id (added by hand, or from Kindle) takes this one's, so the next
  // import finds it directly; an id of another source stays, so two sources do not fight over it.
  if (row.source_id === null && item.sourceId !== null) {
    next.source = item.source;
    next.source_id = item.sourceId;
  }
  const changed = (Object.keys(next) as (keyof LearningItemRow)[]).some((k) => next[k] !== row[k]);
  if (!changed) return null;
  next.updated_at = now;
  return next;
}

const clipOf = (row: HighlightRow): Clip => ({
  id: row.id,
  row: 0,
  text: row.text,
  note: row.note,
  page: row.page,
  location: row.location,
  locationStart: row.location_start,
  locationEnd: row.location_end,
  color: row.color,
  tags: JSON.parse(row.tags) as string[],
  highlightedAt: row.highlighted_at,
  highlightedRaw: row.highlighted_raw,
  sourceKey: row.source_key,
});

function highlightRow(itemId: string, source: LibrarySource, h: ImportedHighlight, id: string, createdAt: string): HighlightRow {
  return {
    id,
    item_id: itemId,
    text: h.text,
    note: h.note,
    page: h.page,
    location: h.location,
    location_start: h.locationStart,
    location_end: h.locationEnd,
    color: h.color,
    tags: json(h.tags),
    highlighted_at: h.highlightedAt,
    highlighted_raw: h.highlightedRaw,
    source,
    source_key: h.sourceKey,
    created_at: createdAt,
  };
}

const sameHighlight = (a: HighlightRow, b: HighlightRow) =>
  (['text', 'note', 'page', 'location', 'location_start', 'location_end', 'color', 'tags', 'highlighted_at', 'highlighted_raw', 'source_key'] as const).every(
    (k) => a[k] === b[k],
  );

/** An item the file names, with everything the file has for it (several file books may be one item). */
interface TouchedItem {
  item: LearningItemRow;
  highlights: ImportedHighlight[];
  notes: ImportedNote[];
  changed: boolean;
  created: boolean;
}
type Touched = Map<string, TouchedItem>;

interface Writes {
  items: LearningItemRow[];
  itemUpdates: LearningItemRow[];
  highlights: HighlightRow[];
  highlightUpdates: HighlightRow[];
  notes: Insertable<LearningNoteTable>[];
  noteUpdates: { id: string; text: string }[];
}

/** Reads the whole file into items and the rows it could not read; a file of another format throws. */
export function readLibraryFile(source: LibrarySource, text: string): LibraryFile {
  return READERS[source](text);
}

/** What the person's library holds that a file is compared with. */
interface KnownLibrary {
  items: LearningItemRow[];
  /** The person's highlights and notes from the file's source, read only when the file has any. */
  highlights: HighlightRow[];
  notes: LearningNoteRow[];
}

/** The file's items carry highlights; its notes (Kindle) attach to the highlights at their place. */
const needsHighlights = (file: LibraryFile) => file.items.some((i) => i.highlights.length > 0 || (file.source === 'kindle' && i.notes.length > 0));
const needsNotes = (file: LibraryFile) => file.items.some((i) => i.notes.length > 0);

/**
 * The four library sources, one importer: the source's reader makes items of the file; they are
 * matched to the person's items (source id, ISBN-13, title and first author) and the plan adds the
 * new ones, rewrites the changed ones and merges highlights and notes.
 */
export const libraryImporter: Importer<{ source: LibrarySource; text: string }, LibraryFile, KnownLibrary, LibraryImportResult, { skipBad: boolean }> = {
  read({ source, text }, { skipBad }) {
    const file = readLibraryFile(source, text);
    if (file.bad.length > 0 && !skipBad) throw badFileError(file);
    return file;
  },

  async load(db, ctx, file) {
    return {
      items: await listPersonLearningItems(db, ctx.personId),
      highlights: needsHighlights(file) ? await listSourceHighlights(db, ctx.personId, file.source) : [],
      notes: needsNotes(file) ? await listSourceNotes(db, ctx.personId, file.source) : [],
    };
  },

  plan(file, known, env) {
    return planLibraryImport(file, known, env);
  },
};

/**
 * Imports a Goodreads or StoryGraph library export, Kindle clippings or a Readwise export in one
 * transaction. The file is read and checked completely first: a bad row refuses the whole file,
 * unless skipBad, when the good rows are imported and the bad ones reported. Importing the same
 * file again changes nothing; a newer export updates what changed.
 */
export async function importLibrary(ctx: Context, input: LibraryImportInput, text: string, options: LibraryImportOptions = {}): Promise<LibraryImportResult> {
  const { source, skipBad } = parseInput(libraryImportSchema, input);
  return runImport(ctx, libraryImporter, { source, text }, { skipBad }, options);
}

function planLibraryImport(file: LibraryFile, known: KnownLibrary, env: PlanEnv): ImportPlan<LibraryImportResult> {
  const result: LibraryImportResult = {
    itemsCreated: 0,
    itemsUpdated: 0,
    itemsUnchanged: 0,
    highlightsAdded: 0,
    highlightsUpdated: 0,
    highlightsUnchanged: 0,
    notesAdded: 0,
    skipped: file.bad.map(({ row, message }) => ({ row, message })),
  };
  const index = new ItemIndex(known.items);
  const writes: Writes = { items: [], itemUpdates: [], highlights: [], highlightUpdates: [], notes: [], noteUpdates: [] };
  const touched: Touched = new Map();

  for (const imported of file.items) {
    const key = matchKey(imported.title, imported.authors);
    const found = index.find(imported, key, file.describesItems);
    let entry = found ? touched.get(found.id) : undefined;
    if (!found) {
      const row = newItemRow(env, imported, key, index.slugs);
      writes.items.push(row);
      // A highlights export names one book in several ways (title lines): the next may find it.
      // A library export's new item is claimed already, so no later row may match it anyway.
      if (!file.describesItems) index.add(row);
      entry = { item: row, highlights: [], notes: [], changed: false, created: true };
      touched.set(row.id, entry);
    } else if (!entry) {
      entry = { item: found, highlights: [], notes: [], changed: false, created: false };
      touched.set(found.id, entry);
      if (file.describesItems) {
        const updated = updatedItemRow(found, imported, env.now);
        if (updated) {
          writes.itemUpdates.push(updated);
          entry.item = updated;
          entry.changed = true;
        }
      }
    }
    if (file.describesItems) index.claimed.add(entry.item.id);
    for (const h of imported.highlights) entry.highlights.push(h);
    for (const n of imported.notes) entry.notes.push(n);
  }

  mergeHighlightsAndNotes(file.source, known, touched, writes, result, env);

  for (const entry of touched.values()) {
    if (entry.created) result.itemsCreated++;
    else if (entry.changed) result.itemsUpdated++;
    else result.itemsUnchanged++;
  }
  // Progress counts the file's items: the unchanged ones are done already, each written item is one more.
  const writtenItems = writes.items.length + writes.itemUpdates.length;
  return {
    inserts: [
      { table: 'learning_item', rows: writes.items },
      { table: 'highlight', rows: writes.highlights },
      { table: 'learning_note', rows: writes.notes },
    ],
    rewrites: [
      { table: 'learning_item', rows: writes.itemUpdates },
      { table: 'highlight', rows: writes.highlightUpdates },
    ],
    updates: writes.noteUpdates.map((n) => ({ table: 'learning_note', where: { id: n.id }, set: { text: n.text } })),
    progress: {
      table: 'learning_item',
      total: file.items.length,
      done: file.items.length - writtenItems,
      ends: Array.from({ length: writtenItems }, (_, i) => i + 1),
    },
    result,
  };
}

/** Compares the file's highlights and notes with the stored ones of the same source, per item. */
function mergeHighlightsAndNotes(source: LibrarySource, known: KnownLibrary, touched: Touched, writes: Writes, result: LibraryImportResult, env: PlanEnv) {
  const entries = [...touched.values()];
  const storedHighlights = new Map<string, HighlightRow[]>();
  for (const row of known.highlights) {
    const list = storedHighlights.get(row.item_id);
    if (list) list.push(row);
    else storedHighlights.set(row.item_id, [row]);
  }
  // Copies: the plan keeps what it has written so far here, and what was loaded stays as it was.
  const storedNotes = new Map<string, LearningNoteRow>();
  for (const row of known.notes) storedNotes.set(`${row.item_id}\u0000${row.source_key}`, { ...row });
  const now = env.now;

  const addLooseNote = (entry: TouchedItem, note: ImportedNote) => {
    const stored = storedNotes.get(`${entry.item.id}\u0000${note.sourceKey}`);
    if (!stored) {
      const row: LearningNoteRow = { id: env.newId(), item_id: entry.item.id, text: note.text, source, source_key: note.sourceKey, created_at: now };
      writes.notes.push(row);
      storedNotes.set(`${entry.item.id}\u0000${note.sourceKey}`, row);
      result.notesAdded++;
    } else if (stored.text !== note.text) {
      // Goodreads keeps one private note per book: a newer export rewrites it.
      writes.noteUpdates.push({ id: stored.id, text: note.text });
      stored.text = note.text;
      if (!entry.created) entry.changed = true;
    }
  };

  for (const entry of entries) {
    const stored = storedHighlights.get(entry.item.id) ?? [];
    if (source === 'kindle') {
      const merge = mergeClippings(stored.map(clipOf), entry.highlights, entry.notes);
      result.notesAdded += merge.notesAttached;
      const byId = new Map(stored.map((r) => [r.id, r]));
      for (const { clip, matched } of merge.clips) {
        if (clip.id === null) {
          writes.highlights.push(highlightRow(entry.item.id, source, clip, env.newId(), now));
          result.highlightsAdded++;
          continue;
        }
        const before = byId.get(clip.id)!;
        const after = highlightRow(entry.item.id, source, clip, before.id, before.created_at);
        if (!sameHighlight(before, after)) {
          writes.highlightUpdates.push(after);
          result.highlightsUpdated++;
        } else if (matched) result.highlightsUnchanged++;
      }
      for (const note of merge.looseNotes) addLooseNote(entry, note);
      continue;
    }
    // Two books of the file may be one item here, so a highlight may come twice: the later wins.
    const byKey = new Map(stored.map((r) => [r.source_key, { row: r, added: false, updated: false }]));
    for (const h of entry.highlights) {
      const seen = byKey.get(h.sourceKey);
      if (!seen) {
        const row = highlightRow(entry.item.id, source, h, env.newId(), now);
        writes.highlights.push(row);
        byKey.set(h.sourceKey, { row, added: true, updated: false });
        result.highlightsAdded++;
        continue;
      }
      const after = highlightRow(entry.item.id, source, h, seen.row.id, seen.row.created_at);
      if (sameHighlight(seen.row, after)) {
        if (!seen.added && !seen.updated) result.highlightsUnchanged++;
        continue;
      }
      if (seen.added || seen.updated) {
        // A row this import writes already: the later of the two wins.
        Object.assign(seen.row, after);
        continue;
      }
      seen.updated = true;
      seen.row = after;
      writes.highlightUpdates.push(after);
      result.highlightsUpdated++;
    }
    for (const note of entry.notes) addLooseNote(entry, note);
  }
}
