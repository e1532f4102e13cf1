import type { Locator, Page } from 'playwright-core';

/** What every page of the app shares: the navigation, the theme toggle, the status and alert regions. */
export class AppPage {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The polite announcement region of the page (or the first of them). */
  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  alert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /\S/ }).first();
  }

  menuButton(): Locator {
    return this.page.getByRole('button', { name: 'Menu', exact: true });
  }

  /** On a narrow screen the sections are behind the Menu button: open it, as a person would. */
  async unfoldMenu(): Promise<void> {
    const menu = this.menuButton();
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }

  async navigate(link: 'Today' | 'Habits' | 'Scorecard' | 'Settings'): Promise<void> {
    await this.unfoldMenu();
    await this.nav.getByRole('link', { name: link, exact: true }).click();
    await this.page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: link === 'Scorecard' ? 'scorecard' : link })
      .waitFor();
  }

  header(): Locator {
    return this.page.getByRole('banner');
  }

  themeToggle(): Locator {
    return this.page.getByRole('button', { name: 'Dark mode' });
  }

  /** Whether the page is drawn dark, whatever made it so (system or toggle). */
  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme === 'dark');
  }
}
