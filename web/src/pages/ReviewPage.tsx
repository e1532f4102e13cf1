import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { RATINGS, RATING_KEYS, type RatingName, dueIn } from '../../../src/core/review.js';
import { Alert, Status } from '../components/Field.js';
import { LoadError, Loading } from '../components/common.js';
import { RATING_LABEL, ReviewCardView, ReviewKeys } from '../components/ReviewCard.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { errorText } from '../forms.js';
import { type ReviewItem, reviewApi } from '../review.api.js';

const GRADE_BY_KEY = new Map<string, RatingName>(RATINGS.flatMap((rating) => RATING_KEYS[rating].map((key) => [key, rating] as const)));

/** A key typed into a field, or a button's own Space/Enter, is never a review shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
const activates = (target: EventTarget | null, key: string) =>
  (key === ' ' || key === 'Enter') && target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);

const cards = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;

/**
 * The review keys of the page, as in `grow review`: Space or Enter shows the answer, then 1–4
 * (or a/h/g/e) grade it.
 */
function useReviewKeys(revealed: boolean, enabled: boolean, reveal: () => void, grade: (rating: RatingName) => void) {
  const latest = useRef({ revealed, enabled, reveal, grade });
  latest.current = { revealed, enabled, reveal, grade };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { revealed, enabled, reveal, grade } = latest.current;
      if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTyping(event.target) || activates(event.target, event.key)) return;
      if (!revealed) {
        if (event.key === ' ' || event.key === 'Enter') {
          event.preventDefault();
          reveal();
        }
        return;
      }
      const rating = GRADE_BY_KEY.get(event.key.toLowerCase());
      if (rating) {
        event.preventDefault();
        grade(rating);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function ReviewPage() {
  usePageTitle('Review');
  const client = useQueryClient();
  const due = useQuery({ queryKey: ['review', 'due'], queryFn: () => reviewApi.due() });
  // Cards graded in this visit: they leave the queue at once, before the list is fetched again.
  const [graded, setGraded] = useState<string[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const queue: ReviewItem[] = (due.data ?? []).filter((c) => !graded.includes(c.id));
  const current = queue[0];

  const grade = useMutation({
    mutationFn: ({ card, rating }: { card: ReviewItem; rating: RatingName }) => reviewApi.grade(card.id, rating),
    onSuccess: async (result, { rating }) => {
      setError(null);
      setGraded((ids) => [...ids, result.id]);
      setRevealed(false);
      // From the moment of the grade on the server's clock (which GROW_TODAY may pin), not the browser's.
      setMessage(`Graded ${RATING_LABEL[rating]}: next due ${dueIn(result.due, new Date(result.lastReview ?? Date.now()))}.`);
      // The dashboard's count moved. The queue is not fetched again: the graded card already left it.
      await client.invalidateQueries({ queryKey: ['today'] });
    },
    onError: (e) => {
      setMessage(null);
      setError(errorText(e));
    },
  });

  const onGrade = (rating: RatingName) => {
    if (current && revealed && !grade.isPending) grade.mutate({ card: current, rating });
  };
  useReviewKeys(revealed, Boolean(current) && !grade.isPending, () => setRevealed(true), onGrade);

  if (due.isPending) return <Loading what="the cards due" />;
  if (due.isError) return <LoadError error={due.error} />;

  return (
    <div className="review">
      <div className="page-head">
        <h1>Review</h1>
        {current ? (
          <p className="review-remaining" aria-live="polite">
            {cards(queue.length)} left
          </p>
        ) : null}
      </div>
      <Status message={message} />
      <Alert message={error} />
      {current ? (
        <ReviewCardView key={current.id} card={current} revealed={revealed} busy={grade.isPending} onReveal={() => setRevealed(true)} onGrade={onGrade} />
      ) : (
        <section className="card empty review-empty" aria-labelledby="review-empty-title">
          <h2 id="review-empty-title">{graded.length > 0 ? `Done: ${cards(graded.length)} reviewed` : 'All caught up'}</h2>
          <p>
            Nothing due. Add takeaways from your <Link to="/library">library</Link>.
          </p>
        </section>
      )}
      <ReviewKeys />
    </div>
  );
}
