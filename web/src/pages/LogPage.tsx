import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { addDays } from '../../../src/core/calendar.js';
import { activityCreateSchema } from '../../../src/schemas/activity.schema.js';
import { api, skillsApi, type SkillKind, type SkillSummary } from '../api.js';
import { BalanceMeter, NeglectWarnings } from '../components/BalanceMeter.js';
import { Status, TextField, FormAlert } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { SkillCheckboxes } from '../components/SkillCheckboxes.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { MoreToggle, StackedRow, StackedTable } from '../components/StackedTable.js';
import { FeelingFields } from '../components/practice.js';

const FIELDS = ['text', 'minutes', 'skills', 'energy', 'ease', 'date'];
const FIELD_IDS: Record<string, string> = {
  text: 'log-text',
  minutes: 'log-minutes',
  skills: 'log-skill-0',
  energy: 'log-energy',
  ease: 'log-ease',
  date: 'log-date',
};
export const energyText = (energy: number | null) => (energy === null ? '–' : energy > 0 ? `+${energy}` : energy < 0 ? `−${-energy}` : '0');

function LogForm({ skills, today, onLogged }: { skills: SkillSummary[]; today: string; onLogged: (message: string) => void }) {
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [chosen, setChosen] = useState<string[]>([]);
  const [energy, setEnergy] = useState('');
  const [ease, setEase] = useState('');
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(FIELD_IDS[first]!)?.focus());
  };
  const log = useMutation({
    mutationFn: (input: Record<string, unknown>) => skillsApi.log(input),
    onSuccess: async (result) => {
      setErrors({});
      // The form starts over, as it was when the page opened.
      setText('');
      setMinutes('30');
      setChosen([]);
      setEnergy('');
      setEase('');
      setDate(today);
      onLogged(`Logged "${result.text}": ${result.minutes} min on ${result.date}.`);
      await refresh();
      requestAnimationFrame(() => document.getElementById('log-text')?.focus());
    },
    onError: (error) => {
      const found = apiFieldErrors(error, FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { text, minutes: minutes.trim() === '' ? undefined : Number(minutes), skills: chosen, date };
    if (energy !== '') input.energy = Number(energy);
    if (ease !== '') input.ease = Number(ease);
    const found = checkForm(activityCreateSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    log.mutate(input);
  };
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((s) => s !== id)));
  const group = (kind: SkillKind, label: string) => (
    <SkillCheckboxes
      idPrefix="log-skill"
      skills={skills}
      kind={kind}
      legend={label}
      chosen={chosen}
      onToggle={toggle}
      describedBy={errors.skills ? 'log-skills-error' : undefined}
    />
  );
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Log practice</h2>
      <form onSubmit={submit} noValidate>
        <FormAlert errors={errors} />
        <TextField
          id="log-text"
          label="What you practised"
          value={text}
          error={errors.text}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          required
        />
        <div className="field-row">
          <TextField
            id="log-minutes"
            label="Minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            step={1}
            value={minutes}
            error={errors.minutes}
            onChange={(e) => setMinutes(e.target.value)}
            className="narrow"
            required
          />
          <TextField
            id="log-date"
            label="Date"
            type="date"
            max={today}
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
            className="narrow"
          />
          <FeelingFields idOf={(field) => `log-${field}`} energy={energy} ease={ease} errors={errors} onEnergy={setEnergy} onEase={setEase} />
        </div>
        <fieldset className={errors.skills ? 'field-invalid' : undefined}>
          <legend>Skills practised</legend>
          <div className="skill-choices">
            {group('technical', 'Technical')}
            {group('soft', 'Soft')}
          </div>
          {errors.skills ? (
            <p className="field-error" id="log-skills-error">
              {errors.skills}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={log.isPending}>
            Log it
          </button>
        </div>
      </form>
    </section>
  );
}

export function LogPage() {
  usePageTitle('Practice log');
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const date = today.data?.date;
  const from = date ? addDays(date, -27) : undefined;
  const activities = useQuery({ queryKey: ['activities', from, date], queryFn: () => skillsApi.activities(from, date), enabled: date !== undefined });
  const balance = useQuery({ queryKey: ['balance', 4], queryFn: () => skillsApi.balance(4) });
  const [message, setMessage] = useState<string | null>(null);

  if (today.isPending || skills.isPending) return <Loading what="the practice log" />;
  if (today.isError) return <LoadError error={today.error} />;
  if (skills.isError) return <LoadError error={skills.error} />;
  const names = new Map(skills.data.map((s) => [s.id, s.name]));
  const list = [...(activities.data ?? [])].reverse();

  return (
    <div className="log-page">
      <div className="page-head">
        <h1>Practice log</h1>
      </div>
      <p className="lede">What you practised, how long, and how it felt: the evidence behind your balance and your path.</p>
      <Status message={message} />
      <LogForm skills={skills.data} today={today.data.date} onLogged={setMessage} />
      {balance.data ? <NeglectWarnings neglected={balance.data.neglected} skills={skills.data} /> : null}
      <section className="card" aria-labelledby="balance-title">
        <h2 id="balance-title">Balance</h2>
        {balance.isPending ? <Loading what="the balance" /> : balance.isError ? <LoadError error={balance.error} /> : <BalanceMeter balance={balance.data} />}
      </section>
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">
          Last 4 weeks <span className="count">{list.length}</span>
        </h2>
        {activities.isPending ? (
          <Loading what="the log" />
        ) : activities.isError ? (
          <LoadError error={activities.error} />
        ) : list.length === 0 ? (
          <p className="muted">Nothing logged yet. Log what you practised above.</p>
        ) : (
          <StackedTable label="Practice log table" className="activity-list">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Minutes
                </th>
                <th scope="col">Skills</th>
                <th scope="col" className="num">
                  Energy
                </th>
                <th scope="col" className="num">
                  Ease
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <StackedRow key={a.id} data-activity={a.id}>
                  <th scope="row">
                    {a.date}
                    <MoreToggle about={`${a.date}, ${a.text}`} />
                  </th>
                  <td className="text wide">{a.text}</td>
                  <td className="num" data-label="Minutes">
                    {a.minutes}
                  </td>
                  <td className="secondary" data-label="Skills">
                    {a.skills.map((s) => names.get(s) ?? s).join(', ')}
                  </td>
                  <td className="num secondary" data-label="Energy">
                    {energyText(a.energy)}
                  </td>
                  <td className="num secondary" data-label="Ease">
                    {a.ease ?? '–'}
                  </td>
                </StackedRow>
              ))}
            </tbody>
          </StackedTable>
        )}
      </section>
    </div>
  );
}
