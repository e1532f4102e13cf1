import { Command, CommanderError, Option } from 'commander';
import { AppError } from '../core/errors.js';
import { reportError } from './output.js';
import { registerHabitCommands } from './habit.command.js';
import { registerScorecardCommands } from './scorecard.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerLoopImportCommands } from './loop-import.command.js';
import { registerDatabaseCommands } from './database.command.js';
import { registerSettingsCommands } from './settings.command.js';
import { registerTokenCommands } from './token.command.js';
import { registerServerCommands } from './server.command.js';
import { registerFrameworkCommands } from './framework.command.js';
import { registerSkillCommands } from './skill.command.js';
import { registerActivityCommands } from './activity.command.js';
import { registerPathCommands } from './path.command.js';
import { registerIcsExport, registerPlanCommands } from './plan.command.js';
import { registerLearningCommands } from './learning.command.js';
import { registerLibraryImportCommands } from './library-import.command.js';
import { registerReviewCommands } from './review.command.js';
import { registerJournalCommands } from './journal.command.js';
import { registerReflectionCommands } from './reflection.command.js';

export function buildProgram(): Command {
  const program = new Command('grow')
    .description('Grow technical and soft skills side by side, and build the habits that carry it.')
    .addOption(new Option('--db <url>', 'database: a SQLite file or postgres://… (default $GROW_DATABASE_URL, else $GROW_HOME/grow.db)'))
    .option('--json', 'machine-readable output on stdout')
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  registerHabitCommands(program);
  registerScorecardCommands(program);
  const { importer, exporter } = registerBackupCommands(program);
  registerIcsExport(exporter);
  registerLoopImportCommands(importer);
  registerDatabaseCommands(program);
  registerSettingsCommands(program);
  registerTokenCommands(program);
  registerFrameworkCommands(program);
  registerSkillCommands(program);
  registerActivityCommands(program);
  registerPathCommands(program);
  registerPlanCommands(program);
  const learn = registerLearningCommands(program);
  registerLibraryImportCommands(importer);
  registerReviewCommands(program, learn);
  registerJournalCommands(program);
  registerReflectionCommands(program, { importer, exporter });
  registerServerCommands(program);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: () => {} });
    for (const sub of command.commands) sub.exitOverride().configureOutput({ outputError: () => {} });
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `grow help` asks for help (0); a command group without its subcommand is bad usage (2).
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      const message = `${error.message.replace(/^error: /, '')}${json ? '' : ' (see grow --help)'}`;
      return reportError(new AppError('usage', message), { json });
    }
    return reportError(error, { json });
  }
}

// `grow … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
// Let pending output flush, then leave with the code; servers keep the process alive themselves.
process.exitCode = code;
