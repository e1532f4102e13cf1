import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, skillsApi, type CheckInAction, type CheckInBody, type HabitDetail, type HabitSummary } from '../api.js';
import { Alert, Status } from '../components/Field.js';
import { StrengthBar, percent } from '../components/StrengthBar.js';
import { LoadError, Loading, NeverMissTwiceBadge, days, formatAmount, useRefresh } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { BalanceMeter, NeglectWarnings } from '../components/BalanceMeter.js';
import { useMediaQuery } from '../components/useMediaQuery.js';
import { PracticeToday } from '../components/PracticeToday.js';
import { checkField, errorText } from '../forms.js';

type Act = (habit: HabitSummary, action: CheckInAction | 'undo', body?: CheckInBody) => void;

const VERB: Record<CheckInAction | 'undo', string> = { done: 'done', skip: 'skipped', slip: 'slip recorded', undo: 'check-in removed' };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-habit-row]'));
const focusRow = (row: HTMLElement | undefined) => row?.querySelector<HTMLElement>('button')?.focus();

/**
 * Keyboard shortcuts of the Today page. They act on the selected habit: the row that holds the
 * focus. They are buttons' own shortcuts (data-shortcut), so a key does what a click does.
 */
function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const all = rows();
      const current = all.find((row) => row.contains(document.activeElement));
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && current) {
          event.preventDefault();
          focusRow(current);
        }
        return;
      }
      const index = current ? all.indexOf(current) : -1;
      const key = event.key;
      if (key === 'j' || (key === 'ArrowDown' && current)) {
        event.preventDefault();
        focusRow(all[Math.min(index + 1, all.length - 1)]);
      } else if (key === 'k' || (key === 'ArrowUp' && current)) {
        event.preventDefault();
        focusRow(all[Math.max(index - 1, 0)]);
      } else if (/^[1-9]$/.test(key)) {
        const due = all.filter((row) => row.dataset.list === 'due');
        const row = due[Number(key) - 1];
        const button = row?.querySelector<HTMLElement>('[data-shortcut="d"]');
        if (button) {
          event.preventDefault();
          button.click();
        }
      } else if (current && ['d', 's', 'a', 'l', 'u'].includes(key)) {
        const target = current.querySelector<HTMLElement>(`[data-shortcut="${key}"]`);
        if (!target) return;
        event.preventDefault();
        if (target instanceof HTMLInputElement) target.focus();
        else target.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The shared check-in schema, loaded when an amount field first gets the focus (or an amount is
 * submitted): it brings zod, which Today needs for nothing else and which would double its code.
 */
const loadCheckInSchema = () => import('../../../src/schemas/habit.schema.js').then((module) => module.checkInSchema);

async function parseAmount(text: string): Promise<{ amount?: number; error: string | null }> {
  if (text.trim() === '') return { error: null };
  const amount = Number(text);
  const error = checkField((await loadCheckInSchema()).shape.amount, Number.isNaN(amount) ? text : amount);
  return error ? { error } : { amount, error: null };
}

function AmountInput({
  habit,
  value,
  onChange,
  error,
  required,
}: {
  habit: HabitSummary;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  required?: boolean;
}) {
  const id = `amount-${habit.slug}`;
  return (
    <span className="amount-field">
      <label htmlFor={id}>
        Amount{habit.unit ? ` (${habit.unit})` : ''}
        <span className="sr-only"> for {habit.name}</span>
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={value}
        placeholder={required ? '' : String(habit.target ?? '')}
        onChange={(e) => onChange(e.target.value)}
        onFocus={() => void loadCheckInSchema().catch(() => undefined)}
        data-shortcut="a"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required={required}
      />
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </span>
  );
}

function DueRow({ habit, act, busy, position }: { habit: HabitSummary; act: Act; busy: boolean; position: number }) {
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const measurable = habit.target !== null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = await parseAmount(amount).catch((e: unknown) => ({ amount: undefined, error: `could not check the amount: ${errorText(e)}` }));
    setError(parsed.error);
    if (parsed.error) return;
    act(habit, 'done', parsed.amount !== undefined ? { amount: parsed.amount } : {});
  };
  return (
    <li className="habit-row" data-habit-row data-list="due" data-slug={habit.slug}>
      <div className="habit-row-main">
        <Link to={`/habits/${habit.slug}`} className="habit-name">
          {habit.name}
        </Link>
        <span className="meta">
          {position <= 9 ? (
            <kbd className="position" title={`press ${position} to check it off`}>
              {position}
            </kbd>
          ) : null}
          {habit.schedule}
          {measurable ? ` · at least ${formatAmount(habit.target, habit.unit)}` : ''} · streak {days(habit.streak)} ·{' '}
          <StrengthBar value={habit.strength} label={habit.name} />
        </span>
        <NeverMissTwiceBadge value={habit.neverMissTwice} kind={habit.kind} />
      </div>
      <form className="habit-row-actions" onSubmit={submit} noValidate>
        {measurable ? <AmountInput habit={habit} value={amount} onChange={setAmount} error={error} /> : null}
        <button type="submit" className="primary" data-shortcut="d" disabled={busy}>
          Done<span className="sr-only">: {habit.name}</span>
        </button>
        <button type="button" data-shortcut="s" disabled={busy} onClick={() => act(habit, 'skip')}>
          Skip<span className="sr-only">: {habit.name}</span>
        </button>
      </form>
    </li>
  );
}

function DoneRow({ habit, act, busy }: { habit: HabitSummary; act: Act; busy: boolean }) {
  const entry = habit.today!;
  return (
    <li className="habit-row is-done" data-habit-row data-list="done" data-slug={habit.slug}>
      <div className="habit-row-main">
        <Link to={`/habits/${habit.slug}`} className="habit-name">
          {habit.name}
        </Link>
        <span className="meta">
          <span className={`pill pill-${entry.status}`}>{entry.status === 'done' ? '✓ done' : 'skipped'}</span>
          {entry.amount !== null ? ` ${formatAmount(entry.amount, habit.unit)}` : ''} · streak {days(habit.streak)} ·{' '}
          <StrengthBar value={habit.strength} label={habit.name} />
        </span>
      </div>
      <div className="habit-row-actions">
        <button type="button" data-shortcut="u" disabled={busy} onClick={() => act(habit, 'undo')}>
          Undo<span className="sr-only">: {habit.name}</span>
        </button>
      </div>
    </li>
  );
}

function AvoidRow({ habit, act, busy }: { habit: HabitSummary; act: Act; busy: boolean }) {
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const measurable = habit.target !== null;
  const entry = habit.today;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = await parseAmount(amount).catch((e: unknown) => ({ amount: undefined, error: `could not check the amount: ${errorText(e)}` }));
    const problem = parsed.error ?? (measurable && parsed.amount === undefined ? 'give the amount of the slip' : null);
    setError(problem);
    if (problem) return;
    act(habit, 'slip', parsed.amount !== undefined ? { amount: parsed.amount } : {});
  };
  return (
    <li className="habit-row" data-habit-row data-list="avoid" data-slug={habit.slug}>
      <div className="habit-row-main">
        <Link to={`/habits/${habit.slug}`} className="habit-name">
          {habit.name}
        </Link>
        <span className="meta">
          {entry?.status === 'slip' ? (
            <span className="pill pill-slip">slip{entry.amount !== null ? ` ${formatAmount(entry.amount, habit.unit)}` : ''}</span>
          ) : entry?.status === 'skipped' ? (
            <span className="pill pill-skipped">skipped</span>
          ) : (
            <span className="pill pill-kept">kept so far</span>
          )}
          {measurable ? ` · at most ${formatAmount(habit.target, habit.unit)}` : ''} · streak {days(habit.streak)} ·{' '}
          <StrengthBar value={habit.strength} label={habit.name} />
        </span>
        <NeverMissTwiceBadge value={habit.neverMissTwice} kind={habit.kind} />
      </div>
      <form className="habit-row-actions" onSubmit={submit} noValidate>
        {measurable ? <AmountInput habit={habit} value={amount} onChange={setAmount} error={error} required /> : null}
        <button type="submit" className="danger" data-shortcut="l" disabled={busy}>
          Record slip<span className="sr-only">: {habit.name}</span>
        </button>
        {!measurable && error ? <span className="field-error">{error}</span> : null}
        {entry ? (
          <button type="button" data-shortcut="u" disabled={busy} onClick={() => act(habit, 'undo')}>
            Undo<span className="sr-only">: {habit.name}</span>
          </button>
        ) : null}
      </form>
    </li>
  );
}

function Shortcuts() {
  const keys: [string[], string][] = [
    [['j', '↓'], 'select the next habit'],
    [['k', '↑'], 'select the previous habit'],
    [['1', '…', '9'], 'check off the habit with that number'],
    [['d'], 'done (a measurable habit logs the amount typed, else its target)'],
    [['a'], 'type an amount for the selected habit; Enter logs it, Esc goes back'],
    [['s'], 'skip today (the strength freezes, the streak holds)'],
    [['l'], 'record a slip on a habit to break'],
    [['u'], "undo today's check-in"],
  ];
  return (
    <section className="card shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">
        Keys act on the selected habit: the row that holds the focus. <kbd>Tab</kbd> moves through every button as usual.
      </p>
      <dl>
        {keys.map(([k, what]) => (
          <div key={what}>
            <dt>{k.map((key) => (key === '…' ? <span key={key}> … </span> : <kbd key={key}>{key}</kbd>))}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function summary(habit: HabitDetail, action: CheckInAction | 'undo'): string {
  return `${habit.name}: ${VERB[action]}. Streak ${days(habit.streak)}, strength ${percent(habit.strength)}.`;
}

export function TodayPage() {
  usePageTitle('Today');
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const balance = useQuery({ queryKey: ['balance', 4], queryFn: () => skillsApi.balance(4) });
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const refresh = useRefresh();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refocus = useRef<number | null>(null);
  useShortcuts();
  // The keys are no use on a phone or a tablet, where the panel would only push the page down.
  const keyboard = useMediaQuery('(hover: hover) and (pointer: fine)');

  const mutation = useMutation({
    mutationFn: ({ habit, action, body }: { habit: HabitSummary; action: CheckInAction | 'undo'; body?: CheckInBody }) =>
      action === 'undo' ? api.undo(habit.slug, today.data!.date) : api.checkIn(habit.slug, action, body),
    onSuccess: async (result, { action }) => {
      setError(null);
      setMessage(summary(result, action));
      await refresh();
    },
    onError: (e) => {
      setMessage(null);
      setError(errorText(e));
    },
  });

  const act: Act = (habit, action, body) => {
    const all = rows();
    const row = all.find((r) => r.dataset.slug === habit.slug && r.contains(document.activeElement));
    refocus.current = row ? all.indexOf(row) : null;
    mutation.mutate({ habit, action, body });
  };

  // Keep the focus where the acted-on row was, so one key after another works down the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new data (the list after the check-in) is the trigger
  useEffect(() => {
    // After the check-in's refetch (today.data) has drawn the rows anew.
    if (refocus.current === null || mutation.isPending || !today.data) return;
    const all = rows();
    if (all.length && !all.some((r) => r.contains(document.activeElement))) focusRow(all[Math.min(refocus.current, all.length - 1)]);
    refocus.current = null;
  }, [today.data, mutation.isPending]);

  if (today.isPending) return <Loading what="today" />;
  if (today.isError) return <LoadError error={today.error} />;
  const { date, due, done, avoid, atRisk, neglected, planned, reviewsDue } = today.data;
  const byslug = new Map([...due, ...done, ...avoid].map((h) => [h.slug, h]));
  const atRiskHabits = atRisk.map((slug) => byslug.get(slug)).filter((h): h is HabitSummary => h !== undefined);
  const busy = mutation.isPending;
  const nothing = due.length + done.length + avoid.length === 0;

  return (
    <div className="today">
      <div className="page-head">
        <h1>
          Today <span className="muted date">{date}</span>
        </h1>
        <Link to="/habits/new" className="button">
          New habit
        </Link>
      </div>
      <Status message={message} />
      <Alert message={error} />

      {reviewsDue > 0 ? (
        <p className="card reviews-due" data-reviews-due={reviewsDue}>
          <Link to="/review">
            {reviewsDue} {reviewsDue === 1 ? 'card' : 'cards'} due for review
          </Link>
        </p>
      ) : null}

      {nothing ? (
        <section className="card empty">
          <h2>No habits yet</h2>
          <p>
            Start with one small habit, tied to who you want to become. <Link to="/habits/new">Add your first habit</Link>, or list what you already do in a day
            on the <Link to="/scorecard">scorecard</Link>.
          </p>
        </section>
      ) : (
        <div className="today-grid">
          <section aria-labelledby="due-title" className="card">
            <h2 id="due-title">
              Due <span className="count">{due.length}</span>
            </h2>
            {due.length ? (
              <ol className="habit-rows">
                {due.map((h, i) => (
                  <DueRow key={h.slug} habit={h} act={act} busy={busy} position={i + 1} />
                ))}
              </ol>
            ) : (
              <p className="muted">Nothing left to do today. Well done.</p>
            )}
          </section>

          {avoid.length ? (
            <section aria-labelledby="avoid-title" className="card">
              <h2 id="avoid-title">
                To avoid <span className="count">{avoid.length}</span>
              </h2>
              <ul className="habit-rows">
                {avoid.map((h) => (
                  <AvoidRow key={h.slug} habit={h} act={act} busy={busy} />
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="done-title" className="card">
            <h2 id="done-title">
              Done <span className="count">{done.length}</span>
            </h2>
            {done.length ? (
              <ul className="habit-rows">
                {done.map((h) => (
                  <DoneRow key={h.slug} habit={h} act={act} busy={busy} />
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing checked off yet today.</p>
            )}
          </section>
        </div>
      )}
      {atRiskHabits.length > 0 ? (
        <section className="card warning" aria-labelledby="nmt-title">
          <h2 id="nmt-title">Never miss twice</h2>
          <ul>
            {atRiskHabits.map((h) => (
              <li key={h.slug}>
                <Link to={`/habits/${h.slug}`}>{h.name}</Link>:{' '}
                {h.kind === 'break'
                  ? h.neverMissTwice === 'missed-twice'
                    ? 'slipped twice in a row. Today is a fresh start: keep it.'
                    : 'slipped last time. Keep today.'
                  : h.neverMissTwice === 'missed-twice'
                    ? 'missed twice in a row. Start again today, even with the two-minute version.'
                    : 'missed last time. Do not miss it today.'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <NeglectWarnings neglected={neglected} skills={skills.data} limit={3} />
      <div className="habit-grid">
        <section className="card" aria-labelledby="planned-title">
          <h2 id="planned-title">Practice today</h2>
          <PracticeToday planned={planned} skills={skills.data} />
          <p>
            <Link to="/log">Log practice</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="today-balance-title">
          <h2 id="today-balance-title">Balance</h2>
          {balance.isPending ? <Loading what="the balance" /> : balance.isError ? <LoadError error={balance.error} /> : <BalanceMeter balance={balance.data} />}
        </section>
      </div>

      {keyboard ? <Shortcuts /> : null}
    </div>
  );
}
