import type { ImportLimit } from '../core/import-limits.js';
import { IMPORT_SOURCES, type ImportSource, LIBRARY_SOURCES, type LibrarySource } from '../core/vocabulary.js';

/**
 * Every format grow imports, one entry each: its name, the words of its command and route, its
 * size limit, how a file of it is recognised, and its importer (read the file, load what the store
 * holds, plan the rows, written in one transaction: see import.runner.ts). The CLI's `grow import …`
 * commands and the API's import routes take their names, help and limits from here.
 *
 * This file stays light (the CLI loads it to list the commands): each importer, with its parser,
 * loads only when it runs.
 */

/** The start of a file, as detection sees it: its name and its first bytes. */
export interface FileSample {
  name: string;
  head: Uint8Array;
  /** Whether the path is a folder (an unpacked Loop CSV export, a Jekyll site). */
  folder?: boolean;
}

/** Each source's importer, by the types its service gives it. */
interface Importers {
  loop: typeof import('./loop-import.service.js')['loopImporter'];
  goodreads: typeof import('./library-import.service.js')['libraryImporter'];
  storygraph: Importers['goodreads'];
  kindle: Importers['goodreads'];
  readwise: Importers['goodreads'];
  jekyll: typeof import('./jekyll.service.js')['jekyllImporter'];
  framework: typeof import('./framework.service.js')['frameworkImporter'];
  json: typeof import('./backup.service.js')['backupImporter'];
}

export interface ImportSourceEntry<S extends ImportSource = ImportSource> {
  source: S;
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
  /** Its importer, loaded when an import runs. */
  importer(): Promise<Importers[S]>;
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

export const IMPORT_REGISTRY: { readonly [S in ImportSource]: ImportSourceEntry<S> } = {
  loop: {
    source: 'loop',
    name: 'Loop',
    file: "Loop Habit Tracker's backup (.db), CSV export (.zip) or its unpacked folder",
    description: 'import habits and check-ins from Loop Habit Tracker',
    summary: 'Import a Loop Habit Tracker backup (.db) or CSV export (.zip)',
    limit: 'fileBytes',
    detect: (sample) => isSqlite(sample.head) || isZip(sample.head) || (sample.folder === true && /(^|\/)Loop Habits CSV/i.test(sample.name)),
    importer: async () => (await import('./loop-import.service.js')).loopImporter,
  },
  goodreads: {
    source: 'goodreads',
    name: 'Goodreads',
    file: 'goodreads_library_export.csv',
    description: 'import your Goodreads library export (CSV)',
    summary: 'Import a Goodreads library export (goodreads_library_export.csv)',
    limit: 'fileBytes',
    detect: hasColumns('Book Id', 'Exclusive Shelf'),
    importer: async () => (await import('./library-import.service.js')).libraryImporter,
  },
  storygraph: {
    source: 'storygraph',
    name: 'StoryGraph',
    file: 'the StoryGraph export (CSV)',
    description: 'import your StoryGraph export (CSV)',
    summary: 'Import a StoryGraph export (CSV)',
    limit: 'fileBytes',
    detect: hasColumns('ISBN/UID', 'Read Status'),
    importer: async () => (await import('./library-import.service.js')).libraryImporter,
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
    importer: async () => (await import('./library-import.service.js')).libraryImporter,
  },
  readwise: {
    source: 'readwise',
    name: 'Readwise',
    file: 'the Readwise CSV export',
    description: 'import highlights from a Readwise CSV export',
    summary: 'Import highlights from a Readwise CSV export',
    limit: 'fileBytes',
    detect: hasColumns('Highlight', 'Book Title', 'Book Author'),
    importer: async () => (await import('./library-import.service.js')).libraryImporter,
  },
  jekyll: {
    source: 'jekyll',
    name: 'Jekyll',
    file: 'a post (YYYY-MM-DD-slug.md), a _posts folder, or the site folder holding _posts',
    description: 'import Jekyll posts into the journal (re-importing a file updates its entry)',
    summary: 'Import Jekyll posts into the journal: one post as the body (?name= its file name), or several "file" fields of a form',
    limit: 'fileBytes',
    detect: (sample) => (sample.folder === true ? /(^|\/)_posts\/?$/.test(sample.name) : /\d{4}-\d{2}-\d{2}-[^/]+\.(md|markdown|html)$/i.test(sample.name)),
    importer: async () => (await import('./jekyll.service.js')).jekyllImporter,
  },
  framework: {
    source: 'framework',
    name: 'framework',
    file: 'a framework file, YAML or JSON (see docs/frameworks.md)',
    description: 'import a framework of your own; nothing is imported when the file has a problem',
    summary: 'Import a framework file (YAML or JSON); nothing is imported when it has a problem',
    limit: 'frameworkBytes',
    // A top-level id and its skills or tracks, in YAML or in JSON (the file's start is all there is to see).
    detect: (sample) => {
      const start = text(sample.head);
      return (/^id\s*:/m.test(start) && /^(skills|tracks)\s*:/m.test(start)) || (/"id"\s*:/.test(start) && /"(skills|tracks)"\s*:/.test(start));
    },
    importer: async () => (await import('./framework.service.js')).frameworkImporter,
  },
  json: {
    source: 'json',
    name: 'JSON backup',
    file: 'a grow JSON backup (grow export json)',
    description: 'restore a JSON backup into an empty database',
    summary: 'Restore a JSON backup into an empty database',
    limit: 'fileBytes',
    detect: (sample) => /^\s*\{\s*"format"\s*:\s*"grow-backup"/.test(text(sample.head)),
    importer: async () => (await import('./backup.service.js')).backupImporter,
  },
};

/** The formats a file's start fits, in the order of IMPORT_SOURCES (usually one). */
export function detectImportSources(sample: FileSample): ImportSource[] {
  return IMPORT_SOURCES.filter((source) => IMPORT_REGISTRY[source].detect(sample));
}

/** The entries of the library sources, in their order. */
export const LIBRARY_IMPORTS: readonly ImportSourceEntry<LibrarySource>[] = LIBRARY_SOURCES.map((source) => IMPORT_REGISTRY[source]);
