import type { Command } from 'commander';

export function registerSkillCommands(_program: Command): void {}
