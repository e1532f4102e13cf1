import { useQuery } from '@tanstack/react-query';
import { skillsApi, type Framework } from '../api.js';
import { SelectField } from './Field.js';

/** The active framework: its tracks and their levels, with names. */
export function useActiveFramework() {
  return useQuery({
    queryKey: ['framework', 'active'],
    queryFn: async (): Promise<Framework | null> => {
      const all = await skillsApi.frameworks();
      const active = all.find((f) => f.active) ?? all[0];
      return active ? skillsApi.framework(active.id) : null;
    },
  });
}

export function trackName(framework: Framework | null | undefined, track: string): string {
  return framework?.tracks.find((t) => t.id === track)?.name ?? track;
}

export function levelName(framework: Framework | null | undefined, track: string, level: string): string {
  return framework?.tracks.find((t) => t.id === track)?.levels.find((l) => l.id === level)?.name ?? level;
}

interface Props {
  idPrefix: string;
  framework: Framework | null | undefined;
  track: string;
  level: string;
  onChange: (track: string, level: string) => void;
  errors?: { track?: string | undefined; level?: string | undefined };
  /** Offer "none" as the first track. */
  noneLabel?: string;
}

/** A track and one of its levels, as two labelled selects. */
export function TrackLevelSelect({ idPrefix, framework, track, level, onChange, errors = {}, noneLabel }: Props) {
  const tracks = framework?.tracks ?? [];
  const levels = tracks.find((t) => t.id === track)?.levels ?? [];
  return (
    <div className="field-row">
      <SelectField
        id={`${idPrefix}-track`}
        label="Track"
        value={track}
        error={errors.track}
        onChange={(e) => {
          const next = e.target.value;
          onChange(next, tracks.find((t) => t.id === next)?.levels[0]?.id ?? '');
        }}
      >
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
        {tracks.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-level`}
        label="Level"
        value={level}
        error={errors.level}
        disabled={!track}
        onChange={(e) => onChange(track, e.target.value)}
      >
        {levels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
