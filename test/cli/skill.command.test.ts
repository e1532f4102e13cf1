import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

/** What a person sees of this slice, for "nothing was written" checks. */
async function state(grow: Grow) {
  return {
    skills: await grow.json('skill', 'list'),
    testing: await grow.json('skill', 'show', 'testing'),
    target: await grow.json('target', 'show'),
    evidence: await grow.json('evidence', 'list'),
    facets: await grow.json('facet', 'list'),
  };
}

describe('grow skill, target, track, evidence, facet', { timeout: 120_000 }, () => {
  it('assess, list and show give the contract fields', async () => {
    const grow = fresh();
    await grow.json('skill', 'assess', 'testing', '2', '--date', '2026-11-01', '--note', 'first go');
    const assessed = await grow.json('skill', 'assess', 'testing', '3', '--evidence', 'designed the suite');
    expect(assessed).toMatchObject({ id: 'testing', level: 3 });
    const list = await grow.json<Record<string, unknown>[]>('skill', 'list');
    for (const s of list) expect(Object.keys(s).sort()).toEqual(['gap', 'id', 'kind', 'level', 'name', 'target']);
    expect(list.find((s) => s.id === 'testing')).toEqual({ id: 'testing', name: 'Testing', kind: 'technical', level: 3, target: null, gap: null });
    expect(list.find((s) => s.id === 'empathy')).toMatchObject({ kind: 'soft', level: 0 });
    const shown = await grow.json('skill', 'show', 'testing');
    for (const field of ['id', 'name', 'kind', 'level', 'history', 'levels']) expect(shown).toHaveProperty(field);
    expect(shown.history).toEqual([
      { date: '2026-11-01', level: 2, note: 'first go', evidence: null },
      { date: '2026-11-23', level: 3, note: null, evidence: 'designed the suite' },
    ]);
    expect(shown.levels).toHaveLength(5);
  });

  it('target set/show, and track show with and without --level', async () => {
    const grow = fresh();
    expect(await grow.json('target', 'show')).toBeNull();
    expect(await grow.json('target', 'set', 'ic', 'senior', '--by', '2027-12-31')).toMatchObject({ track: 'ic', level: 'senior', by: '2027-12-31' });
    await grow.json('target', 'set', 'manager', 'team-lead');
    expect(await grow.json('target', 'show')).toMatchObject({ track: 'manager', level: 'team-lead', by: null });
    const lead = await grow.json('track', 'show', 'manager');
    expect(lead).toMatchObject({ track: 'manager', level: 'team-lead' });
    for (const s of lead.skills) expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'expected', 'current', 'gap']));
    expect(await grow.json('track', 'show', 'ic')).toMatchObject({ track: 'ic', level: 'junior' });
    expect(await grow.json('track', 'show', 'security', '--level', 'expert')).toMatchObject({ track: 'security', level: 'expert' });
    const list = await grow.json<{ target: number | null }[]>('skill', 'list');
    expect(list.some((s) => s.target !== null)).toBe(true);
  });

  it('evidence add and list --skill', async () => {
    const grow = fresh();
    const added = await grow.json(
      'evidence',
      'add',
      'Led the incident review',
      '--skills',
      'communication,operations-and-reliability',
      '--link',
      'https://example.com/r',
      '--date',
      '2026-11-20',
    );
    expect(added).toMatchObject({
      text: 'Led the incident review',
      skills: ['communication', 'operations-and-reliability'],
      date: '2026-11-20',
      link: 'https://example.com/r',
    });
    await grow.json('evidence', 'add', 'Paired on tests', '--skills', 'testing');
    expect((await grow.json<{ text: string }[]>('evidence', 'list')).map((e) => e.text)).toEqual(['Led the incident review', 'Paired on tests']);
    expect((await grow.json<{ text: string }[]>('evidence', 'list', '--skill', 'testing')).map((e) => e.text)).toEqual(['Paired on tests']);
  });

  it('facet set and list', async () => {
    const grow = fresh();
    expect(await grow.json('facet', 'set', 'privacy', 'exploring')).toEqual({ id: 'privacy', name: 'Privacy', track: 'security', status: 'exploring' });
    const facets = await grow.json<{ id: string; status: string }[]>('facet', 'list');
    expect(facets).toHaveLength(9);
    expect(facets.find((f) => f.id === 'privacy')!.status).toBe('exploring');
    for (const f of facets) expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'name', 'status']));
  });

  it('prints aligned tables for people', async () => {
    const grow = fresh();
    await grow.ok('skill', 'assess', 'testing', '4');
    await grow.ok('target', 'set', 'ic', 'mid');
    const list = (await grow.ok('skill', 'list')).stdout.split('\n');
    expect(list[0]).toMatch(/^SKILL\s+ID\s+KIND\s+LEVEL\s+TARGET\s+GAP$/);
    const testing = list.find((l) => l.startsWith('Testing '))!;
    expect(testing.indexOf('technical')).toBe(list[0]!.indexOf('KIND'));
    const track = (await grow.ok('track', 'show', 'ic')).stdout;
    expect(track).toMatch(/^Individual contributor: Engineer \(your target\)/);
    expect(track).toMatch(/SKILL\s+KIND\s+EXPECTED\s+CURRENT\s+GAP/);
    expect((await grow.ok('facet', 'list')).stdout).toMatch(/^FACET\s+ID\s+STATUS\n/);
    expect((await grow.ok('target', 'show')).stdout).toMatch(/Target: Engineer on Individual contributor/);
  });

  it('refuses bad input with exit 1, a clear message, and nothing written', async () => {
    const grow = fresh();
    await grow.json('skill', 'assess', 'testing', '2');
    await grow.json('target', 'set', 'ic', 'mid');
    await grow.json('facet', 'set', 'privacy', 'exploring');
    const before = await state(grow);
    await grow.fails(1, 'not_found', 'skill: unknown skill "juggling"', 'skill', 'assess', 'juggling', '3');
    for (const level of ['6', '-1', '2.5', 'three']) {
      await grow.fails(1, 'validation_failed', 'level: expected an integer from 0 to 5', 'skill', 'assess', 'testing', level);
    }
    await grow.fails(1, 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)', 'skill', 'assess', 'testing', '3', '--date', '2026-11-24');
    await grow.fails(1, 'validation_failed', 'date: expected a date YYYY-MM-DD', 'skill', 'assess', 'testing', '3', '--date', 'yesterday');
    await grow.fails(1, 'validation_failed', 'track: unknown track "astronaut"', 'target', 'set', 'astronaut', 'mid');
    await grow.fails(1, 'validation_failed', /^level: unknown level "director" of track "ic"/, 'target', 'set', 'ic', 'director');
    await grow.fails(1, 'not_found', 'track: unknown track "astronaut"', 'track', 'show', 'astronaut');
    await grow.fails(1, 'validation_failed', 'skills: unknown skill "juggling"', 'evidence', 'add', 'x', '--skills', 'testing,juggling');
    await grow.fails(1, 'validation_failed', 'link: expected an http(s) URL', 'evidence', 'add', 'x', '--skills', 'testing', '--link', 'ftp://example.com');
    await grow.fails(
      1,
      'validation_failed',
      'date: 2026-12-01 is after today (2026-11-23)',
      'evidence',
      'add',
      'x',
      '--skills',
      'testing',
      '--date',
      '2026-12-01',
    );
    await grow.fails(1, 'not_found', 'facet: unknown facet "astrology"', 'facet', 'set', 'astrology', 'exploring');
    await grow.fails(1, 'validation_failed', 'status: expected unexplored, exploring or specializing', 'facet', 'set', 'privacy', 'obsessed');
    await grow.fails(1, 'validation_failed', /^status: explore at least 3 facets before specializing/, 'facet', 'set', 'privacy', 'specializing');
    await grow.fails(2, 'usage', /--skills/, 'evidence', 'add', 'x');
    expect(await state(grow)).toEqual(before);
  });
});
