import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

// Node 22.1 and later keep the cache themselves (module.enableCompileCache); older Node, grow's fallback.
const ownCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const cacheName = `grow-compile-cache-${process.getuid?.() ?? ''}`.replace(/-$/, '');

describe('grow keeps its compiled code between runs', { timeout: 120_000 }, () => {
  it('answers the same from a cold cache, a warm one and a damaged one', async () => {
    const tmp = join(root.path, 'tmp');
    mkdirSync(tmp);
    const grow = new Grow(join(root.path, 'grow'), { TMPDIR: tmp });
    await grow.json('habit', 'add', 'Read');
    const cold = await grow.json('habit', 'done', 'read', '--date', '2026-11-20');
    const warm = await grow.json('habit', 'done', 'read', '--date', '2026-11-20');
    expect(warm).toEqual(cold);
    const error = await grow.run('habit', 'done', 'read', '--date', '2026-13-01', '--json');
    expect(error.code).toBe(1);
    expect(JSON.parse(error.stderr).error.details).toEqual([{ path: 'date', message: 'expected a date YYYY-MM-DD' }]);
    if (!ownCache) return;
    const dir = join(tmp, cacheName, `${process.version}-${process.arch}`);
    const files = readdirSync(dir);
    expect(files.some((f) => f.startsWith('cli+main.js.'))).toBe(true);
    // Data V8 cannot use is refused, and the run compiles as if there were none.
    for (const file of files) writeFileSync(join(dir, file), 'not V8 code');
    expect(await grow.json('habit', 'done', 'read', '--date', '2026-11-20')).toEqual(cold);
    expect(await grow.json('habit', 'done', 'read', '--date', '2026-11-20')).toEqual(cold);
  });

  it('runs without a cache where its directory cannot be had', async () => {
    const tmp = join(root.path, 'tmp-blocked');
    mkdirSync(tmp);
    writeFileSync(join(tmp, cacheName), 'a file where the cache directory would be');
    const grow = new Grow(join(root.path, 'grow-blocked'), { TMPDIR: tmp });
    expect((await grow.json<{ slug: string }>('habit', 'add', 'Walk')).slug).toBe('walk');
    expect((await grow.json<{ streak: number }>('habit', 'done', 'walk')).streak).toBe(1);
    expect(readdirSync(tmp)).toEqual([cacheName]);
    expect(existsSync(join(root.path, 'grow-blocked', 'grow.db'))).toBe(true);
  });
});
