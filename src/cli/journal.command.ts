import type { Command } from 'commander';

/** `grow journal …`. */
export function registerJournalCommands(program: Command): void {
  void program;
}
