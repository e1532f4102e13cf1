import { describe, expect, it } from 'vitest';
import { startAppForFile, cspOrScriptErrors } from './support/app.js';
import { PathsPage } from './page-models/paths-page.js';

interface CliFit {
  track: string;
  score: number | null;
  confidence: number;
  reasons: string[];
  suggestion: { title: string; track: string; until: string } | null;
}
interface CliExperiment {
  title: string;
  startedOn: string;
  until: string;
  closedOn: string | null;
  status: string;
  outcome: string | null;
  note: string | null;
}

const app = startAppForFile(async (home) => {
  await home.cli('skill', 'assess', 'coaching-and-teaching', '3', '--date', '2026-11-01');
  await home.cli('skill', 'assess', 'empathy', '3', '--date', '2026-11-01');
  await home.cli(
    'log',
    'Mentored a new hire',
    '--minutes',
    '60',
    '--skills',
    'coaching-and-teaching,empathy',
    '--energy=2',
    '--ease',
    '5',
    '--date',
    '2026-11-18',
  );
  await home.cli('log', 'Deep solo refactor', '--minutes', '120', '--skills', 'code-craft', '--energy=-2', '--ease', '2', '--date', '2026-11-19');
  await home.cli('experiment', 'add', 'Run sprint planning', '--track', 'manager', '--until', '2026-12-20', '--hypothesis', 'I enjoy facilitating');
  await home.cli('facet', 'set', 'application-security', 'exploring');
});

interface CliFacet {
  id: string;
  name: string;
  status: string;
}

describe('the paths page', () => {
  it('ranks the tracks with fit, confidence and reasons, as the CLI does', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    const cli = await app.home.cli<CliFit[]>('path', 'fit');
    expect(await paths.ranking()).toEqual(cli.map((f) => f.track));
    const best = cli[0]!;
    const shown = paths.fit(best.track);
    expect(await shown.locator('[data-stat="score"]').innerText()).toContain(`${Math.round(best.score! * 100)}%`);
    // A track nothing speaks for or against says so, ranks last, and is never shown as a 50% fit.
    const unknown = cli.filter((f) => f.score === null);
    expect(unknown.length).toBeGreaterThan(0);
    expect(cli.slice(-unknown.length)).toEqual(unknown);
    for (const f of unknown) expect(await paths.fit(f.track).locator('[data-stat="score"]').innerText()).toBe('not enough evidence');
    expect(await shown.locator('[data-stat="confidence"]').innerText()).toContain(`${Math.round(best.confidence * 100)}%`);
    expect(await shown.locator('.reasons li').count()).toBe(best.reasons.length);
    // Beside the ranking, the shape of the current ratings: a radar for each kind of skill.
    await expect.poll(() => paths.radars().count()).toBe(2);
    expect(await app.page.locator('.ratings-shape .radar-target, .ratings-shape .radar-tryon').count()).toBe(0);
    expect(cspOrScriptErrors(app.session.consoleErrors)).toEqual([]);
  });

  it('offers the experiment a track with little evidence suggests as a filled-in form, not as a command to type', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    const cli = await app.home.cli<CliFit[]>('path', 'fit');
    const suggested = cli.find((f) => f.suggestion !== null)!.suggestion!;
    expect(await app.page.locator('main').innerText()).not.toContain('grow experiment');
    await paths
      .fit(suggested.track)
      .getByRole('button', { name: `Plan this experiment: ${suggested.title}` })
      .click();
    expect(await app.page.getByLabel('Title', { exact: true }).inputValue()).toBe(suggested.title);
    expect(await app.page.locator('#experiment-track').inputValue()).toBe(suggested.track);
    expect(await app.page.getByLabel('Until', { exact: true }).inputValue()).toBe(suggested.until);
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('experiment-hypothesis');
    await app.page.getByLabel('Hypothesis', { exact: true }).fill('I will find out whether this work suits me');
    await app.page.getByRole('button', { name: 'Start experiment' }).click();
    await expect.poll(() => paths.status().innerText()).toBe(`Experiment started: "${suggested.title}" from 2026-11-23 until ${suggested.until}.`);
    const experiments = await app.home.cli<CliExperiment[]>('experiment', 'list');
    expect(experiments.find((e) => e.title === suggested.title)).toMatchObject({ until: suggested.until, status: 'open' });
  });

  it('starts and closes an experiment', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    await paths.experiment('Run sprint planning').waitFor();
    await paths.add({ title: 'Threat-model a service', track: 'Security', until: '2026-12-31', hypothesis: 'Security work keeps me curious' });
    await expect.poll(() => paths.status().innerText()).toBe('Experiment started: "Threat-model a service" from 2026-11-23 until 2026-12-31.');
    await paths.experiment('Threat-model a service').waitFor();

    await paths.close('Run sprint planning', 'positive', 'the team liked it');
    await expect.poll(() => paths.experiment('Run sprint planning').locator('[data-field="outcome"]').innerText()).toBe('positive');
    const cli = await app.home.cli<CliExperiment[]>('experiment', 'list');
    expect(cli.find((e) => e.title === 'Run sprint planning')).toMatchObject({
      status: 'closed',
      outcome: 'positive',
      note: 'the team liked it',
      closedOn: '2026-11-23',
    });
    expect(cli.find((e) => e.title === 'Threat-model a service')).toMatchObject({ startedOn: '2026-11-23', status: 'open' });
  });

  it('records an experiment already run: start, end and closing day in the past', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    await paths.add({
      title: 'Led the incident reviews',
      track: 'Engineering manager',
      start: '2026-09-07',
      until: '2026-10-02',
      hypothesis: 'Coordinating people suits me',
    });
    await expect.poll(() => paths.status().innerText()).toBe('Experiment started: "Led the incident reviews" from 2026-09-07 until 2026-10-02.');
    const item = paths.experiment('Led the incident reviews');
    await expect.poll(() => item.locator('.meta').innerText()).toContain('2026-09-07 to 2026-10-02');

    // Before its start: refused beside the date, nothing closed.
    await paths.close('Led the incident reviews', 'negative', undefined, '2026-09-06');
    await item.locator('.field-error').waitFor();
    expect(await item.locator('.field-error').innerText()).toBe("2026-09-06 is before the experiment's start (2026-09-07)");
    expect((await app.home.cli<CliExperiment[]>('experiment', 'list')).find((e) => e.title === 'Led the incident reviews')).toMatchObject({
      status: 'overdue',
      closedOn: null,
    });

    await paths.close('Led the incident reviews', 'negative', 'drained by the meetings', '2026-10-02');
    await expect.poll(() => item.locator('[data-field="outcome"]').innerText()).toBe('negative');
    const cli = await app.home.cli<CliExperiment[]>('experiment', 'list');
    expect(cli.find((e) => e.title === 'Led the incident reviews')).toMatchObject({
      startedOn: '2026-09-07',
      until: '2026-10-02',
      status: 'closed',
      outcome: 'negative',
      closedOn: '2026-10-02',
    });
  });

  it('asks for an outcome before closing', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    const item = paths.experiment('Threat-model a service');
    await item.getByRole('button', { name: /^Close/ }).click();
    await item.locator('.field-error').waitFor();
    expect(await item.locator('.field-error').innerText()).toBe('expected positive, neutral or negative');
  });

  it('shows each security facet with its status, as the CLI does', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    const cli = await app.home.cli<CliFacet[]>('facet', 'list');
    await expect.poll(() => app.page.locator('.facet-list > li').count()).toBe(cli.length);
    for (const f of cli) expect(await app.page.getByRole('combobox', { name: f.name, exact: true }).inputValue()).toBe(f.status);
    expect(await paths.facet('application-security').getByRole('combobox').inputValue()).toBe('exploring');
  });

  it('refuses to specialize before exploring broadly, with the reason', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    const facet = paths.facet('application-security');
    await paths.setFacet('Application security', 'Specializing');
    await facet.locator('.field-error').waitFor();
    expect(await facet.locator('.field-error').innerText()).toMatch(/^explore at least 3 facets before specializing \(breadth first\)/);
    await expect.poll(() => facet.getByRole('combobox').inputValue()).toBe('exploring');
    const cli = await app.home.cli<CliFacet[]>('facet', 'list');
    expect(cli.find((f) => f.id === 'application-security')?.status).toBe('exploring');
  });

  it('explores facets, then specializes in one', async () => {
    const paths = await new PathsPage(app.page).open(app.base);
    await paths.setFacet('Identity and access', 'Exploring');
    await expect.poll(() => paths.status().innerText()).toBe('Identity and access: exploring.');
    await paths.setFacet('Cryptography', 'Exploring');
    await expect.poll(() => paths.status().innerText()).toBe('Cryptography: exploring.');
    await paths.setFacet('Application security', 'Specializing');
    await expect.poll(() => paths.status().innerText()).toBe('Application security: specializing.');
    expect(await paths.facet('application-security').locator('.field-error').count()).toBe(0);
    const cli = await app.home.cli<CliFacet[]>('facet', 'list');
    expect(Object.fromEntries(cli.map((f) => [f.id, f.status]))).toMatchObject({
      'application-security': 'specializing',
      'identity-and-access': 'exploring',
      cryptography: 'exploring',
    });
  });
});
