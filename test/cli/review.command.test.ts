import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { newId } from '../../src/store/ids.js';
import { type SessionIo, keyAction, runReviewSession, sessionSummary } from '../../src/cli/review.command.js';
import type { ReviewCard, ReviewItem } from '../../src/services/review.service.js';
import { BIN, Grow, ROOT, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let counter = 0;
const fresh = () => new Grow(join(root.path, `home-${++counter}`));
beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

const DAY = 86_400_000;

interface CliCard {
  id: string;
  front: string;
  back: string;
  source: string | null;
  due: string;
  kind: string;
  itemId: string;
  state: string;
  reps: number;
  lapses: number;
  scheduledDays: number;
  lastReview: string | null;
}

/** A person with one book, through the CLI as a user adds it. */
async function withBook(): Promise<{ grow: Grow; itemId: string }> {
  const grow = fresh();
  const item = await grow.json<{ id: string }>('learn', 'add', 'Atomic Habits', '--author', 'James Clear');
  return { grow, itemId: item.id };
}

/** A highlight straight into the home's database: the importers are another area's, and not needed to test this one. */
async function addHighlight(grow: Grow, itemId: string, text: string, page: string | null = null): Promise<string> {
  const store = await openStore(join(grow.home, 'grow.db'));
  try {
    const id = newId();
    await store.db
      .insertInto('highlight')
      .values({ id, item_id: itemId, text, page, tags: '[]', source: 'kindle', source_key: id, created_at: '2026-11-02T00:00:00.000Z' })
      .execute();
    return id;
  } finally {
    await store.close();
  }
}

describe('grow learn takeaway and grow review', { timeout: 120_000 }, () => {
  it('keeps a takeaway as a card, lists what is due, and grades it', async () => {
    const { grow, itemId } = await withBook();
    const added = await grow.ok('learn', 'takeaway', 'atomic', 'Systems beat goals');
    expect(added.stdout).toMatch(/^Added a takeaway of Atomic Habits \(James Clear\) as card [0-9a-f-]{36}, due now: grow review\n$/);
    const own = await grow.json<CliCard>('learn', 'takeaway', 'Atomic Habits', 'Make it obvious', '--front', 'Law 1 of behaviour change?');
    expect(own).toMatchObject({ kind: 'takeaway', itemId, front: 'Law 1 of behaviour change?', back: 'Make it obvious', state: 'new', reps: 0 });

    const due = await grow.json<CliCard[]>('review');
    expect(due.map((c) => [c.front, c.back, c.source])).toEqual([
      ['From "Atomic Habits" (James Clear): what did you take away?', 'Systems beat goals', 'Atomic Habits (James Clear)'],
      ['Law 1 of behaviour change?', 'Make it obvious', 'Atomic Habits (James Clear)'],
    ]);
    expect(Object.keys(due[0]!)).toEqual(expect.arrayContaining(['id', 'front', 'back', 'source', 'due']));
    expect((await grow.json<CliCard[]>('review', '--limit', '1')).map((c) => c.id)).toEqual([due[0]!.id]);
    expect((await grow.json<{ reviewsDue: number }>('today')).reviewsDue).toBe(2);
    expect((await grow.ok('today')).stdout).toContain('2 cards due for review — grow review');

    // Not a terminal: the due list and how to grade, never a prompt waiting for keys.
    const list = await grow.ok('review');
    expect(list.stdout).toContain('2 cards due for review:');
    expect(list.stdout).toContain(due[0]!.id);
    expect(list.stdout).toContain('Grade one: grow review grade CARD again|hard|good|easy');

    // Easy on a new card: FSRS's default weights put it 8 days out.
    const graded = await grow.ok('review', 'grade', due[0]!.id, 'easy');
    expect(graded.stdout).toMatch(/^Graded easy: next due in 8 days \(\d{4}-\d\d-\d\d \d\d:\d\d\)\.\n$/);
    // Again: within minutes (the first learning step is 1 minute).
    const again = await grow.json<CliCard>('review', 'grade', own.id, 'again');
    expect(again).toMatchObject({ state: 'learning', reps: 1 });
    expect(Date.parse(again.due) - Date.parse(again.lastReview!)).toBe(60_000);

    expect(await grow.json('review')).toEqual([]);
    const all = await grow.json<CliCard[]>('review', '--all');
    expect(all.map((c) => c.id)).toEqual([own.id, due[0]!.id]);
    expect(Date.parse(all[1]!.due) - Date.parse(again.lastReview!)).toBeGreaterThan(8 * DAY - 60_000);
    expect((await grow.ok('review')).stdout).toContain('Nothing due for review.');
    expect((await grow.ok('today')).stdout).not.toContain('due for review');
  });

  it('makes a highlight of the item a card, once', async () => {
    const { grow, itemId } = await withBook();
    const highlight = await addHighlight(grow, itemId, 'You do not rise to the level of your goals.', '27');
    const card = await grow.json<CliCard & { highlightId: string }>('learn', 'takeaway', 'Atomic Habits', '--highlight', highlight);
    expect(card).toMatchObject({
      kind: 'highlight',
      highlightId: highlight,
      front: 'From "Atomic Habits" (James Clear), page 27: what does the passage you highlighted say?',
      back: 'You do not rise to the level of your goals.',
    });
    await grow.fails(1, 'conflict', `highlight: ${highlight} is already card ${card.id}`, 'learn', 'takeaway', 'Atomic Habits', '--highlight', highlight);
    const other = await addHighlight(grow, itemId, 'Habits are the compound interest of self-improvement.');
    const withWords = await grow.json<CliCard>('learn', 'takeaway', itemId, 'Small gains add up', '--highlight', other);
    expect(withWords.back).toBe('Habits are the compound interest of self-improvement.\n\nSmall gains add up');
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { grow, itemId } = await withBook();
    const deep = await grow.json<{ id: string }>('learn', 'add', 'Deep Work', '--author', 'Cal Newport');
    const card = await grow.json<CliCard>('learn', 'takeaway', itemId, 'kept');
    const elsewhere = await addHighlight(grow, deep.id, 'Clarity about what matters.');
    const state = async () => ({ cards: await grow.json('review', '--all'), today: (await grow.json<{ reviewsDue: number }>('today')).reviewsDue });
    const before = await state();

    await grow.fails(1, 'not_found', 'card: no card "nope"', 'review', 'grade', 'nope', 'good');
    await grow.fails(1, 'validation_failed', 'rating: expected again, hard, good or easy', 'review', 'grade', card.id, 'meh');
    await grow.fails(1, 'validation_failed', 'rating: expected again, hard, good or easy', 'review', 'grade', card.id, '3');
    await grow.fails(2, 'usage', /missing required argument 'rating'/, 'review', 'grade', card.id);
    await grow.fails(1, 'validation_failed', 'text: must not be empty', 'learn', 'takeaway', itemId, '   ');
    await grow.fails(2, 'usage', 'text: say what you took away, or give --highlight ID', 'learn', 'takeaway', itemId);
    await grow.fails(1, 'not_found', 'item: no item "Nothing like it"', 'learn', 'takeaway', 'Nothing like it', 'x');
    await grow.fails(
      1,
      'validation_failed',
      `highlight: ${elsewhere} is a highlight of another item, not of "Atomic Habits"`,
      'learn',
      'takeaway',
      itemId,
      '--highlight',
      elsewhere,
    );
    await grow.fails(1, 'not_found', 'highlight: no highlight "nope"', 'learn', 'takeaway', itemId, '--highlight', 'nope');
    await grow.fails(1, 'validation_failed', 'limit: expected a whole number from 1 to 1000', 'review', '--limit', '0');
    // Human errors go to stderr too.
    const human = await grow.run('review', 'grade', card.id, 'meh');
    expect(human).toMatchObject({ code: 1, stdout: '', stderr: 'error: rating: expected again, hard, good or easy\n' });

    expect(await state()).toEqual(before);
  });
});

// ——— The interactive review: key dispatch and session, then the real thing through a pseudo-terminal ———

describe('the interactive review: what each key does', () => {
  it('reveals with Space or Enter, grades with 1–4 or a/h/g/e once revealed, quits with q, Ctrl-C or Ctrl-D', () => {
    for (const key of [' ', '\r', '\n']) expect(keyAction(false, key)).toEqual({ type: 'reveal' });
    // Before the answer shows, a grade key does nothing: no card is graded unseen.
    for (const key of ['1', '3', 'g', 'e', 'x', '\x1b[A']) expect(keyAction(false, key)).toBeNull();
    const grades: [string, string][] = [
      ['1', 'again'],
      ['a', 'again'],
      ['2', 'hard'],
      ['h', 'hard'],
      ['3', 'good'],
      ['g', 'good'],
      ['4', 'easy'],
      ['e', 'easy'],
      ['G', 'good'],
    ];
    for (const [key, rating] of grades) expect(keyAction(true, key)).toEqual({ type: 'grade', rating });
    // Once revealed, Space and Enter do not grade (a second press of the reveal key must not count as a grade).
    for (const key of [' ', '\r', '5', '0', 'x']) expect(keyAction(true, key)).toBeNull();
    for (const revealed of [false, true]) for (const key of ['q', 'Q', '\u0003', '\u0004']) expect(keyAction(revealed, key)).toEqual({ type: 'quit' });
  });

  const NOW = new Date('2026-11-23T12:00:00.000Z');
  const card = (id: string): ReviewItem => ({
    id,
    front: `front ${id}`,
    back: `back ${id}`,
    source: 'Atomic Habits (James Clear)',
    due: NOW.toISOString(),
    kind: 'takeaway',
    itemId: 'i',
  });
  const scripted = (keys: string[]): SessionIo & { out: string } => {
    const io = {
      out: '',
      readKey: async () => keys.shift() ?? null,
      write: (text: string) => {
        io.out += text;
      },
    };
    return io;
  };
  const IN = { again: 60_000, hard: 6 * 60_000, good: 10 * 60_000, easy: 8 * DAY };
  const grader = (graded: [string, string][]) => async (id: string, rating: keyof typeof IN) => {
    graded.push([id, rating]);
    return { due: new Date(NOW.getTime() + IN[rating]).toISOString() } as ReviewCard;
  };

  it('shows each front, then its back, grades it with one key, and sums up', async () => {
    const graded: [string, string][] = [];
    const io = scripted(['3', 'x', ' ', '3', '\r', 'e']);
    const result = await runReviewSession([card('c1'), card('c2')], io, grader(graded), { now: () => NOW, timeZone: 'UTC' });
    expect(graded).toEqual([
      ['c1', 'good'],
      ['c2', 'easy'],
    ]);
    expect(result).toEqual({ graded: { again: 0, hard: 0, good: 1, easy: 1 }, left: 0, nextDue: '2026-11-23T12:10:00.000Z' });
    expect(io.out).toContain('Card 1 of 2 · Atomic Habits (James Clear)\n  front c1\n');
    expect(io.out.indexOf('back c1')).toBeGreaterThan(io.out.indexOf('front c1'));
    expect(io.out).toContain('good: next due in 10 minutes (2026-11-23 12:10)');
    expect(io.out).toContain('easy: next due in 8 days (2026-12-01 12:00)');
    expect(sessionSummary(result, NOW, 'Europe/Berlin')).toEqual([
      'Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1.',
      'Next of these due in 10 minutes (2026-11-23 13:10).',
    ]);
  });

  it('stops on q (or when the input ends) and says how many are left', async () => {
    const graded: [string, string][] = [];
    const result = await runReviewSession([card('c1'), card('c2'), card('c3')], scripted([' ', '1', ' ', 'q']), grader(graded), {
      now: () => NOW,
      timeZone: 'UTC',
    });
    expect(graded).toEqual([['c1', 'again']]);
    expect(result).toMatchObject({ graded: { again: 1, hard: 0, good: 0, easy: 0 }, left: 2 });
    expect(sessionSummary(result, NOW, 'UTC')).toEqual([
      'Reviewed 1 card: again 1 · hard 0 · good 0 · easy 0.',
      '2 cards still due: grow review',
      'Next of these due in 1 minute (2026-11-23 12:01).',
    ]);
    const ended = await runReviewSession([card('c1')], scripted([' ']), grader([]), { now: () => NOW, timeZone: 'UTC' });
    expect(ended).toEqual({ graded: { again: 0, hard: 0, good: 0, easy: 0 }, left: 1, nextDue: null });
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `grow ARGS` on a real pseudo-terminal (util-linux script), its keyboard in our hands. */
function inTerminal(grow: Grow, args: string[]) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('GROW_') || key.startsWith('XDG_') || key === 'HOME' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  Object.assign(env, grow.env, { NO_COLOR: '1', TERM: 'xterm' });
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qec', [process.execPath, BIN, ...args].map(quote).join(' '), '/dev/null'], {
    env,
    cwd: ROOT,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d.replace(/\r\n/g, '\n')));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<number | null>((done) => child.once('close', done));
  return {
    output: () => output,
    /** Waits until the terminal shows the text (counting from `from`), then returns where it ends. */
    async waitFor(text: string, from = 0): Promise<number> {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const at = output.indexOf(text, from);
        if (at >= 0) return at + text.length;
        if (Date.now() > deadline) throw new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    press: (key: string) => void child.stdin.write(key),
    async exit(): Promise<number | null> {
      const code = await exited;
      child.stdin.end();
      return code;
    },
  };
}

describe('grow review in a terminal', { timeout: 120_000 }, () => {
  it.runIf(hasScript)('shows a card, reveals it with Space, grades it with one key, and sums up', async () => {
    const { grow } = await withBook();
    const first = await grow.json<CliCard>('learn', 'takeaway', 'Atomic Habits', 'Systems beat goals', '--front', 'Goals or systems?');
    const second = await grow.json<CliCard>('learn', 'takeaway', 'Atomic Habits', 'Make it obvious', '--front', 'Law 1?');
    const third = await grow.json<CliCard>('learn', 'takeaway', 'Atomic Habits', 'Never miss twice', '--front', 'After a miss?');
    const term = inTerminal(grow, ['review']);
    let at = await term.waitFor('Card 1 of 3 · Atomic Habits (James Clear)\n  Goals or systems?\n');
    expect(term.output()).not.toContain('Systems beat goals');
    term.press('3'); // not revealed yet: nothing happens
    term.press(' ');
    at = await term.waitFor('Systems beat goals', at);
    term.press('3');
    at = await term.waitFor('good: next due in 10 minutes', at);
    at = await term.waitFor('Card 2 of 3', at);
    term.press('\r');
    at = await term.waitFor('Make it obvious', at);
    term.press('e');
    at = await term.waitFor('easy: next due in 8 days', at);
    await term.waitFor('Card 3 of 3', at);
    term.press('q');
    expect(await term.exit()).toBe(0);
    const out = term.output();
    expect(out).toContain('Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1.');
    expect(out).toContain('1 card still due: grow review');
    expect(out).not.toContain('Never miss twice');

    // What the keys did is what the database holds.
    const all = await grow.json<CliCard[]>('review', '--all');
    const byId = new Map(all.map((c) => [c.id, c]));
    // Each was graded within a minute of being made: Good is 10 minutes on, Easy 8 days; the third is untouched.
    const movedBy = (card: CliCard) => Date.parse(byId.get(card.id)!.due) - Date.parse(card.due);
    expect(movedBy(first)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(movedBy(first)).toBeLessThan(11 * 60_000);
    expect(movedBy(second)).toBeGreaterThanOrEqual(8 * DAY);
    expect(movedBy(second)).toBeLessThan(8 * DAY + 60_000);
    expect(movedBy(third)).toBe(0);
    expect((await grow.json<CliCard[]>('review')).map((c) => c.id)).toEqual([third.id]);
  });

  it.runIf(hasScript)('says there is nothing to review and exits at once when nothing is due', async () => {
    const grow = fresh();
    const term = inTerminal(grow, ['review']);
    expect(await term.exit()).toBe(0);
    expect(term.output()).toContain('Nothing due for review.');
  });
});
