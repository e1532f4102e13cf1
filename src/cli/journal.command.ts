import type { Command } from 'commander';
import { JOURNAL_KINDS, wordsOf } from '../core/vocabulary.js';
import { AppError } from '../core/errors.js';
import type { JournalEntry, JournalListItem, JournalSearchHit, SavedJournalEntry } from '../services/journal.service.js';
import { isTty, paint, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

interface EntryFlags {
  title?: string;
  date?: string;
  tags?: string;
  visibility?: string;
}

interface WeeklyFlags {
  week?: string;
  grew?: string;
  drained?: string;
  next?: string;
}

/** Whether the person is at a terminal: then the body is written in $EDITOR instead of read from stdin. */
const stdinIsTty = (): boolean => Boolean(process.stdin.isTTY);

/** Everything on stdin, as text (UTF-8). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Opens $VISUAL, else $EDITOR, else vi, on a private temporary file holding `text`, and returns
 * what the person saved. The file is readable by its owner only and removed afterwards.
 */
async function editInEditor(text: string): Promise<string> {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'grow-journal-'));
  const file = join(dir, 'entry.md');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    // Through the shell, as git does, so EDITOR may carry arguments ("code --wait").
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (result.error) throw new AppError('internal', `editor: cannot run ${editor} (${result.error.message}); nothing saved`);
    if (result.status !== 0) throw new AppError('internal', `editor: ${editor} exited with ${result.status ?? result.signal}; nothing saved`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printWarnings(entry: SavedJournalEntry): void {
  for (const warning of entry.warnings ?? []) process.stderr.write(`${paint.warn('warning')}: ${warning}\n`);
}

const when = (e: Pick<JournalEntry, 'date' | 'time' | 'utcOffset'>) =>
  [e.date, e.time?.slice(0, 5), e.utcOffset].filter((part) => part !== null && part !== undefined).join(' ');

/** Matched words stand out on a terminal; elsewhere they keep their ⟦marks⟧. */
const highlight = (snippet: string) =>
  isTty() && !process.env.NO_COLOR ? snippet.replace(/⟦([^⟧]*)⟧/g, (_, word: string) => paint.bold(paint.good(word))) : snippet;

function printSaved(entry: SavedJournalEntry, verb: string): void {
  printLine(`${verb} ${entry.title ? `"${entry.title}"` : 'entry'} ${entry.id}, dated ${when(entry)}.`);
}

function printList(entries: JournalListItem[]): void {
  if (entries.length === 0) {
    printLine('No entries. Write one: echo "What I learned today…" | grow journal add --title "Today"');
    return;
  }
  printTable(
    ['ID', 'DATE', 'KIND', 'TITLE', 'TAGS'],
    entries.map((e) => [e.id, e.date, e.kind, e.title ?? paint.dim(e.excerpt.length > 50 ? `${e.excerpt.slice(0, 49)}…` : e.excerpt), e.tags.join(',')]),
  );
}

function printEntry(entry: JournalEntry): void {
  printLine(paint.bold(entry.title ?? '(untitled)'));
  const facts = [when(entry), entry.kind, entry.visibility];
  if (entry.tags.length > 0) facts.push(`tags: ${entry.tags.join(', ')}`);
  if (entry.jekyll) facts.push(`from ${entry.jekyll.sourceName}`);
  printLine(paint.dim(facts.join(' · ')));
  printLine();
  process.stdout.write(entry.body.endsWith('\n') ? entry.body : `${entry.body}\n`);
}

function printHits(hits: JournalSearchHit[], text: string): void {
  if (hits.length === 0) {
    printLine(`No entries match ${JSON.stringify(text)}.`);
    return;
  }
  for (const hit of hits) {
    printLine(`${hit.date}  ${paint.bold(hit.title ?? '(untitled)')}  ${paint.dim(hit.id)}`);
    printLine(`  ${highlight(hit.snippet.replace(/\s+/g, ' ').trim())}`);
  }
}

/** The flags as service input: only those given. */
function entryInput(flags: EntryFlags): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ title: flags.title, date: flags.date, tags: flags.tags, visibility: flags.visibility }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
}

/** Asks the weekly review's prompts one after the other on the terminal (on stderr, so stdout stays the result). */
async function askWeeklyPrompts(): Promise<Record<string, string>> {
  const { createInterface } = await import('node:readline/promises');
  const { WEEKLY_PROMPTS } = await import('../schemas/journal.schema.js');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  let closed = false;
  rl.once('close', () => (closed = true));
  const answers: Record<string, string> = {};
  try {
    for (const prompt of WEEKLY_PROMPTS) {
      if (closed) break;
      answers[prompt.field] = await rl.question(`${paint.bold(prompt.question)} `).catch(() => '');
    }
  } finally {
    rl.close();
  }
  return answers;
}

const entryFlags = (command: Command): Command =>
  command
    .option('--title <text>', 'a title (optional)')
    .option('--date <date>', 'YYYY-MM-DD; without it, now (the date, time of day and UTC offset)')
    .option('--tags <a,b>', 'tags, comma separated')
    .option('--visibility <v>', 'private (default) or shared');

export function registerJournalCommands(program: Command): void {
  const journal = program.command('journal').description('a private journal in Markdown: entries, weekly reviews, full-text search');

  entryFlags(journal.command('add').description('write an entry: the Markdown body from stdin, or in $EDITOR on a terminal')).action(
    async (flags: EntryFlags, command: Command) => {
      let body: string;
      if (stdinIsTty()) {
        body = await editInEditor('');
        if (body.trim() === '') throw new AppError('validation_failed', 'body: the entry is empty; nothing saved');
      } else {
        body = await readStdin();
        if (body.trim() === '') {
          throw new AppError(
            'validation_failed',
            'body: nothing on stdin; pipe the entry in (echo "…" | grow journal add) or run on a terminal to write it in $EDITOR; nothing saved',
          );
        }
      }
      const { addJournalEntry } = await import('../services/journal.service.js');
      const result = await withContext(command, (ctx) => addJournalEntry(ctx, { ...entryInput(flags), body }));
      printWarnings(result);
      if (globals(command).json) printJson(result);
      else printSaved(result, 'Saved');
    },
  );

  journal
    .command('list')
    .description('entries, newest first')
    .option('--from <date>', 'from this day (YYYY-MM-DD)')
    .option('--to <date>', 'to this day (YYYY-MM-DD)')
    .option('--tag <tag>', 'only entries with this tag')
    .option('--kind <kind>', wordsOf(JOURNAL_KINDS))
    .action(async (flags: { from?: string; to?: string; tag?: string; kind?: string }, command: Command) => {
      const { listJournal } = await import('../services/journal.service.js');
      const filter = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => listJournal(ctx, filter));
      if (globals(command).json) printJson(result);
      else printList(result);
    });

  journal
    .command('show')
    .argument('<id>', 'the entry id (see grow journal list)')
    .description('one entry with its Markdown body')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { getJournalEntry } = await import('../services/journal.service.js');
      const result = await withContext(command, (ctx) => getJournalEntry(ctx, id));
      if (globals(command).json) printJson(result);
      else printEntry(result);
    });

  entryFlags(
    journal
      .command('edit')
      .argument('<id>', 'the entry id')
      .description('change an entry: flags, and/or a new body from stdin (on a terminal without flags: the body in $EDITOR)'),
  ).action(async (id: string, flags: EntryFlags, command: Command) => {
    const changes: Record<string, string> = entryInput(flags);
    const hasFlags = Object.keys(changes).length > 0;
    if (!stdinIsTty()) {
      const body = await readStdin();
      if (body.trim() !== '') changes.body = body;
      else if (!hasFlags) throw new AppError('usage', 'edit: nothing to change; give --title, --date, --tags or --visibility, or the new body on stdin');
    }
    const { editJournalEntry, getJournalEntry } = await import('../services/journal.service.js');
    const { entry, changed } = await withContext(command, async (ctx) => {
      if (stdinIsTty() && !hasFlags) {
        const current = await getJournalEntry(ctx, id);
        const body = await editInEditor(current.body);
        if (body.trim() === '') throw new AppError('validation_failed', 'body: the entry is empty; nothing saved (to delete it: grow journal rm ID --yes)');
        if (body === current.body) return { entry: current as SavedJournalEntry, changed: false };
        changes.body = body;
      }
      return { entry: await editJournalEntry(ctx, id, changes), changed: true };
    });
    printWarnings(entry);
    if (globals(command).json) printJson(entry);
    else if (changed) printSaved(entry, 'Updated');
    else printLine('No changes.');
  });

  journal
    .command('rm')
    .argument('<id>', 'the entry id')
    .option('--yes', 'confirm: the entry is deleted for good')
    .description('delete an entry')
    .action(async (id: string, flags: { yes?: boolean }, command: Command) => {
      if (!flags.yes) throw new AppError('usage', `rm: deleting entry "${id}" cannot be undone; repeat with --yes`);
      const { removeJournalEntry } = await import('../services/journal.service.js');
      const result = await withContext(command, (ctx) => removeJournalEntry(ctx, id));
      if (globals(command).json) printJson(result);
      else printLine(`Deleted entry ${result.id}.`);
    });

  journal
    .command('search')
    .argument('<text...>', 'the words to look for: every one must match; the last also as a prefix')
    .option('--limit <n>', 'at most this many hits (default 20, at most 200)')
    .description('full-text search of your entries, title matches first')
    .action(async (words: string[], flags: { limit?: string }, command: Command) => {
      const { searchJournal } = await import('../services/journal.service.js');
      const text = words.join(' ');
      const result = await withContext(command, (ctx) => searchJournal(ctx, flags.limit === undefined ? { text } : { text, limit: flags.limit }));
      if (globals(command).json) printJson(result);
      else printHits(result, text);
    });

  journal
    .command('weekly')
    .description('a weekly review: what grew, what drained you, what you will try next week (asked in turn on a terminal)')
    .option('--week <YYYY-Www>', 'the ISO week (default this week)')
    .option('--grew <text>', 'what grew this week')
    .option('--drained <text>', 'what drained you')
    .option('--next <text>', 'what you will try next week')
    .action(async (flags: WeeklyFlags, command: Command) => {
      const given = Object.fromEntries(Object.entries({ grew: flags.grew, drained: flags.drained, next: flags.next }).filter(([, v]) => v !== undefined));
      const answers = Object.keys(given).length === 0 && stdinIsTty() ? await askWeeklyPrompts() : given;
      const { writeWeeklyReview } = await import('../services/journal.service.js');
      const result = await withContext(command, (ctx) => writeWeeklyReview(ctx, { ...answers, ...(flags.week === undefined ? {} : { week: flags.week }) }));
      printWarnings(result);
      if (globals(command).json) printJson(result);
      else printLine(`Saved "${result.title}" as entry ${result.id}, dated ${when(result)}.`);
    });
}
