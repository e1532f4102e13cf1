import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HabitChart } from '../api.js';
import { percent } from './StrengthBar.js';

const WEEK = 7;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayOf = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;

/** Strength per day over the last year, with the month-end values as a table for those who cannot see the chart. */
export function StrengthChart({ data }: { data: HabitChart['strength'] }) {
  // Fewer days than a week draw a dot or a stub: say what the chart will show instead.
  if (data.length < WEEK) {
    const last = data.at(-1);
    return (
      <p className="muted chart-pending">
        Once the habit is a week old, this chart shows its strength day by day: each check-in makes it stronger, and a missed day takes a little away.
        {last ? ` Strength now: ${percent(last.value)}.` : ''}
      </p>
    );
  }
  const points = data.map((d) => ({ date: d.date, value: Math.round(d.value * 1000) / 10 }));
  const monthEnds = data.filter((d, i) => i === data.length - 1 || data[i + 1]!.date.slice(0, 7) !== d.date.slice(0, 7));
  const first = data[0]!;
  const last = data[data.length - 1]!;
  return (
    <figure className="chart-figure">
      <figcaption>
        Strength from {percent(first.value)} on {first.date} to {percent(last.value)} on {last.date}.
      </figcaption>
      <div className="chart">
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} title="Strength over time" desc="Strength in percent, a point a day">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={dayOf} minTickGap={32} className="chart-axis" />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={52} className="chart-axis" />
            <Tooltip formatter={(v) => [`${String(v)}%`, 'strength']} wrapperClassName="chart-tooltip" />
            <Area type="monotone" dataKey="value" name="strength" className="strength-area" isAnimationActive={false} dot={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Strength at each month's end</summary>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Strength</th>
            </tr>
          </thead>
          <tbody>
            {monthEnds.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{percent(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
