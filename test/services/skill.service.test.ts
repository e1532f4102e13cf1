import { describe, expect, it } from 'vitest';
import { describeEachDialect, type TestDb } from '../support/stores.js';
import type { Context } from '../../src/services/context.js';
import { builtinFramework } from '../../src/services/framework.service.js';
import {
  addEvidence,
  assessSkill,
  getTarget,
  listEvidence,
  listFacets,
  listSkills,
  setFacet,
  setTarget,
  showSkill,
  showTrack,
} from '../../src/services/skill.service.js';
import { expectAppError } from './service.helpers.js';

/** Every row of the tables this slice writes, for "nothing was written" checks. */
async function snapshot(db: TestDb) {
  const d = db.store.db;
  return {
    assessments: await d.selectFrom('skill_assessment').selectAll().orderBy('id').execute(),
    targets: await d.selectFrom('career_target').selectAll().orderBy('person_id').execute(),
    facets: await d.selectFrom('facet_status').selectAll().orderBy('facet_id').execute(),
    evidence: await d.selectFrom('evidence').selectAll().orderBy('id').execute(),
  };
}

async function expectRefused(db: TestDb, call: () => Promise<unknown>, code: string, message: string) {
  const before = await snapshot(db);
  await expectAppError(call(), code, message);
  expect(await snapshot(db)).toEqual(before);
}

const expectsOf = (track: string, level: string): Record<string, number> =>
  builtinFramework()
    .tracks.find((t) => t.id === track)!
    .levels.find((l) => l.id === level)!.expects;

describe('the built-in framework has the ids this slice codes against', () => {
  it('skills, tracks, levels, facets', () => {
    const f = builtinFramework();
    expect(f.skills.map((s) => s.id)).toEqual(expect.arrayContaining(['testing', 'communication', 'security-fundamentals', 'code-craft']));
    expect(f.tracks.find((t) => t.id === 'ic')!.levels.map((l) => l.id)).toEqual(['junior', 'mid', 'senior', 'staff', 'principal']);
    expect(f.tracks.find((t) => t.id === 'manager')!.levels.map((l) => l.id)).toEqual(['team-lead', 'engineering-manager', 'senior-manager', 'director']);
    expect(f.tracks.find((t) => t.id === 'security')!.facets.map((x) => x.id)).toEqual([
      'application-security',
      'cloud-and-infrastructure',
      'identity-and-access',
      'cryptography',
      'detection-and-response',
      'offensive-security',
      'governance-risk-compliance',
      'privacy',
      'data-and-database-security',
    ]);
  });
});

describeEachDialect('skill service', (db) => {
  let ctx: Context;
  const fresh = async (today?: string) => (ctx = await db.ctx(today));

  describe('assess, list, show', () => {
    it('lists every skill at 0 with no target before anything is recorded', async () => {
      await fresh();
      const skills = await listSkills(ctx);
      expect(skills.map((s) => s.id)).toEqual(builtinFramework().skills.map((s) => s.id));
      for (const s of skills) expect(s).toMatchObject({ level: 0, target: null, gap: null });
      expect(skills.find((s) => s.id === 'testing')).toEqual({ id: 'testing', name: 'Testing', kind: 'technical', level: 0, target: null, gap: null });
    });

    it('keeps the history append-only; the current level is the latest by date, then creation', async () => {
      await fresh();
      await assessSkill(ctx, 'testing', { level: 2, date: '2026-11-10', note: 'first' });
      await assessSkill(ctx, 'testing', { level: 1, date: '2026-11-01', evidence: 'old review' }); // back-dated: not current
      let shown = await showSkill(ctx, 'testing');
      expect(shown.level).toBe(2);
      // Two the same day, under a pinned clock: the later one wins.
      await assessSkill(ctx, 'testing', { level: 4, date: '2026-11-20' });
      shown = await assessSkill(ctx, 'testing', { level: 3, date: '2026-11-20', note: 'on reflection' });
      expect(shown.level).toBe(3);
      expect(shown.history).toEqual([
        { date: '2026-11-01', level: 1, note: null, evidence: 'old review' },
        { date: '2026-11-10', level: 2, note: 'first', evidence: null },
        { date: '2026-11-20', level: 4, note: null, evidence: null },
        { date: '2026-11-20', level: 3, note: 'on reflection', evidence: null },
      ]);
      expect(shown.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      expect(shown.levels[0]!.summary).toBe(builtinFramework().skills.find((s) => s.id === 'testing')!.levels[1].summary);
      expect((await listSkills(ctx)).find((s) => s.id === 'testing')!.level).toBe(3);
      // Another skill is untouched.
      expect((await showSkill(ctx, 'debugging')).history).toEqual([]);
    });

    it('defaults the date to today and accepts 0 and 5', async () => {
      await fresh('2026-11-23');
      expect((await assessSkill(ctx, 'empathy', { level: 0 })).history).toEqual([{ date: '2026-11-23', level: 0, note: null, evidence: null }]);
      expect((await assessSkill(ctx, 'empathy', { level: 5 })).level).toBe(5);
    });

    it('gives target and gap from the target track level', async () => {
      await fresh();
      const mid = expectsOf('ic', 'mid');
      await setTarget(ctx, { track: 'ic', level: 'mid' });
      await assessSkill(ctx, 'testing', { level: 5 });
      await assessSkill(ctx, 'communication', { level: 1 });
      const skills = await listSkills(ctx);
      const testing = skills.find((s) => s.id === 'testing')!;
      expect(testing).toMatchObject({ level: 5, target: mid.testing, gap: 0 });
      const communication = skills.find((s) => s.id === 'communication')!;
      expect(communication).toMatchObject({ level: 1, target: mid.communication, gap: Math.max(0, mid.communication! - 1) });
      for (const s of skills) expect(s.target).toBe(mid[s.id] ?? null);
    });

    it('refuses bad input and writes nothing', async () => {
      await fresh('2026-11-23');
      await assessSkill(ctx, 'testing', { level: 2 });
      await expectRefused(db, () => assessSkill(ctx, 'x', { level: 2 }), 'not_found', 'skill: unknown skill "x"');
      await expectRefused(db, () => showSkill(ctx, 'x'), 'not_found', 'skill: unknown skill "x"');
      for (const level of [6, -1, 2.5, '3', null]) {
        await expectRefused(db, () => assessSkill(ctx, 'testing', { level }), 'validation_failed', 'level: expected an integer from 0 to 5');
      }
      await expectRefused(db, () => assessSkill(ctx, 'testing', {}), 'validation_failed', 'level: expected an integer from 0 to 5');
      await expectRefused(
        db,
        () => assessSkill(ctx, 'testing', { level: 2, date: '2026-11-24' }),
        'validation_failed',
        'date: 2026-11-24 is after today (2026-11-23)',
      );
      await expectRefused(db, () => assessSkill(ctx, 'testing', { level: 2, date: '23/11/2026' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
      await expectRefused(db, () => assessSkill(ctx, 'testing', { level: 2, date: '2026-02-30' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
      await expectRefused(db, () => assessSkill(ctx, 'testing', { level: 2, mood: 'good' }), 'validation_failed', 'mood: unknown field');
      expect((await showSkill(ctx, 'testing')).history).toHaveLength(1);
    });
  });

  describe('target', () => {
    it('is null until set; setting again replaces it', async () => {
      await fresh();
      expect(await getTarget(ctx)).toBeNull();
      const first = await setTarget(ctx, { track: 'ic', level: 'senior', by: '2027-06-30' });
      expect(first).toMatchObject({ track: 'ic', level: 'senior', by: '2027-06-30', trackName: 'Individual contributor' });
      await setTarget(ctx, { track: 'manager', level: 'team-lead' });
      expect(await getTarget(ctx)).toMatchObject({ track: 'manager', level: 'team-lead', by: null });
      expect((await snapshot(db)).targets).toHaveLength(1);
    });

    it('refuses an unknown track or level, a bad date, and writes nothing', async () => {
      await fresh('2026-11-23');
      await setTarget(ctx, { track: 'ic', level: 'mid' });
      await expectRefused(db, () => setTarget(ctx, { track: 'astronaut', level: 'mid' }), 'validation_failed', 'track: unknown track "astronaut"');
      await expectRefused(
        db,
        () => setTarget(ctx, { track: 'ic', level: 'team-lead' }),
        'validation_failed',
        'level: unknown level "team-lead" of track "ic" (levels: junior, mid, senior, staff, principal)',
      );
      await expectRefused(db, () => setTarget(ctx, { track: 'ic', level: 'senior', by: 'soon' }), 'validation_failed', 'by: expected a date YYYY-MM-DD');
      await expectRefused(
        db,
        () => setTarget(ctx, { track: 'ic', level: 'senior', by: '2026-11-22' }),
        'validation_failed',
        'by: 2026-11-22 is before today (2026-11-23)',
      );
      await expectRefused(db, () => setTarget(ctx, { level: 'senior' }), 'validation_failed', 'track: required');
      expect(await getTarget(ctx)).toMatchObject({ track: 'ic', level: 'mid' });
    });
  });

  describe('track show', () => {
    it('shows any track and level against current ratings ("try on a role")', async () => {
      await fresh();
      await assessSkill(ctx, 'communication', { level: 3 });
      const view = await showTrack(ctx, 'manager', { level: 'director' });
      expect(view).toMatchObject({ track: 'manager', level: 'director', basis: 'asked' });
      const expects = expectsOf('manager', 'director');
      expect(view.skills.map((s) => s.id).sort()).toEqual(Object.keys(expects).sort());
      for (const s of view.skills) {
        const current = s.id === 'communication' ? 3 : 0;
        expect(s).toMatchObject({ expected: expects[s.id], current, gap: Math.max(0, expects[s.id]! - current) });
      }
    });

    it("defaults to the target's level on the target's track", async () => {
      await fresh();
      await setTarget(ctx, { track: 'ic', level: 'staff' });
      expect(await showTrack(ctx, 'ic')).toMatchObject({ level: 'staff', basis: 'target' });
    });

    it('elsewhere defaults to the lowest level not yet met, else the top', async () => {
      await fresh();
      await setTarget(ctx, { track: 'ic', level: 'staff' });
      expect(await showTrack(ctx, 'security')).toMatchObject({ level: 'explorer', basis: 'next' });
      // Meet everything the explorer level expects: the next level is practitioner.
      for (const [id, level] of Object.entries(expectsOf('security', 'explorer'))) await assessSkill(ctx, id, { level });
      expect(await showTrack(ctx, 'security')).toMatchObject({ level: 'practitioner', basis: 'next' });
      // Rated 5 everywhere: every level is met, the top one shows.
      for (const s of builtinFramework().skills) await assessSkill(ctx, s.id, { level: 5 });
      const top = await showTrack(ctx, 'security');
      expect(top).toMatchObject({ level: 'expert', basis: 'next' });
      expect(top.skills.every((s) => s.gap === 0)).toBe(true);
    });

    it('refuses an unknown track or level', async () => {
      await fresh();
      await expectAppError(showTrack(ctx, 'astronaut'), 'not_found', 'track: unknown track "astronaut"');
      await expectAppError(
        showTrack(ctx, 'security', { level: 'senior' }),
        'validation_failed',
        'level: unknown level "senior" of track "security" (levels: explorer, practitioner, specialist, expert)',
      );
    });
  });

  describe('evidence', () => {
    it('records evidence and lists it oldest first, by skill on demand', async () => {
      await fresh('2026-11-23');
      const a = await addEvidence(ctx, {
        text: 'Led the incident review',
        skills: 'communication, operations-and-reliability',
        date: '2026-11-20',
        link: 'https://example.com/review',
      });
      expect(a).toMatchObject({
        text: 'Led the incident review',
        skills: ['communication', 'operations-and-reliability'],
        date: '2026-11-20',
        link: 'https://example.com/review',
      });
      const b = await addEvidence(ctx, { text: 'Paired on flaky tests', skills: ['testing', 'coaching-and-teaching', 'testing'] });
      expect(b).toMatchObject({ skills: ['testing', 'coaching-and-teaching'], date: '2026-11-23', link: null });
      await addEvidence(ctx, { text: 'Wrote the on-call guide', skills: ['operations-and-reliability'], date: '2026-11-01' });
      expect((await listEvidence(ctx)).map((e) => e.text)).toEqual(['Wrote the on-call guide', 'Led the incident review', 'Paired on flaky tests']);
      expect((await listEvidence(ctx, { skill: 'operations-and-reliability' })).map((e) => e.text)).toEqual([
        'Wrote the on-call guide',
        'Led the incident review',
      ]);
      expect(await listEvidence(ctx, { skill: 'hiring' })).toEqual([]);
    });

    it('refuses unknown skills, bad dates and links, and writes nothing', async () => {
      await fresh('2026-11-23');
      await expectRefused(db, () => addEvidence(ctx, { text: 'x', skills: 'testing,juggling' }), 'validation_failed', 'skills: unknown skill "juggling"');
      await expectRefused(db, () => addEvidence(ctx, { text: 'x', skills: ' , ' }), 'validation_failed', 'skills: choose at least one skill');
      await expectRefused(db, () => addEvidence(ctx, { text: 'x' }), 'validation_failed', 'skills: expected skill ids, e.g. testing,empathy');
      await expectRefused(db, () => addEvidence(ctx, { text: ' ', skills: 'testing' }), 'validation_failed', 'text: must not be empty');
      await expectRefused(
        db,
        () => addEvidence(ctx, { text: 'x', skills: 'testing', date: '2026-11-24' }),
        'validation_failed',
        'date: 2026-11-24 is after today (2026-11-23)',
      );
      await expectRefused(db, () => addEvidence(ctx, { text: 'x', skills: 'testing', date: 'today' }), 'validation_failed', 'date: expected a date YYYY-MM-DD');
      for (const link of ['ftp://example.com/x', 'javascript:alert(1)', 'example.com', 'http://']) {
        await expectRefused(db, () => addEvidence(ctx, { text: 'x', skills: 'testing', link }), 'validation_failed', 'link: expected an http(s) URL');
      }
      await expectAppError(listEvidence(ctx, { skill: 'juggling' }), 'validation_failed', 'skill: unknown skill "juggling"');
    });
  });

  describe('facets', () => {
    it('lists the security facets, unexplored until marked', async () => {
      await fresh();
      const facets = await listFacets(ctx);
      expect(facets).toHaveLength(9);
      expect(facets[0]).toEqual({ id: 'application-security', name: 'Application security', track: 'security', status: 'unexplored' });
      expect(await setFacet(ctx, 'privacy', { status: 'exploring' })).toMatchObject({ id: 'privacy', status: 'exploring' });
      expect((await listFacets(ctx)).find((f) => f.id === 'privacy')!.status).toBe('exploring');
    });

    it('breadth first, then at most two specializing', async () => {
      await fresh();
      for (const id of ['privacy', 'cryptography']) await setFacet(ctx, id, { status: 'exploring' });
      await expectRefused(
        db,
        () => setFacet(ctx, 'privacy', { status: 'specializing' }),
        'validation_failed',
        'status: explore at least 3 facets before specializing (breadth first); explored so far: cryptography, privacy',
      );
      await expectRefused(
        db,
        () => setFacet(ctx, 'offensive-security', { status: 'specializing' }),
        'validation_failed',
        'status: explore "offensive-security" before specializing in it (breadth first)',
      );
      for (const id of ['identity-and-access', 'application-security']) await setFacet(ctx, id, { status: 'exploring' });
      await setFacet(ctx, 'privacy', { status: 'specializing' });
      await setFacet(ctx, 'cryptography', { status: 'specializing' });
      await expectRefused(
        db,
        () => setFacet(ctx, 'identity-and-access', { status: 'specializing' }),
        'validation_failed',
        'status: at most 2 facets specializing at once (a T shape); already specializing in "cryptography" and "privacy": set one back to exploring first',
      );
      await setFacet(ctx, 'cryptography', { status: 'exploring' });
      await setFacet(ctx, 'identity-and-access', { status: 'specializing' });
      expect((await listFacets(ctx)).filter((f) => f.status === 'specializing').map((f) => f.id)).toEqual(['identity-and-access', 'privacy']);
    });

    it('refuses an unknown facet or status, and writes nothing', async () => {
      await fresh();
      await expectRefused(db, () => setFacet(ctx, 'astrology', { status: 'exploring' }), 'not_found', 'facet: unknown facet "astrology"');
      await expectRefused(
        db,
        () => setFacet(ctx, 'privacy', { status: 'obsessed' }),
        'validation_failed',
        'status: expected unexplored, exploring or specializing',
      );
    });
  });

  it('reads assessment history in one query, however many skills', async () => {
    await fresh();
    for (const s of builtinFramework().skills) await assessSkill(ctx, s.id, { level: 2 });
    await setTarget(ctx, { track: 'ic', level: 'mid' });
    const queries: string[] = [];
    const { store } = db;
    const original = store.db.getExecutor().executeQuery.bind(store.db.getExecutor());
    const executor = store.db.getExecutor() as { executeQuery: typeof original };
    executor.executeQuery = ((query, ...rest) => {
      queries.push(query.sql);
      return original(query, ...rest);
    }) as typeof original;
    try {
      await listSkills(ctx);
    } finally {
      executor.executeQuery = original;
    }
    expect(queries.filter((q) => /skill_assessment/.test(q))).toHaveLength(1);
    expect(queries.length).toBeLessThanOrEqual(3); // person (framework), assessments, target
  });
});
