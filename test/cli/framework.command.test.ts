import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let n = 0;
const fresh = () => new Grow(join(root.path, `home-${++n}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

function frameworkData(id = 'acme', name = 'Acme ladder'): any {
  const level = (k: number) => ({ summary: `Level ${k}`, behaviours: [`Does ${k}`] });
  const levels = () => ({ 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) });
  return {
    id,
    name,
    version: '2',
    skills: [
      { id: 'coding', name: 'Coding', kind: 'technical', description: 'Writing code.', levels: levels() },
      { id: 'listening', name: 'Listening', kind: 'soft', description: 'Hearing people out.', levels: levels() },
    ],
    tracks: [{ id: 'builder', name: 'Builder', levels: [{ id: 'one', name: 'One', expects: { coding: 1, listening: 2 } }] }],
  };
}

/** Writes a file in the test's temporary folder and returns its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(root.path, name);
  writeFileSync(path, content);
  return path;
}

const GROW = { id: 'grow', name: 'grow engineering framework', version: '1', builtin: true, skills: 19, tracks: ['ic', 'manager', 'security'] };

describe('grow framework', { timeout: 120_000 }, () => {
  it('list, import, show and use', async () => {
    const grow = fresh();
    expect(await grow.json('framework', 'list')).toEqual([{ ...GROW, active: true }]);

    const yamlPath = file('acme.yaml', stringify(frameworkData()));
    expect(await grow.json('framework', 'import', yamlPath)).toEqual({
      id: 'acme',
      name: 'Acme ladder',
      version: '2',
      builtin: false,
      active: false,
      skills: 2,
      tracks: ['builder'],
      replaced: false,
    });
    const jsonPath = file('other.json', JSON.stringify(frameworkData('other', 'Other ladder'), null, 2));
    expect(await grow.json('framework', 'import', jsonPath, '--use')).toMatchObject({ id: 'other', active: true });
    expect((await grow.json<any[]>('framework', 'list')).map((f) => [f.id, f.active])).toEqual([
      ['grow', false],
      ['acme', false],
      ['other', true],
    ]);

    const shown = await grow.json('framework', 'show', 'acme');
    expect(shown.tracks[0].levels[0].expects).toEqual({ coding: 1, listening: 2 });
    expect((await grow.json('framework', 'show', 'grow')).skills).toHaveLength(19);

    expect(await grow.json('framework', 'use', 'acme')).toMatchObject({ id: 'acme', active: true });
    expect(await grow.json('framework', 'use', 'grow')).toEqual({ ...GROW, active: true });

    // A shown framework imports again as it is (here under a new id).
    const round = file('round.json', JSON.stringify({ ...shown, id: 'acme-copy' }));
    expect(await grow.json('framework', 'import', round)).toMatchObject({ id: 'acme-copy', skills: 2 });
  });

  it('prints aligned tables for people', async () => {
    const grow = fresh();
    await grow.ok('framework', 'import', file('human.yaml', stringify(frameworkData())));
    const list = await grow.ok('framework', 'list');
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+ID\s+NAME\s+VERSION\s+SKILLS\s+TRACKS$/);
    expect(lines[1]).toMatch(/^\*\s+grow \(built-in\)\s+grow engineering framework\s+1\s+19\s+ic, manager, security$/);
    expect(lines[2]).toMatch(/^\s+acme\s+Acme ladder\s+2\s+2\s+builder$/);
    expect(lines[1]!.indexOf('grow engineering')).toBe(lines[2]!.indexOf('Acme ladder'));

    const show = await grow.ok('framework', 'show', 'grow');
    expect(show.stdout).toContain('grow engineering framework (grow, version 1)');
    expect(show.stdout).toMatch(/^SKILL\s+JUNIOR\s+MID\s+SENIOR\s+STAFF\s+PRINCIPAL$/m);
    expect(show.stdout).toMatch(/^system-design\s+1\s+2\s+3\s+4\s+5$/m);
    expect(show.stdout).toMatch(/^FACET\s+NAME\s+SKILLS$/m);

    expect((await grow.ok('framework', 'use', 'acme')).stdout).toBe('Your active framework is now Acme ladder (acme).\n');
    const again = await grow.ok('framework', 'import', file('human2.yaml', stringify(frameworkData('acme', 'Acme two'))), '--replace');
    expect(again.stdout).toBe('Replaced Acme two (acme): 2 skills, tracks builder. It is your active framework.\n');
  });

  it('refuses bad files with exit 1, the path inside the file, and imports nothing', async () => {
    const grow = fresh();
    await grow.json('framework', 'import', file('kept.yaml', stringify(frameworkData('kept', 'Kept'))), '--use');
    const before = await grow.json('framework', 'list');

    const unknown = frameworkData();
    unknown.tracks[0].levels[0].expects.empathy = 3;
    await grow.fails(
      1,
      'validation_failed',
      'tracks[0].levels[0].expects.empathy: unknown skill',
      'framework',
      'import',
      file('unknown.yaml', stringify(unknown)),
      '--use',
    );
    const outside = frameworkData();
    outside.tracks[0].levels[0].expects.coding = 6;
    await grow.fails(
      1,
      'validation_failed',
      'tracks[0].levels[0].expects.coding: expected a whole number from 0 to 5',
      'framework',
      'import',
      file('outside.json', JSON.stringify(outside)),
    );
    const duplicate = frameworkData();
    duplicate.skills[1].id = 'coding';
    // Renaming the second skill also leaves its references without a skill: both are named.
    await grow.fails(
      1,
      'validation_failed',
      /^skills\[1\]\.id: duplicate id "coding" \(and 1 more problem\)$/,
      'framework',
      'import',
      file('dup.yaml', stringify(duplicate)),
    );
    const three = frameworkData();
    three.skills[0].kind = 'hard';
    three.tracks[0].levels[0].expects.empathy = 3;
    three.name = '';
    const human = await grow.run('framework', 'import', file('three.yaml', stringify(three)));
    expect(human.code).toBe(1);
    expect(human.stderr.trimEnd().split('\n')).toEqual([
      'error: 3 problems',
      '  name: must not be empty',
      '  skills[0].kind: expected technical or soft',
      '  tracks[0].levels[0].expects.empathy: unknown skill',
    ]);
    const missing = frameworkData();
    delete missing.skills[0].levels[5];
    await grow.fails(1, 'validation_failed', 'skills[0].levels.5: missing level description', 'framework', 'import', file('missing.yaml', stringify(missing)));
    await grow.fails(
      1,
      'validation_failed',
      'file: not YAML or JSON (line 3: Flow sequence in block collection must be sufficiently indented and end with a ])',
      'framework',
      'import',
      file('broken.yaml', 'id: acme\nname: [oops\n'),
    );
    const big = file('big.yaml', Buffer.alloc(1024 * 1024 + 1, 0x20));
    await grow.fails(1, 'validation_failed', `file: ${big} is larger than the 1 MiB limit`, 'framework', 'import', big);
    const absent = join(root.path, 'absent.yaml');
    await grow.fails(1, 'validation_failed', `file: cannot read ${absent}`, 'framework', 'import', absent);
    await grow.fails(1, 'validation_failed', `file: cannot read ${root.path}`, 'framework', 'import', root.path);

    await grow.fails(
      1,
      'conflict',
      'id: a framework "kept" already exists; import it with replace to overwrite it',
      'framework',
      'import',
      file('kept2.yaml', stringify(frameworkData('kept', 'Kept 2'))),
    );
    await grow.fails(
      1,
      'conflict',
      'id: "grow" is the built-in framework and cannot be replaced',
      'framework',
      'import',
      file('grow.yaml', stringify(frameworkData('grow'))),
      '--replace',
    );

    await grow.fails(1, 'not_found', 'framework: no framework "nope"', 'framework', 'show', 'nope');
    await grow.fails(1, 'not_found', 'framework: no framework "nope"', 'framework', 'use', 'nope');
    await grow.fails(2, 'usage', "missing required argument 'file'", 'framework', 'import');

    expect(await grow.json('framework', 'list')).toEqual(before);
  });
});
