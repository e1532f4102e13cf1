import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const GROW = join(ROOT, 'bin', 'grow.js');
export const TODAY = '2026-11-23';

/** The browser tests drive the built package: the CLI bundle and the web app. */
export function assertBuilt(): void {
  for (const file of [join(ROOT, 'dist', 'cli', 'main.js'), join(ROOT, 'web', 'dist', 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the browser tests`);
  }
}

export interface GrowHome {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs `grow ARGS --json` against this home and returns the parsed output. */
  cli<T = unknown>(...args: string[]): Promise<T>;
  /** Runs `grow ARGS` against this home and returns what it printed. */
  text(...args: string[]): Promise<string>;
  remove(): void;
}

export function createHome(today = TODAY, prefix = 'grow-e2e-'): GrowHome {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, GROW_HOME: home, GROW_TODAY: today, NO_COLOR: '1' };
  delete env.GROW_DATABASE_URL;
  return {
    home,
    env,
    async cli<T>(...args: string[]) {
      try {
        const { stdout } = await run(process.execPath, [GROW, ...args, '--json'], { env, cwd: ROOT });
        return JSON.parse(stdout) as T;
      } catch (error) {
        const e = error as { stderr?: string; message: string };
        throw new Error(`grow ${args.join(' ')} failed: ${e.stderr || e.message}`);
      }
    },
    async text(...args: string[]) {
      try {
        return (await run(process.execPath, [GROW, ...args], { env, cwd: ROOT })).stdout;
      } catch (error) {
        const e = error as { stderr?: string; message: string };
        throw new Error(`grow ${args.join(' ')} failed: ${e.stderr || e.message}`);
      }
    },
    remove() {
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  readonly url: string;
  readonly loginUrl: string;
  readonly database: string;
  stop(): Promise<void>;
}

/** Starts `grow serve --port 0 --json` on a home and waits for the line that names its URLs. */
export async function startServer(home: GrowHome): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [GROW, 'serve', '--port', '0', '--json'], {
    env: home.env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await new Promise<{ url: string; loginUrl: string; database: string }>((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`grow serve did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        const value = JSON.parse(stdout) as { url: string; loginUrl: string; database: string };
        clearTimeout(timer);
        resolvePromise(value);
      } catch {
        // not the whole object yet
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`grow serve exited with ${code}: ${stderr}`));
    });
  });
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolvePromise();
        });
        child.kill('SIGTERM');
      }),
  };
}
