import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { addDays } from '../../../src/core/calendar.js';
import { lastWeekOf } from '../../../src/core/reflection.js';
import { reflectionCreateSchema } from '../../../src/schemas/reflection.schema.js';
import { api } from '../api.js';
import { Alert, TextField } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { ReflectionBody } from '../components/ReflectionBody.js';
import { ReflectionImport } from '../components/ReflectionImport.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { reflectionApi, type Reflection, type SuggestedPeriod } from '../reflection.api.js';

const FIELDS = ['from', 'to', 'title'];

/** The first to the last day of the month before today's. */
export function lastMonth(today: string): { from: string; to: string } {
  const firstOfThis = `${today.slice(0, 8)}01`;
  const to = addDays(firstOfThis, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** What the suggested period is, when it is not simply last week; or that there is nothing to reflect on yet. */
function PeriodNote({ suggested }: { suggested: SuggestedPeriod }) {
  if (suggested === null)
    return (
      <p className="muted" data-testid="period-note">
        Nothing recorded yet: no check-in, rating, practice, finished reading or experiment. <Link to="/">Check off a habit</Link> or{' '}
        <Link to="/log">log some practice</Link>, and a reflection has something to count.
      </p>
    );
  if (suggested.basis === 'last-week') return null;
  return (
    <p className="muted" data-testid="period-note">
      {suggested.basis === 'this-week'
        ? 'Last week holds nothing recorded: the period is this week so far.'
        : `Last week holds nothing recorded: the period is the latest week that does, ${suggested.from} – ${suggested.to}.`}
    </p>
  );
}

function ReflectionForm({ today, suggested, onCreated }: { today: string; suggested: SuggestedPeriod; onCreated: (entry: Reflection) => void }) {
  const [period, setPeriod] = useState(() => (suggested ? { from: suggested.from, to: suggested.to } : lastWeekOf(today)));
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const create = useMutation({
    mutationFn: reflectionApi.create,
    onSuccess: async (entry) => {
      setErrors({});
      setTitle('');
      onCreated(entry);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { from: period.from, to: period.to, ...(title.trim() ? { title: title.trim() } : {}) };
    const found = checkForm(reflectionCreateSchema, input);
    setErrors(found);
    if (Object.keys(found).length) {
      const first = FIELDS.find((f) => found[f]);
      if (first) document.getElementById(`reflection-${first}`)?.focus();
      return;
    }
    create.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="reflect-title">
      <h2 id="reflect-title">Reflect on a period</h2>
      <p className="muted">grow gathers the facts of the period, with numbers; the words are yours to add.</p>
      <PeriodNote suggested={suggested} />
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form ?? null} />
        <fieldset className="reflection-quick button-group" aria-label="Quick periods">
          <button type="button" onClick={() => setPeriod(lastWeekOf(today))}>
            Last week
          </button>
          <button type="button" onClick={() => setPeriod(lastMonth(today))}>
            Last month
          </button>
        </fieldset>
        <div className="field-row">
          <TextField
            id="reflection-from"
            label="From"
            type="date"
            max={today}
            value={period.from}
            error={errors.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
            className="narrow"
            required
          />
          <TextField
            id="reflection-to"
            label="To"
            type="date"
            value={period.to}
            error={errors.to}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
            className="narrow"
            required
          />
          <TextField
            id="reflection-title"
            label="Title (optional)"
            value={title}
            error={errors.title}
            placeholder={`Reflection ${period.from} – ${period.to}`}
            onChange={(e) => setTitle(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Gathering…' : 'Write the draft'}
          </button>
        </div>
      </form>
    </section>
  );
}

function CreatedReflection({ entry }: { entry: Reflection }) {
  return (
    <section className="card reflection-created" aria-labelledby="created-title">
      <h2 id="created-title">{entry.title}</h2>
      <p role="status">
        Draft saved for {entry.periodFrom} – {entry.periodTo}. <Link to={`/journal/${entry.id}/edit`}>Add your words</Link> ·{' '}
        <Link to={`/journal/${entry.id}`}>Open in the journal</Link> ·{' '}
        <a href={reflectionApi.jekyllUrl(entry.id)} download>
          Download as a Jekyll post
        </a>
      </p>
      <ReflectionBody body={entry.body} id="created-body" />
    </section>
  );
}

function PastReflections() {
  const list = useQuery({ queryKey: ['reflections'], queryFn: reflectionApi.list });
  return (
    <section className="card" aria-labelledby="past-title">
      <h2 id="past-title">Past reflections {list.data ? <span className="count">{list.data.length}</span> : null}</h2>
      {list.isPending ? (
        <Loading what="reflections" />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : list.data.length === 0 ? (
        <p className="muted">No reflections yet. Write the first one above.</p>
      ) : (
        <ul className="reflection-list">
          {list.data.map((r) => (
            <li key={r.id} data-reflection={r.id}>
              <Link to={`/journal/${r.id}`}>{r.title ?? `Reflection ${r.periodFrom} – ${r.periodTo}`}</Link>
              <span className="muted">
                {' '}
                {r.periodFrom} – {r.periodTo}
              </span>{' '}
              <a href={reflectionApi.jekyllUrl(r.id)} download aria-label={`Download ${r.title ?? 'reflection'} as a Jekyll post`}>
                Jekyll post
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReflectionsPage() {
  usePageTitle('Reflections');
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const suggested = useQuery({ queryKey: ['reflections', 'period'], queryFn: reflectionApi.period });
  const [created, setCreated] = useState<Reflection | null>(null);
  if (today.isPending || suggested.isPending) return <Loading what="reflections" />;
  if (today.isError) return <LoadError error={today.error} />;
  if (suggested.isError) return <LoadError error={suggested.error} />;
  return (
    <div className="reflections-page">
      <div className="page-head">
        <h1>Reflections</h1>
      </div>
      <p className="lede">Look back on a week or a month: what your habits, skills, practice, reading and experiments say, in numbers.</p>
      <ReflectionForm today={today.data.date} suggested={suggested.data} onCreated={setCreated} />
      {created ? <CreatedReflection entry={created} /> : null}
      <PastReflections />
      <ReflectionImport />
    </div>
  );
}
