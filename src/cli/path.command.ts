import type { Command } from 'commander';
import { OUTCOMES, wordsOf } from '../core/vocabulary.js';
import { fitText } from '../core/path-fit.js';
import type { Experiment, PathFit } from '../services/path.service.js';
import { paint, percent, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

export function printPathFit(fits: PathFit[]): void {
  printTable(
    ['TRACK', 'FIT', 'CONFIDENCE'],
    fits.map((f) => [paint.bold(f.track), fitText(f.score), percent(f.confidence)]),
  );
  for (const fit of fits) {
    printLine();
    printLine(`${paint.bold(fit.track)}  ${paint.dim(`fit ${fitText(fit.score)}, confidence ${percent(fit.confidence)}`)}`);
    for (const reason of fit.reasons) printLine(`  - ${reason}`);
    const s = fit.suggestion;
    if (s) printLine(paint.dim(`  try: grow experiment add "${s.title}" --track ${s.track} --until ${s.until} --hypothesis "…"`));
  }
}

const STATUS = { open: (s: string) => s, overdue: paint.warn, closed: paint.dim } as const;

export function printExperiments(experiments: Experiment[]): void {
  if (experiments.length === 0) {
    printLine('No experiments yet. Try a path for a few weeks: grow experiment add "Run sprint planning" --track manager --until YYYY-MM-DD --hypothesis "…"');
    return;
  }
  printTable(
    ['ID', 'TRACK', 'TITLE', 'FROM', 'UNTIL', 'STATUS', 'OUTCOME'],
    experiments.map((e) => [paint.dim(e.id), e.track, e.title, e.startedOn, e.until, STATUS[e.status](e.status), e.outcome ?? '']),
  );
}

export function registerPathCommands(program: Command): void {
  const path = program.command('path').description('which career path fits you, from your own evidence');
  path
    .command('fit')
    .description('per track: fit, confidence and the reasons behind them, best first')
    .action(async (_flags: unknown, command: Command) => {
      const { pathFit } = await import('../services/path.service.js');
      const result = await withContext(command, (ctx) => pathFit(ctx));
      if (globals(command).json) printJson(result);
      else printPathFit(result);
    });

  const experiment = program.command('experiment').description('time-boxed tries of a path, with a hypothesis and an outcome');
  experiment
    .command('add')
    .argument('<title>')
    .description('start an experiment, or record one already run (--start and --until in the past)')
    .option('--track <track>', 'the track it tries: ic, manager, security, …')
    .option('--start <date>', 'its first day, YYYY-MM-DD (default today)')
    .option('--until <date>', 'its last day, YYYY-MM-DD, not before the start')
    .option('--hypothesis <text>', 'what you expect to find out')
    .action(async (title: string, flags: { track?: string; start?: string; until?: string; hypothesis?: string }, command: Command) => {
      const { addExperiment } = await import('../services/path.service.js');
      const input = Object.fromEntries(
        Object.entries({ title, track: flags.track, start: flags.start, until: flags.until, hypothesis: flags.hypothesis }).filter(([, v]) => v !== undefined),
      );
      const result = await withContext(command, (ctx) => addExperiment(ctx, input));
      if (globals(command).json) printJson(result);
      else printLine(`Started ${paint.bold(result.title)} on ${result.track} from ${result.startedOn} until ${result.until} ${paint.dim(`(${result.id})`)}.`);
    });

  experiment
    .command('close')
    .argument('<id>')
    .description('record the outcome of an experiment')
    .option('--outcome <outcome>', wordsOf(OUTCOMES))
    .option('--note <text>', 'what you learned')
    .option('--on <date>', 'the closing day, YYYY-MM-DD (default today; not before the start)')
    .action(async (id: string, flags: { outcome?: string; note?: string; on?: string }, command: Command) => {
      const { closeExperiment } = await import('../services/path.service.js');
      const input = Object.fromEntries(Object.entries({ outcome: flags.outcome, note: flags.note, on: flags.on }).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => closeExperiment(ctx, id, input));
      if (globals(command).json) printJson(result);
      else printLine(`Closed ${paint.bold(result.title)} on ${result.closedOn}: ${result.outcome}.`);
    });

  experiment
    .command('list')
    .description('every experiment, newest first')
    .action(async (_flags: unknown, command: Command) => {
      const { listExperiments } = await import('../services/path.service.js');
      const result = await withContext(command, (ctx) => listExperiments(ctx));
      if (globals(command).json) printJson(result);
      else printExperiments(result);
    });
}
