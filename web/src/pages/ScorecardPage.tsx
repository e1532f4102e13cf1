import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { scorecardAddSchema } from '../../../src/schemas/habit.schema.js';
import { api, type ScorecardItem } from '../api.js';
import { Alert, Status, TextField } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkField, checkForm, errorText, withFieldError, type FieldErrors } from '../forms.js';

const RATINGS = [
  { value: '+', label: 'good', description: 'a good habit: keep it' },
  { value: '-', label: 'bad', description: 'a bad habit: break it' },
  { value: '=', label: 'neutral', description: 'neutral' },
] as const;
const ratingName = (r: ScorecardItem['rating']) => RATINGS.find((x) => x.value === r)!.label;

function AddLine({ onAdded }: { onAdded: (item: ScorecardItem) => void }) {
  const [text, setText] = useState('');
  const [rating, setRating] = useState<string>('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const add = useMutation({
    mutationFn: (input: Record<string, unknown>) => api.addScorecardItem(input),
    onSuccess: async (item) => {
      setText('');
      setTime('');
      setRating('');
      setErrors({});
      onAdded(item);
      await refresh();
      document.getElementById('scorecard-text')?.focus();
    },
    onError: (e) => setErrors(apiFieldErrors(e, ['text', 'rating', 'time'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { text, time };
    if (rating) input.rating = rating;
    const found = checkForm(scorecardAddSchema, input);
    setErrors(found);
    if (Object.keys(found).length) {
      const first = ['text', 'rating', 'time'].find((f) => found[f]);
      document.getElementById(first === 'rating' ? 'rating-plus' : `scorecard-${first}`)?.focus();
      return;
    }
    add.mutate(input);
  };
  return (
    <form className="card scorecard-form" onSubmit={submit} noValidate aria-labelledby="add-line-title">
      <h2 id="add-line-title">Add a line</h2>
      <Alert message={errors.form} />
      <div className="field-row">
        <TextField
          id="scorecard-time"
          label="Time (optional)"
          hint="e.g. 07:30"
          value={time}
          error={errors.time}
          onChange={(e) => {
            setTime(e.target.value);
            if (errors.time) setErrors((x) => withFieldError(x, 'time', checkField(scorecardAddSchema.shape.time, e.target.value)));
          }}
          autoComplete="off"
          className="narrow"
        />
        <TextField
          id="scorecard-text"
          label="What you do"
          hint="e.g. Check my phone"
          value={text}
          error={errors.text}
          onChange={(e) => {
            setText(e.target.value);
            if (errors.text) setErrors((x) => withFieldError(x, 'text', checkField(scorecardAddSchema.shape.text, e.target.value)));
          }}
          autoComplete="off"
          required
        />
      </div>
      <fieldset className="radio-group" aria-describedby={errors.rating ? 'rating-error' : undefined}>
        <legend>Rating</legend>
        {RATINGS.map((r) => (
          <label key={r.value} className="radio">
            <input
              type="radio"
              name="rating"
              id={r.value === '+' ? 'rating-plus' : r.value === '-' ? 'rating-minus' : 'rating-equal'}
              value={r.value}
              checked={rating === r.value}
              onChange={() => {
                setRating(r.value);
                setErrors(({ rating: _, ...rest }) => rest);
              }}
            />{' '}
            <span className={`rating rating-${r.label}`} aria-hidden="true">
              {r.value === '-' ? '−' : r.value}
            </span>{' '}
            {r.description}
          </label>
        ))}
        {errors.rating ? (
          <p className="field-error" id="rating-error">
            {errors.rating}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          Add line
        </button>
      </div>
    </form>
  );
}

export function ScorecardPage() {
  usePageTitle('Scorecard');
  const items = useQuery({ queryKey: ['scorecard'], queryFn: api.scorecard });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: (item: ScorecardItem) => api.removeScorecardItem(item.id),
    onSuccess: async (_r, item) => {
      setError(null);
      setMessage(`Removed "${item.text}".`);
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });
  const toHabit = useMutation({
    mutationFn: (item: ScorecardItem) => api.scorecardToHabit(item.id),
    onSuccess: async (habit) => {
      setError(null);
      setMessage(`Added the habit ${habit.name}, to ${habit.kind}.`);
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });

  return (
    <>
      <h1>Habit scorecard</h1>
      <p className="lede">
        List what you do in a day, in order, and rate each: <strong>+</strong> good, <strong>−</strong> bad, <strong>=</strong> neutral. Noticing comes before
        changing. Any line can become a habit to build or to break.
      </p>
      <Status message={message} />
      <Alert message={error} />
      <AddLine onAdded={(item) => setMessage(`Added "${item.text}" (${item.rating}).`)} />
      <section className="card" aria-labelledby="lines-title">
        <h2 id="lines-title">Your day</h2>
        {items.isPending ? (
          <Loading what="the scorecard" />
        ) : items.isError ? (
          <LoadError error={items.error} />
        ) : items.data.length === 0 ? (
          <p className="muted">Empty. Start with what you do right after waking up.</p>
        ) : (
          <ol className="scorecard-lines">
            {items.data.map((item) => (
              <li key={item.id} data-id={item.id}>
                <span className="time">{item.time ?? ''}</span>
                <span className={`rating rating-${ratingName(item.rating)}`} title={ratingName(item.rating)}>
                  <span aria-hidden="true">{item.rating === '-' ? '−' : item.rating}</span>
                  <span className="sr-only">{ratingName(item.rating)}</span>
                </span>
                <span className="text">{item.text}</span>
                <span className="line-actions">
                  {item.habit ? (
                    <Link to={`/habits/${item.habit}`}>
                      Habit<span className="sr-only">: {item.text}</span>
                    </Link>
                  ) : (
                    <button type="button" className="small" onClick={() => toHabit.mutate(item)} disabled={toHabit.isPending}>
                      Turn into a habit to {item.rating === '-' ? 'break' : 'build'}
                      <span className="sr-only">: {item.text}</span>
                    </button>
                  )}
                  <button type="button" className="small ghost" onClick={() => remove.mutate(item)} disabled={remove.isPending}>
                    Remove<span className="sr-only">: {item.text}</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
