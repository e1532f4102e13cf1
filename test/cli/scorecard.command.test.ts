import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let n = 0;
const fresh = () => new Grow(join(root.path, `home-${++n}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

describe('grow scorecard', { timeout: 120_000 }, () => {
  it('add, list, habit and rm', async () => {
    const grow = fresh();
    const wake = await grow.json('scorecard', 'add', 'Wake up', '--rating', '=', '--time', '06:30');
    expect(wake).toMatchObject({ text: 'Wake up', rating: '=', time: '06:30', habit: null });
    const phone = await grow.json('scorecard', 'add', 'Check phone', '--rating', '-');
    expect(await grow.json('scorecard', 'list')).toEqual([
      { id: wake.id, position: 0, text: 'Wake up', rating: '=', time: '06:30', habit: null },
      { id: phone.id, position: 1, text: 'Check phone', rating: '-', time: null, habit: null },
    ]);
    const habit = await grow.json('scorecard', 'habit', phone.id);
    expect(habit).toMatchObject({ slug: 'check-phone', kind: 'break' });
    expect((await grow.json<any[]>('scorecard', 'list'))[1].habit).toBe('check-phone');
    expect((await grow.json<any[]>('habit', 'list')).map((h) => [h.slug, h.kind])).toEqual([['check-phone', 'break']]);

    const human = await grow.ok('scorecard', 'list');
    expect(human.stdout.split('\n')[0]).toMatch(/^TIME\s+RATING\s+WHAT\s+HABIT\s+ID$/);
    expect(human.stdout).toContain('06:30');

    expect(await grow.json('scorecard', 'rm', wake.id)).toEqual({ id: wake.id, removed: true });
    expect((await grow.json<any[]>('scorecard', 'list')).map((i) => i.text)).toEqual(['Check phone']);
  });

  it('refuses bad input with exit 1 and changes nothing', async () => {
    const grow = fresh();
    await grow.json('scorecard', 'add', 'Wake up', '--rating', '+');
    const before = await grow.json('scorecard', 'list');
    await grow.fails(1, 'validation_failed', 'rating: expected +, - or =', 'scorecard', 'add', 'Nap', '--rating', 'meh');
    await grow.fails(1, 'not_found', 'scorecard item: no scorecard item "nope"', 'scorecard', 'rm', 'nope');
    await grow.fails(1, 'not_found', 'scorecard item: no scorecard item "nope"', 'scorecard', 'habit', 'nope');
    expect(await grow.json('scorecard', 'list')).toEqual(before);
  });
});
