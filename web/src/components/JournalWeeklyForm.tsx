import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { WEEKLY_PROMPTS, weeklyReviewSchema } from '../../../src/schemas/journal.schema.js';
import { journalApi, type SavedJournalEntry } from '../journal.api.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { Alert, TextAreaField, TextField } from './Field.js';
import { useRefresh } from './common.js';

const FIELDS = ['week', 'grew', 'drained', 'next'];

/** The weekly review: what grew, what drained you, what you will try next week, into one entry. */
export function JournalWeeklyForm({ week, onSaved }: { week: string; onSaved: (entry: SavedJournalEntry) => void }) {
  const [values, setValues] = useState<Record<string, string>>({ week, grew: '', drained: '', next: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<SavedJournalEntry | null>(null);
  const refresh = useRefresh();
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(`weekly-${first}`)?.focus());
  };
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => journalApi.weekly(input),
    onSuccess: async (entry) => {
      setErrors({});
      setValues({ week, grew: '', drained: '', next: '' });
      setSaved(entry);
      onSaved(entry);
      await refresh();
    },
    onError: (error) => {
      const found = apiFieldErrors(error, FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { ...values };
    if (values.week === '') delete input.week;
    const found = checkForm(weeklyReviewSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    save.mutate(input);
  };
  const set = (field: string) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  return (
    <section className="card journal-weekly" aria-labelledby="weekly-title">
      <h2 id="weekly-title">Weekly review</h2>
      <p className="hint">Three questions, one entry. Answer at least one.</p>
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form} />
        <TextField id="weekly-week" label="Week" type="week" value={values.week} max={week} error={errors.week} onChange={set('week')} className="narrow" />
        {WEEKLY_PROMPTS.map((p) => (
          <TextAreaField
            key={p.field}
            id={`weekly-${p.field}`}
            label={p.question}
            rows={3}
            value={values[p.field]}
            error={errors[p.field]}
            onChange={set(p.field)}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save the review
          </button>
          {saved ? (
            <Link to={`/journal/${encodeURIComponent(saved.id)}`} className="button">
              Open {saved.title}
            </Link>
          ) : null}
        </div>
      </form>
    </section>
  );
}
