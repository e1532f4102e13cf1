import { Suspense, lazy, useEffect, useState, type FormEvent } from 'react';
import { OUTCOMES } from '../../../src/core/vocabulary.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import { experimentAddSchema, experimentCloseSchema } from '../../../src/schemas/path.schema.js';
import { api, skillsApi, type Experiment, type Facet, type FacetStatus, type Framework, type PathFit, type SkillKind, type SkillSummary } from '../api.js';
import { Alert, SelectField, Status, TextAreaField, TextField } from '../components/Field.js';
import { StrengthBar } from '../components/StrengthBar.js';
import { NO_EVIDENCE } from '../../../src/core/path-fit.js';
import { trackName, useActiveFramework } from '../components/TrackLevelSelect.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';

// The chart library is most of the bundle: load it only when the page draws the radar.
const SkillRadar = lazy(() => import('../components/SkillCharts.js').then((m) => ({ default: m.SkillRadar })));

const FACET_STATUS_LABEL: Record<FacetStatus, string> = { unexplored: 'Unexplored', exploring: 'Exploring', specializing: 'Specializing' };

/** The shape of the person's current ratings, beside the ranking it explains. */
function RatingsShape({ skills }: { skills: SkillSummary[] }) {
  const points = (kind: SkillKind) => skills.filter((s) => s.kind === kind).map((s) => ({ skill: s.name, current: s.level, target: null, tryOn: null }));
  return (
    <section className="card ratings-shape" aria-labelledby="ratings-shape-title">
      <h2 id="ratings-shape-title">The shape of your ratings</h2>
      <Suspense fallback={<Loading what="the chart" />}>
        <figure className="chart-figure">
          <figcaption>Technical skills</figcaption>
          <SkillRadar title="Technical skills" points={points('technical')} targetLabel={null} tryOnLabel={null} />
        </figure>
        <figure className="chart-figure">
          <figcaption>Soft skills</figcaption>
          <SkillRadar title="Soft skills" points={points('soft')} targetLabel={null} tryOnLabel={null} />
        </figure>
      </Suspense>
    </section>
  );
}

function FacetItem({ facet, onSaved }: { facet: Facet; onSaved: (message: string) => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (status: FacetStatus) => skillsApi.setFacet(facet.id, status),
    onSuccess: async (result) => {
      setErrors({});
      onSaved(`${result.name}: ${result.status}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['status'])),
  });
  const id = `facet-${facet.id}`;
  return (
    <li data-facet={facet.id} className="facet">
      <Alert message={errors.form} />
      <SelectField
        id={id}
        label={facet.name}
        value={save.isPending && save.variables ? save.variables : facet.status}
        error={errors.status}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value as FacetStatus)}
      >
        {(Object.keys(FACET_STATUS_LABEL) as FacetStatus[]).map((s) => (
          <option key={s} value={s}>
            {FACET_STATUS_LABEL[s]}
          </option>
        ))}
      </SelectField>
    </li>
  );
}

function Facets({ facets, onMessage }: { facets: Facet[]; onMessage: (m: string) => void }) {
  if (facets.length === 0) return <p className="muted">Your framework has no specialization facets.</p>;
  return (
    <ul className="facet-list">
      {facets.map((f) => (
        <FacetItem key={f.id} facet={f} onSaved={onMessage} />
      ))}
    </ul>
  );
}

type Suggestion = NonNullable<PathFit['suggestion']>;

function FitList({ fits, framework, onTry }: { fits: PathFit[]; framework: Framework | null | undefined; onTry: (s: Suggestion) => void }) {
  if (fits.length === 0) return <p className="muted">No tracks in your framework.</p>;
  return (
    <ol className="fit-list">
      {fits.map((f) => {
        const name = trackName(framework, f.track);
        return (
          <li key={f.track} className="card" data-track={f.track}>
            <h3>{name}</h3>
            <dl className="stats">
              <div>
                <dt>Fit</dt>
                <dd data-stat="score">
                  {f.score === null ? <span className="muted">{NO_EVIDENCE}</span> : <StrengthBar value={f.score} label={`${name} fit`} />}
                </dd>
              </div>
              <div>
                <dt>Confidence</dt>
                <dd data-stat="confidence">
                  <StrengthBar value={f.confidence} label={`${name} confidence`} />
                </dd>
              </div>
            </dl>
            {f.reasons.length ? (
              <ul className="reasons">
                {f.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No evidence yet.</p>
            )}
            {f.suggestion ? (
              <p>
                <button type="button" className="fit-try" onClick={() => onTry(f.suggestion!)}>
                  Plan this experiment: {f.suggestion.title}
                </button>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function AddExperiment({
  framework,
  today,
  draft,
  onAdded,
}: {
  framework: Framework | null | undefined;
  today: string;
  /** A suggested experiment to start from (the form is remounted with each new one). */
  draft: Suggestion | null;
  onAdded: (message: string) => void;
}) {
  const [title, setTitle] = useState(draft?.title ?? '');
  const [track, setTrack] = useState(draft?.track ?? framework?.tracks[0]?.id ?? '');
  // Today unless changed: an experiment already run is recorded with its own start.
  const [start, setStart] = useState(today);
  const [until, setUntil] = useState(draft?.until ?? '');
  // A suggestion was chosen: bring the filled-in form into view, ready for the hypothesis.
  useEffect(() => {
    if (draft) document.getElementById('experiment-hypothesis')?.focus();
  }, [draft]);
  const [hypothesis, setHypothesis] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const add = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.addExperiment(input),
    onSuccess: async (result) => {
      setErrors({});
      setTitle('');
      setStart(today);
      setUntil('');
      setHypothesis('');
      onAdded(`Experiment started: "${result.title}" from ${result.startedOn} until ${result.until}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['title', 'track', 'start', 'until', 'hypothesis'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { title, track, until, hypothesis };
    if (start !== '') input.start = start;
    const found = checkForm(experimentAddSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    add.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="add-experiment-title">
      <h2 id="add-experiment-title">Start an experiment</h2>
      <p className="muted">
        A time-boxed try of a path, such as "run sprint planning for 4 weeks". One you already ran counts too: give its own start and end.
      </p>
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form} />
        <TextField
          id="experiment-title"
          label="Title"
          value={title}
          error={errors.title}
          autoComplete="off"
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <div className="field-row">
          <SelectField id="experiment-track" label="Track" value={track} error={errors.track} onChange={(e) => setTrack(e.target.value)}>
            {(framework?.tracks ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
          <TextField id="experiment-start" label="Start" type="date" value={start} error={errors.start} onChange={(e) => setStart(e.target.value)} />
          <TextField
            id="experiment-until"
            label="Until"
            type="date"
            min={start || undefined}
            value={until}
            error={errors.until}
            onChange={(e) => setUntil(e.target.value)}
            required
          />
        </div>
        <TextAreaField
          id="experiment-hypothesis"
          label="Hypothesis"
          hint="What you expect to learn about yourself."
          value={hypothesis}
          error={errors.hypothesis}
          onChange={(e) => setHypothesis(e.target.value)}
          required
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            Start experiment
          </button>
        </div>
      </form>
    </section>
  );
}

function CloseForm({ experiment, today, onClosed }: { experiment: Experiment; today: string; onClosed: (message: string) => void }) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [on, setOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const close = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.closeExperiment(experiment.id, input),
    onSuccess: async (result) => {
      setErrors({});
      onClosed(`Experiment closed: "${result.title}", ${result.outcome ?? ''}, on ${result.closedOn ?? ''}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['outcome', 'note', 'on'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { outcome };
    if (note.trim()) input.note = note;
    if (on !== '') input.on = on;
    const found = checkForm(experimentCloseSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    close.mutate(input);
  };
  const id = `close-${experiment.id}`;
  return (
    <form className="close-form" onSubmit={submit} noValidate>
      <Alert message={errors.form} />
      <div className="field-row">
        <SelectField
          id={`${id}-outcome`}
          label={
            <>
              Outcome<span className="sr-only"> of {experiment.title}</span>
            </>
          }
          value={outcome}
          error={errors.outcome}
          onChange={(e) => setOutcome(e.target.value)}
          className="narrow"
        >
          <option value="">choose…</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-note`}
          label={
            <>
              Note (optional)<span className="sr-only"> on {experiment.title}</span>
            </>
          }
          value={note}
          error={errors.note}
          autoComplete="off"
          onChange={(e) => setNote(e.target.value)}
        />
        <TextField
          id={`${id}-on`}
          label={
            <>
              Closed on<span className="sr-only"> {experiment.title}</span>
            </>
          }
          type="date"
          min={experiment.startedOn}
          value={on}
          error={errors.on}
          onChange={(e) => setOn(e.target.value)}
          className="narrow"
        />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={close.isPending}>
          Close<span className="sr-only"> {experiment.title}</span>
        </button>
      </div>
    </form>
  );
}

function Experiments({
  experiments,
  framework,
  today,
  onMessage,
}: {
  experiments: Experiment[];
  framework: Framework | null | undefined;
  today: string;
  onMessage: (m: string) => void;
}) {
  if (experiments.length === 0) return <p className="muted">No experiments yet. With little evidence, an experiment is the best next step.</p>;
  return (
    <ul className="experiment-list">
      {experiments.map((e) => (
        <li key={e.id} data-experiment={e.id} className="experiment">
          <h3>{e.title}</h3>
          <p className="meta">
            {trackName(framework, e.track)} · {e.startedOn} to {e.until} ·{' '}
            <span className={`pill pill-${e.status === 'closed' ? 'done' : e.status === 'overdue' ? 'missed' : 'due'}`}>{e.status}</span>
            {e.outcome ? (
              <>
                {' '}
                · outcome <strong data-field="outcome">{e.outcome}</strong>
              </>
            ) : null}
          </p>
          <p>{e.hypothesis}</p>
          {e.note ? <p className="muted">{e.note}</p> : null}
          {e.status !== 'closed' ? <CloseForm experiment={e} today={today} onClosed={onMessage} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function PathsPage() {
  usePageTitle('Paths');
  const fit = useQuery({ queryKey: ['path-fit'], queryFn: skillsApi.pathFit });
  const experiments = useQuery({ queryKey: ['experiments'], queryFn: skillsApi.experiments });
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const facets = useQuery({ queryKey: ['facets'], queryFn: skillsApi.facets });
  const framework = useActiveFramework();
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ suggestion: Suggestion; n: number } | null>(null);

  if (fit.isPending || experiments.isPending || framework.isPending || today.isPending || skills.isPending || facets.isPending)
    return <Loading what="your paths" />;
  if (fit.isError) return <LoadError error={fit.error} />;
  if (experiments.isError) return <LoadError error={experiments.error} />;
  if (framework.isError) return <LoadError error={framework.error} />;
  if (today.isError) return <LoadError error={today.error} />;
  if (skills.isError) return <LoadError error={skills.error} />;
  if (facets.isError) return <LoadError error={facets.error} />;

  return (
    <div className="paths-page">
      <div className="page-head">
        <h1>Paths</h1>
      </div>
      <p className="lede">
        How each track fits you, from your own evidence: ratings, how practice felt, and experiments. No single verdict: read the reasons, and try what you are
        unsure of.
      </p>
      <Status message={message} />
      <div className="fit-layout">
        <section aria-labelledby="fit-title">
          <h2 id="fit-title">Path fit</h2>
          <FitList fits={fit.data} framework={framework.data} onTry={(suggestion) => setDraft((d) => ({ suggestion, n: (d?.n ?? 0) + 1 }))} />
        </section>
        <RatingsShape skills={skills.data} />
      </div>
      <section className="card" aria-labelledby="facets-title">
        <h2 id="facets-title">Security facets</h2>
        <p className="muted">Breadth first, then a T shape: explore at least 3 facets before specializing in one, and specialize in at most 2 at once.</p>
        <Facets facets={facets.data} onMessage={setMessage} />
      </section>
      <section className="card" aria-labelledby="experiments-title">
        <h2 id="experiments-title">
          Experiments <span className="count">{experiments.data.length}</span>
        </h2>
        <Experiments experiments={experiments.data} framework={framework.data} today={today.data.date} onMessage={setMessage} />
      </section>
      <AddExperiment
        key={`${framework.data?.id ?? 'none'}-${draft?.n ?? 0}`}
        framework={framework.data}
        today={today.data.date}
        draft={draft?.suggestion ?? null}
        onAdded={setMessage}
      />
    </div>
  );
}
