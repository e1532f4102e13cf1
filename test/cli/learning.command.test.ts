import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
let homes = 0;
/** A fresh grow with its own GROW_HOME; today is 2026-11-23. */
const fresh = () => new Grow(join(root.path, `home-${++homes}`, 'grow'));

beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

interface Item {
  id: string;
  title: string;
  status: string;
  progress: number | null;
  page: number | null;
  pages: number | null;
  rating: number | null;
}

describe('grow learn', { timeout: 120_000 }, () => {
  it('adds with every flag, lists, records progress, finishes, notes and shows', async () => {
    const grow = fresh();
    const added = await grow.json(
      'learn',
      'add',
      'Accelerate',
      '--kind',
      'book',
      '--author',
      'Nicole Forsgren',
      '--author',
      'Jez  Humble',
      '--isbn',
      '978-1-4555-8669-1',
      '--pages',
      '288',
      '--url',
      'https://itrevolution.com/accelerate',
      '--recommended-by',
      'Ana',
      '--skills',
      'operations-and-reliability,influence',
      '--status',
      'want',
    );
    expect(added).toMatchObject({
      kind: 'book',
      title: 'Accelerate',
      authors: ['Nicole Forsgren', 'Jez Humble'],
      isbn10: '1455586692',
      isbn13: '9781455586691',
      pages: 288,
      url: 'https://itrevolution.com/accelerate',
      recommendedBy: 'Ana',
      skills: ['operations-and-reliability', 'influence'],
      status: 'want',
      notes: [],
    });
    const list = await grow.json('learn', 'list');
    expect(list).toEqual([
      {
        id: added.id,
        slug: 'accelerate',
        kind: 'book',
        title: 'Accelerate',
        authors: ['Nicole Forsgren', 'Jez Humble'],
        isbn10: '1455586692',
        isbn13: '9781455586691',
        status: 'want',
        progress: null,
        page: null,
        pages: 288,
        rating: null,
        recommendedBy: 'Ana',
        url: 'https://itrevolution.com/accelerate',
        skills: ['operations-and-reliability', 'influence'],
        review: null,
        shelves: [],
        startedAt: null,
        finishedAt: null,
        addedAt: expect.any(String),
        source: null,
      },
    ]);

    expect(await grow.json('learn', 'progress', 'accel', '72')).toMatchObject({ status: 'reading', startedAt: '2026-11-23', page: 72, progress: 25 });
    expect(await grow.json('learn', 'progress', 'Accelerate', '40%')).toMatchObject({ progress: 40, page: null });
    expect((await grow.ok('learn', 'progress', added.id, '144')).stdout).toBe('Accelerate: 50% (p. 144/288) (reading).\n');
    expect((await grow.ok('learn', 'note', 'Accelerate', 'Four key metrics')).stdout).toBe('Noted.\n');
    expect(await grow.json('learn', 'note', 'Accelerate', 'Deploy often')).toMatchObject({ text: 'Deploy often', itemId: added.id });
    expect((await grow.ok('learn', 'finish', 'Accelerate', '--rating', '3.75', '--date', '2026-11-22')).stdout).toBe(
      'Finished Accelerate on 2026-11-22, rated 3.75/5.\n',
    );

    const shown = await grow.json('learn', 'show', 'accelerate');
    expect(shown).toMatchObject({ status: 'read', finishedAt: '2026-11-22', rating: 3.75, progress: 100, takeaways: [], highlights: [] });
    expect(shown.notes.map((n: { text: string }) => n.text)).toEqual(['Four key metrics', 'Deploy often']);
    expect(await grow.json('learn', 'list', '--status', 'read')).toHaveLength(1);
    expect(await grow.json('learn', 'list', '--status', 'want')).toEqual([]);

    const table = (await grow.ok('learn', 'list')).stdout;
    expect(table.split('\n')[0]).toMatch(/^STATUS\s+PROGRESS\s+RATING\s+TITLE\s+AUTHORS\s+SLUG$/);
    expect(table.split('\n')[1]).toMatch(/^read\s+100% \(p\. 288\/288\)\s+3\.75\/5\s+Accelerate\s+Nicole Forsgren, Jez Humble\s+accelerate$/);
    const human = (await grow.ok('learn', 'show', 'Accelerate')).stdout;
    expect(human).toContain('Accelerate by Nicole Forsgren, Jez Humble');
    expect(human).toMatch(/Notes\n {2}- Four key metrics\n {2}- Deploy often\n/);
  });

  it('edits and removes, and removing asks for --yes', async () => {
    const grow = fresh();
    const item = await grow.json<Item>('learn', 'add', 'Staff Engineer', '--author', 'Will Larson');
    expect(
      await grow.json('learn', 'edit', 'Staff', '--pages', '330', '--rating', '4.5', '--status', 'reading', '--title', 'Staff Engineer (2021)'),
    ).toMatchObject({
      title: 'Staff Engineer (2021)',
      pages: 330,
      rating: 4.5,
      status: 'reading',
      startedAt: '2026-11-23',
      authors: ['Will Larson'],
    });
    await grow.fails(2, 'usage', 'update: say what to change, e.g. --pages 320 or --status reading', 'learn', 'edit', 'Staff');
    await grow.fails(2, 'usage', 'delete: deleting "Staff" removes its notes, highlights and review cards too; repeat with --yes', 'learn', 'rm', 'Staff');
    expect(await grow.json('learn', 'list')).toHaveLength(1);
    expect(await grow.json('learn', 'rm', 'Staff', '--yes')).toEqual({ id: item.id, slug: 'staff-engineer', title: 'Staff Engineer (2021)', removed: true });
    expect(await grow.json('learn', 'list')).toEqual([]);
    expect((await grow.ok('learn', 'list')).stdout).toMatch(/^Your library is empty/);
  });

  it('show, update and delete take the slug, which stays when the title changes', async () => {
    const grow = fresh();
    expect((await grow.ok('learn', 'add', 'Refactoring', '--author', 'Martin Fowler')).stdout).toBe('Added Refactoring (want) as refactoring.\n');
    const twin = await grow.json<Item & { slug: string }>('learn', 'add', 'Refactoring', '--author', 'William Opdyke');
    expect(twin.slug).toBe('refactoring-2');
    expect(await grow.json('learn', 'show', 'refactoring-2')).toMatchObject({ id: twin.id, authors: ['William Opdyke'] });
    expect((await grow.ok('learn', 'show', 'refactoring')).stdout).toMatch(/^Refactoring by Martin Fowler\n {2}slug {12}refactoring\n/);

    expect(await grow.json('learn', 'update', 'refactoring-2', '--title', 'Refactoring Object-Oriented Frameworks', '--pages', '206')).toMatchObject({
      id: twin.id,
      slug: 'refactoring-2',
      title: 'Refactoring Object-Oriented Frameworks',
      pages: 206,
    });
    expect(await grow.json('learn', 'show', 'refactoring-2')).toMatchObject({ title: 'Refactoring Object-Oriented Frameworks' });
    expect((await grow.ok('learn', 'update', 'refactoring', '--pages', '448')).stdout).toBe('Updated Refactoring.\n');
    await grow.fails(2, 'usage', 'update: say what to change, e.g. --pages 320 or --status reading', 'learn', 'update', 'refactoring');

    await grow.fails(
      2,
      'usage',
      'delete: deleting "refactoring-2" removes its notes, highlights and review cards too; repeat with --yes',
      'learn',
      'delete',
      'refactoring-2',
    );
    expect(await grow.json('learn', 'show', 'refactoring-2')).toMatchObject({ id: twin.id });
    expect((await grow.ok('learn', 'delete', 'refactoring-2', '--yes')).stdout).toBe('Removed Refactoring Object-Oriented Frameworks (refactoring-2).\n');
    await grow.fails(1, 'not_found', 'item: no item "refactoring-2"', 'learn', 'show', 'refactoring-2');
    expect((await grow.json<(Item & { slug: string })[]>('learn', 'list')).map((i) => [i.slug, i.pages])).toEqual([['refactoring', 448]]);
    // The help names update and delete, and the old names still work.
    const help = (await grow.ok('learn', '--help')).stdout;
    expect(help).toMatch(/update\|edit/);
    expect(help).toMatch(/delete\|rm/);
  });

  it('refuses each bad input with exit 1 and one clear line, writing nothing', async () => {
    const grow = fresh();
    const kept = await grow.json<Item>('learn', 'add', 'Deep Work', '--author', 'Cal Newport', '--isbn', '1455586692', '--pages', '296');
    await grow.json('learn', 'add', 'The Pragmatic Programmer');
    await grow.json('learn', 'add', 'The Phoenix Project');
    const before = await grow.json('learn', 'list');
    const fails = (message: string, ...args: string[]) => grow.fails(1, 'validation_failed', message, ...args);
    await fails('isbn: "1455586693" is not a valid ISBN-10 (the check digit does not match)', 'learn', 'add', 'x', '--isbn', '1455586693');
    await fails('kind: expected book, article, course or talk', 'learn', 'add', 'x', '--kind', 'podcast');
    await fails('status: expected want, reading, read or abandoned', 'learn', 'add', 'x', '--status', 'done');
    await fails('pages: expected a whole number of pages from 1 to 100000', 'learn', 'add', 'x', '--pages', '12abc');
    await fails('skills: unknown skill "juggling" (see grow skill list)', 'learn', 'add', 'x', '--skills', 'juggling');
    await fails('url: expected a web address starting with http:// or https://', 'learn', 'add', 'x', '--url', 'example');
    await fails('page: 297 is past the last page (the item has 296 pages)', 'learn', 'progress', 'Deep Work', '297');
    await fails('percent: expected a percentage from 0 to 100', 'learn', 'progress', 'Deep Work', '101%');
    await fails('page: expected a whole page number, 0 or more', 'learn', 'progress', 'Deep Work', 'half');
    await fails('rating: expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75', 'learn', 'finish', 'Deep Work', '--rating', '6');
    await fails('rating: expected a rating from 0 to 5 in quarter steps, e.g. 4 or 3.75', 'learn', 'finish', 'Deep Work', '--rating', '3.3');
    await fails('date: 2026-11-24 is after today (2026-11-23)', 'learn', 'finish', 'Deep Work', '--date', '2026-11-24');
    await fails('text: must not be empty', 'learn', 'note', 'Deep Work', '  ');
    await grow.fails(
      1,
      'conflict',
      `isbn: 9781455586691 is already in your library as ${kept.id} "Deep Work"`,
      'learn',
      'add',
      'Deep Work (2nd ed.)',
      '--isbn',
      '9781455586691',
    );
    await grow.fails(
      1,
      'conflict',
      `title: already in your library as ${kept.id} "Deep Work" (same title and author)`,
      'learn',
      'add',
      'Deep Work: Rules for Focused Success',
      '--author',
      'Newport, Cal',
    );
    await grow.fails(
      1,
      'conflict',
      /^item: "the p" matches 2 items \(.*"The Pragmatic Programmer".*"The Phoenix Project".*\); use a slug$/,
      'learn',
      'show',
      'the p',
    );
    await grow.fails(1, 'not_found', 'item: no item "Missing"', 'learn', 'finish', 'Missing');
    await grow.fails(2, 'usage', /missing required argument 'position'/, 'learn', 'progress', 'Deep Work');
    await grow.fails(2, 'usage', /missing required argument 'title'/, 'learn', 'add');
    expect(await grow.json('learn', 'list')).toEqual(before);
    expect((await grow.json('learn', 'show', 'Deep Work')).notes).toEqual([]);
  });
});
