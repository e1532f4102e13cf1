import type { Command } from 'commander';

/** `grow review …`, and `grow learn takeaway` on the learn command. */
export function registerReviewCommands(program: Command, learn: Command): void {
  void program;
  void learn;
}
