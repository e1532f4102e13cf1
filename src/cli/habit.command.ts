import type { Command } from 'commander';
import { HABIT_KINDS, wordsOf } from '../core/vocabulary.js';
import { anchorText } from '../core/schedule.js';
import type { HabitDetail, HabitSummary } from '../services/habit.service.js';
import { paint, percent, printJson, printLine, printTable, strengthBar } from './output.js';
import { globals, numberFlag, withContext } from './session.js';

interface HabitFlags {
  kind?: string;
  schedule?: string;
  target?: string;
  unit?: string;
  identity?: string;
  when?: string;
  where?: string;
  after?: string;
  twoMinute?: string;
  bundle?: string;
  obvious?: string;
  attractive?: string;
  easy?: string;
  satisfying?: string;
  group?: string;
  skills?: string;
}

function habitFlags(command: Command): Command {
  return command
    .option('--kind <kind>', `${wordsOf(HABIT_KINDS)} (default build)`)
    .option('--schedule <schedule>', 'daily, weekdays, mon,wed,fri, 3/week, 2/3days or "every 3 days"')
    .option('--target <n>', 'a measurable target per repetition: at least (build) or at most (break)')
    .option('--unit <unit>', 'the unit of the target, e.g. pages')
    .option('--identity <text>', 'who you become: "I am someone who reads"')
    .option('--when <text>', 'implementation intention: the time')
    .option('--where <text>', 'implementation intention: the place')
    .option('--after <habit|text>', 'habit stacking: after another habit (slug) or after something you do')
    .option('--two-minute <text>', 'the two-minute version')
    .option('--bundle <text>', 'temptation bundle')
    .option('--obvious <text>', 'law 1: make it obvious (or invisible, to break)')
    .option('--attractive <text>', 'law 2: make it attractive (or unattractive)')
    .option('--easy <text>', 'law 3: make it easy (or difficult)')
    .option('--satisfying <text>', 'law 4: make it satisfying (or unsatisfying)')
    .option('--group <group>', 'a group, e.g. morning')
    .option('--skills <a,b>', 'skills the habit grows, comma separated');
}

/** Flags → the service's input, passing only what was given ("" clears a text field). */
function toInput(flags: HabitFlags): Record<string, unknown> {
  const input: Record<string, unknown> = {
    kind: flags.kind,
    schedule: flags.schedule,
    target: numberFlag('target', flags.target),
    unit: flags.unit,
    identity: flags.identity,
    when: flags.when,
    where: flags.where,
    after: flags.after,
    twoMinute: flags.twoMinute,
    bundle: flags.bundle,
    lawObvious: flags.obvious,
    lawAttractive: flags.attractive,
    lawEasy: flags.easy,
    lawSatisfying: flags.satisfying,
    group: flags.group,
    skills: flags.skills,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

const NMT_LABEL = { ok: '', 'missed-once': 'missed once: not today', 'missed-twice': 'missed twice' } as const;

export function printHabitList(habits: HabitSummary[]): void {
  if (habits.length === 0) {
    printLine('No habits yet. Add one: grow habit add "Read 20 pages" --identity "I am someone who reads"');
    return;
  }
  printTable(
    ['HABIT', 'SCHEDULE', 'STRENGTH', 'STREAK', 'BEST', 'TODAY', 'NOTE'],
    habits.map((h) => [
      `${h.name}${h.archived ? paint.dim(' (archived)') : ''} ${paint.dim(h.slug)}`,
      h.kind === 'break' ? `${h.schedule} (break)` : h.schedule,
      strengthBar(h.strength),
      `${h.streak}d`,
      `${h.bestStreak}d`,
      h.today ? paint.good(h.today.status) : h.dueToday ? paint.warn('due') : '',
      h.neverMissTwice === 'ok' ? '' : paint.bad(NMT_LABEL[h.neverMissTwice]),
    ]),
  );
}

export function printHabitDetail(h: HabitDetail): void {
  const field = (label: string, value: string | null) => (value ? printLine(`  ${paint.dim(label.padEnd(12))} ${value}`) : undefined);
  printLine(`${paint.bold(h.name)} ${paint.dim(`(${h.slug})`)}${h.archived ? paint.dim(' archived') : ''}`);
  field('kind', h.kind === 'build' ? 'habit to build' : 'habit to break');
  field('schedule', h.schedule);
  field('anchor', h.anchor && anchorText(h.anchor));
  field('target', h.target !== null ? `${h.kind === 'build' ? 'at least' : 'at most'} ${h.target}${h.unit ? ` ${h.unit}` : ''}` : null);
  field('identity', h.identity);
  field('when', h.when);
  field('where', h.where);
  field('after', h.after);
  field('two minutes', h.twoMinute);
  field('bundle', h.bundle);
  field('obvious', h.lawObvious);
  field('attractive', h.lawAttractive);
  field('easy', h.lawEasy);
  field('satisfying', h.lawSatisfying);
  field('group', h.group);
  field('skills', h.skills.join(', ') || null);
  printLine();
  printLine(`  strength    ${strengthBar(h.strength)}   as of ${h.asOf}`);
  printLine(`  streak      ${h.streak} days (best ${h.bestStreak})`);
  printLine(`  completion  ${percent(h.completion30)} last 30 days, ${percent(h.completion365)} last year`);
  if (h.neverMissTwice !== 'ok') printLine(`  ${paint.bad(`never miss twice: ${NMT_LABEL[h.neverMissTwice]}`)}`);
  const recent = h.history.slice(-14);
  if (recent.length > 0) {
    printLine();
    for (const day of recent) {
      const status =
        day.status === 'done' ? paint.good(day.status) : day.status === 'missed' || day.status === 'slip' ? paint.bad(day.status) : paint.dim(day.status);
      printLine(
        `  ${day.date}  ${status}${day.amount !== null ? ` ${day.amount}${h.unit ? ` ${h.unit}` : ''}` : ''}${day.note ? `  ${paint.dim(day.note)}` : ''}`,
      );
    }
  }
}

export function registerHabitCommands(program: Command): void {
  const habit = program.command('habit').description('habits to build or to break (Atomic Habits)');

  habitFlags(habit.command('add').argument('<name>').description('add a habit')).action(async (name: string, flags: HabitFlags, command: Command) => {
    const { addHabit } = await import('../services/habit.service.js');
    const result = await withContext(command, (ctx) => addHabit(ctx, { name, ...toInput(flags) }));
    if (globals(command).json) printJson(result);
    else printLine(`Added ${paint.bold(result.name)} (${result.slug}).`);
  });

  habitFlags(habit.command('edit').argument('<habit>').description('change a habit').option('--name <name>', 'rename')).action(
    async (ref: string, flags: HabitFlags & { name?: string }, command: Command) => {
      const { editHabit } = await import('../services/habit.service.js');
      const input = toInput(flags);
      if (flags.name !== undefined) input.name = flags.name;
      const result = await withContext(command, (ctx) => editHabit(ctx, ref, input));
      if (globals(command).json) printJson(result);
      else printLine(`Updated ${paint.bold(result.name)} (${result.slug}).`);
    },
  );

  habit
    .command('archive')
    .argument('<habit>')
    .option('--restore', 'bring an archived habit back')
    .description('archive a habit: it leaves today and the list, its history stays')
    .action(async (ref: string, flags: { restore?: boolean }, command: Command) => {
      const { archiveHabit } = await import('../services/habit.service.js');
      const result = await withContext(command, (ctx) => archiveHabit(ctx, ref, !flags.restore));
      if (globals(command).json) printJson(result);
      else printLine(`${flags.restore ? 'Restored' : 'Archived'} ${result.name}.`);
    });

  habit
    .command('rm')
    .argument('<habit>')
    .option('--yes', 'confirm: the habit and all its check-ins are deleted')
    .description('delete a habit and its history')
    .action(async (ref: string, flags: { yes?: boolean }, command: Command) => {
      const { AppError } = await import('../core/errors.js');
      if (!flags.yes) throw new AppError('usage', `rm: deleting "${ref}" removes its whole history; repeat with --yes (or archive it instead)`);
      const { removeHabit } = await import('../services/habit.service.js');
      const result = await withContext(command, (ctx) => removeHabit(ctx, ref));
      if (globals(command).json) printJson(result);
      else printLine(`Removed ${result.slug}.`);
    });

  const checkInCommand = (name: 'done' | 'skip' | 'slip', description: string, withAmount: boolean) => {
    let command = habit.command(name).argument('<habit>').description(description).option('--date <date>', 'YYYY-MM-DD (default today)');
    if (withAmount) command = command.option('--amount <n>', 'how much, for a measurable habit');
    command
      .option('--note <text>', 'a note for the day')
      .action(async (ref: string, flags: { date?: string; amount?: string; note?: string }, cmd: Command) => {
        const { checkIn } = await import('../services/habit.service.js');
        const input = { date: flags.date, amount: numberFlag('amount', flags.amount), note: flags.note };
        const result = await withContext(cmd, (ctx) => checkIn(ctx, ref, name, input));
        if (globals(cmd).json) printJson(result);
        else {
          const verb = name === 'done' ? 'Done' : name === 'skip' ? 'Skipped' : 'Slip recorded';
          printLine(`${verb}: ${paint.bold(result.name)} on ${flags.date ?? result.asOf}. Strength ${strengthBar(result.strength)}, streak ${result.streak}d.`);
        }
      });
  };
  checkInCommand('done', 'check a habit in as done', true);
  checkInCommand('skip', 'skip a day (vacation, sickness): the strength freezes, the streak holds', false);
  checkInCommand('slip', 'record a slip on a habit to break', true);

  habit
    .command('undo')
    .argument('<habit>')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .description("remove a day's check-in")
    .action(async (ref: string, flags: { date?: string }, command: Command) => {
      const { undoCheckIn } = await import('../services/habit.service.js');
      const { parseInput } = await import('../schemas/validate.js');
      const { undoSchema } = await import('../schemas/check-in.schema.js');
      const { date } = parseInput(undoSchema, { date: flags.date });
      const result = await withContext(command, (ctx) => undoCheckIn(ctx, ref, date));
      if (globals(command).json) printJson(result);
      else printLine(`Removed the check-in of ${result.name} on ${date ?? result.asOf}.`);
    });

  habit
    .command('list')
    .option('--all', 'include archived habits')
    .description('habits with strength and streaks')
    .action(async (flags: { all?: boolean }, command: Command) => {
      const { listHabits } = await import('../services/habit.service.js');
      const habits = await withContext(command, (ctx) => listHabits(ctx, { includeArchived: flags.all }));
      if (globals(command).json) {
        printJson(
          habits.map((h) => ({
            id: h.id,
            slug: h.slug,
            name: h.name,
            kind: h.kind,
            schedule: h.schedule,
            group: h.group,
            strength: h.strength,
            streak: h.streak,
            bestStreak: h.bestStreak,
            dueToday: h.dueToday,
            neverMissTwice: h.neverMissTwice,
          })),
        );
      } else printHabitList(habits);
    });

  habit
    .command('show')
    .argument('<habit>')
    .option('--as-of <date>', 'numbers as of this day (YYYY-MM-DD)')
    .description('a habit: its Atomic Habits card, numbers and history')
    .action(async (ref: string, flags: { asOf?: string }, command: Command) => {
      const { showHabit } = await import('../services/habit.service.js');
      const { parseInput } = await import('../schemas/validate.js');
      const { asOfSchema } = await import('../schemas/check-in.schema.js');
      const { asOf } = parseInput(asOfSchema, { asOf: flags.asOf });
      const result = await withContext(command, (ctx) => showHabit(ctx, ref, asOf));
      if (globals(command).json) printJson(result);
      else printHabitDetail(result);
    });

  program
    .command('today')
    .description('what is due today')
    .action(async (_flags: unknown, command: Command) => {
      const { today } = await import('../services/today.service.js');
      const result = await withContext(command, (ctx) => today(ctx));
      if (globals(command).json) {
        printJson(result);
        return;
      }
      printLine(paint.bold(`Today, ${result.date}`));
      if (result.due.length === 0 && result.done.length === 0 && result.avoid.length === 0 && result.planned.length === 0 && result.reviewsDue === 0)
        printLine('Nothing scheduled. Add a habit: grow habit add NAME');
      for (const h of result.due)
        printLine(`  ${paint.warn('○')} ${h.name} ${paint.dim(h.slug)}${h.neverMissTwice !== 'ok' ? paint.bad('  never miss twice') : ''}`);
      for (const h of result.done) printLine(`  ${paint.good('●')} ${h.name} ${paint.dim(h.today?.status ?? '')}`);
      for (const h of result.avoid) printLine(`  ${paint.dim('⊘')} avoid: ${h.name}${h.today?.status === 'slip' ? paint.bad(' (slipped)') : ''}`);
      if (result.reviewsDue > 0) {
        printLine();
        printLine(`  ${paint.warn('○')} ${result.reviewsDue} ${result.reviewsDue === 1 ? 'card' : 'cards'} due for review — grow review`);
      }
      if (result.planned.length > 0) {
        printLine();
        printLine(paint.bold('Practice'));
        for (const s of result.planned) {
          const mark = s.status === 'done' ? paint.good('●') : s.status === 'skipped' ? paint.dim('⊘') : paint.warn('○');
          const status = s.status === 'planned' ? paint.dim(`grow plan done ${s.id}`) : paint.dim(s.status);
          printLine(`  ${mark} ${s.minutes} min ${s.skill} ${paint.dim(`(${s.kind}) ${s.why}`)}  ${status}`);
        }
      }
      const { neglectLines } = await import('./activity.command.js');
      const balance = neglectLines(result.neglected);
      if (balance.length > 0) {
        printLine();
        printLine(paint.bold('Balance'));
        for (const line of balance) printLine(`  ${paint.warn('!')} ${line}`);
      }
    });
}
