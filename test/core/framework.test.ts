import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLevel, findSkill, findTrack, type Track } from '../../src/core/framework.js';
import { parseFramework } from '../../src/formats/framework.format.js';
import { builtinFramework } from '../../src/services/framework.service.js';

const TECHNICAL = ['code-craft', 'testing', 'debugging', 'system-design', 'data-and-databases', 'operations-and-reliability', 'security-fundamentals'];
const SOFT = [
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
];
const FACETS = [
  'application-security',
  'cloud-and-infrastructure',
  'identity-and-access',
  'cryptography',
  'detection-and-response',
  'offensive-security',
  'governance-risk-compliance',
  'privacy',
  'data-and-database-security',
];

const framework = builtinFramework();
const track = (id: string): Track => findTrack(framework, id)!;
const expected = (trackId: string, level: string, skill: string): number => findLevel(track(trackId), level)!.expects[skill] ?? 0;

describe('the built-in framework', () => {
  it('passes the same validation as an imported file', () => {
    const text = readFileSync(new URL('../../frameworks/grow.yaml', import.meta.url), 'utf8');
    expect(parseFramework(text)).toEqual(framework);
    expect(framework).toMatchObject({ id: 'grow', name: 'grow engineering framework', version: '1' });
  });

  it('keeps the ids others rely on: skills, tracks, levels and facets', () => {
    expect(framework.skills.filter((s) => s.kind === 'technical').map((s) => s.id)).toEqual(TECHNICAL);
    expect(framework.skills.filter((s) => s.kind === 'soft').map((s) => s.id)).toEqual(SOFT);
    expect(framework.tracks.map((t) => [t.id, t.type, t.levels.map((l) => l.id)])).toEqual([
      ['ic', 'ladder', ['junior', 'mid', 'senior', 'staff', 'principal']],
      ['manager', 'ladder', ['team-lead', 'engineering-manager', 'senior-manager', 'director']],
      ['security', 'specialization', ['explorer', 'practitioner', 'specialist', 'expert']],
    ]);
    expect(track('security').facets.map((f) => f.id)).toEqual(FACETS);
    expect(track('ic').facets).toEqual([]);
    expect(track('manager').facets).toEqual([]);
  });

  it('describes every skill and each of its levels 1..5 with two or three example behaviours, all distinct', () => {
    const summaries = new Set<string>();
    for (const skill of framework.skills) {
      expect(skill.description.length, skill.id).toBeGreaterThan(60);
      expect(skill.description).not.toBe(skill.name);
      for (const n of [1, 2, 3, 4, 5] as const) {
        const level = skill.levels[n];
        expect(level.summary.length, `${skill.id} ${n}`).toBeGreaterThan(20);
        expect(level.behaviours.length, `${skill.id} ${n}`).toBeGreaterThanOrEqual(2);
        expect(level.behaviours.length, `${skill.id} ${n}`).toBeLessThanOrEqual(3);
        summaries.add(level.summary);
      }
    }
    expect(summaries.size).toBe(framework.skills.length * 5);
  });

  it('never expects less at a higher level of a track', () => {
    for (const t of framework.tracks) {
      for (const skill of framework.skills) {
        const ladder = t.levels.map((l) => l.expects[skill.id] ?? 0);
        for (let i = 1; i < ladder.length; i++) expect(ladder[i], `${t.id} ${skill.id} ${ladder.join(',')}`).toBeGreaterThanOrEqual(ladder[i - 1]!);
      }
    }
  });

  it('expects every skill on the ic and manager ladders, and every level expects something new', () => {
    for (const id of ['ic', 'manager']) {
      for (const level of track(id).levels) expect(Object.keys(level.expects).sort()).toEqual([...TECHNICAL, ...SOFT].sort());
    }
    for (const t of framework.tracks) {
      for (let i = 1; i < t.levels.length; i++) {
        const [lower, higher] = [t.levels[i - 1]!, t.levels[i]!];
        expect(
          Object.keys(higher.expects).some((s) => higher.expects[s]! > (lower.expects[s] ?? 0)),
          `${t.id} ${higher.id}`,
        ).toBe(true);
      }
    }
  });

  it('judges an ic on every core technical skill, code review included, each rising to at least 4', () => {
    expect(findSkill(framework, 'code-craft')!.name).toBe('Code craft and review');
    const principal = findLevel(track('ic'), 'principal')!;
    for (const skill of TECHNICAL.filter((s) => s !== 'security-fundamentals')) expect(principal.expects[skill], skill).toBeGreaterThanOrEqual(4);
  });

  it('raises system design and code craft along the ic ladder to the top', () => {
    for (const skill of ['system-design', 'code-craft']) {
      expect(track('ic').levels.map((l) => l.expects[skill])).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('asks managers for more people skills and less technical depth than staff and principal engineers', () => {
    for (const skill of ['coaching-and-teaching', 'advocacy-and-sponsorship', 'recognition', 'shielding-the-team', 'hiring']) {
      expect(expected('manager', 'engineering-manager', skill), skill).toBeGreaterThan(expected('ic', 'senior', skill));
      expect(expected('manager', 'director', skill), skill).toBeGreaterThan(expected('ic', 'staff', skill));
      expect(expected('manager', 'team-lead', skill), skill).toBeGreaterThanOrEqual(expected('ic', 'senior', skill));
    }
    for (const skill of TECHNICAL.filter((s) => s !== 'security-fundamentals')) {
      expect(expected('manager', 'director', skill), skill).toBeLessThan(expected('ic', 'principal', skill));
      expect(expected('manager', 'director', skill), skill).toBeLessThanOrEqual(expected('ic', 'staff', skill));
    }
  });

  it('builds security on security fundamentals, above what the ladders ask, backed by technical skills', () => {
    const sec = track('security');
    expect(sec.levels.map((l) => l.expects['security-fundamentals'])).toEqual([2, 3, 4, 5]);
    expect(expected('security', 'specialist', 'security-fundamentals')).toBeGreaterThan(expected('ic', 'staff', 'security-fundamentals'));
    for (const level of sec.levels) {
      const technical = Object.keys(level.expects).filter((s) => findSkill(framework, s)!.kind === 'technical');
      expect(technical.length, level.id).toBeGreaterThanOrEqual(5);
    }
    for (const facet of sec.facets) {
      expect(facet.skills[0], facet.id).toBe('security-fundamentals');
      expect(facet.description).not.toBe(facet.name);
    }
  });
});
