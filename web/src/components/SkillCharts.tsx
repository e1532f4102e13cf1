import {
  CartesianGrid,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
} from 'recharts';
import type { SkillDetail } from '../api.js';
import { NARROW, useMediaQuery } from './useMediaQuery.js';

export interface RadarPoint {
  skill: string;
  current: number;
  target: number | null;
  tryOn: number | null;
}

type SeriesKey = 'current' | 'target' | 'tryOn';

/** A line of the chart and of its legend: the same class draws both, so their colour and dash always match. */
interface Series {
  key: SeriesKey;
  name: string;
  /** What the bars call it beside each value, where the legend has already given its full name. */
  short: string;
  className: string;
}

/**
 * The shape of a person's ratings: one chart for a kind of skill, with the target's expectations
 * and a tried-on role drawn over it. A radar where there is room, and bars on a phone or for fewer
 * than three skills, where a radar's labels would not fit or its shape would mean nothing.
 * The table beside it says the same in words.
 */
export function SkillRadar({
  title,
  points,
  targetLabel,
  tryOnLabel,
}: {
  title: string;
  points: RadarPoint[];
  targetLabel: string | null;
  tryOnLabel: string | null;
}) {
  const narrow = useMediaQuery(NARROW);
  if (points.length === 0) return <p className="muted">No skills of this kind.</p>;
  // Painted in this order, so the role tried on lies over the ratings, and the target under them.
  const series: Series[] = [
    ...(targetLabel ? [{ key: 'target' as const, name: targetLabel, short: 'target', className: 'radar-target' }] : []),
    { key: 'current', name: 'Current rating', short: 'rating', className: 'radar-current' },
    ...(tryOnLabel ? [{ key: 'tryOn' as const, name: tryOnLabel, short: 'try on', className: 'radar-tryon' }] : []),
  ];
  return (
    <div className="chart radar-chart">
      <ChartLegend series={series} />
      {narrow || points.length < 3 ? (
        <SkillBars title={title} points={points} series={series} />
      ) : (
        <SkillsRadar title={title} points={points} series={series} />
      )}
    </div>
  );
}

function SkillsRadar({ title, points, series }: { title: string; points: RadarPoint[]; series: Series[] }) {
  const data = points.map((p) => ({ skill: p.skill, current: p.current, target: p.target ?? 0, tryOn: p.tryOn ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={340}>
      <RadarChart data={data} outerRadius="62%" title={title} desc={`${title}: ratings 0 to 5 per skill`}>
        <PolarGrid className="radar-grid" />
        <PolarAngleAxis dataKey="skill" className="chart-axis" tick={WrappedTick} />
        {/* Between the first two spokes, so that its numbers never sit on a skill's name. */}
        <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90 - 180 / points.length} className="chart-axis" />
        {series.map((s) => (
          <Radar key={s.key} name={s.name} dataKey={s.key} className={s.className} isAnimationActive={false} />
        ))}
        <Tooltip wrapperClassName="chart-tooltip" />
      </RadarChart>
    </ResponsiveContainer>
  );
}

const TICK_LINE = 14;

/** A skill's name around the radar, broken into short lines so that long names stay inside the chart. */
function WrappedTick({ x, y, textAnchor, payload }: BaseTickContentProps) {
  const lines: string[] = [];
  for (const word of String(payload.value).split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= TICK_LINE) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  // The tick's coordinate is its angle: above the centre the name grows upwards, away from the grid; below it, downwards.
  const rise = Math.sin((payload.coordinate * Math.PI) / 180);
  const firstDy = rise > 0.2 ? -(lines.length - 1) * 1.1 : rise < -0.2 ? 0.7 : 0.35 - ((lines.length - 1) * 1.1) / 2;
  return (
    <text x={x} y={y} textAnchor={textAnchor} className="radar-tick">
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={`${i === 0 ? firstDy : 1.1}em`}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The same ratings as rows of bars: the rating as a bar, the target and the role tried on as marks. */
function SkillBars({ title, points, series }: { title: string; points: RadarPoint[]; series: Series[] }) {
  const at = (value: number) => `${(Math.max(0, Math.min(5, value)) / 5) * 100}%`;
  return (
    <ul className="skill-bars" aria-label={`${title}: ratings 0 to 5 per skill`}>
      {points.map((p) => (
        <li key={p.skill}>
          <span className="skill-bar-name">{p.skill}</span>
          <span className="skill-bar-values">
            {/* The rating first, then what it is measured against. */}
            {[...series]
              .sort((a, b) => Number(b.key === 'current') - Number(a.key === 'current'))
              .map((s) => {
                const value = p[s.key];
                return value === null ? null : <span key={s.key}>{s.key === 'current' ? value : `${s.short} ${value}`}</span>;
              })}
          </span>
          <span className="skill-bar-track" aria-hidden="true">
            <span className="skill-bar-fill radar-current" style={{ width: at(p.current) }} />
            {series.map((s) => {
              const value = s.key === 'current' ? null : p[s.key];
              return value === null ? null : <span key={s.key} className={`skill-bar-mark ${s.className}`} style={{ left: at(value) }} />;
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The legend of a chart, drawn by the page rather than recharts so that each swatch carries its series' class. */
function ChartLegend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key} className={s.className}>
          <svg className="legend-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
            <rect className="recharts-polygon" x="1" y="2" width="26" height="10" />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** A skill's ratings over time, a point an assessment. */
export function AssessmentChart({ history }: { history: SkillDetail['history'] }) {
  if (history.length === 0) return <p className="muted">No assessments yet: rate the skill below to start its history.</p>;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  return (
    <figure className="chart-figure">
      <figcaption>
        {history.length === 1
          ? `One assessment: ${last.level} on ${last.date}.`
          : `From ${first.level} on ${first.date} to ${last.level} on ${last.date}, in ${history.length} assessments.`}
      </figcaption>
      <div className="chart chart-small">
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={history} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} title="Ratings over time" desc="Rating 0 to 5 at each assessment">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" minTickGap={24} className="chart-axis" />
            <YAxis domain={[0, 5]} allowDecimals={false} tickCount={6} width={32} className="chart-axis" />
            <Tooltip formatter={(v) => [String(v), 'rating']} wrapperClassName="chart-tooltip" />
            <Line type="stepAfter" dataKey="level" name="rating" className="rating-line" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
