import type { Command } from 'commander';
import { isTty, printJson, printLine } from './output.js';
import { globals, openFromOptions, withContext } from './session.js';

/** `grow token create|revoke`: API tokens for scripts. */
export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer …)');
  token
    .command('create')
    .option('--label <label>', 'what the token is for')
    .description('create an API token; it is shown once')
    .action(async (flags: { label?: string }, command: Command) => {
      const { createApiToken } = await import('../services/auth.service.js');
      const secret = await withContext(command, (ctx) => createApiToken(ctx.store, ctx.personId, flags.label ?? null));
      if (globals(command).json) printJson({ token: secret });
      else printLine(isTty() ? `Token (shown once): ${secret}` : secret);
    });
  token
    .command('revoke')
    .argument('<token>')
    .description('revoke an API token')
    .action(async (secret: string, _flags: unknown, command: Command) => {
      const { revokeToken } = await import('../services/auth.service.js');
      const store = await openFromOptions(globals(command));
      try {
        await revokeToken(store, secret);
      } finally {
        await store.close();
      }
      if (globals(command).json) printJson({ revoked: true });
      else printLine('Revoked.');
    });
}
