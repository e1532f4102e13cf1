import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { planWeekSchema, sessionDoneSchema } from '../../../src/schemas/plan.schema.js';
import { CALENDAR_URL, skillsApi, type FeedToken, type PlannedSession, type SessionDone } from '../api.js';
import { Alert, FormAlert, Status, TextField } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, errorText, type FieldErrors } from '../forms.js';
import { MoreToggle, StackedRow, StackedTable } from '../components/StackedTable.js';
import { FeelingFields, doneMessage } from '../components/practice.js';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayOf = (date: string) => WEEKDAY[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

const STATUS_TEXT: Record<PlannedSession['status'], string> = { planned: 'planned', done: '✓ done', skipped: 'skipped', missed: 'missed' };

/** The minutes, energy and ease of a done session, checked with the shared schema before it is sent. */
function DoneForm({
  session,
  name,
  onDone,
  onCancel,
}: {
  session: PlannedSession & { id: string };
  name: string;
  onDone: (done: SessionDone) => void;
  onCancel: () => void;
}) {
  const [minutes, setMinutes] = useState(String(session.minutes));
  const [energy, setEnergy] = useState('');
  const [ease, setEase] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: string) => `done-${session.id}-${field}`;
  // Opened from the row's Done button: the form takes the focus, where typing begins.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => document.getElementById(id('minutes'))?.focus(), []);
  const done = useMutation({
    mutationFn: (input: { minutes?: number; energy?: number; ease?: number }) => skillsApi.sessionDone(session.id, input),
    onSuccess: onDone,
    onError: (e) => setErrors(apiFieldErrors(e, ['minutes', 'energy', 'ease'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: { minutes?: number; energy?: number; ease?: number } = {};
    if (minutes.trim() !== '') input.minutes = Number(minutes);
    if (energy !== '') input.energy = Number(energy);
    if (ease !== '') input.ease = Number(ease);
    const found = checkForm(sessionDoneSchema, minutes.trim() !== '' && Number.isNaN(input.minutes) ? { ...input, minutes } : input);
    setErrors(found);
    if (Object.keys(found).length) return;
    done.mutate(input);
  };
  return (
    <form className="done-form" onSubmit={submit} noValidate aria-label={`Log ${name}`}>
      <FormAlert errors={errors} />
      <div className="field-row">
        <TextField
          id={id('minutes')}
          label="Minutes"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={minutes}
          error={errors.minutes}
          onChange={(e) => setMinutes(e.target.value)}
          className="narrow"
        />
        <FeelingFields idOf={id} energy={energy} ease={ease} errors={errors} onEnergy={setEnergy} onEase={setEase} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={done.isPending}>
          Log practice<span className="sr-only">: {name}</span>
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SessionRow({
  session,
  name,
  onMessage,
  onError,
}: {
  session: PlannedSession;
  name: string;
  onMessage: (message: string) => void;
  onError: (message: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const refresh = useRefresh();
  const doneButton = useRef<HTMLButtonElement>(null);
  const skip = useMutation({
    mutationFn: (id: string) => skillsApi.skipSession(id),
    onSuccess: async () => {
      onError(null);
      onMessage(`Skipped ${name} on ${session.date}: next week does not carry it.`);
      await refresh();
    },
    onError: (e) => onError(errorText(e)),
  });
  const { id } = session;
  const open_ = id !== null && session.status !== 'done';
  return (
    <>
      <StackedRow data-kind={session.kind} data-status={session.status} data-session={id ?? undefined}>
        <th scope="row">
          {weekdayOf(session.date)} {session.date}
          <MoreToggle about={`${name}, ${session.date}`} />
        </th>
        <td className="wide">
          <Link to={`/skills/${session.skill}`}>{name}</Link>
        </td>
        <td className="secondary" data-label="Kind">
          {session.kind}
        </td>
        <td className="num" data-label="Minutes">
          {session.minutes}
        </td>
        <td className="session-status">
          <span className={`pill pill-${session.status}`}>{STATUS_TEXT[session.status]}</span>
          {open_ ? (
            <span className="session-actions">
              <button
                type="button"
                ref={doneButton}
                aria-expanded={open}
                aria-controls={`done-${id}`}
                onClick={() => setOpen((o) => !o)}
                disabled={skip.isPending}
              >
                Done
                <span className="sr-only">
                  : {name}, {session.date}
                </span>
              </button>
              {session.status !== 'skipped' ? (
                <button type="button" onClick={() => skip.mutate(id)} disabled={skip.isPending}>
                  Skip
                  <span className="sr-only">
                    : {name}, {session.date}
                  </span>
                </button>
              ) : null}
            </span>
          ) : null}
        </td>
        <td className="secondary wide why">{session.why}</td>
      </StackedRow>
      {open && id !== null ? (
        <tr id={`done-${id}`} className="done-row">
          <td colSpan={6}>
            <DoneForm
              session={{ ...session, id }}
              name={name}
              onCancel={() => {
                setOpen(false);
                doneButton.current?.focus();
              }}
              onDone={async (done) => {
                setOpen(false);
                onError(null);
                onMessage(doneMessage(done, name));
                await refresh();
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function PlanTable({ start }: { start: string }) {
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const plan = useQuery({ queryKey: ['plan', start], queryFn: () => skillsApi.planWeek(start || undefined) });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (plan.isPending) return <Loading what="the plan" />;
  if (plan.isError) return <LoadError error={plan.error} />;
  const names = new Map((skills.data ?? []).map((s) => [s.id, s.name]));
  const total = plan.data.sessions.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <>
      <p data-testid="plan-summary">
        The week from {plan.data.start}: {plan.data.sessions.length} sessions, {total} minutes.
        {plan.data.kept ? '' : ' A preview: the week is kept once it is under way.'}
      </p>
      <Status message={message} />
      <Alert message={error} />
      {plan.data.sessions.length ? (
        <StackedTable label="Week plan" className="plan-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Skill</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Minutes
              </th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.data.sessions.map((s, i) => (
              <SessionRow
                // biome-ignore lint/suspicious/noArrayIndexKey: a preview's sessions have no id; their place is their identity
                key={s.id ?? `${s.date}-${s.skill}-${i}`}
                session={s}
                name={names.get(s.skill) ?? s.skill}
                onMessage={setMessage}
                onError={setError}
              />
            ))}
          </tbody>
        </StackedTable>
      ) : (
        <p className="muted">
          {plan.data.kept ? 'No sessions left this week on your days.' : 'Nothing to plan: set a target on the Skills page to aim the plan at your gaps.'}
        </p>
      )}
    </>
  );
}

function CalendarFeed() {
  const [token, setToken] = useState<FeedToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: skillsApi.createFeedToken,
    onSuccess: (result) => {
      setError(null);
      setToken(result);
      setMessage('Feed created. Copy its address now: it is shown once.');
    },
    onError: (e) => setError(errorText(e)),
  });
  const revoke = useMutation({
    mutationFn: skillsApi.revokeFeedTokens,
    onSuccess: (result) => {
      setError(null);
      setToken(null);
      setMessage(
        `Revoked ${result.revoked} feed${result.revoked === 1 ? '' : 's'}. Calendars subscribed to ${result.revoked === 1 ? 'it' : 'them'} stop updating.`,
      );
    },
    onError: (e) => setError(errorText(e)),
  });
  const feedUrl = token ? new URL(token.path, window.location.origin).toString() : null;
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Calendar</h2>
      <p>
        <a href={`${CALENDAR_URL}?weeks=4`} download="grow.ics" className="button">
          Download the calendar (.ics)
        </a>{' '}
        <span className="muted">Planned sessions of the next 4 weeks and your habits.</span>
      </p>
      <h3>Subscribe</h3>
      <p className="muted">A read-only feed address your calendar app can subscribe to. Anyone with the address can read it: revoke it if it leaks.</p>
      <Status message={message} />
      <Alert message={error} />
      {feedUrl ? <TextField id="feed-url" label="Feed address" value={feedUrl} readOnly onFocus={(e) => e.target.select()} /> : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => create.mutate()} disabled={create.isPending}>
          Create a feed address
        </button>
        <button type="button" className="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          Revoke all feed addresses
        </button>
      </div>
    </section>
  );
}

/**
 * Which of the form's hours and days differ from those kept. Only a new choice is sent, since a
 * choice sent replans the week under way: looking at another week must leave this one as it is.
 */
function changedSettings(kept: { hours: number; days: string[] } | undefined, hours: string, days: string) {
  const given = planWeekSchema.safeParse({ hours, days });
  const keptDays = kept ? planWeekSchema.safeParse({ days: kept.days }) : undefined;
  if (!kept || !given.success || !keptDays?.success) return { hours: true, days: true };
  return { hours: given.data.hours !== kept.hours, days: String(given.data.days) !== String(keptDays.data.days) };
}

export function PlanPage() {
  usePageTitle('Plan');
  const settings = useQuery({ queryKey: ['plan-settings'], queryFn: skillsApi.planSettings });
  const refresh = useRefresh();
  const [hours, setHours] = useState<string | null>(null);
  const [days, setDays] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [shown, setShown] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  // The form starts from the kept settings, and follows them when they change elsewhere until edited.
  const hoursValue = hours ?? (settings.data ? String(settings.data.hours) : '');
  const daysValue = days ?? (settings.data ? settings.data.days.join(',') : '');
  const save = useMutation({
    mutationFn: skillsApi.savePlan,
    onSuccess: async (_week, input) => {
      setErrors({});
      setShown(input.start ?? '');
      setHours(null);
      setDays(null);
      setMessage(
        input.replan
          ? 'The rest of the week is planned again from today.'
          : `Kept: ${input.hours ?? hoursValue} hours a week over ${input.days ?? daysValue}. The week under way is planned again from today.`,
      );
      await refresh();
    },
    onError: (e) => setErrors(apiFieldErrors(e, ['hours', 'days', 'start'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(planWeekSchema, { hours: hoursValue, days: daysValue, ...(start ? { start } : {}) });
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    const changed = changedSettings(settings.data, hoursValue, daysValue);
    if (!changed.hours && !changed.days) {
      setShown(start);
      setMessage(start ? `The week of ${start}, as it stands.` : 'The week under way, as kept.');
      return;
    }
    const input: { hours?: string; days?: string; start?: string } = {};
    if (changed.hours) input.hours = hoursValue;
    if (changed.days) input.days = daysValue;
    if (start) input.start = start;
    save.mutate(input);
  };
  return (
    <div className="plan-page">
      <div className="page-head">
        <h1>Plan</h1>
      </div>
      <p className="lede">A week of practice, technical and soft sessions interleaved, aimed at the largest gaps to your target.</p>
      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">The week</h2>
        <p className="muted">
          The week under way is kept: it stays as it is while you live it. Mark each session done (its practice goes to the log) or skipped; a session missed is
          carried into next week.
        </p>
        {settings.isError ? <LoadError error={settings.error} /> : null}
        <form onSubmit={submit} noValidate aria-label="Plan settings">
          <Alert message={errors.form} />
          <Status message={message} />
          <div className="field-row">
            <TextField
              id="plan-hours"
              label="Hours"
              hint="a week, kept for the weeks to come"
              type="number"
              inputMode="decimal"
              min={0.25}
              max={40}
              step="any"
              value={hoursValue}
              error={errors.hours}
              onChange={(e) => setHours(e.target.value)}
              className="narrow"
            />
            <TextField
              id="plan-days"
              label="Days"
              hint="e.g. mon,wed,fri"
              value={daysValue}
              error={errors.days}
              autoComplete="off"
              onChange={(e) => setDays(e.target.value)}
            />
            <TextField
              id="plan-start"
              label="Week of (optional)"
              hint="Default: the week under way"
              type="date"
              value={start}
              error={errors.start}
              onChange={(e) => setStart(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={save.isPending || settings.isPending}>
              Plan the week
            </button>
            <button type="button" onClick={() => save.mutate({ replan: true })} disabled={save.isPending}>
              Replan the rest of the week
            </button>
          </div>
        </form>
        <PlanTable start={shown} />
      </section>
      <CalendarFeed />
    </div>
  );
}
