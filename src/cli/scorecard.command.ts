import type { Command } from 'commander';
import { HABIT_KINDS, wordsOf } from '../core/vocabulary.js';
import { paint, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

export function registerScorecardCommands(program: Command): void {
  const scorecard = program.command('scorecard').description('the habit scorecard: what you already do in a day, rated + - =');

  scorecard
    .command('add')
    .argument('<text>')
    .requiredOption('--rating <rating>', '+ (good habit), - (bad habit) or = (neutral)')
    .option('--time <time>', 'when in the day, e.g. 07:30')
    .description('add a line to the scorecard')
    .action(async (text: string, flags: { rating: string; time?: string }, command: Command) => {
      const { addScorecardItem } = await import('../services/scorecard.service.js');
      const item = await withContext(command, (ctx) => addScorecardItem(ctx, { text, rating: flags.rating, time: flags.time }));
      if (globals(command).json) printJson(item);
      else printLine(`Added ${item.rating} ${item.text} (${item.id}).`);
    });

  scorecard
    .command('list')
    .description('the scorecard, in the order of the day')
    .action(async (_flags: unknown, command: Command) => {
      const { listScorecard } = await import('../services/scorecard.service.js');
      const items = await withContext(command, (ctx) => listScorecard(ctx));
      if (globals(command).json) return printJson(items);
      if (items.length === 0) return printLine('The scorecard is empty. Add what you do after waking up: grow scorecard add "Check phone" --rating -');
      const rate = (r: string) => (r === '+' ? paint.good('+') : r === '-' ? paint.bad('-') : '=');
      printTable(
        ['TIME', 'RATING', 'WHAT', 'HABIT', 'ID'],
        items.map((i) => [i.time ?? '', rate(i.rating), i.text, i.habit ?? '', paint.dim(i.id)]),
      );
    });

  scorecard
    .command('rm')
    .argument('<id>')
    .description('remove a line')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { removeScorecardItem } = await import('../services/scorecard.service.js');
      const result = await withContext(command, (ctx) => removeScorecardItem(ctx, id));
      if (globals(command).json) printJson(result);
      else printLine(`Removed ${result.id}.`);
    });

  scorecard
    .command('habit')
    .argument('<id>')
    .option('--kind <kind>', `${wordsOf(HABIT_KINDS)} (default: break for a - line, build otherwise)`)
    .description('turn a scorecard line into a habit')
    .action(async (id: string, flags: { kind?: string }, command: Command) => {
      const { scorecardItemToHabit } = await import('../services/scorecard.service.js');
      const habit = await withContext(command, (ctx) => scorecardItemToHabit(ctx, id, { kind: flags.kind }));
      if (globals(command).json) printJson(habit);
      else printLine(`Added the habit ${paint.bold(habit.name)} (${habit.slug}, to ${habit.kind}).`);
    });
}
