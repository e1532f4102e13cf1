export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`);

/** Strength as a bar and a percent; the percent is the text, the bar is decoration. */
export function StrengthBar({ value, label }: { value: number; label?: string }) {
  const width = `${Math.max(0, Math.min(1, value)) * 100}%`;
  return (
    <span className="strength" title={label ? `${label}: strength ${percent(value)}` : `strength ${percent(value)}`}>
      <span className="strength-bar" aria-hidden="true">
        <span className="strength-fill" style={{ width }} />
      </span>
      <span className="strength-value">{percent(value)}</span>
    </span>
  );
}
