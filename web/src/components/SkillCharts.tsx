import {
  CartesianGrid,
  Legend,
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
} from 'recharts';
import type { SkillDetail } from '../api.js';

export interface RadarPoint {
  skill: string;
  current: number;
  target: number | null;
  tryOn: number | null;
}

/**
 * The shape of a person's ratings: one radar for a kind of skill, with the target's expectations
 * and a tried-on role drawn over it. The table beside it says the same in words.
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
  if (points.length < 3) return <p className="muted">Too few skills for a radar.</p>;
  const data = points.map((p) => ({ skill: p.skill, current: p.current, target: p.target ?? 0, tryOn: p.tryOn ?? 0 }));
  return (
    <div className="chart radar-chart">
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={data} outerRadius="68%" title={title} desc={`${title}: ratings 0 to 5 per skill`}>
          <PolarGrid className="radar-grid" />
          <PolarAngleAxis dataKey="skill" className="chart-axis" />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} className="chart-axis" />
          {targetLabel ? <Radar name={targetLabel} dataKey="target" className="radar-target" isAnimationActive={false} /> : null}
          <Radar name="Current rating" dataKey="current" className="radar-current" isAnimationActive={false} />
          {/* Last: series paint in the order they mount, so the role tried on lies over the ratings however late it comes. */}
          {tryOnLabel ? <Radar name={tryOnLabel} dataKey="tryOn" className="radar-tryon" isAnimationActive={false} /> : null}
          <Legend />
          <Tooltip wrapperClassName="chart-tooltip" />
        </RadarChart>
      </ResponsiveContainer>
    </div>
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
