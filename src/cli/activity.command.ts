import type { Command } from 'commander';

export function registerActivityCommands(_program: Command): void {}
