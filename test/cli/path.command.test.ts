import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

const ADD = ['experiment', 'add', 'Run sprint planning', '--track', 'manager', '--until', '2026-12-21', '--hypothesis', 'Facilitating energizes me'];

describe('grow path and experiment', { timeout: 120_000 }, () => {
  it('path fit --json: the contract shape, low confidence and an experiment to try on a fresh install', async () => {
    const grow = fresh();
    const fits = await grow.json<any[]>('path', 'fit');
    expect(fits.map((f) => f.track)).toEqual(['ic', 'manager', 'security']);
    for (const f of fits) {
      expect(Object.keys(f)).toEqual(['track', 'score', 'confidence', 'reasons', 'evidence', 'suggestion']);
      // No evidence at all: no fit, rather than a neutral-looking 50%.
      expect(f).toMatchObject({ score: null, confidence: 0, evidence: [] });
      expect(f.reasons.at(-1)).toMatch(/^Little evidence yet \(confidence 0%\): try an experiment/);
      expect(f.suggestion).toEqual({ title: expect.stringMatching(/^Try .* work$/), track: f.track, until: '2026-12-21' });
    }
    const human = (await grow.ok('path', 'fit')).stdout;
    expect(human).toMatch(/^ic\s+not enough evidence\s+0%$/m);
    expect(human).not.toMatch(/50%/);
    // The command to start the suggested experiment is the CLI's to print, not part of the reasons.
    expect(human).toMatch(/^ {2}try: grow experiment add "Try security work" --track security --until 2026-12-21 --hypothesis "…"$/m);
  });

  it('experiment add, list, close; path fit reflects the outcome; human output reads well', async () => {
    const grow = fresh();
    const added = await grow.json(...ADD);
    expect(added).toMatchObject({ title: 'Run sprint planning', track: 'manager', until: '2026-12-21', startedOn: '2026-11-23', status: 'open' });
    const list = await grow.json<any[]>('experiment', 'list');
    expect(list.map((e) => e.id)).toEqual([added.id]);
    const human = await grow.ok('experiment', 'list');
    expect(human.stdout).toMatch(/Run sprint planning\s+2026-11-23\s+2026-12-21\s+open/);

    const closed = await grow.json('experiment', 'close', added.id, '--outcome', 'positive', '--note', 'loved it');
    expect(closed).toMatchObject({ id: added.id, status: 'closed', outcome: 'positive', note: 'loved it', closedOn: '2026-11-23' });

    const fits = await grow.json<any[]>('path', 'fit');
    expect(fits[0]).toMatchObject({ track: 'manager', evidence: [added.id] });
    expect(fits[0].reasons).toContain('Experiments: 1 closed experiment (1 positive): "Run sprint planning" positive.');
    const text = (await grow.ok('path', 'fit')).stdout;
    expect(text.split('\n')[0]).toMatch(/^TRACK\s+FIT\s+CONFIDENCE$/);
    expect(text).toMatch(/^manager\s+\d+%\s+\d+%$/m);
    expect(text).toContain('  - Experiments: 1 closed experiment (1 positive)');
  });

  it('an experiment recorded after the fact: --start, --until and close --on in the past', async () => {
    const grow = fresh();
    const args = [
      'experiment',
      'add',
      'Led the on-call rotation',
      '--track',
      'manager',
      '--start',
      '2026-08-03',
      '--until',
      '2026-08-31',
      '--hypothesis',
      'Coordinating people suits me',
    ];
    const human = await grow.ok(...args.map((a) => (a === 'Led the on-call rotation' ? 'Ran the incident reviews' : a)));
    expect(human.stdout).toMatch(/^Started Ran the incident reviews on manager from 2026-08-03 until 2026-08-31 \(.+\)\.$/m);
    const added = await grow.json(...args);
    expect(added).toMatchObject({ startedOn: '2026-08-03', until: '2026-08-31', status: 'overdue', closedOn: null });

    await grow.fails(
      1,
      'validation_failed',
      "on: 2026-08-02 is before the experiment's start (2026-08-03)",
      'experiment',
      'close',
      added.id,
      '--outcome',
      'negative',
      '--on',
      '2026-08-02',
    );
    expect((await grow.json<any[]>('experiment', 'list')).find((e) => e.id === added.id)).toMatchObject({ status: 'overdue', closedOn: null });

    const closed = await grow.ok('experiment', 'close', added.id, '--outcome', 'negative', '--on', '2026-08-31');
    expect(closed.stdout.trim()).toBe('Closed Led the on-call rotation on 2026-08-31: negative.');
    const list = await grow.json<any[]>('experiment', 'list');
    expect(list.find((e) => e.id === added.id)).toMatchObject({ startedOn: '2026-08-03', status: 'closed', outcome: 'negative', closedOn: '2026-08-31' });
    expect((await grow.ok('experiment', 'list')).stdout).toMatch(/Led the on-call rotation\s+2026-08-03\s+2026-08-31\s+closed\s+negative/);
  });

  describe('bad input: exit 1, one JSON error line, nothing written', () => {
    const refusedAdd = (args: string[], message: string) => async () => {
      const grow = fresh();
      await grow.fails(1, 'validation_failed', message, ...args);
      expect(await grow.json('experiment', 'list')).toEqual([]);
    };
    const replace = (flag: string, value: string) => ADD.map((a, i) => (ADD[i - 1] === flag ? value : a));

    it('unknown track', refusedAdd(replace('--track', 'astronaut'), 'track: unknown track "astronaut"; expected one of ic, manager, security'));
    it('--until not a date', refusedAdd(replace('--until', '21/12/2026'), 'until: expected a date YYYY-MM-DD'));
    it('--until before today, the default start', refusedAdd(replace('--until', '2026-11-22'), 'until: 2026-11-22 is before the start (2026-11-23)'));
    it(
      '--until before --start',
      refusedAdd([...replace('--until', '2026-10-04'), '--start', '2026-10-05'], 'until: 2026-10-04 is before the start (2026-10-05)'),
    );
    it('--start not a date', refusedAdd([...ADD, '--start', 'yesterday'], 'start: expected a date YYYY-MM-DD'));
    it('empty title', refusedAdd(['experiment', 'add', '', ...ADD.slice(3)], 'title: must not be empty'));
    it('empty hypothesis', refusedAdd(replace('--hypothesis', ''), 'hypothesis: must not be empty'));
    it('missing hypothesis', refusedAdd(ADD.slice(0, -2), 'hypothesis: required'));

    it('outcome not one of the three; unknown id; already closed', async () => {
      const grow = fresh();
      const added = await grow.json(...ADD);
      await grow.fails(1, 'validation_failed', 'outcome: expected positive, neutral or negative', 'experiment', 'close', added.id, '--outcome', 'fine');
      await grow.fails(1, 'validation_failed', 'outcome: expected positive, neutral or negative', 'experiment', 'close', added.id);
      expect((await grow.json<any[]>('experiment', 'list'))[0]).toMatchObject({ status: 'open', outcome: null });
      await grow.fails(1, 'not_found', 'experiment: no experiment "nope"', 'experiment', 'close', 'nope', '--outcome', 'positive');
      await grow.json('experiment', 'close', added.id, '--outcome', 'negative');
      const before = await grow.json('experiment', 'list');
      await grow.fails(
        1,
        'conflict',
        'experiment: "Run sprint planning" was already closed on 2026-11-23 (negative)',
        'experiment',
        'close',
        added.id,
        '--outcome',
        'positive',
      );
      expect(await grow.json('experiment', 'list')).toEqual(before);
    });
  });
});
