import { CommanderError } from 'commander';
import { AppError } from '../core/errors.js';
import { reportError } from './output.js';
import { buildProgram } from './commands.js';

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    const program = await buildProgram(argv);
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

// Let pending output flush, then leave with the code; servers keep the process alive themselves.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
// Once nothing is pending, leave at once: Node's own teardown (freeing the heap page by page) cost
// a short command some 10 ms more than its work, and ran after all output was written.
process.once('beforeExit', () => process.exit());
