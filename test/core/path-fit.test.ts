import { describe, expect, it } from 'vitest';
import { type ExperimentFact, type PathFitInput, CITED_ACTIVITIES, computePathFit, fitText, latestAssessments, trackSkills } from '../../src/core/path-fit.js';
import type { Framework } from '../../src/core/framework.js';
import { builtinFramework } from '../../src/services/framework.service.js';
import { TODAY, activity, assessment, builder, generalist, ratings, routine, securityCurious, teacher } from '../support/path-data.js';

const framework = builtinFramework();
const fitFor = (input: Partial<PathFitInput>) => computePathFit({ framework, today: TODAY, assessments: [], activities: [], experiments: [], ...input });
const byTrack = (fits: ReturnType<typeof fitFor>) => Object.fromEntries(fits.map((f) => [f.track, f]));

const experiment = (track: string, outcome: ExperimentFact['outcome'], title = `Try ${track}`, until = '2026-12-01'): ExperimentFact => ({
  id: `ex-${track}-${title}`,
  title,
  track,
  until,
  outcome,
  closedOn: outcome ? '2026-11-20' : null,
});

describe("a track's own skills", () => {
  it('those its top level asks for as much as any other track does, within half a rating point', () => {
    expect(Object.fromEntries(trackSkills(framework))).toEqual({
      ic: ['code-craft', 'testing', 'debugging', 'system-design', 'data-and-databases', 'operations-and-reliability', 'communication', 'humility', 'influence'],
      manager: [
        'communication',
        'empathy',
        'feedback',
        'coaching-and-teaching',
        'advocacy-and-sponsorship',
        'recognition',
        'shielding-the-team',
        'humility',
        'influence',
        'planning-and-delivery',
        'handling-conflict',
        'hiring',
      ],
      security: ['debugging', 'operations-and-reliability', 'security-fundamentals'],
    });
  });

  it('the ic track relies on every technical skill except the one security relies on more', () => {
    const ic = trackSkills(framework).get('ic')!;
    for (const s of framework.skills.filter((x) => x.kind === 'technical' && x.id !== 'security-fundamentals')) expect(ic).toContain(s.id);
    expect(ic).not.toContain('security-fundamentals');
  });

  it('a skill several tracks rely on alike counts for each of them', () => {
    const own = trackSkills(framework);
    for (const shared of ['debugging', 'operations-and-reliability']) {
      expect(own.get('ic')).toContain(shared);
      expect(own.get('security')).toContain(shared);
    }
    for (const shared of ['communication', 'humility', 'influence']) {
      expect(own.get('ic')).toContain(shared);
      expect(own.get('manager')).toContain(shared);
    }
  });
});

describe('path fit', () => {
  it('ranks a track with any evidence, even against it, before the tracks with none at all', () => {
    const fits = fitFor({ experiments: [experiment('manager', 'negative', 'Lead the standup')] });
    expect(fits.map((f) => f.track)).toEqual(['manager', 'ic', 'security']);
    expect(fits[0]!.score!).toBeLessThan(0.5);
    expect(fits.slice(1).map((f) => f.score)).toEqual([null, null]);
  });

  it('with no evidence: no track gets a fit (not a neutral 50%), confidence 0, and an experiment to try', () => {
    const fits = fitFor({});
    expect(fits.map((f) => [f.track, f.score, f.confidence])).toEqual([
      ['ic', null, 0],
      ['manager', null, 0],
      ['security', null, 0],
    ]);
    expect(fits.map((f) => fitText(f.score))).toEqual(['not enough evidence', 'not enough evidence', 'not enough evidence']);
    for (const f of fits) {
      expect(f.evidence).toEqual([]);
      expect(f.reasons.at(-1)).toMatch(
        /^Little evidence yet \(confidence 0%\): try an experiment, e\.g\. for four weeks practise .* on real work, log each session's energy and ease, then close it with its outcome\.$/,
      );
      expect(f.reasons.join(' ')).not.toContain('grow ');
      expect(f.suggestion).toMatchObject({ track: f.track, until: '2026-12-21' });
    }
  });

  it('persona: energized by teaching and mentoring, drained by deep solo work: manager first, ic last', () => {
    const fits = fitFor(teacher());
    expect(fits.map((f) => f.track)).toEqual(['manager', 'security', 'ic']);
    const { manager, ic } = byTrack(fits);
    expect(manager!.score).toBeGreaterThan(0.65);
    expect(ic!.score).toBeLessThan(0.35);
    expect(manager!.confidence).toBeGreaterThan(0.6);
    expect(manager!.reasons.some((r) => r.startsWith('Energy: work on') && r.includes('energized you: +1.8'))).toBe(true);
    // The kudos also practise communication, which ic relies on too: 12 of the 54 activities.
    expect(ic!.reasons.some((r) => r.startsWith('Energy: work on code craft and review, system design and communication drained you: −1.8'))).toBe(true);
    expect(ic!.reasons).toContain('Ease: it came hard: 2.1 of 5 over 54 activities.');
  });

  it('persona: the opposite: ic first, manager last', () => {
    const fits = fitFor(builder());
    expect(fits.map((f) => f.track)).toEqual(['ic', 'security', 'manager']);
    const { ic, manager } = byTrack(fits);
    expect(ic!.score).toBeGreaterThan(0.7);
    expect(manager!.score).toBeLessThan(0.4);
    expect(ic!.reasons[0]).toBe(
      'Ratings: its skills you rated (code craft and review, testing, debugging and 6 more) average 2.6 against your own 1.9 over 19 rated skills: ' +
        'a relative strength (+0.6); above your average: code craft and review 3, data and databases 3, debugging 3; below it: influence 1.',
    );
    expect(manager!.reasons[0]).toMatch(/^Ratings: .* average 1\.4 against your own 1\.9 over 19 rated skills: a relative weakness \(−0\.5\)/);
  });

  it('persona: curious about security: security rises to first, with more confidence', () => {
    const before = byTrack(fitFor(generalist()));
    const after = fitFor({ ...securityCurious(), experiments: [experiment('security', 'positive', 'Shadow the security team')] });
    expect(after[0]!.track).toBe('security');
    const security = after[0]!;
    expect(security.score! - before.security!.score!).toBeGreaterThan(0.15);
    expect(security.confidence).toBeGreaterThan(before.security!.confidence + 0.3);
    expect(before.security!.confidence).toBeLessThan(0.5);
    expect(before.security!.reasons.at(-1)).toMatch(/^Little evidence yet /);
    expect(before.security!.suggestion?.track).toBe('security');
    expect(security.reasons).toContain('Experiments: 1 closed experiment (1 positive): "Shadow the security team" positive.');
    expect(security.reasons).toContain('Their effect: "Shadow the security team" went well, which raises this track.');
    expect(security.evidence).toContain('ex-security-Shadow the security team');
    // Manager shares no skill with the security work: its practice is read the same, and the higher
    // security rating makes its ratings relatively no better.
    const managerAfter = byTrack(after).manager!;
    expect(managerAfter.reasons.filter((r) => /^(Energy|Ease):/.test(r))).toEqual(before.manager!.reasons.filter((r) => /^(Energy|Ease):/.test(r)));
    expect(managerAfter.score!).toBeLessThanOrEqual(before.manager!.score!);
    // Fixing findings is debugging too, which ic relies on as much: that energy counts for ic as well.
    expect(byTrack(after).ic!.score!).toBeGreaterThan(before.ic!.score!);
  });

  it('uses the latest rating of each skill, and cites only it', () => {
    const old = assessment('security-fundamentals', 5, '2026-01-01');
    const latest = assessment('security-fundamentals', 1, '2026-11-01');
    const sameDayEarlier = { ...assessment('security-fundamentals', 4, '2026-11-01'), createdAt: '2026-11-01T08:00:00.000Z' };
    const security = byTrack(fitFor({ assessments: [latest, old, sameDayEarlier] })).security!;
    expect(security.reasons[0]).toBe('Ratings: only security fundamentals is rated, so there is nothing to compare it with.');
    expect(security.reasons[1]).toBe(
      'Next level: you reach 25% of what Security explorer (explorer) expects of debugging, operations and reliability and security fundamentals; to try on: debugging 0/1, operations and reliability 0/1, ' +
        'security fundamentals 1/2 (this orders tracks only when the evidence ties).',
    );
    expect(security.evidence).toEqual([latest.id]);
    expect(security.score).toBeNull();
    expect(latestAssessments([old, latest, sameDayEarlier]).get('security-fundamentals')).toBe(latest);
  });

  it('weights energy and ease by minutes, and cites the most recent activities', () => {
    const long = activity('2026-11-01', ['security-fundamentals'], 2, 5, 180);
    const short = activity('2026-11-02', ['security-fundamentals'], -2, 1, 60);
    const security = byTrack(fitFor({ activities: [long, short] })).security!;
    expect(security.reasons).toContain('Energy: work on security fundamentals energized you: +1.0 on −2..+2 over 2 activities (4 h).');
    expect(security.reasons).toContain('Ease: it came easily: 4.0 of 5 over 2 activities.');
    expect(security.evidence).toEqual([short.id, long.id]);

    const many = routine(40, 1, ['security-fundamentals'], 1, 3);
    const cited = byTrack(fitFor({ activities: many })).security!.evidence;
    expect(cited).toEqual(
      many
        .slice(-CITED_ACTIVITIES)
        .map((a) => a.id)
        .reverse(),
    );
  });

  it('activities on skills two tracks rely on alike count for both; without energy and ease they move nothing', () => {
    const shared = routine(30, 1, ['communication', 'influence'], 2, 5);
    const fits = byTrack(fitFor({ activities: shared }));
    expect(fits.ic!.score).toBeGreaterThan(0.5);
    expect(fits.ic!.score).toBe(fits.manager!.score);
    expect(fits.security!.score).toBeNull();
    const unfelt = routine(10, 1, ['coaching-and-teaching'], null, null);
    const manager = byTrack(fitFor({ activities: unfelt })).manager!;
    expect(manager.score).toBeNull();
    expect(manager.reasons).toContain('Activities: 10 activities on coaching and teaching, but none records energy or ease.');
  });

  it('a 2 in a skill beside 4s elsewhere is a relative weakness, even though it meets the entry level', () => {
    const data = ratings({ 'security-fundamentals': 2, 'code-craft': 4, testing: 4, 'system-design': 4, 'data-and-databases': 4, communication: 4 });
    const { security, ic } = byTrack(fitFor({ assessments: data }));
    expect(security!.score).toBeLessThan(0.5);
    expect(ic!.score).toBeGreaterThan(0.5);
    expect(security!.reasons[0]).toMatch(/a relative weakness .*below it: security fundamentals 2/);
    // Readiness: security's entry level is met on its skills that are rated, but that puts nothing first.
    expect(fitFor({ assessments: data })[0]!.track).toBe('ic');
  });

  it('a narrow track does not win on ratings alone: its few skills count for less', () => {
    // Equally far above the person's average on every track's own skills rated: security has 3, ic 9.
    const high = new Set([...trackSkills(framework).get('ic')!, ...trackSkills(framework).get('security')!]);
    const data = ratings(Object.fromEntries(framework.skills.map((s) => [s.id, high.has(s.id) ? 4 : 1])));
    const fits = fitFor({ assessments: data });
    const { security, ic } = byTrack(fits);
    expect(ic!.score!).toBeGreaterThan(security!.score!);
    expect(security!.confidence).toBeLessThan(ic!.confidence);
    expect(security!.reasons[0]).toContain('a narrow track of 3 skills, so ratings count for less');
  });

  it('readiness only breaks ties: a flat profile orders tracks by how much of the next level is met', () => {
    const flat = ratings(Object.fromEntries(framework.skills.map((s) => [s.id, 2])));
    const fits = fitFor({ assessments: flat });
    expect(fits.every((f) => f.score === 0.5)).toBe(true);
    // ic's next level (senior) asks 3s; security's next (practitioner) asks mostly 2s: security is closer.
    expect(fits[0]!.track).toBe('security');
    // The smallest real evidence outweighs it.
    const withOne = fitFor({ assessments: flat, activities: [activity('2026-11-20', ['system-design'], 1, 4)] });
    expect(withOne[0]!.track).toBe('ic');
  });

  it('older activities and experiments count less: the half-life is a year', () => {
    const now = byTrack(fitFor({ experiments: [experiment('ic', 'positive')] })).ic!;
    const old = byTrack(fitFor({ experiments: [{ ...experiment('ic', 'positive'), closedOn: '2024-11-23', until: '2024-11-23' }] })).ic!;
    expect(old.score).toBeGreaterThan(0.5);
    expect(old.score!).toBeLessThan(now.score!);
    expect(old.reasons).toContain('Their effect: "Try ic" went well, which raises this track (closed 2024-11-23, so it counts less now).');
  });

  it('closed experiments count by outcome; open ones are reported but do not count', () => {
    const positive = byTrack(fitFor({ experiments: [experiment('manager', 'positive')] })).manager!;
    const neutral = byTrack(fitFor({ experiments: [experiment('manager', 'neutral')] })).manager!;
    const negative = byTrack(fitFor({ experiments: [experiment('manager', 'negative')] })).manager!;
    expect(positive.score).toBeGreaterThan(0.5);
    expect(neutral.score).toBe(0.5);
    expect(negative.score).toBeLessThan(0.5);
    expect(positive.score! - 0.5).toBeCloseTo(0.5 - negative.score!, 3);
    expect(positive.reasons).toContain('Their effect: "Try manager" went well, which raises this track.');
    expect(negative.reasons).toContain('Their effect: "Try manager" went badly, which lowers this track.');
    expect(neutral.reasons).toContain('Their effect: "Try manager" was neutral, which leaves it where it is.');

    const open = byTrack(
      fitFor({ experiments: [experiment('manager', null, 'Run planning', '2026-12-01'), experiment('manager', null, 'Lead retro', '2026-11-01')] }),
    ).manager!;
    expect(open.score).toBeNull();
    expect(open.confidence).toBe(0);
    expect(open.reasons).toContain('Experiment "Run planning" runs until 2026-12-01; its outcome will count once you close it.');
    expect(open.reasons).toContain('Experiment "Lead retro" ended on 2026-11-01: close it with its outcome so it counts.');
    // An experiment under way is already the suggestion.
    expect(open.reasons.some((r) => r.startsWith('Little evidence yet'))).toBe(false);
    expect(open.evidence).toEqual(['ex-manager-Run planning', 'ex-manager-Lead retro']);
  });

  it('more evidence, more confidence; the suggestion goes once confidence is no longer low', () => {
    const few = byTrack(fitFor({ activities: routine(3, 1, ['hiring'], 2, 4) })).manager!;
    const lots = byTrack(fitFor({ ...teacher(), experiments: [experiment('manager', 'positive')] })).manager!;
    expect(few.confidence).toBeLessThan(lots.confidence);
    expect(few.reasons.at(-1)).toMatch(/^Little evidence yet/);
    expect(lots.reasons.some((r) => r.startsWith('Little evidence yet'))).toBe(false);
    expect(lots.confidence).toBeLessThanOrEqual(1);
  });

  it('is deterministic: the order of the history does not matter, and every number stays in 0..1', () => {
    const data = teacher();
    const experiments = [experiment('manager', 'positive'), experiment('ic', 'negative'), experiment('security', null)];
    const forward = fitFor({ ...data, experiments });
    const backward = fitFor({ assessments: [...data.assessments].reverse(), activities: [...data.activities].reverse(), experiments });
    expect(backward).toEqual(forward);
    for (const f of forward) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(new Set(f.evidence).size).toBe(f.evidence.length);
    }
  });

  it('works for any framework: tracks from the file, ties broken by readiness, confidence then file order', () => {
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
