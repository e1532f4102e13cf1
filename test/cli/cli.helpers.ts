import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'grow.js');
export const TODAY = '2026-11-23';

/** The CLI tests run the built package, as a user does: stop with a clear message when it is not built. */
export function requireBuiltCli(): void {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: the CLI tests run the built grow. Run \`npm run build\` first (\`npm test\` does it).`);
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/grow.js ARGS` with a clean environment: no GROW_* or XDG_* from the caller, a
 * temporary HOME, and only the variables given.
 */
export function runGrow(args: string[], env: Record<string, string | undefined>, options: { cwd?: string } = {}): Promise<Run> {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('GROW_') || key.startsWith('XDG_') || key === 'HOME' || key === 'NO_COLOR' || key === 'FORCE_COLOR') continue;
    base[key] = value;
  }
  const full: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) full[key] = value;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: full, cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A temporary directory for one test file, removed afterwards. */
export function tempDir(prefix = 'grow-cli-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A grow for one person: its own GROW_HOME (not created yet) and today pinned. */
export class Grow {
  readonly env: Record<string, string | undefined>;
  constructor(
    readonly home: string,
    env: Record<string, string | undefined> = {},
  ) {
    this.env = { HOME: dirname(home), GROW_HOME: home, GROW_TODAY: TODAY, ...env };
  }
  run(...args: string[]): Promise<Run> {
    return runGrow(args, this.env);
  }
  /** Runs with --json, expects exit 0 and an empty stderr, and parses stdout. */
  async json<T = any>(...args: string[]): Promise<T> {
    const result = await this.run(...args, '--json');
    if (result.code !== 0) throw new Error(`grow ${args.join(' ')} --json exited ${result.code}: ${result.stderr}`);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as T;
  }
  /** Runs and expects exit 0. */
  async ok(...args: string[]): Promise<Run> {
    const result = await this.run(...args);
    if (result.code !== 0) throw new Error(`grow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result;
  }
  /**
   * Runs with --json and expects a failure: the exit code, nothing on stdout, and exactly one
   * line on stderr, {"error":{"code":…,"message":…}} (with details when the input had problems to list).
   */
  async fails(exitCode: number, code: string, message: string | RegExp, ...args: string[]): Promise<void> {
    const result = await this.run(...args, '--json');
    expect(result.code, `grow ${args.join(' ')}: ${result.stderr}`).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const body = JSON.parse(result.stderr) as { error: { code: string; message: string; details?: { message: string }[] } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).slice(0, 2)).toEqual(['code', 'message']);
    expect(['code', 'message', 'details', 'more']).toEqual(expect.arrayContaining(Object.keys(body.error)));
    if (body.error.details) expect(body.error.message).toContain(body.error.details[0]!.message);
    expect(body.error.code).toBe(code);
    if (typeof message === 'string') expect(body.error.message).toBe(message);
    else expect(body.error.message).toMatch(message);
  }
}
