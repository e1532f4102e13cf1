import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/core/calendar.js';
import { describeEachDialect } from '../support/stores.js';
import {
  addHabit,
  archiveHabit,
  checkIn,
  editHabit,
  habitChart,
  habitDetail,
  listHabits,
  removeHabit,
  showHabit,
  undoCheckIn,
} from '../../src/services/habit.service.js';
import { SCHEDULE_HELP } from '../../src/core/schedule.js';
import { today as todayOf } from '../../src/services/today.service.js';
import { expectAppError, expectRefusedAndUnchanged } from './service.helpers.js';

const SCHEDULE_ERROR = `schedule: ${SCHEDULE_HELP}`;

describe('the schedule message', () => {
  it('is the one the issue gives', () => {
    expect(SCHEDULE_ERROR).toBe('schedule: expected daily, weekdays, mon,wed,…, N/week, N/Mdays or every N days');
  });
});

describeEachDialect('habit service', (db) => {
  it('two requests adding the same name at once: one habit, one conflict', async () => {
    const [a, b] = [await db.ctx(), await db.ctx()];
    const results = await Promise.allSettled([addHabit(a, { name: 'Journal' }), addHabit(b, { name: 'Journal' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'conflict', message: 'name: a habit named "Journal" already exists' });
    expect((await listHabits(a)).map((h) => h.slug)).toEqual(['journal']);
  });

  it('two requests adding names that differ only by case at once: one habit, one conflict', async () => {
    const [a, b] = [await db.ctx(), await db.ctx()];
    const results = await Promise.allSettled([addHabit(a, { name: 'Journal' }), addHabit(b, { name: 'JOURNAL' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^name: a habit named "(Journal|JOURNAL)" already exists/) });
    expect(await listHabits(a)).toHaveLength(1);
  });

  it('adds a habit, checks it in and reports its numbers', async () => {
    const ctx = await db.ctx('2026-11-23');
    const habit = await addHabit(ctx, { name: 'Read 20 pages', identity: 'I am someone who reads' });
    expect(habit.slug).toBe('read-20-pages');
    await checkIn(ctx, 'read-20-pages', 'done', { date: '2026-11-22' });
    await checkIn(ctx, 'read-20-pages', 'done', {});
    const shown = await showHabit(ctx, 'read-20-pages');
    expect(shown.streak).toBe(2);
    expect(shown.history.map((h) => [h.date, h.status])).toEqual([
      ['2026-11-22', 'done'],
      ['2026-11-23', 'done'],
    ]);
    const list = await listHabits(ctx);
    expect(list).toHaveLength(1);
    expect(list[0]!.dueToday).toBe(false);
  });

  describe('add', () => {
    it('defaults to a daily habit to build, starting today, with nothing checked in', async () => {
      const ctx = await db.ctx();
      const habit = await addHabit(ctx, { name: 'Meditate' });
      expect(habit).toMatchObject({
        slug: 'meditate',
        name: 'Meditate',
        kind: 'build',
        schedule: 'daily',
        target: null,
        unit: null,
        identity: null,
        after: null,
        group: null,
        skills: [],
        archived: false,
        startDate: '2026-11-23',
        strength: 0,
        streak: 0,
        bestStreak: 0,
        dueToday: true,
        neverMissTwice: 'ok',
        history: [],
      });
      expect(habit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('keeps every Atomic Habits field and finds the habit by slug or id', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Make coffee' });
      const habit = await addHabit(ctx, {
        name: 'Read',
        kind: 'build',
        schedule: 'MON, wed ,Fri',
        target: 20,
        unit: 'pages',
        identity: 'I am someone who reads',
        when: '07:00',
        where: 'kitchen table',
        after: 'make-coffee',
        twoMinute: 'read one page',
        bundle: 'with my coffee',
        lawObvious: 'book on the pillow',
        lawAttractive: 'a book I chose',
        lawEasy: 'one page',
        lawSatisfying: 'tick the calendar',
        group: 'morning',
        skills: 'Reading, focus,reading',
      });
      const expected = {
        slug: 'read',
        schedule: 'mon,wed,fri',
        target: 20,
        unit: 'pages',
        identity: 'I am someone who reads',
        when: '07:00',
        where: 'kitchen table',
        after: 'make-coffee',
        twoMinute: 'read one page',
        bundle: 'with my coffee',
        lawObvious: 'book on the pillow',
        lawAttractive: 'a book I chose',
        lawEasy: 'one page',
        lawSatisfying: 'tick the calendar',
        group: 'morning',
        skills: ['reading', 'focus'],
      };
      expect(habit).toMatchObject(expected);
      expect(await showHabit(ctx, habit.id)).toMatchObject(expected);
      expect(await habitDetail(ctx, 'read')).toMatchObject(expected);
    });

    it('keeps a stack that names no habit as free text', async () => {
      const ctx = await db.ctx();
      const habit = await addHabit(ctx, { name: 'Floss', after: 'I brush my teeth' });
      expect(habit.after).toBe('I brush my teeth');
    });

    it('normalizes every schedule form the issue names', async () => {
      const ctx = await db.ctx();
      const cases: [string, string][] = [
        ['daily', 'daily'],
        ['weekdays', 'weekdays'],
        ['mon,wed,fri', 'mon,wed,fri'],
        ['3/week', '3/week'],
        ['3 / week', '3/week'],
        ['2/3days', '2/3days'],
        ['2/4days', '2/4days'],
        ['every 3 days', 'every 3 days'],
      ];
      for (const [i, [given, stored]] of cases.entries()) {
        const habit = await addHabit(ctx, { name: `habit ${i}`, schedule: given });
        expect(habit.schedule, given).toBe(stored);
      }
    });

    it('gives a second habit with the same slug a numbered slug', async () => {
      const ctx = await db.ctx();
      expect((await addHabit(ctx, { name: 'Run!' })).slug).toBe('run');
      expect((await addHabit(ctx, { name: 'Run?' })).slug).toBe('run-2');
      expect((await addHabit(ctx, { name: 'run' })).slug).toBe('run-3');
    });

    it('refuses a duplicate name and writes nothing', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await expectRefusedAndUnchanged(ctx, () => addHabit(ctx, { name: 'Read', schedule: '3/week' }), 'conflict', 'name: a habit named "Read" already exists');
      expect((await listHabits(ctx)).map((h) => h.name)).toEqual(['Read']);
    });

    it('refuses a name that differs only by case, naming the habit that has it', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      const message = 'name: a habit named "Read" already exists (names are compared without case)';
      await expectRefusedAndUnchanged(ctx, () => addHabit(ctx, { name: 'read' }), 'conflict', message);
      await expectRefusedAndUnchanged(ctx, () => addHabit(ctx, { name: 'READ', schedule: '3/week' }), 'conflict', message);
      await addHabit(ctx, { name: 'Run' });
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'run', { name: 'rEAD' }), 'conflict', message);
      expect((await listHabits(ctx)).map((h) => h.name)).toEqual(['Read', 'Run']);
      // A habit may change the case of its own name.
      expect((await editHabit(ctx, 'read', { name: 'READ' })).name).toBe('READ');
    });

    it('refuses a bad schedule and writes nothing', async () => {
      const ctx = await db.ctx();
      for (const schedule of ['sometimes', '8/week', '0/week', 'every 0 days', '']) {
        await expectRefusedAndUnchanged(ctx, () => addHabit(ctx, { name: 'Read', schedule }), 'validation_failed', SCHEDULE_ERROR);
      }
      await expectRefusedAndUnchanged(
        ctx,
        () => addHabit(ctx, { name: 'Read', schedule: '4/3days' }),
        'validation_failed',
        'schedule: 4/3days asks for more repetitions than days',
      );
      expect(await listHabits(ctx)).toEqual([]);
    });

    it('refuses other bad fields with the field and the problem', async () => {
      const ctx = await db.ctx();
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '' }, 'name: must not be empty'],
        [{ name: '   ' }, 'name: must not be empty'],
        [{}, 'name: required'],
        [{ name: 'Read', kind: 'maybe' }, 'kind: expected build or break'],
        [{ name: 'Read', target: -1 }, 'target: must be greater than 0'],
        [{ name: 'Read', target: 0 }, 'target: must be greater than 0'],
        [{ name: 'Read', unit: 'pages' }, 'unit: a unit needs a target'],
      ];
      for (const [input, message] of cases) {
        await expectRefusedAndUnchanged(ctx, () => addHabit(ctx, input), 'validation_failed', message);
      }
      expect(await listHabits(ctx)).toEqual([]);
    });
  });

  describe('finding a habit as people type it', () => {
    it('takes the slug or the name in any case', async () => {
      const ctx = await db.ctx('2026-11-23');
      const read = await addHabit(ctx, { name: 'Read Daily' });
      for (const ref of ['read-daily', 'READ-DAILY', 'Read Daily', 'read daily', 'READ DAILY', read.id]) {
        expect((await showHabit(ctx, ref)).id).toBe(read.id);
      }
      await checkIn(ctx, 'read daily', 'done', {});
      expect((await showHabit(ctx, 'Read-Daily')).history.map((h) => h.status)).toEqual(['done']);
      await expectAppError(showHabit(ctx, 'read dail'), 'not_found', 'habit: no habit "read dail"');
    });

    it('prefers a slug over another habit’s name', async () => {
      const ctx = await db.ctx();
      const first = await addHabit(ctx, { name: 'a b' }); // slug a-b
      const second = await addHabit(ctx, { name: 'A-B' }); // name key a-b, slug a-b-2
      expect(second.slug).toBe('a-b-2');
      expect((await showHabit(ctx, 'a-b')).id).toBe(first.id);
      expect((await showHabit(ctx, 'a-b-2')).id).toBe(second.id);
    });
  });

  describe('anchor', () => {
    it('every N days: shows the last day done and the next one due', async () => {
      const ctx = await db.ctx('2026-11-23');
      await addHabit(ctx, { name: 'Floss', schedule: 'every 3 days' });
      expect((await showHabit(ctx, 'floss')).anchor).toEqual({ rule: 'last-done', date: null, nextDue: '2026-11-23' });
      await checkIn(ctx, 'floss', 'done', { date: '2026-11-20' });
      const shown = await showHabit(ctx, 'floss');
      expect(shown.anchor).toEqual({ rule: 'last-done', date: '2026-11-20', nextDue: '2026-11-23' });
      expect(shown.dueToday).toBe(true);
      await checkIn(ctx, 'floss', 'done', { date: '2026-11-22' });
      expect((await showHabit(ctx, 'floss')).dueToday).toBe(false); // covered 22..24
    });

    it('N in M days: the anchor is the day the habit was added and a back-dated check-in does not move it', async () => {
      const ctx = await db.ctx('2026-11-23');
      await addHabit(ctx, { name: 'Run', schedule: '2/3days' });
      const block = { rule: 'fixed', date: '2026-11-23', periodStart: '2026-11-23', periodEnd: '2026-11-25' };
      expect((await showHabit(ctx, 'run')).anchor).toEqual(block);
      const later = await db.ctx('2026-11-27');
      await checkIn(later, 'run', 'done', { date: '2026-11-20' });
      const shown = await showHabit(later, 'run');
      expect(shown.startDate).toBe('2026-11-20'); // the habit begins earlier …
      expect(shown.anchor).toEqual({ ...block, periodStart: '2026-11-26', periodEnd: '2026-11-28' }); // … its blocks stay
      expect((await showHabit(later, 'run', '2026-11-21')).anchor).toEqual({ ...block, periodStart: '2026-11-20', periodEnd: '2026-11-22' });
    });

    it('is null for schedules that name their days', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read', schedule: 'weekdays' });
      expect((await showHabit(ctx, 'read')).anchor).toBeNull();
    });
  });

  describe('edit', () => {
    it('changes the given fields and leaves the others, slug included', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read', identity: 'I read', group: 'morning' });
      const edited = await editHabit(ctx, 'read', { name: 'Read books', schedule: '3/week', group: '' });
      expect(edited).toMatchObject({ slug: 'read', name: 'Read books', schedule: '3/week', identity: 'I read', group: null });
      expect((await listHabits(ctx))[0]).toMatchObject({ slug: 'read', name: 'Read books', schedule: '3/week', group: null });
    });

    it('stacks a habit after another one, and never after itself', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Coffee' });
      await addHabit(ctx, { name: 'Read' });
      expect((await editHabit(ctx, 'read', { after: 'coffee' })).after).toBe('coffee');
      await expectRefusedAndUnchanged(
        ctx,
        () => editHabit(ctx, 'read', { after: 'read' }),
        'validation_failed',
        'after: a habit cannot be stacked after itself',
      );
    });

    it('refuses an unknown habit, a duplicate name and a bad schedule, writing nothing', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await addHabit(ctx, { name: 'Run' });
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'nope', { name: 'X' }), 'not_found', 'habit: no habit "nope"');
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'run', { name: 'Read' }), 'conflict', 'name: a habit named "Read" already exists');
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'run', { schedule: 'now and then' }), 'validation_failed', SCHEDULE_ERROR);
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'run', { unit: 'km' }), 'validation_failed', 'unit: a unit needs a target');
      await expectRefusedAndUnchanged(ctx, () => editHabit(ctx, 'run', { colour: 'red' }), 'validation_failed', 'colour: unknown field');
    });
  });

  describe('archive and rm', () => {
    it('archives a habit: it leaves the list and today, keeps its history, and can come back', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await addHabit(ctx, { name: 'Run' });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-22' });
      const archived = await archiveHabit(ctx, 'read');
      expect(archived.archived).toBe(true);
      expect((await listHabits(ctx)).map((h) => h.slug)).toEqual(['run']);
      const all = await listHabits(ctx, { includeArchived: true });
      expect(all.map((h) => [h.slug, h.archived, h.dueToday])).toEqual([
        ['read', true, false],
        ['run', false, true],
      ]);
      expect((await showHabit(ctx, 'read')).history.map((h) => h.date)).toEqual(['2026-11-22']);
      expect((await archiveHabit(ctx, 'read', false)).archived).toBe(false);
      expect((await listHabits(ctx)).map((h) => h.slug)).toEqual(['read', 'run']);
    });

    it('removes a habit with its check-ins; an unknown habit is refused', async () => {
      const ctx = await db.ctx();
      const read = await addHabit(ctx, { name: 'Read' });
      await checkIn(ctx, 'read', 'done', {});
      await addHabit(ctx, { name: 'Run', after: 'read' });
      expect(await removeHabit(ctx, 'read')).toEqual({ id: read.id, slug: 'read', removed: true });
      expect((await listHabits(ctx, { includeArchived: true })).map((h) => h.slug)).toEqual(['run']);
      await expectAppError(showHabit(ctx, 'read'), 'not_found', 'habit: no habit "read"');
      // The stacked habit loses its link, not its life.
      expect((await showHabit(ctx, 'run')).after).toBe(null);
      await expectRefusedAndUnchanged(ctx, () => removeHabit(ctx, 'read'), 'not_found', 'habit: no habit "read"');
      await expectRefusedAndUnchanged(ctx, () => archiveHabit(ctx, 'read'), 'not_found', 'habit: no habit "read"');
    });
  });

  describe('check-ins', () => {
    it('records done, skip and slip, replaces a day, and undoes a day', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await addHabit(ctx, { name: 'Doomscroll', kind: 'break' });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-21', note: 'a good chapter' });
      await checkIn(ctx, 'read', 'skip', { date: '2026-11-22', note: 'sick' });
      await checkIn(ctx, 'read', 'done', {});
      expect((await showHabit(ctx, 'read')).history).toEqual([
        { date: '2026-11-21', status: 'done', amount: null, note: 'a good chapter' },
        { date: '2026-11-22', status: 'skipped', amount: null, note: 'sick' },
        { date: '2026-11-23', status: 'done', amount: null, note: null },
      ]);
      // A second check-in of the same day replaces the first.
      await checkIn(ctx, 'read', 'skip', { date: '2026-11-23' });
      expect((await showHabit(ctx, 'read')).history.at(-1)).toMatchObject({ date: '2026-11-23', status: 'skipped' });
      const undone = await undoCheckIn(ctx, 'read', '2026-11-23');
      expect(undone.history.map((h) => h.date)).toEqual(['2026-11-21', '2026-11-22']);

      const slipped = await checkIn(ctx, 'doomscroll', 'slip', { note: 'bored' });
      expect(slipped.history.at(-1)).toEqual({ date: '2026-11-23', status: 'slip', amount: null, note: 'bored' });
    });

    it('moves the start of a habit back to its earliest check-in', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      const detail = await checkIn(ctx, 'read', 'done', { date: '2026-10-01' });
      expect(detail.startDate).toBe('2026-10-01');
      // Every required day since then without an entry is a miss.
      expect(detail.history.filter((h) => h.status === 'missed')).toHaveLength(52);
      // A check-in on a wrong day, undone, leaves no trace: the habit begins today again.
      const undone = await undoCheckIn(ctx, 'read', '2026-10-01');
      expect(undone.startDate).toBe('2026-11-23');
      expect(undone.history).toEqual([]);
      expect(undone.completion30).toBe(null);
      // With another check-in left, the habit begins on it.
      await checkIn(ctx, 'read', 'done', { date: '2026-11-01' });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-20' });
      expect((await undoCheckIn(ctx, 'read', '2026-11-01')).startDate).toBe('2026-11-20');
      // Undoing a later day does not move the start.
      await checkIn(ctx, 'read', 'done', { date: '2026-11-21' });
      expect((await undoCheckIn(ctx, 'read', '2026-11-21')).startDate).toBe('2026-11-20');
    });

    it('records the target of a measurable habit done without an amount, or the amount given', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read', target: 20, unit: 'pages' });
      await addHabit(ctx, { name: 'Coffee', kind: 'break', target: 2, unit: 'cups' });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-22' });
      await checkIn(ctx, 'read', 'done', { amount: 12.5 });
      expect((await showHabit(ctx, 'read')).history.map((h) => h.amount)).toEqual([20, 12.5]);
      await checkIn(ctx, 'coffee', 'slip', { amount: 3 });
      expect((await showHabit(ctx, 'coffee')).history.at(-1)).toMatchObject({ status: 'slip', amount: 3 });
    });

    it('refuses every bad check-in with the field and the problem, writing nothing', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await addHabit(ctx, { name: 'Pages', target: 20, unit: 'pages' });
      await addHabit(ctx, { name: 'Doomscroll', kind: 'break' });
      await addHabit(ctx, { name: 'Coffee', kind: 'break', target: 2 });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-20' });
      const refusals: [() => Promise<unknown>, string, string][] = [
        [() => checkIn(ctx, 'nope', 'done', {}), 'not_found', 'habit: no habit "nope"'],
        [() => checkIn(ctx, 'read', 'done', { date: '23.11.2026' }), 'validation_failed', 'date: expected a date YYYY-MM-DD'],
        [() => checkIn(ctx, 'read', 'done', { date: '2026-11-5' }), 'validation_failed', 'date: expected a date YYYY-MM-DD'],
        [() => checkIn(ctx, 'read', 'done', { date: '2026-02-30' }), 'validation_failed', 'date: expected a date YYYY-MM-DD'],
        [() => checkIn(ctx, 'read', 'done', { date: '2026-11-24' }), 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)'],
        [() => checkIn(ctx, 'pages', 'done', { amount: -1 }), 'validation_failed', 'amount: must not be negative'],
        [() => checkIn(ctx, 'coffee', 'slip', { amount: -0.5 }), 'validation_failed', 'amount: must not be negative'],
        [() => checkIn(ctx, 'read', 'done', { amount: 3 }), 'validation_failed', 'amount: "read" is a yes/no habit and takes no amount'],
        [() => checkIn(ctx, 'doomscroll', 'slip', { amount: 3 }), 'validation_failed', 'amount: "doomscroll" is a yes/no habit and takes no amount'],
        [() => checkIn(ctx, 'read', 'slip', {}), 'validation_failed', 'slip: "read" is a habit to build; only a habit to break records slips'],
        [() => checkIn(ctx, 'doomscroll', 'done', {}), 'validation_failed', 'done: "doomscroll" is a habit to break; a day without a slip is already kept'],
        [() => checkIn(ctx, 'coffee', 'slip', {}), 'validation_failed', 'amount: "coffee" is measurable: give the amount of the slip'],
        [() => checkIn(ctx, 'pages', 'skip', { amount: 3 }), 'validation_failed', 'amount: a skipped day takes no amount'],
        [() => undoCheckIn(ctx, 'read', '2026-11-21'), 'not_found', 'check-in: no check-in "read on 2026-11-21"'],
        [() => undoCheckIn(ctx, 'read', '2026-11-24'), 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)'],
        [() => undoCheckIn(ctx, 'nope', '2026-11-20'), 'not_found', 'habit: no habit "nope"'],
      ];
      for (const [call, code, message] of refusals) await expectRefusedAndUnchanged(ctx, call, code, message);
      expect((await showHabit(ctx, 'read')).history.filter((h) => h.status !== 'missed')).toEqual([
        { date: '2026-11-20', status: 'done', amount: null, note: null },
      ]);
    });
  });

  describe('list and show', () => {
    it('lists habits in the order they were added, with the contract fields', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Zebra', group: 'evening' });
      await addHabit(ctx, { name: 'Apple', kind: 'break', schedule: '3/week' });
      const list = await listHabits(ctx);
      expect(list.map((h) => h.slug)).toEqual(['zebra', 'apple']);
      for (const key of ['id', 'slug', 'name', 'kind', 'schedule', 'group', 'strength', 'streak', 'bestStreak', 'dueToday', 'neverMissTwice']) {
        expect(list[0]).toHaveProperty(key);
      }
      expect(list[0]).toMatchObject({ group: 'evening', kind: 'build', dueToday: true, today: null });
      // A habit to break is never "due": there is nothing to do.
      expect(list[1]).toMatchObject({ kind: 'break', schedule: '3/week', dueToday: false });
    });

    it('shows a habit as of an earlier day, and refuses a day after today', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      for (const d of ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']) await checkIn(ctx, 'read', 'done', { date: d });
      const then = await showHabit(ctx, 'read', '2026-11-21');
      expect(then.asOf).toBe('2026-11-21');
      expect(then.streak).toBe(3);
      expect(then.history.map((h) => h.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
      expect((await showHabit(ctx, 'read')).streak).toBe(5);
      await expectAppError(showHabit(ctx, 'read', '2026-11-24'), 'validation_failed', 'asOf: 2026-11-24 is after today (2026-11-23)');
      await expectAppError(showHabit(ctx, 'nope'), 'not_found', 'habit: no habit "nope"');
    });

    it('gives chart data: strength per day from the first entry, and the check-ins', async () => {
      const ctx = await db.ctx();
      await addHabit(ctx, { name: 'Read' });
      await checkIn(ctx, 'read', 'done', { date: '2026-11-21' });
      await checkIn(ctx, 'read', 'skip', { date: '2026-11-22' });
      const chart = await habitChart(ctx, 'read');
      expect(chart.strength.map((s) => s.date)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
      expect(chart.checkIns).toEqual([
        { date: '2026-11-21', status: 'done', amount: null },
        { date: '2026-11-22', status: 'skipped', amount: null },
      ]);
      await expectAppError(habitChart(ctx, 'nope'), 'not_found', 'habit: no habit "nope"');
    });
  });
});

describeEachDialect('the habit snapshot', (db) => {
  type Op =
    | { kind: 'check'; back: number; action: 'done' | 'skip' | 'slip'; amount: number }
    | { kind: 'undo'; back: number }
    | { kind: 'schedule'; schedule: string }
    | { kind: 'target'; target: number | null }
    | { kind: 'wait'; days: number };
  const SCHEDULES = ['daily', 'weekdays', 'mon,thu', '3/week', '2/3days', 'every 3 days'];
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('check' as const),
        back: fc.integer({ min: 0, max: 45 }),
        action: fc.constantFrom('done' as const, 'skip' as const, 'slip' as const),
        amount: fc.constantFrom(0, 1, 2.5, 5),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 0, max: 45 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('schedule' as const), schedule: fc.constantFrom(...SCHEDULES) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('target' as const), target: fc.constantFrom(null, 2, 5) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 20 }) }) },
  );

  it('list and today equal a computation from the whole history after random check-ins and edits', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'build' | 'break'>('build', 'break'),
        fc.constantFrom(...SCHEDULES),
        fc.array(opArb, { minLength: 1, maxLength: 14 }),
        async (kind, schedule, ops) => {
          let today = '2026-03-02';
          let ctx = await db.ctx(today);
          const name = `Habit ${run++}`;
          const habit = await addHabit(ctx, { name, kind, schedule });
          for (const op of ops) {
            try {
              if (op.kind === 'wait') {
                today = addDays(today, op.days);
                ctx = await db.ctx(today);
              } else if (op.kind === 'check') {
                const action = kind === 'build' ? (op.action === 'slip' ? 'done' : op.action) : op.action === 'done' ? 'slip' : op.action;
                const measurable = (await showHabit(ctx, habit.slug)).target !== null;
                await checkIn(ctx, habit.slug, action, { date: addDays(today, -op.back), ...(measurable && action !== 'skip' ? { amount: op.amount } : {}) });
              } else if (op.kind === 'undo') await undoCheckIn(ctx, habit.slug, addDays(today, -op.back));
              else if (op.kind === 'schedule') await editHabit(ctx, habit.slug, { schedule: op.schedule });
              else await editHabit(ctx, habit.slug, { target: op.target, unit: null });
            } catch (error) {
              // Undoing a day with nothing on it, for one: refused, and nothing changed.
              if (!(error instanceof Error && 'code' in error)) throw error;
            }
            const listed = (await listHabits(ctx)).find((h) => h.id === habit.id)!;
            const full = await showHabit(ctx, habit.slug);
            expect(Math.abs(listed.strength - full.strength)).toBeLessThanOrEqual(1e-9);
            expect([listed.streak, listed.bestStreak, listed.dueToday, listed.neverMissTwice]).toEqual([
              full.streak,
              full.bestStreak,
              full.dueToday,
              full.neverMissTwice,
            ]);
            const day = await todayOf(ctx);
            expect(day.due.some((h) => h.id === habit.id)).toBe(full.dueToday);
            expect(day.atRisk.includes(habit.slug)).toBe(
              full.neverMissTwice !== 'ok' && !full.history.some((h) => h.date === today && h.status !== 'missed' && h.status !== 'auto'),
            );
          }
          await removeHabit(ctx, habit.slug);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('fills a missing snapshot on first read and keeps a stale one from being used', async () => {
    const ctx = await db.ctx('2026-11-23');
    await addHabit(ctx, { name: 'Stretch' });
    for (let d = 10; d >= 1; d--) await checkIn(ctx, 'stretch', 'done', { date: addDays('2026-11-23', -d) });
    const before = (await listHabits(ctx))[0]!;
    // As a database from before snapshots: the table is empty until the first read.
    await db.store.db.deleteFrom('habit_snapshot').execute();
    expect((await listHabits(ctx))[0]).toEqual(before);
    expect(await db.store.db.selectFrom('habit_snapshot').selectAll().execute()).toHaveLength(1);
    // A snapshot that no longer matches the habit's rules is recomputed, not trusted.
    await db.store.db.updateTable('habit_snapshot').set({ rules_key: 'old' }).execute();
    const later = await db.ctx('2026-11-30');
    expect((await listHabits(later))[0]!.streak).toBe((await showHabit(later, 'stretch')).streak);
  });
});
