import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TODAY, describeEachDialect, openTestStore } from '../support/stores.js';
import type { Store } from '../../src/store/database.js';
import { deleteAllData } from '../../src/store/database.js';
import { type Context, createContext } from '../../src/services/context.js';
import { exportBackup, exportBackupText, importBackup } from '../../src/services/backup.service.js';
import { addHabit, archiveHabit, checkIn, listHabits, showHabit } from '../../src/services/habit.service.js';
import { addScorecardItem, listScorecard, scorecardItemToHabit } from '../../src/services/scorecard.service.js';
import { getSettings, updateSettings } from '../../src/services/settings.service.js';
import { SCHEDULE_HELP } from '../../src/core/schedule.js';
import { expectAppError, expectRefusedAndUnchanged } from './service.helpers.js';
import { restored } from '../support/backup.js';

async function contextOf(store: Store, today = DEFAULT_TODAY): Promise<Context> {
  return createContext(store, { env: { GROW_TODAY: today }, now: () => new Date(`${today}T12:00:00Z`) });
}

/** A person with something of everything a backup holds. */
async function fillWithEverything(ctx: Context): Promise<void> {
  await updateSettings(ctx, { name: 'Ada Lovelace', timeZone: 'Europe/Berlin' });
  await addHabit(ctx, { name: 'Make coffee', group: 'morning' });
  await addHabit(ctx, {
    name: 'Read «Thinking in Systems»',
    schedule: 'mon,wed,fri',
    target: 20.5,
    unit: 'pages',
    identity: 'I am someone who reads',
    when: '07:00',
    where: 'kitchen table',
    after: 'make-coffee',
    twoMinute: 'read one page',
    bundle: 'with coffee ☕',
    lawObvious: 'book on the pillow',
    lawAttractive: 'a book I chose',
    lawEasy: 'one page',
    lawSatisfying: 'tick the calendar',
    group: 'morning',
    skills: 'reading,systems thinking',
  });
  await addHabit(ctx, { name: 'Coffee after 2pm', kind: 'break', target: 1, unit: 'cups', schedule: '2/3days' });
  await addHabit(ctx, { name: 'Floss', after: 'after I brush my teeth', schedule: 'every 3 days' });
  await addHabit(ctx, { name: 'Gym', schedule: '3/week' });
  await archiveHabit(ctx, 'gym');
  await checkIn(ctx, 'make-coffee', 'done', { date: '2026-11-20', note: 'first day\nwith a "quote"' });
  await checkIn(ctx, 'make-coffee', 'skip', { date: '2026-11-21', note: 'travelling' });
  await checkIn(ctx, 'make-coffee', 'done', {});
  await checkIn(ctx, 'read-thinking-in-systems', 'done', { date: '2026-11-20', amount: 0.1 });
  await checkIn(ctx, 'read-thinking-in-systems', 'done', { date: '2026-11-23', amount: 1e-7 });
  await checkIn(ctx, 'read-thinking-in-systems', 'done', { date: '2026-11-18', amount: 123456.789 });
  await checkIn(ctx, 'coffee-after-2pm', 'slip', { date: '2026-11-22', amount: 2.25 });
  await checkIn(ctx, 'gym', 'done', { date: '2026-11-19' });
  await addScorecardItem(ctx, { text: 'Wake up', rating: '=', time: '06:30' });
  const phone = await addScorecardItem(ctx, { text: 'Check phone', rating: '-' });
  await scorecardItemToHabit(ctx, phone.id, {});
}

const at = '2026-11-01T09:00:00.000Z';
const fsrs = { due: '2026-11-09T09:00:00.000Z', stability: 8.2956, difficulty: 1, elapsedDays: 0, scheduledDays: 8, learningSteps: 0 };

/** One of everything the library, review and journal hold, as a backup writes it. */
const LEARNING_SECTIONS = {
  library: [
    {
      id: 'b1',
      kind: 'book' as const,
      title: 'Thinking in Systems',
      slug: 'thinking-in-systems',
      authors: ['Donella H. Meadows'],
      isbn10: '1603580557',
      isbn13: '9781603580557',
      pages: 240,
      url: null,
      recommendedBy: 'Grace',
      skills: ['system-design'],
      status: 'read' as const,
      progressPage: 240,
      progressPercent: null,
      rating: 4.5,
      review: 'Stocks and flows.\nLoops.',
      shelves: ['systems'],
      startedAt: '2026-10-01',
      finishedAt: '2026-10-20',
      addedAt: '2026-09-30',
      source: 'goodreads' as const,
      sourceId: '3828382',
      createdAt: at,
      updatedAt: at,
      notes: [{ id: 'n1', text: 'Reread chapter 5', source: null, sourceKey: null, createdAt: at }],
      highlights: [
        {
          id: 'h1',
          text: 'A system is more than the sum of its parts.',
          note: 'the whole point',
          page: '13',
          location: '292-295',
          locationStart: 292,
          locationEnd: 295,
          color: null,
          tags: ['favorite'],
          highlightedAt: '2017-11-27T15:15:56',
          highlightedRaw: 'Monday, November 27, 2017 3:15:56 PM',
          source: 'kindle',
          sourceKey: 'kindle:292-295',
          createdAt: at,
        },
      ],
    },
    {
      id: 'b2',
      kind: 'article' as const,
      title: 'On Writing Well',
      slug: 'writing',
      authors: [],
      isbn10: null,
      isbn13: null,
      pages: null,
      url: 'https://example.com/writing',
      recommendedBy: null,
      skills: [],
      status: 'want' as const,
      progressPage: null,
      progressPercent: 40,
      rating: null,
      review: null,
      shelves: [],
      startedAt: null,
      finishedAt: null,
      addedAt: '2026-11-02',
      source: null,
      sourceId: null,
      createdAt: at,
      updatedAt: at,
      notes: [],
      highlights: [],
    },
  ],
  cards: [
    {
      id: 'c1',
      itemId: 'b1',
      highlightId: null,
      kind: 'takeaway' as const,
      front: 'From "Thinking in Systems": what did you take away?',
      back: 'Find the feedback loops first.',
      ...fsrs,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: '2026-11-01T09:00:00.000Z',
      suspended: false,
      createdAt: at,
      reviews: [
        {
          id: 'r1',
          rating: 4,
          state: 0,
          due: at,
          stability: 0,
          difficulty: 0,
          elapsedDays: 0,
          lastElapsedDays: 0,
          scheduledDays: 0,
          learningSteps: 0,
          review: at,
        },
      ],
    },
    {
      id: 'c2',
      itemId: 'b1',
      highlightId: 'h1',
      kind: 'highlight' as const,
      front: 'Thinking in Systems, p. 13',
      back: 'A system is more than the sum of its parts.',
      ...fsrs,
      reps: 0,
      lapses: 0,
      state: 2,
      lastReview: null,
      suspended: true,
      createdAt: at,
      reviews: [],
    },
  ],
  journal: [
    {
      id: 'j1',
      title: 'On feedback',
      body: '# Feedback\n\nLoops everywhere.\r\n',
      date: '2024-03-05',
      time: '23:30:00',
      utcOffset: '-08:00',
      tags: ['feedback', 'systems'],
      categories: ['growth'],
      kind: 'entry' as const,
      periodFrom: null,
      periodTo: null,
      visibility: 'private' as const,
      frontMatter: '---\nlayout: post\ntitle: On feedback\n---\n',
      sourceName: '2024-03-05-on-feedback.md',
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'j2',
      title: 'Reflection October',
      body: '## Habits\n',
      date: '2026-10-31',
      time: null,
      utcOffset: null,
      tags: [],
      categories: [],
      kind: 'reflection' as const,
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      visibility: 'private' as const,
      frontMatter: null,
      sourceName: null,
      createdAt: at,
      updatedAt: at,
    },
  ],
};

describeEachDialect('JSON backup', (db) => {
  let target: Store;
  beforeAll(async () => {
    target = await openTestStore(db.dialect);
  });
  afterAll(async () => {
    await target?.close();
  });
  afterEach(async () => {
    await deleteAllData(target.db);
  });

  it('export → import into an empty database → export gives the same text, byte for byte', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const first = await exportBackupText(ctx);
    const into = await contextOf(target);
    expect(await importBackup(into, first)).toEqual(restored({ habits: 6, checkIns: 8, scorecard: 2 }));
    expect(await exportBackupText(into)).toBe(first);

    // What the person sees is the same too.
    const again = await contextOf(target);
    expect(await listHabits(again, { includeArchived: true })).toEqual(await listHabits(ctx, { includeArchived: true }));
    expect(await showHabit(again, 'read-thinking-in-systems')).toEqual(await showHabit(ctx, 'read-thinking-in-systems'));
    expect(await listScorecard(again)).toEqual(await listScorecard(ctx));
    expect(await getSettings(again)).toEqual({
      name: 'Ada Lovelace',
      timeZone: 'Europe/Berlin',
      timeZoneIsSystem: false,
      today: '2026-11-23',
      technicalRatio: 0.5,
    });
  });

  it('skills and paths round-trip too: frameworks, assessments, target, facets, evidence, activities, experiments', async () => {
    const ctx = await db.ctx();
    await addHabit(ctx, { name: 'Read' });
    const backup = JSON.parse(await exportBackupText(ctx));
    const createdAt = '2026-11-01T09:00:00.000Z';
    Object.assign(backup.person, { technicalRatio: 0.6, activeFrameworkId: 'mine' });
    Object.assign(backup, {
      frameworks: [{ id: 'mine', name: 'My framework', version: '3', content: { id: 'mine', skills: [{ id: 'empathy' }], tracks: [] }, createdAt }],
      assessments: [
        { id: 'a1', skillId: 'empathy', level: 2, date: '2026-10-01', evidence: 'listened first', note: null, createdAt },
        { id: 'a2', skillId: 'empathy', level: 3, date: '2026-11-01', evidence: null, note: 'after the offsite', createdAt },
      ],
      target: { track: 'manager', level: 'team-lead', byDate: '2027-06-30', setAt: createdAt },
      facets: [{ facetId: 'privacy', status: 'exploring', updatedAt: createdAt }],
      evidence: [{ id: 'e1', text: 'Ran the incident review', skills: ['communication'], date: '2026-11-02', link: 'https://example.com/review', createdAt }],
      activities: [{ id: 'l1', text: 'Pairing on the parser', date: '2026-11-03', minutes: 90, skills: ['code-craft'], energy: 2, ease: 4, createdAt }],
      experiments: [
        {
          id: 'x1',
          title: 'Run sprint planning',
          track: 'manager',
          hypothesis: 'I like facilitating',
          startedOn: '2026-10-01',
          until: '2026-10-29',
          outcome: 'positive',
          note: 'energizing',
          closedOn: '2026-10-30',
          createdAt,
        },
      ],
    });
    const text = `${JSON.stringify(backup, null, 2)}\n`;
    const into = await contextOf(target);
    expect(await importBackup(into, text)).toEqual(restored({ habits: 1, frameworks: 1, assessments: 2, evidence: 1, activities: 1, experiments: 1 }));
    expect(await exportBackupText(into)).toBe(text);
  });

  it('the library, review cards with their review log, and the journal round-trip too', async () => {
    const ctx = await db.ctx();
    const backup = JSON.parse(await exportBackupText(ctx));
    Object.assign(backup, LEARNING_SECTIONS);
    const text = `${JSON.stringify(backup, null, 2)}\n`;
    const into = await contextOf(target);
    expect(await importBackup(into, text)).toMatchObject({ library: 2, cards: 2, journal: 2 });
    expect(await exportBackupText(into)).toBe(text);
  });

  it('a backup whose items have no slugs (written before they had them) imports, each item given the first free slug of its title', async () => {
    const ctx = await db.ctx();
    const backup = JSON.parse(await exportBackupText(ctx));
    const sections = structuredClone(LEARNING_SECTIONS) as { library: Record<string, unknown>[] };
    const [b1, b2] = sections.library as [Record<string, unknown>, Record<string, unknown>];
    delete b1.slug;
    // A later item's own slug is kept, and an item without one never takes it.
    b2.slug = 'thinking-in-systems';
    const b3 = { ...structuredClone(b1), id: 'b3', isbn10: null, isbn13: null, authors: ['Somebody Else'], notes: [], highlights: [] };
    sections.library.push(b3);
    const into = await contextOf(target);
    expect(await importBackup(into, JSON.stringify({ ...LEARNING_SECTIONS, ...backup, ...sections, cards: [] }))).toMatchObject({ library: 3 });
    const restored = (await exportBackup(into)).library.map((i) => [i.id, i.slug]).sort();
    expect(restored).toEqual([
      ['b1', 'thinking-in-systems-2'],
      ['b2', 'thinking-in-systems'],
      ['b3', 'thinking-in-systems-3'],
    ]);
  });

  it('refuses a repeated or malformed item slug, writing nothing', async () => {
    const ctx = await db.ctx();
    const backup = JSON.parse(await exportBackupText(ctx));
    const into = await contextOf(target);
    const withSlugs = (first: string, second: string) => {
      const sections = structuredClone(LEARNING_SECTIONS);
      sections.library[0]!.slug = first;
      sections.library[1]!.slug = second;
      return JSON.stringify({ ...backup, ...sections });
    };
    await expectRefusedAndUnchanged(
      into,
      () => importBackup(into, withSlugs('same', 'same')),
      'validation_failed',
      'library[1].slug: a second library item with slug "same"',
    );
    await expectRefusedAndUnchanged(
      into,
      () => importBackup(into, withSlugs('Thinking In Systems', 'writing')),
      'validation_failed',
      'library[0].slug: lower-case letters, digits and single dashes, e.g. deep-work',
    );
  });

  it('a version 3 file (before item slugs and habit anchors) still imports, and gets them', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const v4 = JSON.parse(await exportBackupText(ctx));
    const v3 = structuredClone(v4);
    v3.version = 3;
    for (const item of v3.library) delete item.slug;
    for (const habit of v3.habits) delete habit.anchorDate;
    const into = await contextOf(target);
    await importBackup(into, JSON.stringify(v3));
    const again = JSON.parse(await exportBackupText(await contextOf(target)));
    expect(again.version).toBe(4);
    expect(again.library.map((i: { slug: string }) => i.slug)).toEqual(v4.library.map((i: { slug: string }) => i.slug));
    expect(again.habits.map((h: { anchorDate: string; startDate: string }) => h.anchorDate)).toEqual(v4.habits.map((h: { startDate: string }) => h.startDate));
  });

  it('a version 2 file (before the library and journal) still imports', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const v2 = JSON.parse(await exportBackupText(ctx));
    v2.version = 2;
    for (const section of ['library', 'cards', 'journal']) delete v2[section];
    const into = await contextOf(target);
    expect(await importBackup(into, JSON.stringify(v2))).toMatchObject({ habits: 6, checkIns: 8, library: 0, cards: 0, journal: 0 });
    expect(await listHabits(await contextOf(target), { includeArchived: true })).toEqual(await listHabits(ctx, { includeArchived: true }));
  });

  it('refuses cards that point outside the file, and repeated highlights, writing nothing', async () => {
    const ctx = await db.ctx();
    const backup = JSON.parse(await exportBackupText(ctx));
    const withSections = (change: (b: typeof LEARNING_SECTIONS) => void) => {
      const sections = structuredClone(LEARNING_SECTIONS);
      change(sections);
      return JSON.stringify({ ...backup, ...sections });
    };
    const into = await contextOf(target);
    await expectRefusedAndUnchanged(
      into,
      () =>
        importBackup(
          into,
          withSections((b) => (b.cards[0]!.itemId = 'gone')),
        ),
      'validation_failed',
      'cards[0].itemId: no library item with id gone in the backup',
    );
    await expectRefusedAndUnchanged(
      into,
      () =>
        importBackup(
          into,
          withSections((b) => (b.cards[1]!.highlightId = 'gone')),
        ),
      'validation_failed',
      'cards[1].highlightId: no highlight with id gone in the backup',
    );
    await expectRefusedAndUnchanged(
      into,
      () =>
        importBackup(
          into,
          withSections((b) => (b.library[0]!.highlights as object[]).push({ ...b.library[0]!.highlights[0]!, id: 'h2' })),
        ),
      'validation_failed',
      'library[0].highlights[1].sourceKey: a second highlight with key "kindle:292-295" in this item',
    );
    await expectRefusedAndUnchanged(
      into,
      () =>
        importBackup(
          into,
          withSections((b) => (b.journal[0]!.kind = 'diary' as never)),
        ),
      'validation_failed',
      'journal[0].kind: Invalid option: expected one of "entry"|"weekly-review"|"reflection"',
    );
  });

  it('a version 1 file (habits and scorecard only) still imports', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const v1 = JSON.parse(await exportBackupText(ctx));
    v1.version = 1;
    v1.person = { name: v1.person.name, timeZone: v1.person.timeZone };
    for (const section of ['frameworks', 'assessments', 'target', 'facets', 'evidence', 'activities', 'experiments']) delete v1[section];
    const into = await contextOf(target);
    expect(await importBackup(into, JSON.stringify(v1))).toMatchObject({ habits: 6, checkIns: 8, scorecard: 2, activities: 0 });
    expect(await listHabits(await contextOf(target), { includeArchived: true })).toEqual(await listHabits(ctx, { includeArchived: true }));
  });

  it('writes a versioned file with the habits, their check-ins and the scorecard', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const text = await exportBackupText(ctx);
    expect(text.endsWith('}\n')).toBe(true);
    const backup = JSON.parse(text) as Awaited<ReturnType<typeof exportBackup>>;
    expect(backup.format).toBe('grow-backup');
    expect(backup.version).toBe(4);
    expect(backup.habits.map((h) => h.slug)).toEqual(['make-coffee', 'read-thinking-in-systems', 'coffee-after-2pm', 'floss', 'gym', 'check-phone']);
    const read = backup.habits[1]!;
    expect(read.afterHabitId).toBe(backup.habits[0]!.id);
    expect(read.checkIns.map((c) => [c.date, c.amount])).toEqual([
      ['2026-11-18', 123456.789],
      ['2026-11-20', 0.1],
      ['2026-11-23', 1e-7],
    ]);
    expect(backup.scorecard.map((s) => [s.text, s.habitId])).toEqual([
      ['Wake up', null],
      ['Check phone', backup.habits[5]!.id],
    ]);
  });

  it('refuses to import into a database that holds data, and changes nothing', async () => {
    const ctx = await db.ctx();
    await fillWithEverything(ctx);
    const text = await exportBackupText(ctx);
    const into = await contextOf(target);
    await addScorecardItem(into, { text: 'Wake up', rating: '=' });
    const message = 'database: already holds data; restore a backup into an empty database';
    await expectRefusedAndUnchanged(into, () => importBackup(into, text), 'conflict', message);
    // Into itself, too.
    await expectRefusedAndUnchanged(ctx, () => importBackup(ctx, text), 'conflict', message);
  });

  describe('bad files change nothing', () => {
    async function emptyTarget(): Promise<Context> {
      return contextOf(target);
    }
    async function validBackup(): Promise<string> {
      const ctx = await db.ctx();
      await fillWithEverything(ctx);
      return exportBackupText(ctx);
    }
    const edit = (text: string, change: (backup: Record<string, any>) => void): string => {
      const backup = JSON.parse(text) as Record<string, any>;
      change(backup);
      return JSON.stringify(backup);
    };

    it('a file that is not JSON, or a truncated one', async () => {
      const text = await validBackup();
      const into = await emptyTarget();
      const before = await exportBackupText(into);
      for (const content of ['', 'hello', text.slice(0, Math.floor(text.length / 2)), text.slice(0, -3)]) {
        const error = await importBackup(into, content).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ name: 'AppError', code: 'validation_failed' });
        expect((error as Error).message).toBe('file: not valid JSON (is it a grow backup?)');
      }
      expect(await exportBackupText(into)).toBe(before);
      expect(await listHabits(into, { includeArchived: true })).toEqual([]);
    });

    it('a backup of an unknown format version, or not a grow backup', async () => {
      const text = await validBackup();
      const into = await emptyTarget();
      const v5 = edit(text, (b) => (b.version = 5));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, v5),
        'validation_failed',
        'version: unknown backup format version 5 (this grow reads 1, 2, 3 and 4)',
      );
      const noVersion = edit(text, (b) => delete b.version);
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, noVersion),
        'validation_failed',
        'version: unknown backup format version undefined (this grow reads 1, 2, 3 and 4)',
      );
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, '{"habits": []}'),
        'validation_failed',
        'format: not a grow backup (expected "format": "grow-backup")',
      );
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, '[1, 2]'),
        'validation_failed',
        'format: not a grow backup (expected "format": "grow-backup")',
      );
    });

    it('a backup cut short at a record boundary, or with a bad row, names where', async () => {
      const text = await validBackup();
      const into = await emptyTarget();
      const cut = edit(text, (b) => delete b.scorecard);
      await expectRefusedAndUnchanged(into, () => importBackup(into, cut), 'validation_failed', 'scorecard: Invalid input: expected array, received undefined');
      const badStatus = edit(text, (b) => (b.habits[1].checkIns[2].status = 'maybe'));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, badStatus),
        'validation_failed',
        'habits[1].checkIns[2].status: Invalid option: expected one of "done"|"skipped"|"slip"',
      );
      const badDate = edit(text, (b) => (b.habits[0].checkIns[0].date = '2026-11-31'));
      await expectRefusedAndUnchanged(into, () => importBackup(into, badDate), 'validation_failed', 'habits[0].checkIns[0].date: expected a date YYYY-MM-DD');
      const negative = edit(text, (b) => (b.habits[1].checkIns[0].amount = -1));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, negative),
        'validation_failed',
        'habits[1].checkIns[0].amount: Too small: expected number to be >=0',
      );
      const badSchedule = edit(text, (b) => (b.habits[3].schedule = 'whenever'));
      await expectRefusedAndUnchanged(into, () => importBackup(into, badSchedule), 'validation_failed', `habits[3].schedule: ${SCHEDULE_HELP}`);
      const danglingStack = edit(text, (b) => (b.habits[1].afterHabitId = 'nope'));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, danglingStack),
        'validation_failed',
        'habits[1].afterHabitId: no habit with id nope in the backup',
      );
      const danglingLine = edit(text, (b) => (b.scorecard[1].habitId = 'nope'));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, danglingLine),
        'validation_failed',
        'scorecard[1].habitId: no habit with id nope in the backup',
      );
      expect(await listHabits(into, { includeArchived: true })).toEqual([]);
      expect(await getSettings(await emptyTarget())).toMatchObject({ name: 'me' });
    });

    it('a backup whose rows contradict each other names the row, writing nothing', async () => {
      const text = await validBackup();
      const into = await emptyTarget();
      const twiceADay = edit(text, (b) => b.habits[0].checkIns.push({ ...b.habits[0].checkIns[0], id: 'another-id' }));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, twiceADay),
        'validation_failed',
        'habits[0].checkIns[3].date: a second check-in on 2026-11-20',
      );
      const sameHabitTwice = edit(text, (b) => b.habits.push({ ...b.habits[0], checkIns: [] }));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, sameHabitTwice),
        'validation_failed',
        `habits[6].id: a second habit with id ${JSON.parse(text).habits[0].id}`,
      );
      const sameName = edit(text, (b) => b.habits.push({ ...b.habits[0], id: 'x', slug: 'x', checkIns: [] }));
      await expectRefusedAndUnchanged(into, () => importBackup(into, sameName), 'validation_failed', 'habits[6].name: a second habit named "Make coffee"');
      const sameSlug = edit(text, (b) => b.habits.push({ ...b.habits[0], id: 'x', name: 'x', checkIns: [] }));
      await expectRefusedAndUnchanged(into, () => importBackup(into, sameSlug), 'validation_failed', 'habits[6].slug: a second habit with slug "make-coffee"');
      const sameCheckInId = edit(text, (b) => (b.habits[1].checkIns[0].id = b.habits[0].checkIns[0].id));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, sameCheckInId),
        'validation_failed',
        `habits[1].checkIns[0].id: a second check-in with id ${JSON.parse(text).habits[0].checkIns[0].id}`,
      );
      const sameLineId = edit(text, (b) => (b.scorecard[1].id = b.scorecard[0].id));
      await expectRefusedAndUnchanged(
        into,
        () => importBackup(into, sameLineId),
        'validation_failed',
        `scorecard[1].id: a second line with id ${JSON.parse(text).scorecard[0].id}`,
      );
      expect(await listHabits(into, { includeArchived: true })).toEqual([]);
    });
  });
});

/** The same backup text from either database: a file moves between SQLite and PostgreSQL unchanged. */
describe('JSON backup across dialects', () => {
  let sqlite: Store;
  let postgres: Store;
  beforeAll(async () => {
    sqlite = await openTestStore('sqlite');
    postgres = await openTestStore('postgres');
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it('SQLite → PostgreSQL → SQLite gives the same text', async () => {
    const source = await contextOf(sqlite);
    await updateSettings(source, { timeZone: 'UTC' });
    await fillWithEverything(source);
    const text = await exportBackupText(source);
    const pg = await contextOf(postgres);
    await importBackup(pg, text);
    const fromPg = await exportBackupText(pg);
    expect(fromPg).toBe(text);
    await deleteAllData(sqlite.db);
    const back = await contextOf(sqlite);
    await importBackup(back, fromPg);
    expect(await exportBackupText(back)).toBe(text);
    await expectAppError(importBackup(back, fromPg), 'conflict', 'database: already holds data; restore a backup into an empty database');
  });
});
