import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { planWeekSchema } from '../../../src/schemas/plan.schema.js';
import { CALENDAR_URL, skillsApi, type FeedToken } from '../api.js';
import { Alert, Status, TextField } from '../components/Field.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { checkForm, errorText, type FieldErrors } from '../forms.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayOf = (date: string) => WEEKDAY[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

function PlanTable({ params }: { params: { hours: string; days: string; start: string } }) {
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const plan = useQuery({ queryKey: ['plan', params], queryFn: () => skillsApi.planWeek(params) });
  if (plan.isPending) return <Loading what="the plan" />;
  if (plan.isError) return <LoadError error={plan.error} />;
  const names = new Map((skills.data ?? []).map((s) => [s.id, s.name]));
  const total = plan.data.sessions.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <>
      <p data-testid="plan-summary">
        The week from {plan.data.start}: {plan.data.sessions.length} sessions, {total} minutes.
      </p>
      {plan.data.sessions.length ? (
        <ScrollRegion label="Week plan">
          <table className="plan-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Skill</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Minutes
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {plan.data.sessions.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered or edited in place, whose items have no identity but their place
                <tr key={`${s.date}-${s.skill}-${i}`} data-kind={s.kind}>
                  <th scope="row">
                    {weekdayOf(s.date)} {s.date}
                  </th>
                  <td>
                    <Link to={`/skills/${s.skill}`}>{names.get(s.skill) ?? s.skill}</Link>
                  </td>
                  <td>{s.kind}</td>
                  <td className="num">{s.minutes}</td>
                  <td>{s.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="muted">Nothing to plan: set a target on the Skills page to aim the plan at your gaps.</p>
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

export function PlanPage() {
  usePageTitle('Plan');
  const [hours, setHours] = useState('3');
  const [days, setDays] = useState('mon,tue,wed,thu,fri');
  const [start, setStart] = useState('');
  const [params, setParams] = useState({ hours: '3', days: 'mon,tue,wed,thu,fri', start: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { hours, days };
    if (start) input.start = start;
    const found = checkForm(planWeekSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    setParams({ hours, days, start });
  };
  return (
    <div className="plan-page">
      <div className="page-head">
        <h1>Plan</h1>
      </div>
      <p className="lede">A week of practice, technical and soft sessions interleaved, aimed at the largest gaps to your target.</p>
      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">The week</h2>
        <form onSubmit={submit} noValidate>
          <Alert message={errors.form} />
          <div className="field-row">
            <TextField
              id="plan-hours"
              label="Hours"
              type="number"
              inputMode="decimal"
              min={0.25}
              max={40}
              step="any"
              value={hours}
              error={errors.hours}
              onChange={(e) => setHours(e.target.value)}
              className="narrow"
            />
            <TextField
              id="plan-days"
              label="Days"
              hint="e.g. mon,wed,fri"
              value={days}
              error={errors.days}
              autoComplete="off"
              onChange={(e) => setDays(e.target.value)}
            />
            <TextField
              id="plan-start"
              label="Start (optional)"
              hint="Default: the next Monday"
              type="date"
              value={start}
              error={errors.start}
              onChange={(e) => setStart(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary">
              Plan the week
            </button>
          </div>
        </form>
        <PlanTable params={params} />
      </section>
      <CalendarFeed />
    </div>
  );
}
