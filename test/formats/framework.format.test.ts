import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MAX_FRAMEWORK_BYTES, parseFramework } from '../../src/formats/framework.format.js';
import { MAX_FRAMEWORK_FILE_BYTES } from '../../src/cli/framework.command.js';

/** A small valid framework as plain data; each test breaks one thing. */
function smallFramework(): any {
  const level = (n: number) => ({ summary: `Level ${n} of it`, behaviours: [`Does ${n}`] });
  const levels = { 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) };
  return {
    id: 'acme',
    name: 'Acme ladder',
    version: '2026.1',
    description: 'How Acme grows engineers.',
    skills: [
      { id: 'coding', name: 'Coding', kind: 'technical', description: 'Writing code.', levels },
      { id: 'listening', name: 'Listening', kind: 'soft', description: 'Hearing people out.', levels: structuredClone(levels) },
    ],
    tracks: [
      {
        id: 'builder',
        name: 'Builder',
        type: 'ladder',
        description: 'Builds things.',
        levels: [
          { id: 'one', name: 'One', expects: { coding: 1, listening: 1 } },
          { id: 'two', name: 'Two', expects: { coding: 2, listening: 1 } },
        ],
        facets: [],
      },
      {
        id: 'lead',
        name: 'Lead',
        type: 'ladder',
        description: 'Leads people.',
        levels: [
          { id: 'lead-one', name: 'Lead one', expects: { coding: 2, listening: 2 } },
          { id: 'lead-two', name: 'Lead two', expects: { coding: 2, listening: 3 } },
          { id: 'lead-three', name: 'Lead three', expects: { coding: 2, listening: 4 } },
        ],
        facets: [{ id: 'people', name: 'People', description: 'Growing people.', skills: ['listening'] }],
      },
    ],
  };
}

const yaml = (data: unknown) => stringify(data);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The first problem is the message; a change may cause others (a renamed skill leaves references behind). */
const fails = (content: string, message: string | RegExp) => {
  const first = typeof message === 'string' ? new RegExp(`^${escapeRegExp(message)}( \\(and \\d+ more problems?\\))?$`) : message;
  expect(() => parseFramework(content)).toThrow(
    expect.objectContaining({ name: 'AppError', code: 'validation_failed', message: expect.stringMatching(first) }),
  );
};
const failsWith = (change: (f: any) => void, message: string) => {
  const f = smallFramework();
  change(f);
  fails(yaml(f), message);
  fails(JSON.stringify(f), message);
};

describe('framework files', () => {
  it('reads YAML and JSON into the same framework', () => {
    const fromYaml = parseFramework(yaml(smallFramework()));
    expect(parseFramework(JSON.stringify(smallFramework(), null, '\t'))).toEqual(fromYaml);
    expect(fromYaml.skills[1]!.levels[3]).toEqual({ summary: 'Level 3 of it', behaviours: ['Does 3'] });
    expect(fromYaml.tracks[1]!.facets[0]!.skills).toEqual(['listening']);
  });

  it('fills what may be left out: version 1, descriptions, type ladder, behaviours and facets', () => {
    const f = smallFramework();
    delete f.version;
    delete f.description;
    delete f.tracks[0].type;
    delete f.tracks[0].description;
    delete f.tracks[0].facets;
    f.skills[0].levels[1] = { summary: 'Just a summary' };
    const parsed = parseFramework(yaml(f));
    expect(parsed).toMatchObject({ version: '1', description: '' });
    expect(parsed.tracks[0]).toMatchObject({ type: 'ladder', description: '', facets: [] });
    expect(parsed.skills[0]!.levels[1]).toEqual({ summary: 'Just a summary', behaviours: [] });
  });

  it('takes a numeric version as text, strips a byte order mark and keeps a level description', () => {
    const f = smallFramework();
    f.version = 3;
    f.tracks[0].levels[0].description = 'Starting out.';
    const parsed = parseFramework(`\uFEFF${yaml(f)}`);
    expect(parsed.version).toBe('3');
    expect(parsed.tracks[0]!.levels[0]).toEqual({ id: 'one', name: 'One', description: 'Starting out.', expects: { coding: 1, listening: 1 } });
  });

  it('reads YAML with comments and numeric level keys as written by hand', () => {
    const text = `# ours\nid: tiny\nname: Tiny\nskills:\n  - id: a\n    name: A\n    kind: soft\n    description: The A skill.\n    levels:\n${[1, 2, 3, 4, 5]
      .map((n) => `      ${n}:\n        summary: At ${n}\n        behaviours: [Does ${n}]\n`)
      .join('')}tracks:\n  - id: t\n    name: T\n    levels:\n      - id: l\n        name: L\n        expects: {a: 0}\n`;
    expect(parseFramework(text).tracks[0]!.levels[0]!.expects).toEqual({ a: 0 });
  });
});

describe('docs/frameworks.md', () => {
  it('holds a complete example that imports as documented', () => {
    const doc = readFileSync(new URL('../../docs/frameworks.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const parsed = parseFramework(example);
    expect(parsed).toMatchObject({ id: 'acme', version: '2026.1' });
    expect(parsed.tracks[0]!.facets[0]!.skills).toEqual(['coding']);
    expect(parsed.skills[0]!.levels[2]).toEqual({ summary: 'Writes features on their own.', behaviours: [] });
  });
});

describe('framework file problems, each with its path in the file', () => {
  it('an unknown skill in an expectation', () => {
    failsWith((f) => (f.tracks[1].levels[2].expects.empathy = 3), 'tracks[1].levels[2].expects.empathy: unknown skill');
  });

  it('an unknown skill in a facet', () => {
    failsWith((f) => f.tracks[1].facets[0].skills.push('juggling'), 'tracks[1].facets[0].skills[1]: unknown skill "juggling"');
  });

  it('an expectation outside 0..5 or not a whole number', () => {
    const message = 'tracks[0].levels[1].expects.coding: expected a whole number from 0 to 5';
    failsWith((f) => (f.tracks[0].levels[1].expects.coding = 6), message);
    failsWith((f) => (f.tracks[0].levels[1].expects.coding = -1), message);
    failsWith((f) => (f.tracks[0].levels[1].expects.coding = 2.5), message);
    failsWith((f) => (f.tracks[0].levels[1].expects.coding = 'high'), message);
  });

  it('duplicate ids: skills, tracks, levels in a track, facets in a track', () => {
    failsWith((f) => (f.skills[1].id = 'coding'), 'skills[1].id: duplicate id "coding"');
    failsWith((f) => (f.tracks[1].id = 'builder'), 'tracks[1].id: duplicate id "builder"');
    failsWith((f) => (f.tracks[1].levels[2].id = 'lead-one'), 'tracks[1].levels[2].id: duplicate id "lead-one"');
    failsWith((f) => f.tracks[1].facets.push({ ...f.tracks[1].facets[0] }), 'tracks[1].facets[1].id: duplicate id "people"');
  });

  it('the same level id in two tracks is fine', () => {
    const f = smallFramework();
    f.tracks[1].levels[0].id = 'one';
    expect(parseFramework(yaml(f)).tracks[1]!.levels[0]!.id).toBe('one');
  });

  it('a level description missing, empty or not a mapping', () => {
    failsWith((f) => delete f.skills[1].levels[4], 'skills[1].levels.4: missing level description');
    failsWith((f) => (f.skills[0].levels[2].summary = '  '), 'skills[0].levels.2.summary: must not be empty');
    failsWith((f) => delete f.skills[0].levels[5].summary, 'skills[0].levels.5.summary: required');
    failsWith((f) => (f.skills[0].levels[1] = 'good'), 'skills[0].levels.1: expected a mapping with summary and behaviours');
    failsWith((f) => delete f.skills[0].levels, 'skills[0].levels: required');
    failsWith((f) => (f.skills[0].levels[6] = { summary: 'beyond' }), 'skills[0].levels.6: unknown field');
  });

  it('bad ids, kinds and types', () => {
    const help = 'expected an id of lowercase letters, digits and dashes, e.g. code-craft';
    failsWith((f) => (f.id = 'Acme Corp'), `id: ${help}`);
    failsWith((f) => (f.skills[0].id = 'coding_'), `skills[0].id: ${help}`);
    failsWith((f) => delete f.tracks[0].levels[0].id, `tracks[0].levels[0].id: required`);
    failsWith((f) => (f.skills[1].kind = 'hard'), 'skills[1].kind: expected technical or soft');
    failsWith((f) => (f.tracks[0].type = 'path'), 'tracks[0].type: expected ladder or specialization');
  });

  it('required fields and empty lists', () => {
    failsWith((f) => delete f.name, 'name: required');
    failsWith((f) => delete f.skills[0].description, 'skills[0].description: required');
    failsWith((f) => (f.skills = []), 'skills: expected at least one skill');
    failsWith((f) => (f.tracks = []), 'tracks: expected at least one track');
    failsWith((f) => (f.tracks[0].levels = []), 'tracks[0].levels: expected at least one level');
    failsWith((f) => delete f.tracks, 'tracks: required');
    failsWith((f) => (f.tracks[0].levels[0].expects = [1]), 'tracks[0].levels[0].expects: expected a mapping of skill ids to ratings');
  });

  it('unknown fields, wherever they are', () => {
    failsWith((f) => (f.colour = 'blue'), 'colour: unknown field');
    failsWith((f) => (f.tracks[0].levels[1].expect = {}), 'tracks[0].levels[1].expect: unknown field');
  });

  it('not YAML or JSON, with the line', () => {
    fails(
      'id: acme\nname: [Acme\nskills: []\n',
      'file: not YAML or JSON (line 3: Flow sequence in block collection must be sufficiently indented and end with a ])',
    );
    fails('id: acme\nid: other\n', 'file: not YAML or JSON (line 2: Map keys must be unique)');
    fails('{"id": "acme",\n  "name": "Acme"\n', /^file: not YAML or JSON \(line 3: /);
  });

  it('a file that is not a framework at all', () => {
    fails('just some words', 'file: not a framework (expected a mapping with id, name, skills and tracks)');
    fails('[1, 2]', 'file: not a framework (expected a mapping with id, name, skills and tracks)');
    fails('', 'file: empty');
    fails('  \n# only a comment\n', 'file: not a framework (expected a mapping with id, name, skills and tracks)');
  });

  it('a file over the 1 MiB limit', () => {
    expect(MAX_FRAMEWORK_BYTES).toBe(1024 * 1024);
    expect(MAX_FRAMEWORK_FILE_BYTES).toBe(MAX_FRAMEWORK_BYTES);
    fails(`# ${'x'.repeat(MAX_FRAMEWORK_BYTES)}\n${yaml(smallFramework())}`, 'file: larger than the 1 MiB limit');
  });
});
