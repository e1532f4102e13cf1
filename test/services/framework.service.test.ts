import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeEachDialect } from '../support/stores.js';
import {
  BUILTIN_FRAMEWORK_ID,
  builtinFramework,
  getActiveFramework,
  importFramework,
  listFrameworks,
  showFramework,
  useFramework,
} from '../../src/services/framework.service.js';
import { createContext, type Context } from '../../src/services/context.js';
import { findPerson, insertPerson } from '../../src/store/person.repository.js';
import { expectAppError } from './service.helpers.js';

/** A small framework file; `id`, `name` and a tweak vary it. */
function frameworkFile(id = 'acme', name = 'Acme ladder', tweak: (f: any) => void = () => {}): string {
  const level = (n: number) => ({ summary: `Level ${n}`, behaviours: [`Does ${n}`] });
  const levels = () => ({ 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) });
  const f: any = {
    id,
    name,
    version: '2',
    skills: [
      { id: 'coding', name: 'Coding', kind: 'technical', description: 'Writing code.', levels: levels() },
      { id: 'listening', name: 'Listening', kind: 'soft', description: 'Hearing people out.', levels: levels() },
    ],
    tracks: [
      { id: 'builder', name: 'Builder', levels: [{ id: 'one', name: 'One', expects: { coding: 1 } }] },
      {
        id: 'lead',
        name: 'Lead',
        levels: [
          { id: 'first', name: 'First', expects: { listening: 2 } },
          { id: 'second', name: 'Second', expects: { listening: 3, coding: 1 } },
        ],
      },
    ],
  };
  tweak(f);
  return stringify(f);
}

const BUILTIN_SUMMARY = {
  id: 'grow',
  name: 'grow engineering framework',
  version: '1',
  builtin: true,
  skills: 19,
  tracks: ['ic', 'manager', 'security'],
};

describeEachDialect('framework service', (db) => {
  /** Everything an import or use may change: the list, the active framework, the stored rows. */
  async function state(ctx: Context) {
    return {
      list: await listFrameworks(ctx),
      active: (await findPerson(db.store.db, ctx.personId))?.active_framework_id ?? null,
      rows: await db.store.db.selectFrom('framework').selectAll().orderBy('id').execute(),
    };
  }

  async function refusedAndUnchanged(ctx: Context, call: () => Promise<unknown>, code: string, message: string) {
    const before = await state(ctx);
    await expectAppError(call(), code, message);
    expect(await state(ctx)).toEqual(before);
  }

  it('lists only the built-in framework, active, before anything is imported', async () => {
    const ctx = await db.ctx();
    expect(await listFrameworks(ctx)).toEqual([{ ...BUILTIN_SUMMARY, active: true }]);
    expect(await getActiveFramework(ctx)).toBe(builtinFramework());
    expect(await showFramework(ctx, 'grow')).toEqual(builtinFramework());
  });

  it('imports a framework beside the built-in one, without making it active', async () => {
    const ctx = await db.ctx();
    const result = await importFramework(ctx, frameworkFile());
    expect(result).toEqual({
      id: 'acme',
      name: 'Acme ladder',
      version: '2',
      builtin: false,
      active: false,
      skills: 2,
      tracks: ['builder', 'lead'],
      replaced: false,
    });
    expect(await listFrameworks(ctx)).toEqual([
      { ...BUILTIN_SUMMARY, active: true },
      { id: 'acme', name: 'Acme ladder', version: '2', builtin: false, active: false, skills: 2, tracks: ['builder', 'lead'] },
    ]);
    const shown = await showFramework(ctx, 'acme');
    expect(shown.skills.map((s) => s.id)).toEqual(['coding', 'listening']);
    expect(shown.tracks[1]!.levels[1]!.expects).toEqual({ listening: 3, coding: 1 });
    expect(await getActiveFramework(ctx)).toBe(builtinFramework());
    const rows = await db.store.db.selectFrom('framework').selectAll().execute();
    expect(rows).toEqual([
      { id: 'acme', person_id: ctx.personId, name: 'Acme ladder', version: '2', content: JSON.stringify(shown), created_at: '2026-11-23T12:00:00.000Z' },
    ]);
  });

  it('imports JSON too', async () => {
    const ctx = await db.ctx();
    const json = JSON.stringify((await import('yaml')).parse(frameworkFile('json-one', 'From JSON')));
    expect(await importFramework(ctx, json)).toMatchObject({ id: 'json-one', name: 'From JSON' });
  });

  it('with use, the import becomes the active framework in the same step', async () => {
    const ctx = await db.ctx();
    expect(await importFramework(ctx, frameworkFile(), { use: true })).toMatchObject({ id: 'acme', active: true });
    expect((await findPerson(db.store.db, ctx.personId))?.active_framework_id).toBe('acme');
    expect((await getActiveFramework(ctx)).id).toBe('acme');
    expect((await listFrameworks(ctx)).map((f) => [f.id, f.active])).toEqual([
      ['grow', false],
      ['acme', true],
    ]);
  });

  it('use switches between imports and back to the built-in one', async () => {
    const ctx = await db.ctx();
    await importFramework(ctx, frameworkFile('acme'));
    await importFramework(ctx, frameworkFile('other', 'Other ladder'));
    expect(await useFramework(ctx, 'other')).toMatchObject({ id: 'other', active: true, builtin: false });
    expect((await getActiveFramework(ctx)).name).toBe('Other ladder');
    expect((await listFrameworks(ctx)).map((f) => [f.id, f.active])).toEqual([
      ['grow', false],
      ['acme', false],
      ['other', true],
    ]);
    expect(await useFramework(ctx, 'grow')).toEqual({ ...BUILTIN_SUMMARY, active: true });
    expect((await findPerson(db.store.db, ctx.personId))?.active_framework_id).toBeNull();
    expect(await getActiveFramework(ctx)).toBe(builtinFramework());
  });

  it('refuses to import an id already imported, unless replace; replacing keeps it active', async () => {
    const ctx = await db.ctx();
    await importFramework(ctx, frameworkFile('acme', 'Acme ladder'), { use: true });
    await refusedAndUnchanged(
      ctx,
      () => importFramework(ctx, frameworkFile('acme', 'Acme ladder, second edition')),
      'conflict',
      'id: a framework "acme" already exists; import it with replace to overwrite it',
    );
    const later = await db.ctx('2026-12-01');
    const replaced = await importFramework(later, frameworkFile('acme', 'Acme ladder, second edition'), { replace: true });
    expect(replaced).toMatchObject({ id: 'acme', name: 'Acme ladder, second edition', active: true, replaced: true });
    expect((await getActiveFramework(ctx)).name).toBe('Acme ladder, second edition');
    const rows = await db.store.db.selectFrom('framework').select(['id', 'name', 'created_at']).execute();
    expect(rows).toEqual([{ id: 'acme', name: 'Acme ladder, second edition', created_at: '2026-11-23T12:00:00.000Z' }]);
  });

  it('never replaces the built-in framework', async () => {
    const ctx = await db.ctx();
    for (const options of [{}, { replace: true }, { replace: true, use: true }]) {
      await refusedAndUnchanged(
        ctx,
        () => importFramework(ctx, frameworkFile('grow'), options),
        'conflict',
        'id: "grow" is the built-in framework and cannot be replaced',
      );
    }
    expect(BUILTIN_FRAMEWORK_ID).toBe('grow');
  });

  it("two people may each import a framework with the same id; neither sees the other's", async () => {
    const ctx = await db.ctx();
    await insertPerson(db.store.db, { id: 'someone-else', name: 'them', time_zone: 'UTC', created_at: '2026-11-01T00:00:00.000Z' });
    const theirs = await createContext(db.store, { personId: 'someone-else', env: { GROW_TODAY: '2026-11-23' } });
    await importFramework(theirs, frameworkFile('acme'));
    await expectAppError(showFramework(ctx, 'acme'), 'not_found', 'framework: no framework "acme"');
    await expectAppError(useFramework(ctx, 'acme'), 'not_found', 'framework: no framework "acme"');
    await importFramework(ctx, frameworkFile('acme'));
    expect((await listFrameworks(ctx)).map((f) => f.id)).toEqual(['grow', 'acme']);
    expect((await listFrameworks(theirs)).map((f) => f.id)).toEqual(['grow', 'acme']);
  });

  it('two imports of the same new id at once: one framework, one conflict', async () => {
    const [a, b] = [await db.ctx(), await db.ctx()];
    const results = await Promise.allSettled([importFramework(a, frameworkFile()), importFramework(b, frameworkFile())]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'conflict', message: 'id: a framework "acme" already exists; import it with replace to overwrite it' });
    expect((await listFrameworks(a)).map((f) => f.id)).toEqual(['grow', 'acme']);
  });

  describe('bad input writes nothing', () => {
    const cases: [string, string, string][] = [
      [
        'an unknown skill in an expectation',
        frameworkFile('acme', 'Acme', (f) => (f.tracks[1].levels[0].expects.empathy = 2)),
        'tracks[1].levels[0].expects.empathy: unknown skill',
      ],
      [
        'an expectation outside 0..5',
        frameworkFile('acme', 'Acme', (f) => (f.tracks[0].levels[0].expects.coding = 9)),
        'tracks[0].levels[0].expects.coding: expected a whole number from 0 to 5',
      ],
      ['a duplicate skill id', frameworkFile('acme', 'Acme', (f) => (f.skills[1].id = 'coding')), 'skills[1].id: duplicate id "coding" (and 2 more problems)'],
      ['a missing level description', frameworkFile('acme', 'Acme', (f) => delete f.skills[0].levels[3]), 'skills[0].levels.3: missing level description'],
      [
        'an unknown skill in a facet',
        frameworkFile('acme', 'Acme', (f) => (f.tracks[0].facets = [{ id: 'x', name: 'X', skills: ['nope'] }])),
        'tracks[0].facets[0].skills[0]: unknown skill "nope"',
      ],
      [
        'not YAML or JSON',
        'id: acme\nname: [oops\n',
        'file: not YAML or JSON (line 3: Flow sequence in block collection must be sufficiently indented and end with a ])',
      ],
      ['too large', `# ${'x'.repeat(1024 * 1024)}\n${frameworkFile()}`, 'file: larger than the 1 MiB limit'],
    ];
    for (const [name, content, message] of cases) {
      it(name, async () => {
        const ctx = await db.ctx();
        await importFramework(ctx, frameworkFile('kept', 'Kept'), { use: true });
        await refusedAndUnchanged(ctx, () => importFramework(ctx, content, { use: true, replace: true }), 'validation_failed', message);
      });
    }
  });

  it('show and use refuse an unknown id, and use changes nothing then', async () => {
    const ctx = await db.ctx();
    await importFramework(ctx, frameworkFile(), { use: true });
    await expectAppError(showFramework(ctx, 'nope'), 'not_found', 'framework: no framework "nope"');
    await refusedAndUnchanged(ctx, () => useFramework(ctx, 'nope'), 'not_found', 'framework: no framework "nope"');
  });
});
