import type { Command } from 'commander';
import type { Balance, Neglect } from '../core/balance.js';
import type { Activity } from '../services/activity.service.js';
import { paint, percent, printJson, printLine, printTable } from './output.js';
import { globals, usage, withContext } from './session.js';

interface LogFlags {
  minutes?: string;
  skills?: string;
  energy?: string;
  ease?: string;
  date?: string;
}

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : String(n));

function printActivities(activities: Activity[]): void {
  if (activities.length === 0) {
    printLine('Nothing logged. Log a practice: grow log "Paired on the flaky test" --minutes 45 --skills testing,communication');
    return;
  }
  printTable(
    ['DATE', 'MIN', 'SKILLS', 'ENERGY', 'EASE', 'WHAT'],
    activities.map((a) => [a.date, String(a.minutes), a.skills.join(','), signed(a.energy), a.ease === null ? '' : String(a.ease), a.text]),
  );
}

/**
 * A meter of the technical share against the target: █ technical, ░ soft, │ where the target is.
 * `technical ██████████│███░░░░░░░ soft`
 */
export function ratioMeter(ratio: number | null, target: number, width = 20): string {
  const cells: string[] = [];
  const filled = ratio === null ? 0 : Math.round(ratio * width);
  for (let i = 0; i < width; i++) cells.push(ratio === null ? '·' : i < filled ? '█' : '░');
  const mark = Math.min(width, Math.max(0, Math.round(target * width)));
  cells.splice(mark, 0, '│');
  return `technical ${cells.join('')} soft`;
}

/** "soft practice: 15 days ago", "empathy: never". */
export function describeNeglect(n: Neglect): string {
  const when = n.daysSince === null ? 'never practised' : `last practised ${n.daysSince} days ago`;
  return 'kind' in n ? `${n.kind} practice: ${when}` : `${n.skill}: ${when}`;
}

/** Balance warnings in a few lines: one per kind, the skills together. */
export function neglectLines(neglected: readonly Neglect[]): string[] {
  const lines: string[] = [];
  const skills: string[] = [];
  for (const n of neglected) {
    if ('kind' in n) lines.push(describeNeglect(n));
    else skills.push(`${n.skill} (${n.daysSince === null ? 'never' : `${n.daysSince}d`})`);
  }
  if (skills.length > 0) lines.push(`skills your target needs, not practised for 14 days: ${skills.join(', ')}`);
  return lines;
}

function printBalance(b: Balance): void {
  printTable(
    ['WEEK', 'TECHNICAL', 'SOFT', 'TOTAL'],
    b.weeks.map((w) => [w.week, `${w.technicalMinutes} min`, `${w.softMinutes} min`, `${w.technicalMinutes + w.softMinutes} min`]),
  );
  printLine();
  const share = b.ratio === null ? 'no practice logged in these weeks' : `${percent(b.ratio)} technical`;
  printLine(`${ratioMeter(b.ratio, b.targetRatio)}  ${share}, target ${percent(b.targetRatio)}`);
  const finished = b.weeks.flatMap((w) => w.finished.map((item) => `${item.title} (${w.week}; ${item.skills.join(', ')})`));
  if (finished.length > 0) {
    printLine();
    printLine(`Finished: ${finished.join('; ')}`);
  }
  if (b.neglected.length > 0) {
    printLine();
    printLine(paint.warn('Neglected (14 days or more):'));
    for (const n of b.neglected) printLine(`  ${paint.warn('!')} ${describeNeglect(n)}`);
  }
}

async function logPractice(text: string, _flags: LogFlags, command: Command): Promise<void> {
  // `grow log add` repeats the flags of `grow log`, which commander gives to `log` itself: read both.
  const flags = command.optsWithGlobals<LogFlags>();
  const { logActivity } = await import('../services/activity.service.js');
  // Numbers go to the shared schema as typed: it reads whole numbers ("+2" too) and names the field.
  const input = { text, minutes: flags.minutes, skills: flags.skills, energy: flags.energy, ease: flags.ease, date: flags.date };
  const result = await withContext(command, (ctx) => logActivity(ctx, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))));
  if (globals(command).json) printJson(result);
  else printLine(`Logged ${result.minutes} min of ${result.skills.join(', ')} on ${result.date}.`);
}

const logOptions = (command: Command): Command =>
  command
    .option('--minutes <n>', 'how long, in whole minutes (1..1440)')
    .option('--skills <a,b>', 'skill ids the practice touched, comma separated (see grow skill list)')
    .option('--energy <n>', 'how it left you: -2 drained … 2 energized')
    .option('--ease <n>', 'how naturally it came: 1 hard … 5 natural')
    .option('--date <date>', 'YYYY-MM-DD (default today)');

export function registerActivityCommands(program: Command): void {
  // `list` and `add` as the whole text are the subcommands; `grow log add TEXT` logs any text,
  // those two words included. Commander dispatches on the first word, so this is the only reading.
  const log = logOptions(
    program
      .command('log')
      .argument('<text>', 'what you practised')
      .description('log a practice: what, minutes, skills, and how it felt (grow log list shows the log)')
      .addHelpText(
        'after',
        '\n`grow log list` shows the log and `grow log add TEXT` logs TEXT. To log the word "list" or "add" itself, use\n`grow log add list`; any other text can follow `grow log` directly: grow log "Paired on the flaky test" --minutes 45',
      ),
  ).action(logPractice);

  logOptions(
    log
      .command('add')
      .argument('<text>', 'what you practised, any text (also "list" or "add")')
      .description('log a practice (the same as grow log TEXT, for any text)'),
  ).action(logPractice);

  log
    .command('list')
    .description('the practice log, oldest first')
    .option('--from <date>', 'from this day (YYYY-MM-DD)')
    .option('--to <date>', 'to this day (YYYY-MM-DD)')
    .action(async (flags: { from?: string; to?: string }, command: Command) => {
      // `grow log list --minutes 5` meant to log the word: say how, rather than list in silence.
      const given = Object.keys(log.opts()).filter((k) => ['minutes', 'skills', 'energy', 'ease', 'date'].includes(k));
      if (given.length > 0) throw usage(`log list: lists the log and takes no --${given[0]}; to log the text "list", use grow log add list`);
      const { listActivities } = await import('../services/activity.service.js');
      const range = Object.fromEntries(Object.entries({ from: flags.from, to: flags.to }).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => listActivities(ctx, range));
      if (globals(command).json) printJson(result);
      else printActivities(result);
    });

  program
    .command('balance')
    .description('technical against soft practice per week, against your target ratio')
    .option('--weeks <n>', 'how many weeks, ending with this one (default 4, at most 104)')
    .action(async (flags: { weeks?: string }, command: Command) => {
      const { balance } = await import('../services/activity.service.js');
      const result = await withContext(command, (ctx) => balance(ctx, flags.weeks === undefined ? {} : { weeks: flags.weeks }));
      if (globals(command).json) printJson(result);
      else printBalance(result);
    });
}
