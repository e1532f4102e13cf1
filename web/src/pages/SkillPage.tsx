import { Suspense, lazy, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { assessSchema } from '../../../src/schemas/skill.schema.js';
import { api, skillsApi, type SkillDetail } from '../api.js';
import { Alert, SelectField, Status, TextAreaField, TextField } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { StackedTable } from '../components/StackedTable.js';

const AssessmentChart = lazy(() => import('../components/SkillCharts.js').then((m) => ({ default: m.AssessmentChart })));

const FIELDS = ['level', 'date', 'evidence', 'note'];

function AssessForm({ skill, today, onDone }: { skill: SkillDetail; today: string; onDone: (message: string) => void }) {
  const [level, setLevel] = useState(String(skill.level));
  const [date, setDate] = useState(today);
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const assess = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.assess(skill.id, input),
    onSuccess: async (result, input) => {
      setErrors({});
      setEvidence('');
      setNote('');
      onDone(`${result.name}: rated ${String(input.level)} on ${String(input.date)}. Current level ${result.level}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { level: Number(level), date };
    if (evidence.trim()) input.evidence = evidence;
    if (note.trim()) input.note = note;
    const found = checkForm(assessSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    assess.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="assess-title">
      <h2 id="assess-title">Assess</h2>
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form} />
        <div className="field-row">
          <SelectField id="assess-level" label="Level" value={level} error={errors.level} onChange={(e) => setLevel(e.target.value)} className="narrow">
            {[0, 1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
                {n === 0 ? ' – not yet' : skill.levels.find((l) => l.level === n) ? ` – ${skill.levels.find((l) => l.level === n)!.summary.slice(0, 60)}` : ''}
              </option>
            ))}
          </SelectField>
          <TextField
            id="assess-date"
            label="Date"
            type="date"
            max={today}
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
            required
          />
        </div>
        <TextAreaField
          id="assess-evidence"
          label="Evidence (optional)"
          hint="What shows this level: a review, a design, a talk."
          value={evidence}
          error={errors.evidence}
          onChange={(e) => setEvidence(e.target.value)}
        />
        <TextField id="assess-note" label="Note (optional)" value={note} error={errors.note} autoComplete="off" onChange={(e) => setNote(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={assess.isPending}>
            Save assessment
          </button>
        </div>
      </form>
    </section>
  );
}

export function SkillPage() {
  const { id = '' } = useParams();
  const skill = useQuery({ queryKey: ['skill', id], queryFn: () => skillsApi.skill(id) });
  const settings = useQuery({ queryKey: ['today'], queryFn: api.today });
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(skill.data?.name ?? 'Skill');

  if (skill.isPending) return <Loading what="the skill" />;
  if (skill.isError) return <LoadError error={skill.error} />;
  const s = skill.data;
  const today = settings.data?.date ?? new Date().toISOString().slice(0, 10);
  const history = [...s.history].reverse();

  return (
    <div className="skill-page">
      <p className="crumbs">
        <Link to="/skills">Skills</Link> / {s.id}
      </p>
      <div className="page-head">
        <h1>{s.name}</h1>
        <span className="badge">{s.kind}</span>
      </div>
      <p className="lede">{s.description}</p>
      <dl className="stats">
        <div>
          <dt>Level</dt>
          <dd data-stat="level">{s.level}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd data-stat="target">{s.target ?? '–'}</dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd data-stat="gap">{s.gap ?? '–'}</dd>
        </div>
      </dl>
      <Status message={message} />
      <div className="habit-grid">
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">Ratings over time</h2>
          <Suspense fallback={<Loading what="the chart" />}>
            <AssessmentChart history={s.history} />
          </Suspense>
          {history.length ? (
            <StackedTable label="Assessment history" className="compact history">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Level
                  </th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered or edited in place, whose items have no identity but their place
                  <tr key={`${h.date}-${i}`}>
                    <th scope="row">{h.date}</th>
                    <td className="num" data-label="Level">
                      {h.level}
                    </td>
                    <td className="wide" data-label={h.evidence ? 'Evidence' : undefined}>
                      {h.evidence}
                    </td>
                    <td className="wide">{h.note}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          ) : null}
        </section>
        <AssessForm key={s.history.length} skill={s} today={today} onDone={setMessage} />
      </div>
      <section className="card" aria-labelledby="levels-title">
        <h2 id="levels-title">Levels</h2>
        <ol className="levels-list">
          {s.levels.map((l) => (
            <li key={l.level} className={l.level === s.level ? 'is-current' : undefined} aria-current={l.level === s.level ? 'true' : undefined}>
              <strong>
                {l.level}. {l.summary}
              </strong>
              {l.level === s.level ? <span className="sr-only"> (your level)</span> : null}
              {l.level === s.target ? <span className="badge">target</span> : null}
              {l.behaviours.length ? (
                <ul>
                  {l.behaviours.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
