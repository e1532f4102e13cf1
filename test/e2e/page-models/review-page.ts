import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app-page.js';

export class ReviewPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async open(base: string): Promise<this> {
    await this.page.goto(`${base}/review`);
    await this.heading().filter({ hasText: 'Review' }).waitFor();
    return this;
  }

  /** The card on show. */
  card(): Locator {
    return this.page.locator('article.review-card');
  }

  front(): Locator {
    return this.card().getByRole('heading', { level: 2 });
  }

  /** The answer, once revealed. */
  answer(): Locator {
    return this.card().locator('.review-back');
  }

  showAnswer(): Locator {
    return this.page.getByRole('button', { name: 'Show answer' });
  }

  grade(label: 'Again' | 'Hard' | 'Good' | 'Easy'): Locator {
    return this.page.getByRole('group', { name: 'How well did you recall it?' }).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  remaining(): Locator {
    return this.page.locator('.review-remaining');
  }

  empty(): Locator {
    return this.page.locator('.review-empty');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
}
