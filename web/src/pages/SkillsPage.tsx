import { Suspense, lazy, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { assessSchema, evidenceAddSchema, targetSetSchema } from '../../../src/schemas/skill.schema.js';
import { skillsApi, type CareerTarget, type Evidence, type Framework, type SkillKind, type SkillSummary, type TrackView } from '../api.js';
import { Alert, SelectField, Status, TextAreaField, TextField, FormAlert } from '../components/Field.js';
import { TrackLevelSelect, levelName, trackName, useActiveFramework } from '../components/TrackLevelSelect.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { SkillCheckboxes } from '../components/SkillCheckboxes.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, errorText, type FieldErrors } from '../forms.js';
import { MoreToggle, StackedRow, StackedTable } from '../components/StackedTable.js';

// The chart library is most of the bundle: load it with the page that draws a chart.
const SkillRadar = lazy(() => import('../components/SkillCharts.js').then((m) => ({ default: m.SkillRadar })));

const KIND_LABEL: Record<SkillKind, string> = { technical: 'Technical', soft: 'Soft' };

function describeTarget(target: CareerTarget, framework: Framework | null | undefined): string {
  const track = target.trackName ?? trackName(framework, target.track);
  const level = target.levelName ?? levelName(framework, target.track, target.level);
  return `${level} (${track})${target.by ? ` by ${target.by}` : ''}`;
}

function TargetCard({
  target,
  framework,
  onSaved,
}: {
  target: CareerTarget | null;
  framework: Framework | null | undefined;
  onSaved: (message: string) => void;
}) {
  const firstTrack = framework?.tracks[0];
  const [track, setTrack] = useState(target?.track ?? firstTrack?.id ?? '');
  const [level, setLevel] = useState(target?.level ?? firstTrack?.levels[0]?.id ?? '');
  const [by, setBy] = useState(target?.by ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.setTarget(input),
    onSuccess: async (result) => {
      setErrors({});
      onSaved(`Target set: ${describeTarget(result, framework)}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['track', 'level', 'by'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { track, level, by: by === '' ? null : by };
    const found = checkForm(targetSetSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="target-title">
      <h2 id="target-title">Target</h2>
      <p data-testid="target-now">{target ? <>You aim at {describeTarget(target, framework)}.</> : 'No target yet: choose the track level you aim at.'}</p>
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form} />
        <TrackLevelSelect
          idPrefix="target"
          framework={framework}
          track={track}
          level={level}
          errors={{ track: errors.track, level: errors.level }}
          onChange={(t, l) => {
            setTrack(t);
            setLevel(l);
          }}
        />
        <TextField id="target-by" label="By (optional)" type="date" value={by} error={errors.by} onChange={(e) => setBy(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending || !track || !level}>
            Set target
          </button>
        </div>
      </form>
    </section>
  );
}

/** Rates a skill from its row: the level chosen is saved as today's assessment when the person says so. */
function RateInline({ skill, onRated }: { skill: SkillSummary; onRated: (message: string) => void }) {
  const [level, setLevel] = useState(String(skill.level));
  const [error, setError] = useState<string | null>(null);
  const refresh = useRefresh();
  const rate = useMutation({
    mutationFn: (input: { level: number }) => skillsApi.assess(skill.id, input),
    onSuccess: async (result, input) => {
      setError(null);
      onRated(`${result.name}: rated ${input.level}. Current level ${result.level}.`);
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });
  const id = `rate-${skill.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { level: Number(level) };
    const found = checkForm(assessSchema, input);
    if (found.level) return setError(found.level);
    rate.mutate(input);
  };
  return (
    <form className="rate-inline" onSubmit={submit} noValidate>
      <label htmlFor={id} className="sr-only">
        Rate {skill.name}
      </label>
      <select
        id={id}
        value={level}
        onChange={(e) => setLevel(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {[0, 1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
      {level !== String(skill.level) ? (
        <button type="submit" disabled={rate.isPending}>
          Save<span className="sr-only"> the rating of {skill.name}</span>
        </button>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </form>
  );
}

function SkillTable({ skills, tryOn, onRated }: { skills: SkillSummary[]; tryOn: TrackView | null; onRated: (message: string) => void }) {
  const expected = new Map(tryOn?.skills.map((s) => [s.id, s.expected]) ?? []);
  return (
    <StackedTable label="Skills table" className="skills-table">
      <thead>
        <tr>
          <th scope="col">Skill</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Level
          </th>
          <th scope="col" className="num">
            Target
          </th>
          <th scope="col" className="num">
            Gap
          </th>
          {tryOn ? (
            <th scope="col" className="num">
              {tryOn.levelName} expects
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {skills.map((s) => (
          <StackedRow key={s.id} data-skill={s.id}>
            <th scope="row">
              <Link to={`/skills/${s.id}`}>{s.name}</Link>
              <MoreToggle about={s.name} />
            </th>
            <td className="secondary" data-label="Kind">
              {KIND_LABEL[s.kind]}
            </td>
            <td className="num" data-col="level" data-label="Level">
              <RateInline key={s.level} skill={s} onRated={onRated} />
            </td>
            <td className="num" data-col="target" data-label="Target">
              {s.target ?? '–'}
            </td>
            <td className="num" data-col="gap" data-label="Gap">
              {s.gap === null ? '–' : s.gap > 0 ? <span className="gap-positive">{s.gap}</span> : '0'}
            </td>
            {tryOn ? (
              <td className="num secondary" data-col="try-on" data-label={`${tryOn.levelName} expects`}>
                {expected.get(s.id) ?? '–'}
              </td>
            ) : null}
          </StackedRow>
        ))}
      </tbody>
    </StackedTable>
  );
}

const EVIDENCE_FIELDS = ['text', 'skills', 'date', 'link'];
const EVIDENCE_FIELD_IDS: Record<string, string> = { text: 'evidence-text', skills: 'evidence-skill-0', date: 'evidence-date', link: 'evidence-link' };

function EvidenceForm({ skills, onAdded }: { skills: SkillSummary[]; onAdded: (message: string) => void }) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const focusFirst = (found: FieldErrors) => {
    const first = EVIDENCE_FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(EVIDENCE_FIELD_IDS[first]!)?.focus());
  };
  const add = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.addEvidence(input),
    onSuccess: async (result) => {
      setErrors({});
      setText('');
      setChosen([]);
      setDate('');
      setLink('');
      onAdded(`Recorded evidence for ${result.skills.join(', ')} on ${result.date}.`);
      await refresh();
    },
    onError: (error) => {
      const found = apiFieldErrors(error, EVIDENCE_FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { text, skills: chosen };
    if (date !== '') input.date = date;
    if (link.trim() !== '') input.link = link;
    const found = checkForm(evidenceAddSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    add.mutate(input);
  };
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((s) => s !== id)));
  const group = (kind: SkillKind) => (
    <SkillCheckboxes
      idPrefix="evidence-skill"
      skills={skills}
      kind={kind}
      legend={KIND_LABEL[kind]}
      chosen={chosen}
      onToggle={toggle}
      describedBy={errors.skills ? 'evidence-skills-error' : undefined}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="evidence-add-title">
      <h3 id="evidence-add-title">Record evidence</h3>
      <FormAlert errors={errors} />
      <TextAreaField
        id="evidence-text"
        label="What you did"
        hint="The work and its impact, e.g. led the incident review."
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
        required
      />
      <div className="field-row">
        <TextField
          id="evidence-date"
          label="Date (optional)"
          hint="Today when left empty."
          type="date"
          value={date}
          error={errors.date}
          onChange={(e) => setDate(e.target.value)}
          className="narrow"
        />
        <TextField
          id="evidence-link"
          label="Link (optional)"
          hint="An http(s) link to the work."
          type="url"
          value={link}
          error={errors.link}
          autoComplete="off"
          onChange={(e) => setLink(e.target.value)}
        />
      </div>
      <fieldset className={errors.skills ? 'field-invalid' : undefined}>
        <legend>Skills it shows</legend>
        <div className="skill-choices">
          {group('technical')}
          {group('soft')}
        </div>
        {errors.skills ? (
          <p className="field-error" id="evidence-skills-error">
            {errors.skills}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          Record evidence
        </button>
      </div>
    </form>
  );
}

function EvidenceTable({ items, names }: { items: Evidence[]; names: Map<string, string> }) {
  return (
    <StackedTable label="Evidence table" className="evidence-list">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Evidence</th>
          <th scope="col">Skills</th>
          <th scope="col">Link</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id} data-evidence={e.id}>
            <th scope="row">{e.date}</th>
            <td className="text wide" data-col="text">
              {e.text}
            </td>
            <td className="wide" data-col="skills" data-label="Skills">
              {e.skills.map((s) => names.get(s) ?? s).join(', ')}
            </td>
            <td className="link wide" data-col="link" data-label="Link">
              {e.link ? (
                <a href={e.link} rel="noreferrer noopener">
                  {e.link}
                </a>
              ) : (
                '–'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}

function EvidenceCard({ skills, onAdded }: { skills: SkillSummary[]; onAdded: (message: string) => void }) {
  const [skill, setSkill] = useState('');
  const evidence = useQuery({ queryKey: ['evidence', skill], queryFn: () => skillsApi.evidence(skill || undefined) });
  const names = new Map(skills.map((s) => [s.id, s.name]));
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence of impact {evidence.data ? <span className="count">{evidence.data.length}</span> : null}</h2>
      <p className="muted">Proof of what your skills did, for reviews and a brag document.</p>
      <SelectField id="evidence-filter" label="Show evidence for" value={skill} onChange={(e) => setSkill(e.target.value)} className="narrow">
        <option value="">All skills</option>
        {skills.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {evidence.isPending ? (
        <Loading what="your evidence" />
      ) : evidence.isError ? (
        <LoadError error={evidence.error} />
      ) : evidence.data.length === 0 ? (
        <p className="muted" data-testid="evidence-empty">
          {skill ? `No evidence for ${names.get(skill) ?? skill} yet.` : 'No evidence yet: record what you did below.'}
        </p>
      ) : (
        <EvidenceTable items={evidence.data} names={names} />
      )}
      <EvidenceForm skills={skills} onAdded={onAdded} />
    </section>
  );
}

export function SkillsPage() {
  usePageTitle('Skills');
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const target = useQuery({ queryKey: ['target'], queryFn: skillsApi.target });
  const framework = useActiveFramework();
  const [tryTrack, setTryTrack] = useState('');
  const [tryLevel, setTryLevel] = useState('');
  const tryOn = useQuery({
    queryKey: ['track', tryTrack, tryLevel],
    queryFn: () => skillsApi.track(tryTrack, tryLevel || undefined),
    enabled: tryTrack !== '',
  });
  const [message, setMessage] = useState<string | null>(null);

  if (skills.isPending || target.isPending || framework.isPending) return <Loading what="your skills" />;
  if (skills.isError) return <LoadError error={skills.error} />;
  if (target.isError) return <LoadError error={target.error} />;
  if (framework.isError) return <LoadError error={framework.error} />;
  const t = target.data;
  const view = tryTrack && tryOn.data ? tryOn.data : null;
  const targetLabel = t ? `Target: ${t.levelName ?? t.level}` : null;
  const tryOnLabel = view ? `Try on: ${view.levelName}` : null;
  const expected = new Map(view?.skills.map((s) => [s.id, s.expected]) ?? []);
  const radar = (kind: SkillKind) =>
    skills.data.filter((s) => s.kind === kind).map((s) => ({ skill: s.name, current: s.level, target: s.target, tryOn: expected.get(s.id) ?? null }));

  return (
    <div className="skills-page">
      <div className="page-head">
        <h1>Skills</h1>
      </div>
      <p className="lede">Rate each skill 0–5 against {framework.data?.name ?? 'your framework'}, and grow technical and soft skills side by side.</p>
      <Status message={message} />
      <TargetCard key={t?.setAt ?? 'none'} target={t} framework={framework.data} onSaved={setMessage} />

      <section className="card" aria-labelledby="tryon-title">
        <h2 id="tryon-title">Try on a role</h2>
        <p className="muted">See what another track level expects of you, drawn over your ratings.</p>
        <TrackLevelSelect
          idPrefix="tryon"
          framework={framework.data}
          track={tryTrack}
          level={tryLevel}
          noneLabel="None"
          onChange={(tr, l) => {
            setTryTrack(tr);
            setTryLevel(l);
          }}
        />
        {tryOn.isError ? <LoadError error={tryOn.error} /> : null}
        {view ? (
          <p data-testid="tryon-summary">
            {view.levelName} ({view.trackName}): {view.skills.filter((s) => s.gap > 0).length} of {view.skills.length} skills below what it expects.
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="shape-title">
        <h2 id="shape-title">The shape of your skills</h2>
        <Suspense fallback={<Loading what="the chart" />}>
          <div className="radar-grid-2">
            <figure className="chart-figure">
              <figcaption>Technical skills</figcaption>
              <SkillRadar title="Technical skills" points={radar('technical')} targetLabel={targetLabel} tryOnLabel={tryOnLabel} />
            </figure>
            <figure className="chart-figure">
              <figcaption>Soft skills</figcaption>
              <SkillRadar title="Soft skills" points={radar('soft')} targetLabel={targetLabel} tryOnLabel={tryOnLabel} />
            </figure>
          </div>
        </Suspense>
        <SkillTable skills={skills.data} tryOn={view} onRated={setMessage} />
      </section>

      <EvidenceCard skills={skills.data} onAdded={setMessage} />
    </div>
  );
}
