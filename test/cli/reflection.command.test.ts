import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_DIR, JEKYLL_FIXTURES, POSTS_DIR, fixturePosts } from '../fixtures/jekyll/posts.js';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
/** A fresh grow with its own GROW_HOME; today is 2026-11-23. */
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'), { TZ: 'America/Los_Angeles' });
const out = (name: string) => join(root.path, name);

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow import jekyll and grow export jekyll', { timeout: 120_000 }, () => {
  it('imports a _posts folder, re-imports it as unchanged, and exports every post back byte for byte', async () => {
    const grow = fresh();
    expect(await grow.json('import', 'jekyll', POSTS_DIR)).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: [] });
    // The site folder holding _posts reads the same posts.
    expect((await grow.ok('import', 'jekyll', JEKYLL_FIXTURES)).stdout).toBe('Imported from Jekyll: 0 new entries, 0 updated, 9 unchanged.\n');
    const dir = out('exported');
    for (const post of fixturePosts()) {
      const written = await grow.json<{ path: string; bytes: number }>('export', 'jekyll', post.name, '--out', dir);
      expect(written).toEqual({ path: join(dir, post.name), bytes: post.bytes.byteLength });
      expect(readFileSync(written.path).equals(post.bytes), post.name).toBe(true);
    }
    // A single post file; the path printed alone without --json.
    expect(await grow.json('import', 'jekyll', join(POSTS_DIR, '2020-08-21-what-i-learned-pairing.md'))).toMatchObject({ unchanged: 1 });
    const printed = await grow.ok('export', 'jekyll', '2020-08-21-what-i-learned-pairing.md', '--out', out('again'));
    expect(printed.stdout).toBe(`${join(out('again'), '2020-08-21-what-i-learned-pairing.md')}\n`);
  });

  it('writes the post into the current folder by default', async () => {
    const grow = fresh();
    await grow.json('import', 'jekyll', join(POSTS_DIR, '2025-01-01-new-year.md'));
    const cwd = tempDir('grow-cwd-');
    try {
      const { runGrow } = await import('./cli.helpers.js');
      const result = await runGrow(['export', 'jekyll', '2025-01-01-new-year.md', '--json'], grow.env, { cwd: cwd.path });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ path: join(cwd.path, '2025-01-01-new-year.md'), bytes: 40 });
      expect(readFileSync(join(cwd.path, '2025-01-01-new-year.md'), 'utf8')).toBe('---\n---\nA post with empty front matter.\n');
    } finally {
      cwd.remove();
    }
  });

  it('refuses a folder with a bad post, naming the file and line, writing nothing; --skip-bad imports the rest', async () => {
    const grow = fresh();
    const mixed = out('mixed');
    cpSync(POSTS_DIR, join(mixed, '_posts'), { recursive: true });
    cpSync(join(BAD_DIR, '2024-01-03-bad-date.md'), join(mixed, '_posts', '2024-01-03-bad-date.md'));
    await grow.fails(1, 'validation_failed', '2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date', 'import', 'jekyll', mixed);
    const human = await grow.run('import', 'jekyll', join(BAD_DIR, '2024-01-01-not-yaml.md'));
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^error: 2024-01-01-not-yaml\.md: line 5: front matter is not YAML: /);
    await grow.fails(
      1,
      'validation_failed',
      'notes-without-date.md: no date: the front matter has no date and the file name does not start with YYYY-MM-DD-',
      'import',
      'jekyll',
      join(BAD_DIR, 'notes-without-date.md'),
    );
    await grow.fails(1, 'validation_failed', `file: cannot read ${out('nowhere')}`, 'import', 'jekyll', out('nowhere'));

    const skipped = await grow.ok('import', 'jekyll', mixed, '--skip-bad');
    // Nothing was written by the refused imports: all nine are new now.
    expect(skipped.stdout).toBe(
      'Imported from Jekyll: 9 new entries, 0 updated, 0 unchanged.\nSkipped 1 bad post:\n  ! 2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date\n',
    );
    expect(await grow.json('import', 'jekyll', BAD_DIR, '--skip-bad')).toMatchObject({ created: 0, skipped: [{ file: '2024-01-01-not-yaml.md' }, {}, {}, {}] });
  });

  it('refuses to export an unknown entry', async () => {
    await fresh().fails(1, 'not_found', 'entry: no entry "nope"', 'export', 'jekyll', 'nope');
  });
});

describe('grow reflect', { timeout: 120_000 }, () => {
  it('writes a draft of facts for a period, and with --jekyll its post', async () => {
    const grow = fresh();
    await grow.json('log', 'Wrote tests', '--minutes', '60', '--skills', 'testing', '--date', '2026-11-10');
    await grow.json('log', 'Gave feedback', '--minutes', '30', '--skills', 'communication', '--date', '2026-11-12');
    await grow.json('log', 'Outside', '--minutes', '45', '--skills', 'testing', '--date', '2026-11-20');
    const entry = await grow.json('reflect', '--from', '2026-11-09', '--to', '2026-11-15');
    expect(entry).toMatchObject({
      title: 'Reflection 2026-11-09 – 2026-11-15',
      kind: 'reflection',
      date: '2026-11-15',
      periodFrom: '2026-11-09',
      periodTo: '2026-11-15',
    });
    expect(entry.body).toContain(
      '## Practice time\n\n- Technical practice: 60 min (1 h)\n- Soft practice: 30 min\n- Logged: 2 activities, 90 min (1 h 30 min) in all\n- Technical share: 67% against your target of 50% (17 points more technical than the target)\n\n**Your words:**\n',
    );
    expect(entry.body).toContain('## Learning\n\nNo books, articles, courses or talks finished in this period.\n');

    const dir = out('posts');
    const withPost = await grow.json('reflect', '--from', '2026-11-16', '--to', '2026-11-22', '--title', 'Week 47', '--jekyll', '--out', dir);
    const path = join(dir, '2026-11-22-week-47.md');
    expect(withPost.post).toEqual({ path, bytes: Buffer.byteLength(readFileSync(path, 'utf8')) });
    expect(readFileSync(path, 'utf8')).toBe(`---\nlayout: post\ntitle: Week 47\ndate: 2026-11-22\npublished: false\n---\n${withPost.body}`);

    const human = await grow.ok('reflect', '--from', '2026-11-01', '--to', '2026-11-30', '--jekyll', '--out', dir);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Wrote "Reflection 2026-11-01 – 2026-11-30" \([0-9a-f-]{36}\), a draft for 2026-11-01 – 2026-11-30\.$/);
    expect(lines[1]).toMatch(/^Add your words: grow journal edit [0-9a-f-]{36}$/);
    expect(lines[2]).toBe(`Jekyll post: ${join(dir, '2026-11-23-reflection-2026-11-01-2026-11-30.md')}`);
  });

  it('reflects on the latest week with anything recorded when no period is given', async () => {
    const grow = fresh();
    // Today is Monday 2026-11-23: last week (2026-11-16 … 22) holds nothing, the week before does.
    await grow.json('log', 'Wrote tests', '--minutes', '60', '--skills', 'testing', '--date', '2026-11-10');
    expect(await grow.json('reflect')).toMatchObject({ periodFrom: '2026-11-09', periodTo: '2026-11-15' });
    await grow.json('log', 'Paired', '--minutes', '30', '--skills', 'testing', '--date', '2026-11-21');
    expect(await grow.json('reflect')).toMatchObject({ periodFrom: '2026-11-16', periodTo: '2026-11-22' });
  });

  it('refuses a bad period (exit 1) or bad usage (exit 2), writing nothing', async () => {
    const grow = fresh();
    const dir = out('never');
    await grow.fails(1, 'validation_failed', 'from: must not be after to', 'reflect', '--from', '2026-11-10', '--to', '2026-11-09', '--jekyll', '--out', dir);
    await grow.fails(1, 'validation_failed', 'to: expected a date YYYY-MM-DD', 'reflect', '--from', '2026-11-01', '--to', '2026-11-31');
    await grow.fails(
      1,
      'validation_failed',
      'from: 2026-11-24 is after today (2026-11-23): a reflection looks back on days that have begun',
      'reflect',
      '--from',
      '2026-11-24',
      '--to',
      '2026-11-30',
    );
    await grow.fails(2, 'usage', '--to: required with --from', 'reflect', '--from', '2026-11-01');
    await grow.fails(2, 'usage', '--from: required with --to', 'reflect', '--to', '2026-11-01');
    await grow.fails(1, 'validation_failed', /^nothing recorded yet to reflect on .*: give --from and --to for a period$/, 'reflect');
    await grow.fails(
      2,
      'usage',
      '--out: only with --jekyll (the folder the post is written to)',
      'reflect',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-02',
      '--out',
      dir,
    );
    expect(existsSync(join(dir, '2026-11-09-reflection-2026-11-10-2026-11-09.md'))).toBe(false);
    // Nothing was written: the first reflection that succeeds is the only one.
    const first = await grow.json('reflect', '--from', '2026-11-01', '--to', '2026-11-02');
    expect(first.title).toBe('Reflection 2026-11-01 – 2026-11-02');
  });
});
