import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import type { Balance, Neglect, SkillSummary } from '../api.js';
import { percent } from './StrengthBar.js';

const hours = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`);

/**
 * Technical against soft practice, a bar a week, with the target ratio marked on each. The bar is
 * decoration: each week says its minutes and share in words, and names the items finished in it.
 */
export function BalanceMeter({ balance }: { balance: Balance }) {
  const target = balance.targetRatio;
  return (
    <figure className="balance">
      <figcaption>
        Last {balance.weeks.length} weeks: {balance.ratio === null ? 'no practice logged yet' : `${percent(balance.ratio)} technical`}, against a target of{' '}
        {percent(target)} technical and {percent(1 - target)} soft.
      </figcaption>
      <ul className="balance-weeks">
        {balance.weeks.map((w) => {
          const total = w.technicalMinutes + w.softMinutes;
          const share = total === 0 ? null : w.technicalMinutes / total;
          return (
            <li key={w.week} data-week={w.week}>
              <span className="balance-week">{w.week}</span>
              <span className="balance-bar" aria-hidden="true">
                {total > 0 ? (
                  <>
                    <span className="balance-technical" style={{ width: `${(share ?? 0) * 100}%` }} />
                    <span className="balance-soft" style={{ width: `${(1 - (share ?? 0)) * 100}%` }} />
                  </>
                ) : null}
                <span className="balance-target" style={{ left: `${target * 100}%` }} />
              </span>
              <span className="balance-text">
                {total === 0 ? 'nothing logged' : `technical ${hours(w.technicalMinutes)}, soft ${hours(w.softMinutes)} (${percent(share)} technical)`}
              </span>
              {w.finished.length > 0 ? (
                <span className="balance-finished">
                  {w.finished.map((f, i) => (
                    <span key={f.id}>
                      {i > 0 ? '; ' : ''}Finished: <Link to={`/library/${encodeURIComponent(f.id)}`}>{f.title}</Link>
                    </span>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="legend" aria-hidden="true">
        <span>
          <span className="swatch balance-technical" /> technical
        </span>{' '}
        <span>
          <span className="swatch balance-soft" /> soft
        </span>{' '}
        <span>
          <span className="swatch swatch-target" /> target
        </span>
      </p>
    </figure>
  );
}

/** A balance warning in words. */
export function neglectText(n: Neglect, skills: SkillSummary[] = []): string {
  const since = n.daysSince === null ? 'never practised' : `not practised for ${n.daysSince} days`;
  if ('kind' in n) return `${n.kind === 'technical' ? 'Technical' : 'Soft'} skills: ${since}.`;
  const name = skills.find((s) => s.id === n.skill)?.name ?? n.skill;
  return `${name}, which your target needs: ${since}.`;
}

/**
 * The balance warnings, largest first (core/balance sorts them). Where space is short (Today) only
 * the first `limit` are named, with a link to the full list on the Log page.
 */
export function NeglectWarnings({ neglected, skills, limit }: { neglected: Neglect[]; skills?: SkillSummary[]; limit?: number }) {
  const section = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  const full = limit === undefined;
  // Arriving from Today's "N more", the full list is what the person came for.
  useEffect(() => {
    if (full && hash === `#${FULL_LIST}`) section.current?.focus();
  }, [full, hash]);
  if (neglected.length === 0) return null;
  const shown = full ? neglected : neglected.slice(0, limit);
  const rest = neglected.length - shown.length;
  return (
    <section ref={section} id={full ? FULL_LIST : undefined} tabIndex={full ? -1 : undefined} className="card warning" aria-labelledby="neglect-title">
      <h2 id="neglect-title">Out of balance</h2>
      <ul>
        {shown.map((n) => (
          <li key={'kind' in n ? `kind-${n.kind}` : `skill-${n.skill}`}>{neglectText(n, skills)}</li>
        ))}
      </ul>
      {rest > 0 ? (
        <p>
          <Link to={`/log#${FULL_LIST}`}>{rest} more out of balance</Link>
        </p>
      ) : null}
    </section>
  );
}

const FULL_LIST = 'out-of-balance';
