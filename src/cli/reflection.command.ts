import type { Command } from 'commander';

/** `grow import jekyll`, `grow export jekyll` (on the existing import/export commands) and `grow reflect`. */
export function registerReflectionCommands(program: Command, commands: { importer: Command; exporter: Command }): void {
  void program;
  void commands;
}
