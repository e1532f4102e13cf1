import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exchangeLoginToken } from '../../src/services/auth.service.js';
import { openStore } from '../../src/store/database.js';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

requireBuiltCli();
const dirs: { remove(): void }[] = [];
afterAll(() => {
  for (const d of dirs) d.remove();
});

describe('grow login-link', { timeout: 60_000 }, () => {
  it('makes a fresh one-time sign-in link in the same database a running grow serve reads', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const grow = new Grow(join(dir.path, 'home'));
    const { loginUrl } = await grow.json<{ loginUrl: string }>('login-link');
    expect(loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:4870\/login\?token=[\w-]+$/);
    expect((await grow.json<{ loginUrl: string }>('login-link', '--port', '5001')).loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:5001\/login\?token=/);
    const human = await grow.ok('login-link');
    expect(human.stdout).toMatch(/^Open this link to sign in \(it works once, within a day\):\n {4}http:\/\/127\.0\.0\.1:4870\/login\?token=\S+\n$/);

    // The link's token is a real one: it signs a browser in once.
    const token = new URL(loginUrl).searchParams.get('token')!;
    const store = await openStore(join(dir.path, 'home', 'grow.db'));
    try {
      expect(await exchangeLoginToken(store, token)).toEqual(expect.any(String));
      await expect(exchangeLoginToken(store, token)).rejects.toThrow(/already used; run `grow login-link`/);
    } finally {
      await store.close();
    }
  });

  it('refuses a port out of range as bad usage', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await new Grow(join(dir.path, 'home')).fails(2, 'usage', 'port: expected 1..65535, got 0', 'login-link', '--port', '0');
  });
});
