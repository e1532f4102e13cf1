import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Status } from '../components/Field.js';
import { api } from '../api.js';
import { StrengthBar } from '../components/StrengthBar.js';
import { LoadError, Loading, NeverMissTwiceBadge, days, formatAmount } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { MoreToggle, StackedRow, StackedTable } from '../components/StackedTable.js';

export function HabitsPage() {
  usePageTitle('Habits');
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === 'true';
  const location = useLocation();
  const message = (location.state as { message?: string } | null)?.message;
  const habits = useQuery({ queryKey: ['habits', { archived }], queryFn: () => api.habits(archived) });

  return (
    <>
      <div className="page-head">
        <h1>Habits</h1>
        <Link to="/habits/new" className="button primary">
          New habit
        </Link>
      </div>
      <Status message={message} />
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(e) => setParams(e.target.checked ? { archived: 'true' } : {}, { replace: true })} /> Show
          archived habits
        </label>
      </div>
      {habits.isPending ? (
        <Loading what="habits" />
      ) : habits.isError ? (
        <LoadError error={habits.error} />
      ) : habits.data.length === 0 ? (
        <p>
          No habits yet. <Link to="/habits/new">Add your first habit</Link>.
        </p>
      ) : (
        <StackedTable label="Habits table" className="habits-table">
          <thead>
            <tr>
              <th scope="col">Habit</th>
              <th scope="col">Strength</th>
              <th scope="col" className="num">
                Streak
              </th>
              <th scope="col" className="num">
                Best
              </th>
              <th scope="col">Schedule</th>
              <th scope="col">Group</th>
              <th scope="col">Today</th>
            </tr>
          </thead>
          <tbody>
            {habits.data.map((h) => (
              <StackedRow key={h.id} data-slug={h.slug} className={h.archived ? 'archived' : undefined}>
                <th scope="row">
                  <Link to={`/habits/${h.slug}`}>{h.name}</Link>
                  {h.kind === 'break' ? <span className="badge">to break</span> : null}
                  {h.archived ? <span className="badge">archived</span> : null}
                  <NeverMissTwiceBadge value={h.neverMissTwice} kind={h.kind} />
                  <MoreToggle about={h.name} />
                </th>
                <td data-label="Strength">
                  <StrengthBar value={h.strength} label={h.name} />
                </td>
                <td className="num" data-field="streak" data-label="Streak">
                  {days(h.streak)}
                </td>
                <td className="num secondary" data-field="best" data-label="Best">
                  {days(h.bestStreak)}
                </td>
                <td className="secondary" data-label="Schedule">
                  {h.schedule}
                  {h.target !== null ? (
                    <span className="muted">
                      {' '}
                      · {h.kind === 'build' ? 'at least' : 'at most'} {formatAmount(h.target, h.unit)}
                    </span>
                  ) : null}
                </td>
                <td className="secondary" data-label="Group">
                  {h.group ?? <span className="muted">–</span>}
                </td>
                <td data-label="Today">
                  {h.today ? (
                    <span className={`pill pill-${h.today.status}`}>
                      {h.today.status}
                      {h.today.amount !== null ? ` ${formatAmount(h.today.amount, h.unit)}` : ''}
                    </span>
                  ) : h.dueToday ? (
                    <span className="pill pill-due">due</span>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </StackedRow>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
