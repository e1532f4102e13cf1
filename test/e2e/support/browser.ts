import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import chromiumConfig from './chromium.json' with { type: 'json' };

export const CHROMIUM = process.env.GROW_CHROMIUM ?? chromiumConfig.path;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumConfig.args });
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and CSP refusals: a test ends with none. */
  consoleErrors: string[];
}

/** A fresh browser context signed in through the one-time link `grow serve` printed. */
export async function signIn(
  browser: Browser,
  loginUrl: string,
  options: { colorScheme?: 'light' | 'dark'; acceptDownloads?: boolean } = {},
): Promise<SignedIn> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: options.acceptDownloads ?? true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(loginUrl);
  await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
  return { context, page, consoleErrors };
}

/** The axe-core violations of the page as it is now, summarized for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n')}`,
  );
}

/** The two screens every page is checked on: a laptop and a phone. */
export const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Elements of `main` that reach past the right edge of the screen, in a scroll box or not: a
 * person would have to scroll sideways to read them. Described by tag, class and text for the failure.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= edge) continue;
      // What a box clips (visually hidden text, a cropped image) cannot be scrolled to; what a scroll box holds can.
      let visibleRight = rect.right;
      for (let up = el.parentElement; up && visibleRight > edge; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if (overflow === 'hidden' || overflow === 'clip') visibleRight = Math.min(visibleRight, up.getBoundingClientRect().right);
      }
      if (visibleRight <= edge) continue;
      // Only the outermost offender: its children are past the edge because it is.
      if (el.parentElement?.closest('[data-overflowing]')) continue;
      el.setAttribute('data-overflowing', '');
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      found.push(`${name} "${(el.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(rect.right)} px`);
    }
    for (const el of Array.from(document.querySelectorAll('[data-overflowing]'))) el.removeAttribute('data-overflowing');
    return found;
  });
}
