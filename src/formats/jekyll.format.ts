/**
 * Jekyll posts: `_posts/YYYY-MM-DD-slug.md`, YAML front matter between `---` lines (the closing
 * fence may be `...`), then the body. Pure: text in, records out, and back.
 *
 * Front matter is parsed with `yaml` v2 and its core schema, so dates stay strings (no timestamp
 * type turning `2020-08-21` into UTC midnight) and go through core/entry-date.ts. What was read is
 * kept exactly: the front matter text (fences, comments, line endings, a BOM) and the body, so an
 * unchanged post is written back byte for byte; a changed one is edited through the YAML Document
 * API, which keeps the keys nobody changed, their order and their comments.
 */
import { type Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { type EntryDate, jekyllDate, readEntryDate } from '../core/entry-date.js';
import { AppError } from '../core/errors.js';
import { slugify } from '../core/slug.js';

/** Extensions of the files `grow import jekyll FOLDER` reads as posts. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.html'] as const;

/** Jekyll's post file name: the date, a dash, the slug, the extension. */
const POST_NAME_RE = /^(\d{4}-\d{2}-\d{2})-(.+)\.([A-Za-z0-9]+)$/;

export interface JekyllPost {
  /** The title in the front matter; null when it has none (Jekyll then shows the slug). */
  title: string | null;
  date: EntryDate;
  tags: string[];
  categories: string[];
  /** Everything before the body exactly as read: BOM, fences, comments, line endings. */
  frontMatter: string;
  /** Everything after the closing fence's line, exactly. */
  body: string;
}

/** The fields of a journal entry a post is made from, or written back from. */
export interface PostFields extends EntryDate {
  title: string | null;
  tags: string[];
  categories: string[];
  body: string;
}

interface Split {
  /** The opening fence line with its line ending (and a leading BOM, if any). */
  open: string;
  yaml: string;
  /** The closing fence line with its line ending (none at the end of the file). */
  close: string;
  body: string;
  /** The line ending the front matter uses. */
  eol: '\n' | '\r\n';
}

/** An error in one file: `NAME: problem`, or `NAME: line N: problem`. */
export const fileError = (name: string, problem: string, line?: number): AppError =>
  new AppError('validation_failed', `${name}: ${line === undefined ? '' : `line ${line}: `}${problem}`, {
    details: [{ path: name, message: problem, ...(line === undefined ? {} : { line }) }],
  });

/** Splits a post into its fences, its YAML and its body. */
function splitPost(text: string, name: string): Split {
  const open = /^(\uFEFF?)---[ \t]*(\r?\n)/.exec(text);
  if (!open) throw fileError(name, 'no front matter: a Jekyll post starts with a line "---"', 1);
  const eol = open[2] === '\r\n' ? '\r\n' : '\n';
  let at = open[0].length;
  // The empty front matter `---\n---\n` closes on the line right after the opening fence.
  while (at <= text.length) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
      const closeEnd = end < 0 ? text.length : end + 1;
      return { open: open[0], yaml: text.slice(open[0].length, at), close: text.slice(at, closeEnd), body: text.slice(closeEnd), eol };
    }
    if (end < 0) break;
    at = end + 1;
  }
  throw fileError(name, 'the front matter is not closed: no line "---" or "..." after the opening "---"');
}

function parseYaml(yaml: string, name: string): Document.Parsed {
  // The core schema has no timestamp type, so dates stay the strings that were written.
  const doc = parseDocument(yaml, { schema: 'core', prettyErrors: true, strict: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // +1: the opening fence is line 1 of the file.
    throw fileError(name, `front matter is not YAML: ${detail}`, line === undefined ? undefined : line + 1);
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw fileError(name, 'front matter is not YAML keys and values (a mapping)', 2);
  return doc;
}

/** Line of a key in the file (1-based), for error messages. */
function lineOf(doc: Document.Parsed, yaml: string, key: string): number | undefined {
  const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  return yaml.slice(0, offset).split('\n').length + 1;
}

/** A list of words: a YAML list, or one space-separated string (`categories: blog growth`). */
function words(doc: Document.Parsed, yaml: string, key: string, name: string): string[] {
  const value: unknown = doc.get(key);
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/\s+/).filter((w) => w !== '');
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (isSeq(value)) {
    const out: string[] = [];
    for (const item of value.items) {
      const scalar = isScalar(item) ? item.value : item;
      if (scalar === null || scalar === undefined || scalar === '') continue;
      if (typeof scalar === 'object') throw fileError(name, `${key}: expected a list of words or a space-separated string`, lineOf(doc, yaml, key));
      out.push(String(scalar));
    }
    return out;
  }
  throw fileError(name, `${key}: expected a list of words or a space-separated string`, lineOf(doc, yaml, key));
}

/** The date a post's file name gives (`2024-03-05-slug.md`), or null. */
export function dateOfFileName(name: string): string | null {
  const m = POST_NAME_RE.exec(name);
  return m ? m[1]! : null;
}

/** Reads one post. `name` is the file name, which gives the date when the front matter has none. */
export function parsePost(text: string, name: string, timeZone: string): JekyllPost {
  const split = splitPost(text, name);
  const doc = parseYaml(split.yaml, name);
  const title = doc.get('title');
  if (title !== undefined && title !== null && typeof title === 'object') {
    throw fileError(name, 'title: expected text', lineOf(doc, split.yaml, 'title'));
  }
  const written = doc.get('date');
  let date: EntryDate;
  if (written === undefined || written === null || written === '') {
    const fromName = dateOfFileName(name);
    if (fromName === null) throw fileError(name, 'no date: the front matter has no date and the file name does not start with YYYY-MM-DD-');
    try {
      const { offsetWritten: _, ...read } = readEntryDate(fromName, timeZone);
      date = read;
    } catch {
      throw fileError(name, `the file name's date ${fromName} is not a real date`);
    }
  } else {
    try {
      const { offsetWritten: _, ...read } = readEntryDate(String(typeof written === 'object' ? '' : written), timeZone);
      date = read;
    } catch (error) {
      throw fileError(name, (error as Error).message, lineOf(doc, split.yaml, 'date'));
    }
  }
  const categories = [...words(doc, split.yaml, 'categories', name), ...words(doc, split.yaml, 'category', name)];
  return {
    title: title === undefined || title === null ? null : String(title),
    date,
    tags: [...new Set(words(doc, split.yaml, 'tags', name))],
    categories: [...new Set(categories)],
    frontMatter: split.open + split.yaml + split.close,
    body: split.body,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the entry's date is still the one its front matter (or file name) gives. */
function sameDate(post: JekyllPost, offsetWritten: boolean, fields: EntryDate): boolean {
  // A floating time (no offset written) is compared by date and time only: resolving it again in
  // another zone is not a change.
  return post.date.date === fields.date && post.date.time === fields.time && (!offsetWritten || post.date.utcOffset === fields.utcOffset);
}

function offsetWasWritten(split: Split, timeZone: string): boolean {
  const value = parseDocument(split.yaml, { schema: 'core' }).get('date');
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  try {
    return readEntryDate(String(value), timeZone).offsetWritten;
  } catch {
    return false;
  }
}

/**
 * An imported post written back: byte for byte when title, date, tags, categories and body are
 * unchanged; otherwise the front matter is edited key by key (others, their order and comments
 * kept) and the body written as stored.
 */
export function writeImportedPost(frontMatter: string, fields: PostFields, name: string, timeZone: string): string {
  const original = parsePost(frontMatter, name, timeZone);
  const split = splitPost(frontMatter, name);
  const dateKept = sameDate(original, offsetWasWritten(split, timeZone), fields);
  const titleKept = original.title === fields.title;
  const tagsKept = sameList(original.tags, fields.tags);
  const categoriesKept = sameList(original.categories, fields.categories);
  // The body is always the stored one; only the front matter may need editing.
  if (dateKept && titleKept && tagsKept && categoriesKept) return frontMatter + fields.body;

  const doc = parseDocument(split.yaml, { schema: 'core', keepSourceTokens: false });
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  if (!titleKept) {
    if (fields.title === null) doc.delete('title');
    else doc.set('title', fields.title);
  }
  if (!dateKept) doc.set('date', jekyllDate(fields));
  if (!tagsKept) setWords(doc, 'tags', fields.tags);
  if (!categoriesKept) {
    doc.delete('category');
    setWords(doc, 'categories', fields.categories);
  }
  let yaml = doc.toString({ lineWidth: 0 });
  if (split.eol === '\r\n') yaml = yaml.replace(/\r?\n/g, '\r\n');
  const close = split.close.endsWith('\n') ? split.close : `${split.close}${split.eol}`;
  return split.open + yaml + close + fields.body;
}

/** Sets a list key, in the form it was written: a space-separated string stays one. */
function setWords(doc: Document.Parsed, key: string, values: readonly string[]): void {
  if (values.length === 0) {
    doc.delete(key);
    return;
  }
  const current: unknown = doc.get(key);
  if (typeof current === 'string' && values.every((v) => !/\s/.test(v))) doc.set(key, values.join(' '));
  else doc.set(key, doc.createNode([...values]));
}

/**
 * A post for an entry that was never a Jekyll post: layout, title, date, tags and categories
 * when there are any, `published: false` for a draft (a reflection the person has not finished).
 */
export function writeNewPost(fields: PostFields & { draft: boolean }): string {
  const doc = parseDocument('', { schema: 'core' });
  const data: Record<string, unknown> = { layout: 'post' };
  if (fields.title !== null) data.title = fields.title;
  data.date = jekyllDate(fields);
  if (fields.tags.length > 0) data.tags = [...fields.tags];
  if (fields.categories.length > 0) data.categories = [...fields.categories];
  if (fields.draft) data.published = false;
  doc.contents = doc.createNode(data) as never;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${fields.body}`;
}

/** A slug for a file name: the title's, or `entry` when it has no letters or digits in ASCII. */
function slugOf(title: string | null): string {
  if (title === null) return 'entry';
  const slug = slugify(title);
  return /[a-z0-9]/i.test(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')) ? slug : 'entry';
}

/** `YYYY-MM-DD-slug.md`: the imported file's own name, else the date and the title's slug. */
export function postFileName(entry: { date: string; title: string | null; sourceName: string | null }): string {
  return entry.sourceName ?? `${entry.date}-${slugOf(entry.title)}.md`;
}

/** A file name that can be a post: a plain name (no folders) with a post extension. */
export function isPostFileName(name: string): boolean {
  return !/[/\\]/.test(name) && name !== '' && POST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}
