/**
 * Jekyll posts in and out of the journal. Import reads every post first and writes in one
 * transaction, so a bad post (without --skip-bad) writes nothing; re-importing a file of the same
 * name updates its entry instead of adding another.
 */
import { AppError, invalidAll, notFound } from '../core/errors.js';
import { IMPORT_LIMITS, limitText } from '../core/import-limits.js';
import { type JekyllPost, fileError, isPostFileName, parsePost, postFileName, writeImportedPost, writeNewPost } from '../formats/jekyll.format.js';
import { emptyWritePlan } from '../store/import.repository.js';
import { findEntriesBySourceNames, findEntryByIdOrSourceName } from '../store/reflection.repository.js';
import type { JournalEntryRow } from '../store/schema.js';
import type { Context } from './context.js';
import { type ImportPlan, type Importer, runImport } from './import.runner.js';
import { toJournalEntry } from './journal.service.js';

/** One post to import: its file name (the entry's source name) and its text. */
export interface PostFile {
  name: string;
  text: string;
  /** Where it was found, for messages (a path inside the folder); the name when not given. */
  path?: string;
}

export interface JekyllImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Posts left out with --skip-bad, and why. */
  skipped: { file: string; message: string }[];
}

/** The text of an uploaded post: UTF-8 (a BOM is kept, as a file read from disk keeps it). */
export function decodePost(bytes: Uint8Array, name: string): PostFile {
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    throw fileError(name, 'not UTF-8 text');
  }
}

interface ReadPost {
  file: PostFile;
  post: JekyllPost;
}

/** Reads every file; each problem is the file's own error, reported or thrown by the caller. */
function readPosts(files: readonly PostFile[], timeZone: string): { good: ReadPost[]; bad: { file: string; error: AppError }[] } {
  const good: ReadPost[] = [];
  const bad: { file: string; error: AppError }[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const where = file.path ?? file.name;
    try {
      if (!isPostFileName(file.name)) throw fileError(file.name, 'not a post file: expected a name ending in .md, .markdown or .html');
      const other = seen.get(file.name);
      if (other !== undefined) throw fileError(file.name, `the same file name as ${other}: Jekyll would make one post of them`);
      const post = parsePost(file.text, file.name, timeZone);
      seen.set(file.name, where);
      good.push({ file, post });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      bad.push({ file: where, error });
    }
  }
  return { good, bad };
}

function columnsOf(post: JekyllPost) {
  return {
    title: post.title,
    body: post.body,
    date: post.date.date,
    time: post.date.time,
    utc_offset: post.date.utcOffset,
    tags: JSON.stringify(post.tags),
    categories: JSON.stringify(post.categories),
    front_matter: post.frontMatter,
  };
}

type PostColumns = ReturnType<typeof columnsOf>;
const COMPARED = ['title', 'body', 'date', 'time', 'utc_offset', 'tags', 'categories', 'front_matter'] as const satisfies readonly (keyof PostColumns)[];

interface ReadPosts {
  good: ReadPost[];
  skipped: JekyllImportResult['skipped'];
}

/**
 * Jekyll posts: each file's front matter and body become a journal entry, found again by the
 * post's file name. Without `skipBad`, the first bad post is the error (naming its file, and the
 * line when there is one), or every bad post when there are several, and nothing is written; with
 * it, the good posts are imported and the bad ones listed in `skipped`.
 */
export const jekyllImporter: Importer<readonly PostFile[], ReadPosts, Map<string, JournalEntryRow>, JekyllImportResult, { skipBad?: boolean }> = {
  read(files, options, ctx) {
    if (files.length === 0) throw new AppError('validation_failed', 'file: no Jekyll posts (.md, .markdown or .html files) found');
    if (files.length > IMPORT_LIMITS.posts) throw new AppError('validation_failed', `file: more posts than the limit of ${limitText('posts')}`);
    const { good, bad } = readPosts(files, ctx.timeZone);
    if (bad.length === 1 && !options.skipBad) throw bad[0]!.error;
    // Several bad posts: every one is named, with its file and line, so all can be fixed at once.
    if (bad.length > 1 && !options.skipBad) {
      throw invalidAll(
        bad.flatMap((b) => b.error.details ?? [{ path: b.file, message: b.error.message }]),
        'nothing was imported',
      );
    }
    return { good, skipped: bad.map((b) => ({ file: b.file, message: b.error.message })) };
  },

  async load(db, ctx, posts) {
    if (posts.good.length === 0) return new Map();
    const rows = await findEntriesBySourceNames(
      db,
      ctx.personId,
      posts.good.map((g) => g.file.name),
    );
    return new Map(rows.map((row) => [row.source_name!, row]));
  },

  plan(posts, existing, env) {
    const result: JekyllImportResult = { created: 0, updated: 0, unchanged: 0, skipped: posts.skipped };
    const plan: ImportPlan<JekyllImportResult> = { ...emptyWritePlan(), result };
    const added: JournalEntryRow[] = [];
    for (const { file, post } of posts.good) {
      const columns = columnsOf(post);
      const row = existing.get(file.name);
      if (!row) {
        added.push({
          id: env.newId(),
          person_id: env.personId,
          ...columns,
          kind: 'entry',
          period_from: null,
          period_to: null,
          visibility: 'private',
          source_name: file.name,
          created_at: env.now,
          updated_at: env.now,
        });
        result.created++;
      } else if (COMPARED.every((key) => row[key] === columns[key])) {
        result.unchanged++;
      } else {
        plan.updates.push({ table: 'journal_entry', where: { id: row.id }, set: { ...columns, updated_at: env.now } });
        result.updated++;
      }
    }
    plan.inserts.push({ table: 'journal_entry', rows: added });
    return plan;
  },
};

/** Imports posts into the journal, in one transaction (see jekyllImporter). */
export async function importJekyll(ctx: Context, files: readonly PostFile[], options: { skipBad?: boolean } = {}): Promise<JekyllImportResult> {
  return runImport(ctx, jekyllImporter, files, options);
}

export interface PostText {
  /** YYYY-MM-DD-slug.md: the imported file's name, else the date and the title's slug. */
  fileName: string;
  text: string;
}

/** The Jekyll post of a journal entry row; shared with the reflection service. */
export function postOfRow(row: JournalEntryRow, timeZone: string): PostText {
  const { title, date, time, utcOffset, tags, categories, body } = toJournalEntry(row);
  const fields = { title, date, time, utcOffset, tags, categories, body };
  const fileName = postFileName({ date: row.date, title: row.title, sourceName: row.source_name });
  if (row.front_matter !== null && row.source_name !== null) {
    return { fileName, text: writeImportedPost(row.front_matter, fields, row.source_name, timeZone) };
  }
  // A reflection is a draft until its author says otherwise: Jekyll does not publish it.
  return { fileName, text: writeNewPost({ ...fields, draft: row.kind === 'reflection' }) };
}

/** The post of one entry, by its id (or the file name it was imported from). */
export async function exportJekyll(ctx: Context, ref: string): Promise<PostText> {
  const row = await findEntryByIdOrSourceName(ctx.store.db, ctx.personId, ref);
  if (!row) throw notFound('entry', ref);
  return postOfRow(row, ctx.timeZone);
}
