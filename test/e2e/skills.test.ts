import { describe, expect, it } from 'vitest';
import { useApp, cspOrScriptErrors } from './support/app.js';
import { SkillPage, SkillsPage } from './page-models/skills-page.js';

interface CliSkill {
  id: string;
  level: number;
  target: number | null;
  gap: number | null;
}

const app = useApp(async (home) => {
  await home.cli('skill', 'assess', 'testing', '2', '--date', '2026-09-01');
  await home.cli('skill', 'assess', 'testing', '3', '--date', '2026-11-01', '--evidence', 'wrote the contract tests');
  await home.cli('skill', 'assess', 'communication', '2', '--date', '2026-11-10');
  await home.cli('target', 'set', 'ic', 'senior', '--by', '2027-06-30');
});

describe('the skills page', () => {
  it('shows ratings, target and gap, radars, and tries on a role', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    await expect.poll(() => skills.radars().count()).toBe(2);
    const cli = await app.home.cli<CliSkill[]>('skill', 'list');
    const testing = cli.find((s) => s.id === 'testing')!;
    expect(await skills.cell('testing', 'level')).toBe('3');
    expect(await skills.cell('testing', 'target')).toBe(String(testing.target ?? '–'));
    expect(await skills.cell('testing', 'gap')).toBe(String(testing.gap ?? '–'));
    expect(await app.page.getByTestId('target-now').innerText()).toMatch(/by 2027-06-30/);

    await skills.tryOn('Engineering manager', 'Team lead');
    await app.page.getByTestId('tryon-summary').waitFor();
    expect(await skills.cell('empathy', 'try-on')).toMatch(/^\d$/);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('sets the target', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    await skills.setTarget('Engineering manager', 'Team lead', '2027-12-31');
    await expect.poll(() => skills.status().innerText()).toMatch(/^Target set: Team lead/);
    const target = await app.home.cli<{ track: string; level: string; by: string }>('target', 'show');
    expect(target).toMatchObject({ track: 'manager', level: 'team-lead', by: '2027-12-31' });
  });

  it('assesses a skill and shows its history over time', async () => {
    await new SkillsPage(app.page).open(app.base);
    await app.page.getByRole('link', { name: 'Testing', exact: true }).click();
    const skill = new SkillPage(app.page);
    await skill.heading().filter({ hasText: 'Testing' }).waitFor();
    await skill.chart().waitFor();
    expect(await skill.historyRows().count()).toBe(2);
    await skill.assess(4, { date: '2026-11-22', evidence: 'led the flaky-test cleanup', note: 'peer review' });
    await expect.poll(() => skill.status().innerText()).toMatch(/rated 4 on 2026-11-22/);
    await expect.poll(() => skill.stat('level').innerText()).toBe('4');
    expect(await skill.historyRows().count()).toBe(3);
    const shown = await app.home.cli<{ history: { date: string; level: number; evidence: string | null }[] }>('skill', 'show', 'testing');
    expect(shown.history.at(-1)).toMatchObject({ date: '2026-11-22', level: 4, evidence: 'led the flaky-test cleanup' });
    // The framework's level descriptions are there.
    expect(await app.page.locator('.levels-list > li').count()).toBe(5);
  });

  it('refuses a date in a bad format next to the field', async () => {
    const skill = await new SkillPage(app.page).open(app.base, 'debugging', 'Debugging');
    await app.page.getByLabel('Date', { exact: true }).fill('');
    await app.page.getByRole('button', { name: 'Save assessment' }).click();
    await app.page.locator('#assess-date-error').waitFor();
    expect(await skill.stat('level').innerText()).toBe('0');
  });
});
