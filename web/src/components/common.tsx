import { useQueryClient } from '@tanstack/react-query';
import type { HabitSummary } from '../api.js';
import { errorText } from '../forms.js';

/** After a change, everything shown may have moved (strength, streaks, today): ask again. */
export function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" aria-busy="true">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  return (
    <div role="alert">
      <p className="alert">Could not load this page: {errorText(error)}</p>
    </div>
  );
}

export const NMT_TEXT: Record<HabitSummary['neverMissTwice'], string> = {
  ok: '',
  'missed-once': 'Missed last time: never miss twice',
  'missed-twice': 'Missed twice in a row',
};

export function NeverMissTwiceBadge({ value, kind = 'build' }: { value: HabitSummary['neverMissTwice']; kind?: HabitSummary['kind'] }) {
  if (value === 'ok') return null;
  const text = kind === 'break' ? (value === 'missed-once' ? 'Slipped last time: never twice' : 'Slipped twice in a row') : NMT_TEXT[value];
  return <span className={`badge badge-${value}`}>{text}</span>;
}

export const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function formatAmount(amount: number | null, unit: string | null): string {
  if (amount === null) return '';
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2).replace(/0+$/, '')}${unit ? ` ${unit}` : ''}`;
}
