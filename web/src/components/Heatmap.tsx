import { useEffect, useRef } from 'react';
import type { HabitKind } from '../../../src/core/vocabulary.js';
import { addDays, toDayNumber, weekdayOfDay } from '../../../src/core/calendar.js';
import type { HistoryDay } from '../api.js';
import { ScrollRegion } from './ScrollRegion.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type DayStatus = HistoryDay['status'] | 'kept' | 'partial' | 'none';

/** What a day's status is called, in words, for a habit of this kind. */
export function statusLabel(status: DayStatus, kind: HabitKind): string {
  switch (status) {
    case 'done':
      return kind === 'break' ? 'kept' : 'done';
    case 'kept':
      return 'kept';
    case 'partial':
      return 'done, below target';
    case 'skipped':
      return 'skipped';
    case 'slip':
      return 'slip';
    case 'missed':
      return 'missed';
    case 'auto':
      return 'not required';
    case 'none':
      return 'no entry';
  }
}

interface Props {
  history: HistoryDay[];
  today: string;
  kind: HabitKind;
  target: number | null;
  unit: string | null;
  days?: number;
}

/**
 * The last year, one cell a day, weeks as columns (Monday on top), like Loop's and GitHub's
 * calendars. Every cell names its date and status for screen readers and on hover.
 */
export function Heatmap({ history, today, kind, target, unit, days = 365 }: Props) {
  const scroller = useRef<HTMLElement>(null);
  // On a narrow screen the year scrolls; start at its end, the days that matter most.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);
  const byDate = new Map(history.map((d) => [d.date, d]));
  const start = addDays(today, -(days - 1));
  const firstWeekday = weekdayOfDay(toDayNumber(start));
  const cells: { date: string; status: DayStatus; text: string; column: number }[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(start, i);
    const day = byDate.get(date);
    let status: DayStatus = day ? day.status : 'none';
    if (day && day.status === 'done' && kind === 'break') status = 'kept';
    if (day && day.status === 'done' && kind === 'build' && target !== null && day.amount !== null && day.amount < target) status = 'partial';
    const amount = day && day.amount !== null ? `, ${day.amount}${unit ? ` ${unit}` : ''}` : '';
    const note = day?.note ? ` (${day.note})` : '';
    cells.push({ date, status, text: `${date}: ${statusLabel(status, kind)}${amount}${note}`, column: Math.floor((i + firstWeekday) / 7) });
  }
  const months: { label: string; column: number }[] = [];
  for (const cell of cells) {
    if (cell.date.endsWith('-01') || cell === cells[0]) {
      const label = MONTHS[Number(cell.date.slice(5, 7)) - 1]!;
      if (months.length && months[months.length - 1]!.column >= cell.column - 1) {
        if (cell !== cells[0]) months[months.length - 1] = { label, column: cell.column };
      } else months.push({ label, column: cell.column });
    }
  }
  const counts: Record<string, number> = {};
  for (const c of cells) counts[c.status] = (counts[c.status] ?? 0) + 1;
  const legend: DayStatus[] = kind === 'break' ? ['kept', 'slip', 'skipped', 'none'] : ['done', 'partial', 'skipped', 'missed', 'auto', 'none'];
  const shownLegend = legend.filter((s) => s !== 'partial' || target !== null);

  return (
    <figure className="heatmap-figure">
      <figcaption>
        Last year, a cell a day from {start} to {today}:{' '}
        {shownLegend
          .filter((s) => s !== 'none')
          .map((s) => `${counts[s] ?? 0} ${statusLabel(s, kind)}`)
          .join(', ')}
        .
      </figcaption>
      <ScrollRegion className="heatmap-scroll" scrollRef={scroller} label="Heatmap of the last year">
        <div className="heatmap">
          <ol className="heatmap-months" aria-hidden="true">
            {months.map((m) => (
              <li key={`${m.label}-${m.column}`} style={{ gridColumnStart: m.column + 1 }}>
                {m.label}
              </li>
            ))}
          </ol>
          <ol className="heatmap-weekdays" aria-hidden="true">
            <li style={{ gridRowStart: 1 }}>Mon</li>
            <li style={{ gridRowStart: 3 }}>Wed</li>
            <li style={{ gridRowStart: 5 }}>Fri</li>
          </ol>
          <ol className="heatmap-days" aria-label="Days">
            {cells.map((cell, i) => (
              <li
                key={cell.date}
                className={`cell cell-${cell.status}${cell.date === today ? ' cell-today' : ''}`}
                title={cell.text}
                data-date={cell.date}
                data-status={cell.status}
                style={i === 0 ? { gridRowStart: firstWeekday + 1 } : undefined}
              >
                <span className="sr-only">{cell.text}</span>
              </li>
            ))}
          </ol>
        </div>
      </ScrollRegion>
      <ul className="legend" aria-label="Legend">
        {shownLegend.map((s) => (
          <li key={s}>
            <span className={`cell cell-${s}`} aria-hidden="true" /> {statusLabel(s, kind)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
