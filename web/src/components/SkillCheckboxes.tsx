import type { SkillKind, SkillSummary } from '../api.js';

/**
 * The skills of one kind as labelled checkboxes in a fieldset, for forms that tag several skills
 * (practice log, evidence). Ids are `${idPrefix}-${index in skills}`, so a field error can focus one.
 */
export function SkillCheckboxes(props: {
  idPrefix: string;
  skills: SkillSummary[];
  kind: SkillKind;
  legend: string;
  chosen: string[];
  onToggle: (id: string, on: boolean) => void;
  describedBy?: string;
}) {
  const { idPrefix, skills, kind, legend, chosen, onToggle, describedBy } = props;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {skills
          .filter((s) => s.kind === kind)
          .map((s) => (
            <li key={s.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  id={`${idPrefix}-${skills.indexOf(s)}`}
                  value={s.id}
                  checked={chosen.includes(s.id)}
                  onChange={(e) => onToggle(s.id, e.target.checked)}
                  aria-describedby={describedBy}
                />{' '}
                {s.name}
              </label>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}
