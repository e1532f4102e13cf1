import type { IsoDate } from '../core/calendar.js';
import { IMPORT_SOURCES, type ImportSource, LIBRARY_SOURCES, type LibrarySource } from '../core/vocabulary.js';
import type { ImportLimit } from '../core/import-limits.js';
import { inTransaction } from '../store/database.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import { type WritePlan, writePlan } from '../store/import.repository.js';
import type { Context } from './context.js';

/**
 * Every format grow imports, one entry each: its name, how a file of it is recognised, and its
 * importer. Every importer works the same way: the file is read completely first (a bad file is
 * refused naming each problem, and nothing is written); then, in one transaction, what the store
 * holds is loaded, a pure plan of inserts, rewrites and skips is made from the two, and the plan
 * is written in one go (src/store/import.repository.ts). The CLI's `grow import …` commands, the
 * API's import routes and their help come from here, so a format is added by adding its entry.
 *
 * This file stays light (the CLI loads it to list the commands): each importer, with its parser,
 * loads only when it runs.
 */

/** What a plan may use besides the file and the store: the person, their day, and fresh ids. */
export interface PlanEnv {
  personId: string;
  today: IsoDate;
  timeZone: string;
  /** The import's instant, ISO-8601 UTC, for created_at and updated_at. */
  now: string;
  newId(): string;
}

/** What an import writes, what it answers, and what `settle` derives from the rows written. */
export interface ImportPlan<Result, Derived = undefined> extends WritePlan {
  result: Result;
  derived?: Derived;
}

export interface Importer<Input, Read, Known, Result, Options = Record<string, never>, Derived = undefined> {
  /** Reads the file (or files) into plain data, refusing a bad one with every problem named. Pure. */
  read(input: Input, options: Options, ctx: Context): Read;
  /** What the store holds that the plan compares the file with, read inside the import's transaction. */
  load(db: Db, ctx: Context, file: Read, options: Options): Promise<Known>;
  /** The rows the file adds and changes, and what it leaves as it is: pure, given the file and what is known. */
  plan(file: Read, known: Known, env: PlanEnv, options: Options): ImportPlan<Result, Derived>;
  /** Brings up to date, in the same transaction, what is derived from the rows written (habit snapshots). */
  settle?(db: Db, ctx: Context, plan: ImportPlan<Result, Derived>): Promise<void>;
}

export interface RunOptions {
  /** Called as the import writes, in the units of its progress (items, habits). */
  onProgress?: (done: number, total: number) => void;
}

/** Runs an importer: read the whole file, then load, plan and write in one transaction. */
export async function runImport<Input, Read, Known, Result, Options, Derived>(
  ctx: Context,
  importer: Importer<Input, Read, Known, Result, Options, Derived>,
  input: Input,
  options: Options,
  run: RunOptions = {},
): Promise<Result> {
  const file = importer.read(input, options, ctx);
  return inTransaction(ctx.store, async (trx) => {
    const known = await importer.load(trx, ctx, file, options);
    const env: PlanEnv = {
      personId: ctx.personId,
      today: ctx.today,
      timeZone: ctx.timeZone,
      now: ctx.now().toISOString(),
      newId: () => newId(),
    };
    const plan = importer.plan(file, known, env, options);
    await writePlan(trx, plan, run.onProgress);
    await importer.settle?.(trx, ctx, plan);
    return plan.result;
  });
}

/** The start of a file, as detection sees it: its name and its first bytes. */
export interface FileSample {
  name: string;
  head: Uint8Array;
  /** Whether the path is a folder (an unpacked Loop CSV export, a Jekyll site). */
  folder?: boolean;
}

export interface ImportSourceEntry {
  source: ImportSource;
  /** How people call it: "Goodreads". */
  name: string;
  /** The file it takes, in the words of the CLI's help. */
  file: string;
  /** What `grow import SOURCE` does, for its help. */
  description: string;
  /** The API route's summary. */
  summary: string;
  /** The byte limit of its files (src/core/import-limits.ts). */
  limit: Extract<ImportLimit, 'fileBytes' | 'frameworkBytes'>;
  /** Whether a file's start says it is of this format. */
  detect(sample: FileSample): boolean;
}

const text = (head: Uint8Array) => new TextDecoder().decode(head).replace(/^\uFEFF/, '');

/** The header cells of a CSV file's first line, as detection reads them (quotes dropped). */
function headerOf(head: Uint8Array): Set<string> {
  const line = text(head).split(/\r?\n/, 1)[0] ?? '';
  return new Set(line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')));
}

const hasColumns =
  (...columns: string[]) =>
  (sample: FileSample) => {
    const header = headerOf(sample.head);
    return columns.every((c) => header.has(c));
  };

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** An SQLite database or a zip archive (the start of a local file header, or an empty archive's end record). */
const isSqlite = (head: Uint8Array) => text(head.subarray(0, 16)) === 'SQLite format 3\0';
const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 3, 4]) || startsWith(head, [0x50, 0x4b, 5, 6]);

export const IMPORT_REGISTRY: { readonly [S in ImportSource]: ImportSourceEntry & { source: S } } = {
  loop: {
    source: 'loop',
    name: 'Loop',
    file: "Loop Habit Tracker's backup (.db), CSV export (.zip) or its unpacked folder",
    description: 'import habits and check-ins from Loop Habit Tracker',
    summary: 'Import a Loop Habit Tracker backup (.db) or CSV export (.zip)',
    limit: 'fileBytes',
    detect: (sample) => isSqlite(sample.head) || isZip(sample.head) || (sample.folder === true && /(^|\/)Loop Habits CSV/i.test(sample.name)),
  },
  goodreads: {
    source: 'goodreads',
    name: 'Goodreads',
    file: 'goodreads_library_export.csv',
    description: 'import your Goodreads library export (CSV)',
    summary: 'Import a Goodreads library export (goodreads_library_export.csv)',
    limit: 'fileBytes',
    detect: hasColumns('Book Id', 'Exclusive Shelf'),
  },
  storygraph: {
    source: 'storygraph',
    name: 'StoryGraph',
    file: 'the StoryGraph export (CSV)',
    description: 'import your StoryGraph export (CSV)',
    summary: 'Import a StoryGraph export (CSV)',
    limit: 'fileBytes',
    detect: hasColumns('ISBN/UID', 'Read Status'),
  },
  kindle: {
    source: 'kindle',
    name: 'Kindle',
    file: 'My Clippings.txt from the Kindle',
    description: "import highlights and notes from a Kindle's My Clippings.txt",
    summary: "Import highlights and notes from a Kindle's My Clippings.txt",
    limit: 'fileBytes',
    // A title line, a metadata line starting "- ", and entries closed by a line of "=".
    detect: (sample) => /^[^\r\n]*\r?\n- [^\r\n]*\|/.test(text(sample.head)) && /^==========\s*$/m.test(text(sample.head)),
  },
  readwise: {
    source: 'readwise',
    name: 'Readwise',
    file: 'the Readwise CSV export',
    description: 'import highlights from a Readwise CSV export',
    summary: 'Import highlights from a Readwise CSV export',
    limit: 'fileBytes',
    detect: hasColumns('Highlight', 'Book Title', 'Book Author'),
  },
  jekyll: {
    source: 'jekyll',
    name: 'Jekyll',
    file: 'a post (YYYY-MM-DD-slug.md), a _posts folder, or the site folder holding _posts',
    description: 'import Jekyll posts into the journal (re-importing a file updates its entry)',
    summary: 'Import Jekyll posts into the journal: one post as the body (?name= its file name), or several "file" fields of a form',
    limit: 'fileBytes',
    detect: (sample) => (sample.folder === true ? /(^|\/)_posts\/?$/.test(sample.name) : /\d{4}-\d{2}-\d{2}-[^/]+\.(md|markdown|html)$/i.test(sample.name)),
  },
  framework: {
    source: 'framework',
    name: 'framework',
    file: 'a framework file, YAML or JSON (see docs/frameworks.md)',
    description: 'import a framework of your own; nothing is imported when the file has a problem',
    summary: 'Import a framework file (YAML or JSON); nothing is imported when it has a problem',
    limit: 'frameworkBytes',
    // Top-level skills and tracks, in YAML or in JSON.
    detect: (sample) => {
      const start = text(sample.head);
      return (/^skills\s*:/m.test(start) && /^tracks\s*:/m.test(start)) || (/"skills"\s*:/.test(start) && /"tracks"\s*:/.test(start));
    },
  },
  json: {
    source: 'json',
    name: 'JSON backup',
    file: 'a grow JSON backup (grow export json)',
    description: 'restore a JSON backup into an empty database',
    summary: 'Restore a JSON backup into an empty database',
    limit: 'fileBytes',
    detect: (sample) => /^\s*\{\s*"format"\s*:\s*"grow-backup"/.test(text(sample.head)),
  },
};

/** The formats a file's start fits, in the order of IMPORT_SOURCES (usually one). */
export function detectImportSources(sample: FileSample): ImportSource[] {
  return IMPORT_SOURCES.filter((source) => IMPORT_REGISTRY[source].detect(sample));
}

/** The entries of the library sources, in their order. */
export const LIBRARY_IMPORTS: readonly (ImportSourceEntry & { source: LibrarySource })[] = LIBRARY_SOURCES.map((source) => IMPORT_REGISTRY[source]);
