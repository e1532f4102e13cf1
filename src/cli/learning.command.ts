import type { Command } from 'commander';
import { LEARNING_KINDS, LEARNING_STATUSES, wordsOf } from '../core/vocabulary.js';
import type { LearningItem, LearningItemDetail } from '../services/learning.service.js';
import { paint, printJson, printLine, printTable } from './output.js';
import { globals, usage, withContext } from './session.js';

interface ItemFlags {
  title?: string;
  kind?: string;
  author?: string[];
  isbn?: string;
  pages?: string;
  url?: string;
  recommendedBy?: string;
  skills?: string;
  status?: string;
  rating?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The flags add and edit share; edit leaves out what is not given. */
function itemFlags(command: Command): Command {
  return command
    .option('--kind <kind>', `${wordsOf(LEARNING_KINDS)} (default book)`)
    .option('--author <name>', 'an author; repeat for several', collect)
    .option('--isbn <isbn>', 'ISBN-10 or ISBN-13 (hyphens allowed)')
    .option('--pages <n>', 'number of pages')
    .option('--url <url>', 'a web address (an article, a course)')
    .option('--recommended-by <name>', 'who recommended it')
    .option('--skills <a,b>', 'skill ids it grows, comma separated (see grow skill list)')
    .option('--status <status>', `${wordsOf(LEARNING_STATUSES)} (default want)`);
}

/** Flags as the shared schema's fields; the schema reads the numbers and names the field at fault. */
function toInput(flags: ItemFlags): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: flags.title,
    kind: flags.kind,
    authors: flags.author,
    isbn: flags.isbn,
    pages: flags.pages,
    url: flags.url,
    recommendedBy: flags.recommendedBy,
    skills: flags.skills,
    status: flags.status,
    rating: flags.rating,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

const progressText = (item: LearningItem): string => {
  if (item.progress === null) return item.page === null ? '' : `p. ${item.page}`;
  const percent = `${Number.isInteger(item.progress) ? item.progress : item.progress.toFixed(1)}%`;
  return item.page !== null && item.pages !== null ? `${percent} (p. ${item.page}/${item.pages})` : percent;
};

const ratingText = (rating: number | null) => (rating === null ? '' : `${rating}/5`);

function printItems(items: LearningItem[]): void {
  if (items.length === 0) {
    printLine('Your library is empty. Add a book: grow learn add "Deep Work" --author "Cal Newport" --pages 296');
    return;
  }
  printTable(
    ['STATUS', 'PROGRESS', 'RATING', 'TITLE', 'AUTHORS', 'SLUG'],
    items.map((i) => [i.status, progressText(i), ratingText(i.rating), i.title, i.authors.join(', '), paint.dim(i.slug)]),
  );
}

function printDetail(item: LearningItemDetail): void {
  printLine(`${paint.bold(item.title)}${item.authors.length ? ` by ${item.authors.join(', ')}` : ''}`);
  const field = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') printLine(`  ${label.padEnd(16)}${value}`);
  };
  field('slug', item.slug);
  field('id', item.id);
  field('kind', item.kind);
  field('status', item.status);
  field('progress', progressText(item));
  field('pages', item.pages);
  field('rating', ratingText(item.rating));
  field('isbn', item.isbn13);
  field('url', item.url);
  field('recommended by', item.recommendedBy);
  field('skills', item.skills.join(', '));
  field('started', item.startedAt);
  field('finished', item.finishedAt);
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    printLine();
    printLine(paint.bold(title));
    for (const line of lines) printLine(`  ${line}`);
  };
  section(
    'Notes',
    item.notes.map((n) => `- ${n.text}`),
  );
  section(
    'Takeaways',
    item.takeaways.map((t) => `- ${t.front}${t.back ? ` — ${t.back}` : ''}`),
  );
  section(
    'Highlights',
    item.highlights.map(
      (h) =>
        `- ${h.text}${h.note ? paint.dim(`  (note: ${h.note})`) : ''}${h.page ? paint.dim(`  p. ${h.page}`) : h.location ? paint.dim(`  loc. ${h.location}`) : ''}`,
    ),
  );
}

/** How every command names an item. */
const REF = 'a slug, an id, a title, or the start of one';

/** `grow learn …`; returns the `learn` command so review can add `grow learn takeaway`. */
export function registerLearningCommands(program: Command): Command {
  const learn = program.command('learn').description('your library: books, articles, courses and talks');

  itemFlags(learn.command('add').argument('<title>').description('add a book, article, course or talk to your library')).action(
    async (title: string, flags: ItemFlags, command: Command) => {
      const { addLearningItem } = await import('../services/learning.service.js');
      const result = await withContext(command, (ctx) => addLearningItem(ctx, { ...toInput(flags), title }));
      if (globals(command).json) printJson(result);
      else printLine(`Added ${paint.bold(result.title)} (${result.status}) as ${result.slug}.`);
    },
  );

  itemFlags(learn.command('update').alias('edit').argument('<item>', REF).description('change an item: only the flags given change (the slug stays)'))
    .option('--title <title>', 'a new title')
    .option('--rating <n>', 'your rating, 0..5 in quarter steps (empty clears it)')
    .action(async (ref: string, flags: ItemFlags, command: Command) => {
      const { editLearningItem } = await import('../services/learning.service.js');
      const input = toInput(flags);
      if (input.rating === '') input.rating = null;
      if (Object.keys(input).length === 0) throw usage('update: say what to change, e.g. --pages 320 or --status reading');
      const result = await withContext(command, (ctx) => editLearningItem(ctx, ref, input));
      if (globals(command).json) printJson(result);
      else printLine(`Updated ${paint.bold(result.title)}.`);
    });

  learn
    .command('progress')
    .argument('<item>', REF)
    .argument('<position>', 'the page you are on (120), or how far you are (40%)')
    .description('record how far you are: a page or a percentage')
    .action(async (ref: string, position: string, _flags: unknown, command: Command) => {
      const { recordProgress } = await import('../services/learning.service.js');
      const { readProgressArgument } = await import('../schemas/learning.schema.js');
      const result = await withContext(command, (ctx) => recordProgress(ctx, ref, readProgressArgument(position)));
      if (globals(command).json) printJson(result);
      else printLine(`${paint.bold(result.title)}: ${progressText(result) || `page ${result.page}`} (${result.status}).`);
    });

  learn
    .command('finish')
    .argument('<item>', REF)
    .option('--rating <n>', 'your rating, 0..5 in quarter steps (e.g. 4 or 3.75)')
    .option('--date <date>', 'the day you finished, YYYY-MM-DD (default today)')
    .description('mark an item read, with an optional rating')
    .action(async (ref: string, flags: { rating?: string; date?: string }, command: Command) => {
      const { finishLearningItem } = await import('../services/learning.service.js');
      const input = Object.fromEntries(Object.entries({ rating: flags.rating, date: flags.date }).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => finishLearningItem(ctx, ref, input));
      if (globals(command).json) printJson(result);
      else printLine(`Finished ${paint.bold(result.title)} on ${result.finishedAt}${result.rating === null ? '' : `, rated ${ratingText(result.rating)}`}.`);
    });

  learn
    .command('note')
    .argument('<item>', REF)
    .argument('<text>', 'the note')
    .description('add a note to an item')
    .action(async (ref: string, text: string, _flags: unknown, command: Command) => {
      const { addLearningNote } = await import('../services/learning.service.js');
      const result = await withContext(command, (ctx) => addLearningNote(ctx, ref, { text }));
      if (globals(command).json) printJson(result);
      else printLine('Noted.');
    });

  learn
    .command('list')
    .option('--status <status>', `only ${wordsOf(LEARNING_STATUSES)}`)
    .description('your library, oldest added first')
    .action(async (flags: { status?: string }, command: Command) => {
      const { listLearningItems } = await import('../services/learning.service.js');
      const result = await withContext(command, (ctx) => listLearningItems(ctx, flags.status === undefined ? {} : { status: flags.status }));
      if (globals(command).json) printJson(result);
      else printItems(result);
    });

  learn
    .command('show')
    .argument('<item>', REF)
    .description('an item with its notes, takeaways and highlights')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      const { showLearningItem } = await import('../services/learning.service.js');
      const result = await withContext(command, (ctx) => showLearningItem(ctx, ref));
      if (globals(command).json) printJson(result);
      else printDetail(result);
    });

  learn
    .command('delete')
    .alias('rm')
    .argument('<item>', REF)
    .option('--yes', 'confirm: the item, its notes, highlights and review cards are deleted')
    .description('delete an item with its notes, highlights and review cards')
    .action(async (ref: string, flags: { yes?: boolean }, command: Command) => {
      if (!flags.yes) throw usage(`delete: deleting "${ref}" removes its notes, highlights and review cards too; repeat with --yes`);
      const { removeLearningItem } = await import('../services/learning.service.js');
      const result = await withContext(command, (ctx) => removeLearningItem(ctx, ref));
      if (globals(command).json) printJson(result);
      else printLine(`Removed ${result.title} (${result.slug}).`);
    });

  return learn;
}
