import { Suspense, lazy, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { checkInSchema } from '../../../src/schemas/habit.schema.js';
import { api, type CheckInAction, type CheckInBody, type HabitDetail, type HabitSummary, type HistoryDay } from '../api.js';
import { Alert, Status, TextField } from '../components/Field.js';
import { Heatmap, statusLabel } from '../components/Heatmap.js';
import { LAWS } from '../components/HabitForm.js';
import { StrengthBar, percent } from '../components/StrengthBar.js';
import { LoadError, Loading, NeverMissTwiceBadge, days, formatAmount, useRefresh } from '../components/common.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkField, errorText, type FieldErrors } from '../forms.js';
import { StackedTable } from '../components/StackedTable.js';
import { anchorText } from '../../../src/core/schedule.js';

// The chart library is most of the bundle: load it with the first habit page, not with Today.
const StrengthChart = lazy(() => import('../components/StrengthChart.js').then((m) => ({ default: m.StrengthChart })));

/** A day in the history that has a check-in of its own, which can be undone. */
const hasEntry = (day: HistoryDay, kind: HabitDetail['kind']) =>
  day.status === 'skipped' || day.status === 'slip' || (day.status === 'done' && kind === 'build');

const withPreposition = (text: string, fallback: string, known: RegExp) => (known.test(text) ? text : `${fallback} ${text}`);
const WHEN_WORDS = /^(at|after|before|when|while|in|on|every|each|during|once|as soon as|first thing)\b/i;
const WHERE_WORDS = /^(in|at|on|by|under|near|inside|outside|next to|beside|from|into|around|at home|home)\b/i;

function AtomicCard({ habit, habits }: { habit: HabitDetail; habits: HabitSummary[] }) {
  const laws = LAWS[habit.kind];
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | null | undefined) => {
    if (value) rows.push([label, value]);
  };
  const behaviour = habit.name.charAt(0).toLowerCase() + habit.name.slice(1);
  add('Identity', habit.identity);
  if (habit.when || habit.where) {
    add(
      'Implementation intention',
      <>
        I will {habit.kind === 'break' ? 'not ' : ''}
        {behaviour}
        {habit.when ? ` ${withPreposition(habit.when, 'at', WHEN_WORDS)}` : ''}
        {habit.where ? ` ${withPreposition(habit.where, 'in', WHERE_WORDS)}` : ''}.
      </>,
    );
  }
  const stackedOn = habit.after ? habits.find((h) => h.slug === habit.after) : undefined;
  add(
    'Stack after',
    habit.after ? (
      <>
        After {stackedOn ? <Link to={`/habits/${stackedOn.slug}`}>{stackedOn.name.toLowerCase()}</Link> : habit.after}, I will {behaviour}.
      </>
    ) : null,
  );
  add('Two-minute version', habit.twoMinute);
  add('Temptation bundle', habit.bundle);
  add(`1. ${laws.lawObvious}`, habit.lawObvious);
  add(`2. ${laws.lawAttractive}`, habit.lawAttractive);
  add(`3. ${laws.lawEasy}`, habit.lawEasy);
  add(`4. ${laws.lawSatisfying}`, habit.lawSatisfying);
  add('Group', habit.group);
  add('Skills', habit.skills.length ? habit.skills.join(', ') : null);
  return (
    <section className="card atomic" aria-labelledby="atomic-title">
      <h2 id="atomic-title">Atomic Habits card</h2>
      {rows.length ? (
        <dl className="atomic-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">
          Nothing yet. <Link to={`/habits/${habit.slug}/edit`}>Add an identity, a time and place, and the four laws</Link>.
        </p>
      )}
    </section>
  );
}

function Stats({ habit }: { habit: HabitDetail }) {
  return (
    <dl className="stats">
      <div>
        <dt>Strength</dt>
        <dd data-stat="strength">
          <StrengthBar value={habit.strength} />
        </dd>
      </div>
      <div>
        <dt>Streak</dt>
        <dd data-stat="streak">{days(habit.streak)}</dd>
      </div>
      <div>
        <dt>Best streak</dt>
        <dd data-stat="best">{days(habit.bestStreak)}</dd>
      </div>
      <div>
        <dt>Last 30 days</dt>
        <dd>{percent(habit.completion30)}</dd>
      </div>
      <div>
        <dt>Last year</dt>
        <dd>{percent(habit.completion365)}</dd>
      </div>
    </dl>
  );
}

function CheckInForm({ habit, today, onDone }: { habit: HabitDetail; today: string; onDone: (message: string) => void }) {
  const [date, setDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const measurable = habit.target !== null;
  const mutation = useMutation({
    mutationFn: ({ action, body }: { action: CheckInAction; body: CheckInBody }) => api.checkIn(habit.slug, action, body),
    onSuccess: async (result, { action, body }) => {
      setErrors({});
      setNote('');
      setAmount('');
      const verb = action === 'done' ? 'done' : action === 'skip' ? 'skipped' : 'slip recorded';
      onDone(`${body.date ?? today}: ${verb}. Streak ${days(result.streak)}, strength ${percent(result.strength)}.`);
      await refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['date', 'amount', 'note'])),
  });

  const submit = (action: CheckInAction) => (event?: FormEvent) => {
    event?.preventDefault();
    const amountValue = amount.trim() === '' ? undefined : Number(amount);
    const found: FieldErrors = {};
    const problems = {
      date: checkField(checkInSchema.shape.date, date),
      amount: amountValue === undefined ? null : checkField(checkInSchema.shape.amount, amountValue),
      note: checkField(checkInSchema.shape.note, note),
    };
    for (const [k, v] of Object.entries(problems)) if (v) found[k] = v;
    if (!found.date && date > today) found.date = `${date} is after today (${today})`;
    if (!found.amount && action === 'slip' && measurable && amountValue === undefined) found.amount = 'give the amount of the slip';
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: CheckInBody = { date };
    if (amountValue !== undefined && action !== 'skip') body.amount = amountValue;
    if (note.trim()) body.note = note;
    mutation.mutate({ action, body });
  };
  const primary: CheckInAction = habit.kind === 'build' ? 'done' : 'slip';

  return (
    <section className="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">Check in a day</h2>
      <form className="checkin-form" onSubmit={submit(primary)} noValidate>
        <Alert message={errors.form} />
        <div className="field-row">
          <TextField
            id="checkin-date"
            label="Date"
            type="date"
            max={today}
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
            required
          />
          {measurable ? (
            <TextField
              id="checkin-amount"
              label={`Amount${habit.unit ? ` (${habit.unit})` : ''}`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={amount}
              error={errors.amount}
              hint={habit.kind === 'build' ? `Empty: the target, ${formatAmount(habit.target, habit.unit)}` : 'How much, for a slip'}
              onChange={(e) => setAmount(e.target.value)}
            />
          ) : null}
        </div>
        <TextField id="checkin-note" label="Note (optional)" value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
        <div className="form-actions">
          {habit.kind === 'build' ? (
            <button type="submit" className="primary" disabled={mutation.isPending}>
              Mark done
            </button>
          ) : (
            <button type="submit" className="danger" disabled={mutation.isPending}>
              Record slip
            </button>
          )}
          <button type="button" onClick={() => submit('skip')()} disabled={mutation.isPending}>
            Skip day
          </button>
        </div>
      </form>
    </section>
  );
}

function History({ habit, onUndo, busy }: { habit: HabitDetail; onUndo: (date: string) => void; busy: boolean }) {
  const [all, setAll] = useState(false);
  const daysShown = habit.history.filter((d) => d.status !== 'auto').reverse();
  const shown = all ? daysShown : daysShown.slice(0, 30);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {daysShown.length === 0 ? (
        <p className="muted">No days yet.</p>
      ) : (
        <>
          <StackedTable label="History table" className="history">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
                {habit.target !== null ? <th scope="col">Amount</th> : null}
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((day) => (
                <tr key={day.date} data-date={day.date}>
                  <th scope="row">{day.date}</th>
                  <td data-label="Status">
                    <span className={`pill pill-${day.status}`}>{statusLabel(day.status, habit.kind)}</span>
                  </td>
                  {habit.target !== null ? <td data-label="Amount">{formatAmount(day.amount, habit.unit)}</td> : null}
                  <td className="wide">{day.note}</td>
                  <td>
                    {hasEntry(day, habit.kind) ? (
                      <button type="button" className="small" disabled={busy} onClick={() => onUndo(day.date)}>
                        Undo<span className="sr-only"> {day.date}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          {daysShown.length > 30 ? (
            <button type="button" className="link" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? 'Show the last 30 days' : `Show all ${daysShown.length} days`}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function DeleteDialog({ habit, onDeleted }: { habit: HabitDetail; onDeleted: () => void }) {
  const entries = habit.history.filter((d) => hasEntry(d, habit.kind)).length;
  return (
    <ConfirmDelete title={`Delete ${habit.name}?`} remove={() => api.removeHabit(habit.slug)} onDeleted={onDeleted}>
      This deletes the habit and its {entries} check-in{entries === 1 ? '' : 's'} for good. To keep its history, archive it instead.
    </ConfirmDelete>
  );
}

export function HabitPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const habit = useQuery({ queryKey: ['habit', slug], queryFn: () => api.habit(slug) });
  const chart = useQuery({ queryKey: ['chart', slug], queryFn: () => api.chart(slug) });
  const habits = useQuery({ queryKey: ['habits', { archived: true }], queryFn: () => api.habits(true) });
  const [message, setMessage] = useState<string | null>((location.state as { message?: string } | null)?.message ?? null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useRefresh();
  const client = useQueryClient();
  usePageTitle(habit.data?.name ?? 'Habit');

  const archive = useMutation({
    mutationFn: (archived: boolean) => api.archiveHabit(slug, archived),
    onSuccess: async (result) => {
      setError(null);
      setMessage(result.archived ? `${result.name}: archived. It left Today and the list; its history stays.` : `${result.name}: restored.`);
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });
  const undo = useMutation({
    mutationFn: (date: string) => api.undo(slug, date),
    onSuccess: async (result, date) => {
      setError(null);
      setMessage(`${date}: check-in removed. Streak ${days(result.streak)}, strength ${percent(result.strength)}.`);
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });

  if (habit.isPending) return <Loading what="the habit" />;
  if (habit.isError) return <LoadError error={habit.error} />;
  const h = habit.data;

  return (
    <div className="habit-page">
      <p className="crumbs">
        <Link to="/habits">Habits</Link> / {h.slug}
      </p>
      <div className="page-head">
        <h1>
          {h.name} {h.kind === 'break' ? <span className="badge">to break</span> : null}
          {h.archived ? <span className="badge">archived</span> : null}
        </h1>
        <div className="actions">
          <Link to={`/habits/${h.slug}/edit`} className="button">
            Edit
          </Link>
          <button type="button" onClick={() => archive.mutate(!h.archived)} disabled={archive.isPending}>
            {h.archived ? 'Restore' : 'Archive'}
          </button>
          <DeleteDialog
            habit={h}
            onDeleted={() => {
              client.removeQueries({ queryKey: ['habit', slug] });
              client.removeQueries({ queryKey: ['chart', slug] });
              navigate('/habits', { state: { message: `${h.name}: deleted.` } });
              void client.invalidateQueries();
            }}
          />
        </div>
      </div>
      <p className="lede">
        {h.kind === 'build' ? 'A habit to build' : 'A habit to break'}, {h.schedule}
        {h.target !== null ? `, ${h.kind === 'build' ? 'at least' : 'at most'} ${formatAmount(h.target, h.unit)}` : ''}. Since {h.startDate}.{' '}
        <NeverMissTwiceBadge value={h.neverMissTwice} kind={h.kind} />
      </p>
      {h.anchor ? (
        <p className="muted" data-anchor>
          Counts from: {anchorText(h.anchor)}.
        </p>
      ) : null}
      <Status message={message} />
      <Alert message={error} />
      <Stats habit={h} />
      <div className="habit-grid">
        <AtomicCard habit={h} habits={habits.data ?? []} />
        {h.archived ? null : <CheckInForm habit={h} today={h.asOf} onDone={setMessage} />}
      </div>
      <section className="card" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Calendar</h2>
        <Heatmap history={h.history} today={h.asOf} kind={h.kind} target={h.target} unit={h.unit} />
      </section>
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Strength over time</h2>
        {chart.isPending ? (
          <Loading what="the chart" />
        ) : chart.isError ? (
          <LoadError error={chart.error} />
        ) : (
          <Suspense fallback={<Loading what="the chart" />}>
            <StrengthChart data={chart.data.strength} />
          </Suspense>
        )}
      </section>
      <History habit={h} busy={undo.isPending} onUndo={(date) => undo.mutate(date)} />
    </div>
  );
}
