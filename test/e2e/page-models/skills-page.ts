import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class SkillsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/skills`);
    await this.heading().filter({ hasText: 'Skills' }).waitFor();
    return this;
  }

  row(skill: string): Locator {
    return this.page.locator(`tr[data-skill="${skill}"]`);
  }

  /** What a column shows; the level is the inline rating's choice. */
  async cell(skill: string, column: 'level' | 'target' | 'gap' | 'try-on'): Promise<string> {
    if (column === 'level') return this.rating(skill).inputValue();
    return (await this.row(skill).locator(`[data-col="${column}"]`).innerText()).trim();
  }

  rating(skill: string): Locator {
    return this.row(skill).getByRole('combobox', { name: /^Rate / });
  }

  /** Rates a skill from its row, as a person does on the Skills page. */
  async rate(skill: string, level: number): Promise<void> {
    await this.rating(skill).selectOption(String(level));
    await this.row(skill).getByRole('button', { name: /^Save/ }).click();
  }

  /** The charts of the ratings once drawn, as radars (laptop) or bars (phone). */
  charts(): Locator {
    return this.page.locator('.radar-chart:has(.recharts-wrapper > svg.recharts-surface, .skill-bars)');
  }

  radars(): Locator {
    return this.page.locator('.radar-chart .recharts-wrapper > svg.recharts-surface');
  }

  /** Each series of the first chart as its legend draws it and as the chart draws it: colour, dash and fill. */
  async legendAndSeries(): Promise<{ name: string; legend: string; chart: string | null }[]> {
    return this.page
      .locator('.radar-chart')
      .first()
      .evaluate((chart) => {
        const look = (el: Element | null) => {
          if (!el) return null;
          const style = getComputedStyle(el);
          return `${style.stroke} ${style.strokeDasharray} ${style.fill} ${style.fillOpacity}`;
        };
        return Array.from(chart.querySelectorAll('.chart-legend li')).map((li) => ({
          name: li.textContent ?? '',
          legend: look(li.querySelector('.recharts-polygon')) ?? '',
          chart: look(chart.querySelector(`svg.recharts-surface .${li.className} .recharts-polygon`)),
        }));
      });
  }

  /** The skill names around the radars that reach outside their chart. */
  async clippedRadarLabels(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.radar-chart svg.recharts-surface')).flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('text.radar-tick'))
          .filter((text) => {
            const r = text.getBoundingClientRect();
            return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
          })
          .map((text) => text.textContent ?? '');
      }),
    );
  }

  /** The ratings drawn as bars (on a phone): per skill, its name, the filled share of the bar and the values shown. */
  async bars(): Promise<{ skill: string; filled: number; values: string }[]> {
    return this.page.locator('.skill-bars li').evaluateAll((items) =>
      items.map((li) => {
        const track = li.querySelector('.skill-bar-track')!.getBoundingClientRect();
        const fill = li.querySelector('.skill-bar-fill')!.getBoundingClientRect();
        return {
          skill: li.querySelector('.skill-bar-name')!.textContent ?? '',
          filled: Math.round((fill.width / track.width) * 100),
          values: (li.querySelector('.skill-bar-values') as HTMLElement).innerText.replace(/\s+/g, ' '),
        };
      }),
    );
  }

  async setTarget(track: string, level: string, by?: string): Promise<void> {
    await this.page.locator('#target-track').selectOption({ label: track });
    await this.page.locator('#target-level').selectOption({ label: level });
    if (by !== undefined) await this.page.locator('#target-by').fill(by);
    await this.page.getByRole('button', { name: 'Set target' }).click();
  }

  evidenceRows(): Locator {
    return this.page.getByRole('region', { name: 'Evidence table' }).locator('tbody tr');
  }

  async filterEvidence(skill: string): Promise<void> {
    await this.page.getByLabel('Show evidence for').selectOption({ label: skill });
  }

  async addEvidence(fields: { text: string; skills: string[]; date?: string; link?: string }): Promise<void> {
    await this.page.getByLabel('What you did', { exact: true }).fill(fields.text);
    const group = this.page.getByRole('group', { name: 'Skills it shows' });
    for (const skill of fields.skills) await group.getByLabel(skill, { exact: true }).check();
    if (fields.date !== undefined) await this.page.getByLabel('Date (optional)', { exact: true }).fill(fields.date);
    if (fields.link !== undefined) await this.page.getByLabel('Link (optional)', { exact: true }).fill(fields.link);
    await this.page.getByRole('button', { name: 'Record evidence' }).click();
  }

  async tryOn(track: string, level: string): Promise<void> {
    await this.page.locator('#tryon-track').selectOption({ label: track });
    await this.page.locator('#tryon-level').selectOption({ label: level });
  }
}

export class SkillPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string, id: string, name: string): Promise<this> {
    await this.page.goto(`${base}/skills/${id}`);
    await this.heading().filter({ hasText: name }).waitFor();
    return this;
  }

  stat(name: 'level' | 'target' | 'gap'): Locator {
    return this.page.locator(`[data-stat="${name}"]`);
  }

  async assess(level: number, fields: { date?: string; evidence?: string; note?: string } = {}): Promise<void> {
    await this.page.getByLabel('Level', { exact: true }).selectOption(String(level));
    if (fields.date !== undefined) await this.page.getByLabel('Date', { exact: true }).fill(fields.date);
    if (fields.evidence !== undefined) await this.page.getByLabel(/^Evidence/).fill(fields.evidence);
    if (fields.note !== undefined) await this.page.getByLabel(/^Note/).fill(fields.note);
    await this.page.getByRole('button', { name: 'Save assessment' }).click();
  }

  historyRows(): Locator {
    return this.page.getByRole('region', { name: 'Assessment history' }).locator('tbody tr');
  }

  chart(): Locator {
    return this.page.locator('.chart-small .recharts-wrapper > svg.recharts-surface');
  }
}
