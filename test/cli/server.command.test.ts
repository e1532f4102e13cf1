import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exchangeLoginToken } from '../../src/services/auth.service.js';
import { openStore } from '../../src/store/database.js';
import { BIN, Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

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

/** This process's environment without grow's own variables, as runGrow gives a command. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GROW_') && !key.startsWith('XDG_')));

describe('grow serve on SIGTERM', { timeout: 60_000 }, () => {
  it('finishes the request in flight, takes no new one, and exits 0', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const grow = new Grow(join(dir.path, 'home'));
    const { token } = await grow.json<{ token: string }>('token', 'create', '--label', 'drain');
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json'], { env: { ...cleanEnv(), ...grow.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => server.once('exit', done));
    const { url } = await new Promise<{ url: string }>((done, fail) => {
      let out = '';
      server.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) done(JSON.parse(out));
      });
      server.once('exit', () => fail(new Error('grow serve exited before listening')));
    });

    // An import whose body is still arriving when the signal comes.
    const clippings = readFileSync(join(import.meta.dirname, '../fixtures/library/My Clippings.txt'));
    const half = Math.floor(clippings.length / 2);
    const answer = new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(`${url}/api/v1/import/kindle`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain', 'content-length': clippings.length },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.write(clippings.subarray(0, half));
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => req.end(clippings.subarray(half)), 300);
      }, 200);
    });
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ itemsCreated: expect.any(Number) });
    expect(JSON.parse(body).itemsCreated).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    // Gone: a new request finds no one listening.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // And what it took in was kept.
    expect((await grow.json<unknown[]>('learn', 'list')).length).toBe(JSON.parse(body).itemsCreated);
  });
});
