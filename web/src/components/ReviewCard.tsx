import { useEffect, useRef } from 'react';
import { RATINGS, RATING_KEYS, type RatingName } from '../../../src/core/review.js';
import type { ReviewItem } from '../review.api.js';

export const RATING_LABEL: Record<RatingName, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

const RATING_HINT: Record<RatingName, string> = {
  again: 'forgot it: see it again in a minute',
  hard: 'recalled with effort',
  good: 'recalled',
  easy: 'knew it at once',
};

/**
 * One card: its prompt, then (revealed) its answer and the four grades. When a card appears the
 * focus goes to "Show answer"; once revealed, to the answer itself, so a second Space or Enter
 * grades nothing by accident — grading is always a deliberate key or click.
 */
export function ReviewCardView({
  card,
  revealed,
  busy,
  onReveal,
  onGrade,
}: {
  card: ReviewItem;
  revealed: boolean;
  busy: boolean;
  onReveal: () => void;
  onGrade: (rating: RatingName) => void;
}) {
  const showButton = useRef<HTMLButtonElement>(null);
  const answer = useRef<HTMLElement>(null);

  // Each card is a new element (keyed by id). After a grade the button that had the focus is
  // gone: the focus goes to "Show answer". Coming from another page the focus is on the page's
  // start (Layout), and stays there.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) showButton.current?.focus();
  }, []);

  useEffect(() => {
    if (revealed) answer.current?.focus();
  }, [revealed]);

  return (
    <article className="card review-card" aria-labelledby="review-front" data-card-id={card.id}>
      {card.source ? <p className="review-source muted">{card.source}</p> : null}
      <h2 id="review-front" className="review-front">
        {card.front}
      </h2>
      {revealed ? (
        <>
          <section className="review-back" ref={answer} tabIndex={-1} aria-label="Answer">
            {card.back}
          </section>
          <fieldset className="review-grades button-group" aria-label="How well did you recall it?">
            {RATINGS.map((rating) => (
              <button
                key={rating}
                type="button"
                className={rating === 'good' ? 'primary' : undefined}
                disabled={busy}
                aria-keyshortcuts={RATING_KEYS[rating].join(' ')}
                title={RATING_HINT[rating]}
                onClick={() => onGrade(rating)}
              >
                {RATING_LABEL[rating]}
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a kbd takes no focus; the key is announced through aria-keyshortcuts, not the name */}
                <kbd aria-hidden="true">{RATING_KEYS[rating][0]}</kbd>
              </button>
            ))}
          </fieldset>
        </>
      ) : (
        <p>
          <button type="button" className="primary" ref={showButton} onClick={onReveal} aria-keyshortcuts="Space Enter">
            Show answer
          </button>{' '}
          <span className="muted">
            or press <kbd>Space</kbd>
          </span>
        </p>
      )}
    </article>
  );
}

export function ReviewKeys() {
  return (
    <section className="card shortcuts" aria-labelledby="review-keys-title">
      <h2 id="review-keys-title">Keyboard shortcuts</h2>
      <p className="muted">
        The same keys as <code>grow review</code> in a terminal.
      </p>
      <dl>
        <div>
          <dt>
            <kbd>Space</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>show the answer</dd>
        </div>
        {RATINGS.map((rating) => (
          <div key={rating}>
            <dt>
              <kbd>{RATING_KEYS[rating][0]}</kbd> <kbd>{RATING_KEYS[rating][1]}</kbd>
            </dt>
            <dd>
              {RATING_LABEL[rating]}: {RATING_HINT[rating]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
