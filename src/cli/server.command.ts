import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { printJson, printLine } from './output.js';
import { globals, numberFlag, openFromOptions, usage } from './session.js';

const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
const DEFAULT_PORT = '4870';

/** The sign-in link for a server on this machine: it names localhost, which the host check always accepts. */
function loginLink(hostname: string, port: string | number, token: string): string {
  const host = hostname === '0.0.0.0' || hostname === '[::]' || hostname === '::' ? '127.0.0.1' : hostname;
  return `http://${host}:${port}/login?token=${token}`;
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .option('--host <host>', 'address to bind (default 127.0.0.1: only this machine)', '127.0.0.1')
    .option('--port <port>', 'port (default 4870; 0 picks a free one)', DEFAULT_PORT)
    .option('--public-host <host>', 'a host name besides localhost that may address the server (behind a proxy)')
    .description('serve the web app and the HTTP API')
    .action(async (flags: { host: string; port: string; publicHost?: string }, command: Command) => {
      const port = numberFlag('port', flags.port)!;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`port: expected 0..65535, got ${flags.port}`);
      const { startServer } = await import('../api/server.js');
      const { createLoginToken } = await import('../services/auth.service.js');
      const { ensureLocalPerson } = await import('../services/context.js');
      const store = await openFromOptions(globals(command));
      const personId = await ensureLocalPerson(store);
      const server = await startServer({ store, host: flags.host, port, webRoot: WEB_ROOT, publicHost: flags.publicHost ?? process.env.GROW_PUBLIC_HOST });
      const token = await createLoginToken(store, personId);
      const address = new URL(server.url);
      const loginUrl = loginLink(address.hostname, address.port, token);
      if (globals(command).json) printJson({ url: server.url, loginUrl, database: store.location });
      else {
        printLine(`grow is serving ${store.location}`);
        printLine(`Open this link to sign in (it works once, within a day):`);
        printLine(`    ${loginUrl}`);
        const portFlag = address.port === DEFAULT_PORT ? '' : ` --port ${address.port}`;
        printLine(`For another sign-in link while it runs: grow login-link${portFlag} (in another terminal)`);
      }
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('login-link')
    .option('--host <host>', 'the address grow serve listens on', '127.0.0.1')
    .option('--port <port>', 'the port grow serve listens on', DEFAULT_PORT)
    .description('a fresh one-time sign-in link for the web app of a running grow serve (same database)')
    .action(async (flags: { host: string; port: string }, command: Command) => {
      const port = numberFlag('port', flags.port)!;
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw usage(`port: expected 1..65535, got ${flags.port}`);
      const { createLoginToken } = await import('../services/auth.service.js');
      const { ensureLocalPerson } = await import('../services/context.js');
      const store = await openFromOptions(globals(command));
      try {
        const loginUrl = loginLink(flags.host, port, await createLoginToken(store, await ensureLocalPerson(store)));
        if (globals(command).json) printJson({ loginUrl });
        else {
          printLine('Open this link to sign in (it works once, within a day):');
          printLine(`    ${loginUrl}`);
        }
      } finally {
        await store.close();
      }
    });
}
