import { type Stats, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { IMPORT_LIMITS, limitText } from '../core/import-limits.js';
import type { JekyllImportResult, PostFile, PostText } from '../services/jekyll.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import { progressBar, readImportFile } from './import-file.js';
import { paint, printJson, printLine } from './output.js';
import { globals, usage, withContext } from './session.js';

type IsPost = (name: string) => boolean;

/** Post files under a folder, recursively (`_posts/category/…`), hidden ones left out, in name order. */
function postsUnder(dir: string, isPost: IsPost): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? postsUnder(join(dir, e.name), isPost) : e.isFile() && isPost(e.name) ? [join(dir, e.name)] : []));
}

/** The posts PATH names: one post file, a `_posts` folder, or a site whose `_posts` folder holds them. */
function readPosts(path: string, isPost: IsPost): PostFile[] {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    throw new AppError('validation_failed', `file: cannot read ${path}`);
  }
  if (!stats.isDirectory()) return [{ name: basename(path), text: readImportFile(path), path }];
  const root = existsSync(join(path, '_posts')) ? join(path, '_posts') : path;
  const files = postsUnder(root, isPost);
  // Counted before any is read: a folder of more posts than one import takes is refused at once.
  if (files.length > IMPORT_LIMITS.posts) throw new AppError('validation_failed', `file: more posts than the limit of ${limitText('posts')}`);
  return files.map((file) => ({ name: basename(file), text: readImportFile(file), path: relative(root, file) }));
}

/** The folder posts go to, made when missing. */
function outFolder(dir: string | undefined): string {
  const folder = resolve(dir ?? process.cwd());
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new AppError('validation_failed', `out: cannot create the folder ${folder}`);
  }
  return folder;
}

/** Writes a post into a folder and returns its path and size. */
function writePost(post: PostText, folder: string): { path: string; bytes: number } {
  const path = join(folder, post.fileName);
  const bytes = Buffer.from(post.text, 'utf8');
  writeFileSync(path, bytes);
  return { path, bytes: bytes.byteLength };
}

function printImport(result: JekyllImportResult): void {
  printLine(`Imported from Jekyll: ${result.created} new entries, ${result.updated} updated, ${result.unchanged} unchanged.`);
  if (result.skipped.length > 0) {
    printLine(paint.warn(`Skipped ${result.skipped.length} bad post${result.skipped.length === 1 ? '' : 's'}:`));
    for (const s of result.skipped) printLine(`  ${paint.warn('!')} ${s.message}`);
  }
}

/** `grow import jekyll`, `grow export jekyll` (on the existing import/export commands) and `grow reflect`. */
export function registerReflectionCommands(program: Command, commands: { importer: Command; exporter: Command }): void {
  const jekyll = IMPORT_REGISTRY.jekyll;
  commands.importer
    .command(jekyll.source)
    .argument('<path>', jekyll.file)
    .option('--skip-bad', 'import the good posts and report the bad ones (default: a bad post stops the import, nothing written)')
    .description(jekyll.description)
    .action(async (path: string, flags: { skipBad?: boolean }, command: Command) => {
      const { importJekyll } = await import('../services/jekyll.service.js');
      // Loaded here, not at start-up: the format module brings the YAML parser.
      const { POST_EXTENSIONS } = await import('../formats/jekyll.format.js');
      const files = readPosts(path, (name) => POST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)));
      const bar = await progressBar('Importing posts');
      bar.update(0, files.length);
      const result = await withContext(command, (ctx) => importJekyll(ctx, files, { skipBad: flags.skipBad })).finally(() => bar.stop());
      if (globals(command).json) printJson(result);
      else printImport(result);
    });

  commands.exporter
    .command('jekyll')
    .argument('<entry>', 'the journal entry: its id, or the file name it was imported from')
    .option('--out <dir>', 'the folder to write the post into (default: the current folder); a file of the same name is replaced')
    .description('write a journal entry as a Jekyll post named YYYY-MM-DD-slug.md')
    .action(async (ref: string, flags: { out?: string }, command: Command) => {
      const { exportJekyll } = await import('../services/jekyll.service.js');
      const post = await withContext(command, (ctx) => exportJekyll(ctx, ref));
      const written = writePost(post, outFolder(flags.out));
      if (globals(command).json) printJson(written);
      else printLine(written.path);
    });

  program
    .command('reflect')
    .option('--from <date>', 'the first day of the period (YYYY-MM-DD); without --from and --to: the latest week with anything recorded')
    .option('--to <date>', 'the last day of the period (YYYY-MM-DD)')
    .option('--title <title>', 'the title (default "Reflection FROM – TO")')
    .option('--jekyll', 'also write the draft as a Jekyll post')
    .option('--out <dir>', 'with --jekyll: the folder to write the post into (default: the current folder)')
    .description('write a draft journal entry of facts about a period, with room for your own words')
    .action(async (flags: { from?: string; to?: string; title?: string; jekyll?: boolean; out?: string }, command: Command) => {
      const { createReflection, suggestReflectionPeriod } = await import('../services/reflection.service.js');
      const { exportJekyll } = await import('../services/jekyll.service.js');
      if (flags.out !== undefined && !flags.jekyll) throw usage('--out: only with --jekyll (the folder the post is written to)');
      // Made before the entry is written, so a folder that cannot be made stops everything.
      const folder = flags.jekyll ? outFolder(flags.out) : null;
      if ((flags.from === undefined) !== (flags.to === undefined))
        throw usage(`${flags.from === undefined ? '--from' : '--to'}: required with ${flags.from === undefined ? '--to' : '--from'}`);
      const { entry, post } = await withContext(command, async (ctx) => {
        const period = flags.from !== undefined ? { from: flags.from, to: flags.to } : await suggestReflectionPeriod(ctx);
        if (period === null)
          throw new AppError(
            'validation_failed',
            'nothing recorded yet to reflect on (no check-in, rating, practice, finished item or experiment): give --from and --to for a period',
          );
        const input = Object.fromEntries(Object.entries({ from: period.from, to: period.to, title: flags.title }).filter(([, v]) => v !== undefined));
        const entry = await createReflection(ctx, input);
        return { entry, post: flags.jekyll ? await exportJekyll(ctx, entry.id) : null };
      });
      const written = post && folder ? writePost(post, folder) : null;
      if (globals(command).json) {
        printJson(written ? { ...entry, post: written } : entry);
        return;
      }
      printLine(`Wrote "${entry.title}" (${entry.id}), a draft for ${entry.periodFrom} – ${entry.periodTo}.`);
      printLine(`Add your words: grow journal edit ${entry.id}`);
      if (written) printLine(`Jekyll post: ${written.path}`);
    });
}
