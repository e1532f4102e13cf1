import type { Command } from 'commander';
import { RATINGS, RATING_KEYS, type RatingName, dueIn } from '../core/review.js';
import type { ReviewCard, ReviewItem } from '../services/review.service.js';
import type { Context } from '../services/context.js';
import { paint, printJson, printLine, printTable } from './output.js';
import { globals, usage, withContext } from './session.js';

/** `2026-12-01 13:00` in the person's zone: when a card is due, as a clock on the wall says it. */
export function wallTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** "next due in 8 days (2026-12-01 12:00)". */
export const nextDue = (due: string, now: Date, timeZone: string) => `next due ${dueIn(due, now)} (${wallTime(due, timeZone)})`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ——— The interactive review: a pure key dispatch and a session loop over injected input/output ———

export type KeyAction = { type: 'reveal' } | { type: 'grade'; rating: RatingName } | { type: 'quit' };

const GRADE_BY_KEY = new Map<string, RatingName>(RATINGS.flatMap((rating) => RATING_KEYS[rating].map((key) => [key, rating] as const)));

/**
 * What one key does. Before the answer shows, Space or Enter reveals it; after, 1–4 (or a/h/g/e)
 * grade. q, Ctrl-C and Ctrl-D quit at any time. Any other key does nothing: a stray key never
 * grades a card by accident.
 */
export function keyAction(revealed: boolean, key: string): KeyAction | null {
  if (key === 'q' || key === 'Q' || key === '\u0003' || key === '\u0004') return { type: 'quit' };
  if (!revealed) return key === ' ' || key === '\r' || key === '\n' ? { type: 'reveal' } : null;
  const rating = GRADE_BY_KEY.get(key.toLowerCase());
  return rating ? { type: 'grade', rating } : null;
}

export interface SessionIo {
  /** The next key pressed; null when the input has ended. */
  readKey(): Promise<string | null>;
  write(text: string): void;
}

export interface SessionResult {
  graded: Record<RatingName, number>;
  /** Cards of the session left ungraded (quit early). */
  left: number;
  /** The soonest due date among the graded cards, null when none was graded. */
  nextDue: string | null;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
const GRADE_HINT = RATINGS.map((r) => `[${RATING_KEYS[r][0]}] ${r}`).join('  ');

/** Shows each card's front, reveals the back on Space/Enter, and grades it with one key. */
export async function runReviewSession(
  cards: readonly ReviewItem[],
  io: SessionIo,
  grade: (id: string, rating: RatingName) => Promise<ReviewCard>,
  clock: { now(): Date; timeZone: string },
): Promise<SessionResult> {
  const graded: Record<RatingName, number> = { again: 0, hard: 0, good: 0, easy: 0 };
  let soonest: string | null = null;
  let index = 0;
  session: for (; index < cards.length; index++) {
    const card = cards[index]!;
    io.write(`\n${paint.dim(`Card ${index + 1} of ${cards.length}${card.source ? ` · ${card.source}` : ''}`)}\n`);
    io.write(`${paint.bold(indent(card.front))}\n`);
    io.write(`${paint.dim('  [Space] show the answer   [q] quit')}\n`);
    let revealed = false;
    for (;;) {
      const key = await io.readKey();
      const action = key === null ? ({ type: 'quit' } as const) : keyAction(revealed, key);
      if (action === null) continue;
      if (action.type === 'quit') break session;
      if (action.type === 'reveal') {
        revealed = true;
        io.write(`${paint.dim('  ──')}\n${indent(card.back)}\n`);
        io.write(`${paint.dim(`  ${GRADE_HINT}   [q] quit`)}\n`);
        continue;
      }
      const result = await grade(card.id, action.rating);
      graded[action.rating] += 1;
      if (soonest === null || result.due < soonest) soonest = result.due;
      io.write(`  ${paint.good(action.rating)}: ${nextDue(result.due, clock.now(), clock.timeZone)}\n`);
      break;
    }
  }
  return { graded, left: cards.length - index, nextDue: soonest };
}

export function sessionSummary(result: SessionResult, now: Date, timeZone: string): string[] {
  const total = RATINGS.reduce((sum, r) => sum + result.graded[r], 0);
  const lines = [`Reviewed ${plural(total, 'card')}: ${RATINGS.map((r) => `${r} ${result.graded[r]}`).join(' · ')}.`];
  if (result.left > 0) lines.push(`${plural(result.left, 'card')} still due: grow review`);
  if (result.nextDue !== null) lines.push(`Next of these due ${dueIn(result.nextDue, now)} (${wallTime(result.nextDue, timeZone)}).`);
  return lines;
}

/** Keys from a terminal in raw mode: one key per read, an escape sequence (an arrow) as one key. */
function terminalKeys(input: NodeJS.ReadStream): SessionIo & { close(): void } {
  const queue: (string | null)[] = [];
  let waiting: ((key: string | null) => void) | null = null;
  const push = (key: string | null) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(key);
    } else queue.push(key);
  };
  const onData = (chunk: string) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: key presses such as arrows arrive as ESC sequences, so splitting them needs ESC
    for (const key of chunk.match(/\x1b\[[0-9;]*[A-Za-z~]|\x1b.?|[\s\S]/gu) ?? []) push(key);
  };
  const onEnd = () => push(null);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.on('data', onData);
  input.once('end', onEnd);
  input.resume();
  return {
    readKey: () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((resolve) => (waiting = resolve))),
    write: (text) => process.stdout.write(text),
    close() {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode(false);
      input.pause();
    },
  };
}

async function reviewInTerminal(ctx: Context, cards: ReviewItem[]): Promise<void> {
  const { gradeCard } = await import('../services/review.service.js');
  printLine(`${plural(cards.length, 'card')} to review. Space shows the answer; 1 again, 2 hard, 3 good, 4 easy; q quits.`);
  const keys = terminalKeys(process.stdin);
  let result: SessionResult;
  try {
    result = await runReviewSession(cards, keys, (id, rating) => gradeCard(ctx, id, { rating }), { now: () => ctx.now(), timeZone: ctx.timeZone });
  } finally {
    keys.close();
  }
  printLine();
  for (const line of sessionSummary(result, ctx.now(), ctx.timeZone)) printLine(line);
}

function printDueList(cards: ReviewItem[], all: boolean, ctx: Context): void {
  if (cards.length === 0) {
    printLine(all ? 'No cards yet.' : 'Nothing due for review.');
    printLine('Add a takeaway: grow learn takeaway ITEM "what you took away"');
    return;
  }
  printLine(all ? `${plural(cards.length, 'card')}:` : `${plural(cards.length, 'card')} due for review:`);
  printTable(
    ['CARD', 'DUE', 'SOURCE', 'FRONT'],
    cards.map((c) => [c.id, wallTime(c.due, ctx.timeZone), c.source ?? '', c.front.split('\n')[0]!]),
  );
  printLine();
  printLine(`Grade one: grow review grade CARD ${RATINGS.join('|')} ${paint.dim('(in a terminal, grow review shows them one at a time)')}`);
}

interface TakeawayFlags {
  front?: string;
  highlight?: string;
}

/** `grow review …`, and `grow learn takeaway` on the learn command. */
export function registerReviewCommands(program: Command, learn: Command): void {
  learn
    .command('takeaway')
    .argument('<item>', 'the item: its id, its title, or the start of its title')
    .argument('[text]', 'what you took away (optional with --highlight)')
    .description('keep a takeaway as a card to review; --highlight makes one of the item’s highlights a card')
    .option('--front <prompt>', 'the question the card asks (default: From "TITLE" (AUTHOR): what did you take away?)')
    .option('--highlight <id>', 'make this highlight of the item a card; TEXT, if given, is added to its answer')
    .action(async (item: string, text: string | undefined, flags: TakeawayFlags, command: Command) => {
      const { addHighlightCard, addTakeaway } = await import('../services/review.service.js');
      if (flags.highlight === undefined && text === undefined) throw usage('text: say what you took away, or give --highlight ID');
      const front = flags.front === undefined ? {} : { front: flags.front };
      const card = await withContext(command, (ctx) =>
        flags.highlight !== undefined
          ? addHighlightCard(ctx, flags.highlight, { ...front, ...(text === undefined ? {} : { text }) }, item)
          : addTakeaway(ctx, item, { ...front, text }),
      );
      if (globals(command).json) printJson(card);
      else
        printLine(
          `Added ${card.kind === 'highlight' ? 'the highlight' : 'a takeaway'} of ${card.source ?? 'the item'} as card ${card.id}, due now: grow review`,
        );
    });

  const review = program
    .command('review')
    .description('review the cards due now: in a terminal one at a time (Space reveals, 1–4 grade), else a list')
    .option('--all', 'every card, not only those due')
    .option('--limit <n>', 'at most this many cards (1..1000)')
    .action(async (flags: { all?: boolean; limit?: string }, command: Command) => {
      const { listReview } = await import('../services/review.service.js');
      const query = { ...(flags.all ? { all: true } : {}), ...(flags.limit === undefined ? {} : { limit: flags.limit }) };
      const json = Boolean(globals(command).json);
      const interactive = !json && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY);
      await withContext(command, async (ctx) => {
        const cards = await listReview(ctx, query);
        if (json) printJson(cards);
        else if (interactive && cards.length > 0) await reviewInTerminal(ctx, cards);
        else printDueList(cards, Boolean(flags.all), ctx);
      });
    });

  review
    .command('grade')
    .argument('<card>', 'the card id (see grow review)')
    .argument('<rating>', 'again, hard, good or easy')
    .description('grade one card; FSRS schedules when it is next due')
    .action(async (id: string, rating: string, _flags: unknown, command: Command) => {
      const { gradeCard } = await import('../services/review.service.js');
      const { card, now, zone } = await withContext(command, async (ctx) => ({
        card: await gradeCard(ctx, id, { rating }),
        now: ctx.now(),
        zone: ctx.timeZone,
      }));
      if (globals(command).json) printJson(card);
      else printLine(`Graded ${rating}: ${nextDue(card.due, now, zone)}.`);
    });
}
