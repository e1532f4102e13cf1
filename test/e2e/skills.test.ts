import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { SkillPage, SkillsPage } from './page-models/skills-page.js';

interface CliSkill {
  id: string;
  level: number;
  target: number | null;
  gap: number | null;
}

const app = startAppForFile(async (home) => {
  await home.cli('skill', 'assess', 'testing', '2', '--date', '2026-09-01');
  await home.cli('skill', 'assess', 'testing', '3', '--date', '2026-11-01', '--evidence', 'wrote the contract tests');
  await home.cli('skill', 'assess', 'communication', '2', '--date', '2026-11-10');
  await home.cli('target', 'set', 'ic', 'senior', '--by', '2027-06-30');
  await home.cli('evidence', 'add', 'Wrote the contract tests', '--skills', 'testing,code-craft', '--date', '2026-11-02');
  await home.cli('evidence', 'add', 'Led the incident review', '--skills', 'communication', '--date', '2026-11-12', '--link', 'https://example.com/review');
});

interface CliEvidence {
  text: string;
  skills: string[];
  date: string;
  link: string | null;
}

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

  it('draws the shape of the skills so it can be read: a legend that matches, whole labels, bars on a phone', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    await skills.tryOn('Engineering manager', 'Team lead');
    await expect.poll(() => skills.radars().count()).toBe(2);
    await expect.poll(() => app.page.locator('.radar-chart').first().locator('svg.recharts-surface .radar-tryon .recharts-polygon').count()).toBe(1);
    const series = await skills.legendAndSeries();
    expect(series.map((s) => s.name)).toEqual(['Target: Senior engineer', 'Current rating', 'Try on: Team lead']);
    for (const s of series) expect(s.legend, s.name).toBe(s.chart);
    expect(new Set(series.map((s) => s.legend)).size, 'each series looks different').toBe(3);
    expect(await skills.clippedRadarLabels()).toEqual([]);

    await app.page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => app.page.locator('.skill-bars').count()).toBe(2);
      expect(await skills.radars().count()).toBe(0);
      const bars = await skills.bars();
      const testing = bars.find((b) => b.skill === 'Testing')!;
      // A rating of 3 fills three fifths of its bar; the target and the role tried on are named beside it.
      expect(testing.filled).toBe(60);
      expect(testing.values).toMatch(/^3 target \d try on \d$/);
      expect((await skills.legendAndSeries()).map((s) => s.name)).toEqual(series.map((s) => s.name));
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 900 });
    }
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

  it('lists evidence as the CLI does, and filters it by skill', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    const cli = await app.home.cli<CliEvidence[]>('evidence', 'list');
    await expect.poll(() => skills.evidenceRows().count()).toBe(cli.length);
    const texts = await skills.evidenceRows().locator('[data-col="text"]').allInnerTexts();
    expect(texts.map((t) => t.trim())).toEqual(cli.map((e) => e.text));
    const review = skills.evidenceRows().filter({ hasText: 'Led the incident review' });
    expect(await review.getByRole('link').getAttribute('href')).toBe('https://example.com/review');

    await skills.filterEvidence('Testing');
    const testing = await app.home.cli<CliEvidence[]>('evidence', 'list', '--skill', 'testing');
    await expect.poll(() => skills.evidenceRows().count()).toBe(testing.length);
    expect((await skills.evidenceRows().first().locator('[data-col="text"]').innerText()).trim()).toBe(testing[0]!.text);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('records evidence for some skills', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    await skills.evidenceRows().first().waitFor();
    await skills.addEvidence({
      text: 'Cut the build time in half',
      skills: ['Testing', 'Communication'],
      date: '2026-11-20',
      link: 'https://example.com/build',
    });
    await expect.poll(() => skills.status().innerText()).toBe('Recorded evidence for testing, communication on 2026-11-20.');
    await expect.poll(() => skills.evidenceRows().count()).toBe(3);
    const cli = await app.home.cli<CliEvidence[]>('evidence', 'list');
    expect(cli.find((e) => e.text === 'Cut the build time in half')).toMatchObject({
      skills: ['testing', 'communication'],
      date: '2026-11-20',
      link: 'https://example.com/build',
    });
  });

  it('shows what is wrong with evidence next to each field', async () => {
    const skills = await new SkillsPage(app.page).open(app.base);
    await skills.addEvidence({ text: '', skills: [], link: 'not a link' });
    await app.page.locator('#evidence-skills-error').waitFor();
    expect(await app.page.locator('#evidence-text-error').innerText()).toBe('must not be empty');
    expect(await app.page.locator('#evidence-skills-error').innerText()).toBe('choose at least one skill');
    expect(await app.page.locator('#evidence-link-error').innerText()).toBe('expected an http(s) URL');
    expect(await app.page.getByLabel('What you did', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await app.home.cli<CliEvidence[]>('evidence', 'list')).toHaveLength(3);
  });

  it('rates a skill from its row, on a phone (390×844) as on a laptop', async () => {
    await app.page.setViewportSize({ width: 390, height: 844 });
    try {
      const skills = await new SkillsPage(app.page).open(app.base);
      expect(await skills.cell('communication', 'level')).toBe('2');
      // A card per skill: its kind is behind More.
      const kind = skills.row('communication').locator('[data-label="Kind"]');
      expect(await kind.isVisible()).toBe(false);
      await skills.row('communication').getByRole('button', { name: /^More/ }).click();
      expect(await kind.isVisible()).toBe(true);
      await skills.rate('communication', 3);
      await expect.poll(() => skills.status().innerText()).toBe('Communication: rated 3. Current level 3.');
      const cli = await app.home.cli<{ history: { level: number }[] }>('skill', 'show', 'communication');
      expect(cli.history.map((h) => h.level)).toEqual([2, 3]);
      // Saved: the Save button is gone until the choice changes again.
      expect(await skills.row('communication').getByRole('button', { name: /^Save/ }).count()).toBe(0);
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 800 });
    }
    const skills = await new SkillsPage(app.page).open(app.base);
    await skills.rate('communication', 4);
    await expect.poll(() => skills.status().innerText()).toBe('Communication: rated 4. Current level 4.');
    expect(await skills.row('communication').getByRole('button', { name: /^More/ }).isVisible()).toBe(false);
  });
});
