import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

it('a reader that stops early (grow … | head) ends grow quietly with exit 0', async () => {
  const child = spawn(process.execPath, [BIN, 'framework', 'show', 'grow'], {
    env: { ...process.env, GROW_HOME: join(root.path, 'grow'), GROW_TODAY: '2026-11-23' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // Read the first chunk, then close the pipe as `head -1` would.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.once('close', done));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
