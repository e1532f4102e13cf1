import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Grow, ROOT, type Run, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
/** A fresh grow with its own GROW_HOME; today is 2026-11-23, a Monday of 2026-W48. */
const fresh = (env: Record<string, string | undefined> = {}) => new Grow(join(root.path, `home-${++homes}`, 'grow'), env);

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

/** The environment `grow` runs with: the caller's without GROW_*, XDG_*, HOME or colours, then the grow's own. */
function envOf(grow: Grow, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(GROW_|XDG_)/.test(key) || ['HOME', 'NO_COLOR', 'FORCE_COLOR', 'EDITOR', 'VISUAL'].includes(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries({ ...grow.env, ...extra })) if (value !== undefined) env[key] = value;
  return env;
}

/** Runs grow with `input` on stdin (a pipe, not a terminal). */
function withStdin(grow: Grow, input: string, ...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: envOf(grow), cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs grow under a pseudo-terminal (util-linux `script`), as a person at a terminal does. Each
 * time the output shows the next prompt, the matching answer is typed. Output is the terminal's.
 */
function onTerminal(grow: Grow, env: Record<string, string>, args: string[], dialogue: [RegExp, string][] = []): Promise<Run> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: envOf(grow, { NO_COLOR: '1', ...env }), cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const pending = [...dialogue];
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      while (pending.length > 0 && pending[0]![0].test(stdout)) child.stdin.write(`${pending.shift()![1]}\r`);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The editor a test sets as EDITOR: records the file it was given (path, mode, text), then appends `text` to it. */
function fakeEditor(dir: string, text: string, exitCode = 0): { path: string; seen: () => { file: string; mode: string; text: string } } {
  const path = join(dir, `editor-${++homes}.sh`);
  const seenFile = `${path}.seen`;
  writeFileSync(
    path,
    `#!/bin/sh\necho "$1" > '${seenFile}'\nstat -c %a "$1" >> '${seenFile}'\ncat "$1" >> '${seenFile}'\nprintf '%s' ${quote(text)} >> "$1"\nexit ${exitCode}\n`,
    { mode: 0o755 },
  );
  return {
    path,
    seen: () => {
      const [file, mode, ...rest] = readFileSync(seenFile, 'utf8').split('\n');
      return { file: file!, mode: mode!, text: rest.join('\n') };
    },
  };
}

const SCRIPT_WARNING =
  'body: contains HTML that can run script (<script>, onerror=, javascript: URL); it is kept as written and never runs: the web app removes it when showing the entry';

describe('grow journal', { timeout: 120_000 }, () => {
  it('adds an entry from stdin, lists, shows and searches it, as JSON and for people', async () => {
    const grow = fresh();
    const added = await withStdin(
      grow,
      '# On feedback\n\nI asked for **reviews** early.\n',
      'journal',
      'add',
      '--title',
      'On feedback',
      '--date',
      '2026-11-20',
      '--tags',
      'feedback,growth',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(added.stderr).toBe('');
    const entry = JSON.parse(added.stdout);
    expect(entry).toEqual({
      id: expect.any(String),
      title: 'On feedback',
      date: '2026-11-20',
      time: null,
      utcOffset: null,
      tags: ['feedback', 'growth'],
      categories: [],
      kind: 'entry',
      periodFrom: null,
      periodTo: null,
      visibility: 'private',
      body: '# On feedback\n\nI asked for **reviews** early.\n',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      jekyll: null,
    });
    const second = JSON.parse((await withStdin(grow, 'Ran a long retro.', 'journal', 'add', '--json')).stdout);
    expect(second).toMatchObject({ title: null, date: '2026-11-23', body: 'Ran a long retro.' });

    const { body: _, ...rest } = entry;
    const list = await grow.json('journal', 'list');
    expect(list).toEqual([
      expect.objectContaining({ id: second.id, excerpt: 'Ran a long retro.' }),
      { ...rest, excerpt: 'On feedback I asked for reviews early.' },
    ]);
    expect(await grow.json('journal', 'list', '--tag', 'growth')).toEqual([{ ...rest, excerpt: 'On feedback I asked for reviews early.' }]);
    expect(await grow.json('journal', 'list', '--from', '2026-11-21', '--to', '2026-11-23')).toEqual([expect.objectContaining({ id: second.id })]);
    expect(await grow.json('journal', 'list', '--kind', 'weekly-review')).toEqual([]);
    expect((await grow.ok('journal', 'list')).stdout).toBe(
      [
        'ID                                    DATE        KIND   TITLE              TAGS',
        `${second.id}  2026-11-23  entry  Ran a long retro.`,
        `${entry.id}  2026-11-20  entry  On feedback        feedback,growth`,
        '',
      ].join('\n'),
    );
    expect(await grow.json('journal', 'show', entry.id)).toEqual(entry);
    expect((await grow.ok('journal', 'show', entry.id)).stdout).toBe(
      'On feedback\n2026-11-20 · entry · private · tags: feedback, growth\n\n# On feedback\n\nI asked for **reviews** early.\n',
    );

    expect(await grow.json('journal', 'search', 'reviewing')).toEqual([
      { id: entry.id, title: 'On feedback', date: '2026-11-20', snippet: expect.stringContaining('**⟦reviews⟧**') },
    ]);
    expect(await grow.json('journal', 'search', 'long', 'ret')).toEqual([{ id: second.id, title: null, date: '2026-11-23', snippet: 'Ran a ⟦long⟧ ⟦retro⟧.' }]);
    expect((await grow.ok('journal', 'search', 'long', 'retro')).stdout).toBe(`2026-11-23  (untitled)  ${second.id}\n  Ran a ⟦long⟧ ⟦retro⟧.\n`);
    expect(await grow.json('journal', 'search', 'quokka')).toEqual([]);
    expect((await grow.ok('journal', 'search', 'quokka')).stdout).toBe('No entries match "quokka".\n');
    for (const odd of ['"reviews', 'reviews*', 'reviews OR x', '(reviews', 'NEAR(a b)', "'", '*']) {
      expect((await grow.run('journal', 'search', odd, '--json')).code, odd).toBe(0);
    }
    // Words starting with a dash come after --, as for any command.
    const dashed = await grow.run('journal', 'search', '--json', '--', '-reviews');
    expect(JSON.parse(dashed.stdout)).toEqual([expect.objectContaining({ id: entry.id })]);
    await grow.fails(1, 'validation_failed', 'text: must not be empty: give the words to look for', 'journal', 'search', ' ');
  });

  it('keeps Markdown with script as written and warns on stderr', async () => {
    const grow = fresh();
    const body = '<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n[click](javascript:window.__pwned=3)\n';
    const json = await withStdin(grow, body, 'journal', 'add', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ body, warnings: [SCRIPT_WARNING] });
    expect(json.stderr).toBe(`warning: ${SCRIPT_WARNING}\n`);
    const human = await withStdin(grow, body, 'journal', 'add', '--title', 'Risky');
    expect(human.code).toBe(0);
    // The time of day is the pinned clock's: noon of GROW_TODAY in the person's zone.
    expect(human.stdout).toMatch(/^Saved "Risky" \S+, dated 2026-11-23 12:00 \+00:00\.\n$/);
    expect(human.stderr).toBe(`warning: ${SCRIPT_WARNING}\n`);
  });

  it('takes the time of day and UTC offset from now in the time zone', async () => {
    const grow = fresh({ GROW_TODAY: undefined, TZ: 'Asia/Kolkata' });
    const before = Date.now();
    const entry = JSON.parse((await withStdin(grow, 'now', 'journal', 'add', '--json')).stdout);
    const kolkata = (ms: number) => new Date(ms + 5.5 * 3600_000).toISOString();
    expect(entry.utcOffset).toBe('+05:30');
    expect([kolkata(before).slice(0, 10), kolkata(Date.now()).slice(0, 10)]).toContain(entry.date);
    expect(entry.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(`${entry.date}T${entry.time}` >= kolkata(before - 1000).slice(0, 19)).toBe(true);
    expect(`${entry.date}T${entry.time}` <= kolkata(Date.now()).slice(0, 19)).toBe(true);
  });

  it('refuses an empty body, bad flags and rm without --yes, writing nothing', async () => {
    const grow = fresh();
    await grow.fails(
      1,
      'validation_failed',
      'body: nothing on stdin; pipe the entry in (echo "…" | grow journal add) or run on a terminal to write it in $EDITOR; nothing saved',
      'journal',
      'add',
      '--title',
      'x',
    );
    const blank = await withStdin(grow, '  \n\n', 'journal', 'add', '--json');
    expect(blank.code).toBe(1);
    expect(JSON.parse(blank.stderr).error.message).toMatch(/^body: nothing on stdin/);
    const badDate = await withStdin(grow, 'x', 'journal', 'add', '--date', '2026-02-30', '--json');
    expect([badDate.code, JSON.parse(badDate.stderr).error.message]).toEqual([1, 'date: expected a date YYYY-MM-DD']);
    const badTag = await withStdin(grow, 'x', 'journal', 'add', '--tags', 'ok,<b>', '--json');
    expect([badTag.code, JSON.parse(badTag.stderr).error.message]).toEqual([1, 'tags[1]: a tag holds letters, digits, spaces, _ . -']);
    expect(await grow.json('journal', 'list')).toEqual([]);

    const kept = JSON.parse((await withStdin(grow, 'kept', 'journal', 'add', '--json')).stdout);
    await grow.fails(2, 'usage', `rm: deleting entry "${kept.id}" cannot be undone; repeat with --yes`, 'journal', 'rm', kept.id);
    await grow.fails(2, 'usage', 'edit: nothing to change; give --title, --date, --tags or --visibility, or the new body on stdin', 'journal', 'edit', kept.id);
    await grow.fails(1, 'validation_failed', 'date: expected a date YYYY-MM-DD', 'journal', 'edit', kept.id, '--date', 'soon');
    await grow.fails(1, 'not_found', 'entry: no entry "nope"', 'journal', 'show', 'nope');
    await grow.fails(1, 'not_found', 'entry: no entry "nope"', 'journal', 'rm', 'nope', '--yes');
    await grow.fails(1, 'validation_failed', 'kind: expected entry, weekly-review or reflection', 'journal', 'list', '--kind', 'post');
    expect(await grow.json('journal', 'list')).toEqual([expect.objectContaining({ id: kept.id, updatedAt: kept.updatedAt })]);
    expect(await grow.json('journal', 'rm', kept.id, '--yes')).toEqual({ id: kept.id, removed: true });
    expect((await grow.ok('journal', 'list')).stdout).toMatch(/^No entries\./);
  });

  it('edits with flags and a new body from stdin', async () => {
    const grow = fresh();
    const entry = JSON.parse((await withStdin(grow, 'first', 'journal', 'add', '--title', 'Draft', '--json')).stdout);
    const flagsOnly = await grow.json('journal', 'edit', entry.id, '--title', 'Final', '--tags', 'a,b', '--date', '2026-11-21');
    expect(flagsOnly).toMatchObject({ title: 'Final', tags: ['a', 'b'], date: '2026-11-21', body: 'first' });
    const both = await withStdin(grow, 'second\n', 'journal', 'edit', entry.id, '--visibility', 'shared');
    expect(both.code).toBe(0);
    expect(both.stdout).toBe(`Updated "Final" ${entry.id}, dated 2026-11-21.\n`);
    expect(await grow.json('journal', 'show', entry.id)).toMatchObject({ title: 'Final', body: 'second\n', visibility: 'shared' });
  });

  it('writes and edits the body in $EDITOR on a terminal (a private temporary file)', async () => {
    const grow = fresh();
    const writer = fakeEditor(root.path, '# Written in the editor\n\nA calm day.\n');
    const added = await onTerminal(grow, { EDITOR: writer.path }, ['journal', 'add', '--title', 'From the editor', '--json']);
    expect(added.code, added.stdout).toBe(0);
    expect(writer.seen()).toMatchObject({ file: expect.stringMatching(/grow-journal-[^/]+\/entry\.md$/), mode: '600', text: '' });
    const entry = JSON.parse(added.stdout.slice(added.stdout.indexOf('{')).replace(/\r\n/g, '\n'));
    expect(entry).toMatchObject({ title: 'From the editor', body: '# Written in the editor\n\nA calm day.\n' });

    // VISUAL wins over EDITOR; edit opens the current body.
    const appender = fakeEditor(root.path, 'One more line.\n');
    const edited = await onTerminal(grow, { VISUAL: appender.path, EDITOR: '/bin/false' }, ['journal', 'edit', entry.id]);
    expect(edited.code, edited.stdout).toBe(0);
    expect(appender.seen()).toMatchObject({ mode: '600', text: '# Written in the editor\n\nA calm day.\n' });
    expect(edited.stdout).toMatch(/Updated "From the editor"/);
    expect((await grow.json('journal', 'show', entry.id)).body).toBe('# Written in the editor\n\nA calm day.\nOne more line.\n');

    // Nothing written in the editor, or an editor that fails: nothing saved.
    const empty = fakeEditor(root.path, '   \n');
    const abandoned = await onTerminal(grow, { EDITOR: empty.path }, ['journal', 'add']);
    expect(abandoned.code).toBe(1);
    expect(abandoned.stdout).toMatch(/error: body: the entry is empty; nothing saved/);
    const failing = fakeEditor(root.path, 'half a thought', 3);
    const failed = await onTerminal(grow, { EDITOR: failing.path }, ['journal', 'add']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/error: editor: .* exited with 3; nothing saved/);
    expect((await grow.json('journal', 'list')).map((e: { id: string }) => e.id)).toEqual([entry.id]);
    // The temporary files are gone.
    for (const editor of [writer, appender, empty, failing]) expect(existsSync(editor.seen().file)).toBe(false);
  });

  it('writes a weekly review from flags, or by asking the three prompts on a terminal', async () => {
    const grow = fresh();
    const review = await grow.json('journal', 'weekly', '--grew', 'Ran the design review', '--next', 'Pair with Ana');
    expect(review).toMatchObject({
      title: 'Weekly review 2026-W48',
      kind: 'weekly-review',
      date: '2026-11-23',
      periodFrom: '2026-11-23',
      periodTo: '2026-11-29',
      body: '## What grew\n\nRan the design review\n\n## What drained you\n\n\n## What you will try next week\n\nPair with Ana\n',
    });
    await grow.fails(
      1,
      'conflict',
      `week: 2026-W48 already has a weekly review (${review.id}); edit it with grow journal edit ${review.id}`,
      'journal',
      'weekly',
      '--drained',
      'x',
    );
    await grow.fails(
      1,
      'validation_failed',
      'grew: answer at least one prompt: what grew, what drained you, what you will try next week',
      'journal',
      'weekly',
      '--week',
      '2026-W47',
    );
    await grow.fails(1, 'validation_failed', 'week: expected an ISO week YYYY-Www, e.g. 2026-W48', 'journal', 'weekly', '--week', '2026-48', '--grew', 'x');

    const asked = await onTerminal(
      grow,
      {},
      ['journal', 'weekly', '--week', '2026-W47'],
      [
        [/What grew this week\?/, 'Patience with flaky tests'],
        [/What drained you\?/, 'Three incident calls'],
        [/What will you try next week\?/, 'Block focus time'],
      ],
    );
    expect(asked.code, asked.stdout).toBe(0);
    expect(asked.stdout).toMatch(/Saved "Weekly review 2026-W47" as entry \S+, dated 2026-11-22\./);
    const [w47] = await grow.json('journal', 'list', '--from', '2026-11-16', '--to', '2026-11-22');
    expect((await grow.json('journal', 'show', w47.id)).body).toBe(
      '## What grew\n\nPatience with flaky tests\n\n## What drained you\n\nThree incident calls\n\n## What you will try next week\n\nBlock focus time\n',
    );
  });
});
