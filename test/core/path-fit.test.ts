import { describe, expect, it } from 'vitest';
import { type ExperimentFact, type PathFitInput, CITED_ACTIVITIES, computePathFit, latestAssessments, trackSkills } from '../../src/core/path-fit.js';
import type { Framework } from '../../src/core/framework.js';
import { builtinFramework } from '../../src/services/framework.service.js';
import { TODAY, activity, assessment, builder, generalist, ratings, routine, securityCurious, teacher } from '../support/path-data.js';

const framework = builtinFramework();
const fit = (input: Partial<PathFitInput>) =>
  computePathFit({ framework, today: TODAY, assessments: [], activities: [], experiments: [], ...input });
const byTrack = (fits: ReturnType<typeof fit>) => Object.fromEntries(fits.map((f) => [f.track, f]));

const experiment = (track: string, outcome: ExperimentFact['outcome'], title = `Try ${track}`, until = '2026-12-01'): ExperimentFact => ({
  id: `ex-${track}-${title}`,
  title,
  track,
  until,
  outcome,
  closedOn: outcome ? '2026-11-20' : null,
});

describe('which skills belong to a track', () => {
  it('those its top level asks for notably more than every other track does', () => {
    expect(Object.fromEntries(trackSkills(framework))).toEqual({
      ic: ['code-craft', 'testing', 'system-design', 'data-and-databases'],
      manager: [
        'empathy', 'feedback', 'coaching-and-teaching', 'advocacy-and-sponsorship', 'recognition',
        'shielding-the-team', 'planning-and-delivery', 'handling-conflict', 'hiring',
      ],
      security: ['security-fundamentals'],
    });
  });

  it('a skill every track asks for alike belongs to none', () => {
    const own = [...trackSkills(framework).values()].flat();
    for (const shared of ['communication', 'influence', 'humility', 'debugging', 'operations-and-reliability']) expect(own).not.toContain(shared);
  });
});

describe('path fit', () => {
  it('with no evidence: every track neutral, confidence 0, and an experiment to try', () => {
    const fits = fit({});
    expect(fits.map((f) => [f.track, f.score, f.confidence])).toEqual([
      ['ic', 0.5, 0],
      ['manager', 0.5, 0],
      ['security', 0.5, 0],
    ]);
    for (const f of fits) {
      expect(f.evidence).toEqual([]);
      expect(f.reasons.at(-1)).toMatch(new RegExp(`^Little evidence yet \\(confidence 0%\\): try an experiment.*grow experiment add .* --track ${f.track} --until 2026-12-21`));
    }
  });

  it('persona: energized by teaching and mentoring, drained by deep solo work: manager first, ic last', () => {
    const fits = fit(teacher());
    expect(fits.map((f) => f.track)).toEqual(['manager', 'security', 'ic']);
    const { manager, ic } = byTrack(fits);
    expect(manager!.score).toBeGreaterThan(0.7);
    expect(ic!.score).toBeLessThan(0.4);
    expect(manager!.confidence).toBeGreaterThan(0.6);
    expect(manager!.reasons.some((r) => r.startsWith('Energy: work on') && r.includes('energized you: +1.8'))).toBe(true);
    expect(ic!.reasons.some((r) => r.startsWith('Energy: work on code craft, testing, system design and data and databases drained you: −2.0'))).toBe(true);
    expect(ic!.reasons).toContain('Ease: it came hard: 2.0 of 5 over 42 activities.');
  });

  it('persona: the opposite: ic first, manager last', () => {
    const fits = fit(builder());
    expect(fits.map((f) => f.track)).toEqual(['ic', 'security', 'manager']);
    const { ic, manager } = byTrack(fits);
    expect(ic!.score).toBeGreaterThan(0.75);
    expect(manager!.score).toBeLessThan(0.4);
    expect(ic!.reasons[0]).toBe(
      'Ratings: on code craft, testing, system design and data and databases, you reach 100% of what Senior engineer (senior) expects (4 of 4 skills rated).',
    );
  });

  it('persona: curious about security: security rises to first, with more confidence', () => {
    const before = byTrack(fit(generalist()));
    const after = fit({ ...securityCurious(), experiments: [experiment('security', 'positive', 'Shadow the security team')] });
    expect(after[0]!.track).toBe('security');
    const security = after[0]!;
    expect(security.score - before.security!.score).toBeGreaterThan(0.15);
    expect(security.confidence).toBeGreaterThan(before.security!.confidence + 0.3);
    expect(before.security!.confidence).toBeLessThan(0.5);
    expect(before.security!.reasons.at(-1)).toMatch(/^Little evidence yet .*--track security/);
    expect(security.reasons).toContain('Experiments: 1 closed experiment (1 positive): "Shadow the security team" positive.');
    expect(security.evidence).toContain('ex-security-Shadow the security team');
    // The other tracks are untouched by the security evidence.
    const { evidence: _a, ...icAfter } = byTrack(after).ic!;
    const { evidence: _b, ...icBefore } = before.ic!;
    expect(icAfter).toEqual(icBefore);
  });

  it('uses the latest rating of each skill, and cites only it', () => {
    const old = assessment('security-fundamentals', 5, '2026-01-01');
    const latest = assessment('security-fundamentals', 1, '2026-11-01');
    const sameDayEarlier = { ...assessment('security-fundamentals', 4, '2026-11-01'), createdAt: '2026-11-01T08:00:00.000Z' };
    const security = byTrack(fit({ assessments: [latest, old, sameDayEarlier] })).security!;
    expect(security.reasons[0]).toBe('Ratings: on security fundamentals, you reach 50% of what Security explorer (explorer) expects; largest gaps: security fundamentals 1/2 (1 of 1 skill rated).');
    expect(security.evidence).toEqual([latest.id]);
    expect(latestAssessments([old, latest, sameDayEarlier]).get('security-fundamentals')).toBe(latest);
  });

  it('weights energy and ease by minutes, and cites the most recent activities', () => {
    const long = activity('2026-11-01', ['security-fundamentals'], 2, 5, 180);
    const short = activity('2026-11-02', ['security-fundamentals'], -2, 1, 60);
    const security = byTrack(fit({ activities: [long, short] })).security!;
    expect(security.reasons).toContain('Energy: work on security fundamentals energized you: +1.0 on −2..+2 over 2 activities (4 h).');
    expect(security.reasons).toContain('Ease: it came easily: 4.0 of 5 over 2 activities.');
    expect(security.evidence).toEqual([short.id, long.id]);

    const many = routine(40, 1, ['security-fundamentals'], 1, 3);
    const cited = byTrack(fit({ activities: many })).security!.evidence;
    expect(cited).toEqual(many.slice(-CITED_ACTIVITIES).map((a) => a.id).reverse());
  });

  it('activities on skills shared by every track, or without energy and ease, move nothing', () => {
    const shared = routine(30, 1, ['communication', 'influence'], 2, 5);
    expect(fit({ activities: shared })).toEqual(fit({}));
    const unfelt = routine(10, 1, ['coaching-and-teaching'], null, null);
    const manager = byTrack(fit({ activities: unfelt })).manager!;
    expect(manager.score).toBe(0.5);
    expect(manager.reasons).toContain('Activities: 10 activities on empathy, giving and receiving feedback, coaching and teaching and 6 more, but none records energy or ease.');
  });

  it('closed experiments count by outcome; open ones are reported but do not count', () => {
    const positive = byTrack(fit({ experiments: [experiment('manager', 'positive')] })).manager!;
    const neutral = byTrack(fit({ experiments: [experiment('manager', 'neutral')] })).manager!;
    const negative = byTrack(fit({ experiments: [experiment('manager', 'negative')] })).manager!;
    expect(positive.score).toBeGreaterThan(0.5);
    expect(neutral.score).toBe(0.5);
    expect(negative.score).toBeLessThan(0.5);
    expect(positive.score - 0.5).toBeCloseTo(0.5 - negative.score, 3);

    const open = byTrack(fit({ experiments: [experiment('manager', null, 'Run planning', '2026-12-01'), experiment('manager', null, 'Lead retro', '2026-11-01')] })).manager!;
    expect(open.score).toBe(0.5);
    expect(open.confidence).toBe(0);
    expect(open.reasons).toContain('Experiment "Run planning" runs until 2026-12-01; its outcome will count once you close it.');
    expect(open.reasons).toContain('Experiment "Lead retro" ended on 2026-11-01: close it with its outcome so it counts.');
    // An experiment under way is already the suggestion.
    expect(open.reasons.some((r) => r.startsWith('Little evidence yet'))).toBe(false);
    expect(open.evidence).toEqual(['ex-manager-Run planning', 'ex-manager-Lead retro']);
  });

  it('more evidence, more confidence; the suggestion goes once confidence is no longer low', () => {
    const few = byTrack(fit({ activities: routine(3, 1, ['hiring'], 2, 4) })).manager!;
    const lots = byTrack(fit({ ...teacher(), experiments: [experiment('manager', 'positive')] })).manager!;
    expect(few.confidence).toBeLessThan(lots.confidence);
    expect(few.reasons.at(-1)).toMatch(/^Little evidence yet/);
    expect(lots.reasons.some((r) => r.startsWith('Little evidence yet'))).toBe(false);
    expect(lots.confidence).toBeLessThanOrEqual(1);
  });

  it('is deterministic: the order of the history does not matter, and every number stays in 0..1', () => {
    const data = teacher();
    const experiments = [experiment('manager', 'positive'), experiment('ic', 'negative'), experiment('security', null)];
    const forward = fit({ ...data, experiments });
    const backward = fit({ assessments: [...data.assessments].reverse(), activities: [...data.activities].reverse(), experiments });
    expect(backward).toEqual(forward);
    for (const f of forward) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(new Set(f.evidence).size).toBe(f.evidence.length);
    }
  });

  it('works for any framework: tracks from the file, ties broken by confidence then file order', () => {
    const custom: Framework = {
      ...framework,
      tracks: [
        { id: 'b', name: 'B', type: 'ladder', description: '', facets: [], levels: [{ id: 'b1', name: 'B1', expects: { hiring: 3 } }] },
        { id: 'a', name: 'A', type: 'ladder', description: '', facets: [], levels: [{ id: 'a1', name: 'A1', expects: { testing: 3 } }] },
      ],
    };
    const none = computePathFit({ framework: custom, today: TODAY, assessments: [], activities: [], experiments: [] });
    expect(none.map((f) => f.track)).toEqual(['b', 'a']);
    const rated = computePathFit({ framework: custom, today: TODAY, assessments: ratings({ testing: 3, hiring: 0 }), activities: [], experiments: [] });
    expect(rated.map((f) => f.track)).toEqual(['a', 'b']);
  });
});
