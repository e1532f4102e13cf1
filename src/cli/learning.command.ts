import type { Command } from 'commander';

/** `grow learn …`; returns the `learn` command so review can add `grow learn takeaway`. */
export function registerLearningCommands(program: Command): Command {
  return program.command('learn').description('your library: books, articles, courses and talks');
}
