import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';
import { COMMAND_NAMES, commandName } from '../../src/cli/commands.js';

const root = tempDir();
beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow loads the command group a run names', { timeout: 120_000 }, () => {
  it('finds the command after global options', () => {
    expect(commandName(['habit', 'done', 'read'])).toBe('habit');
    expect(commandName(['--json', '--db', 'x.db', 'today'])).toBe('today');
    expect(commandName(['--db=x.db', 'review', 'grade'])).toBe('review');
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName(['--', 'habit'])).toBeUndefined();
  });

  it('lists every command in help, and each one answers its own help when loaded alone', async () => {
    const grow = new Grow(join(root.path, 'grow'));
    const help = await grow.ok('--help');
    const names = [...help.stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
    // The table of groups names every command there is, so each run loads only its own group.
    expect(new Set(names)).toEqual(new Set(COMMAND_NAMES));
    for (const name of names) {
      const own = await grow.run(name, '--help');
      expect(own.code, `grow ${name} --help: ${own.stderr}`).toBe(0);
      expect(own.stdout).toContain(`Usage: grow ${name}`);
    }
    // Subcommands another group adds are there when their command is named.
    expect((await grow.ok('import', '--help')).stdout).toMatch(/goodreads[\s\S]*jekyll/);
    expect((await grow.ok('export', '--help')).stdout).toMatch(/ics[\s\S]*jekyll/);
    expect((await grow.ok('learn', '--help')).stdout).toContain('takeaway');
    const unknown = await grow.run('habitt');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('(Did you mean habit?)');
  });
});
