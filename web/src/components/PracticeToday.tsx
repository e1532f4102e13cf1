import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { skillsApi, type PlannedSession, type SkillSummary } from '../api.js';
import { Alert, Status } from './Field.js';
import { useRefresh } from './common.js';
import { doneMessage } from './practice.js';
import { errorText } from '../forms.js';

/**
 * Today's sessions of the kept week, each with a Done button that logs its practice as planned (its
 * minutes, its skill, today); the Plan page takes minutes, energy and ease too.
 */
export function PracticeToday({ planned, skills }: { planned: PlannedSession[]; skills: SkillSummary[] | undefined }) {
  const refresh = useRefresh();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (skill: string) => skills?.find((s) => s.id === skill)?.name ?? skill;
  const done = useMutation({
    mutationFn: (session: PlannedSession & { id: string }) => skillsApi.sessionDone(session.id),
    onSuccess: async (result, session) => {
      setError(null);
      setMessage(doneMessage(result, nameOf(session.skill)));
      await refresh();
    },
    onError: (e) => {
      setMessage(null);
      setError(errorText(e));
    },
  });
  return (
    <>
      <Status message={message} />
      <Alert message={error} />
      {planned.length ? (
        <ul className="planned-list">
          {planned.map((p) => {
            const id = p.id;
            return (
              <li key={id ?? `${p.date}-${p.skill}`} data-planned={p.skill} data-status={p.status}>
                <Link to={`/skills/${p.skill}`}>{nameOf(p.skill)}</Link> ({p.kind}), {p.minutes} min: {p.why}{' '}
                {id !== null && (p.status === 'planned' || p.status === 'missed') ? (
                  <button type="button" className="primary" onClick={() => done.mutate({ ...p, id })} disabled={done.isPending}>
                    Done<span className="sr-only">: {nameOf(p.skill)}</span>
                  </button>
                ) : (
                  <span className={`pill pill-${p.status}`}>{p.status === 'done' ? '✓ done' : p.status}</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">
          No practice planned for today. See <Link to="/plan">this week's plan</Link>.
        </p>
      )}
    </>
  );
}
