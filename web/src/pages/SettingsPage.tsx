import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { settingsSchema } from '../../../src/schemas/habit.schema.js';
import { type ApiError, EXPORT_JSON_URL, api, type ImportSummary, type Settings } from '../api.js';
import { Alert, Status, TextField } from '../components/Field.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { useTheme } from '../components/theme-context.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkField, checkForm, problemOf, withFieldError, type FieldErrors } from '../forms.js';
import type { ThemeChoice } from '../theme.js';

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

function ProfileForm({ settings }: { settings: Settings }) {
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const zones = useMemo(timeZones, []);
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => api.saveSettings(input),
    onSuccess: async (saved) => {
      setErrors({});
      setMessage(`Saved. Your time zone is ${saved.timeZone}; today is ${saved.today}.`);
      await refresh();
    },
    onError: (e) => {
      setMessage(null);
      const found = apiFieldErrors(e, ['name', 'timeZone']);
      setErrors(found);
      focusError(found);
    },
  });
  const focusError = (found: FieldErrors) => {
    const id = found.name ? 'settings-name' : found.timeZone ? 'settings-timezone' : null;
    if (id) requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = {};
    if (name !== settings.name) input.name = name;
    if (timeZone !== settings.timeZone || settings.timeZoneIsSystem) input.timeZone = timeZone;
    const found = checkForm(settingsSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusError(found);
    // The API answers an empty change with an internal error (see the report); nothing to send anyway.
    if (Object.keys(input).length === 0) return setMessage('Nothing changed.');
    save.mutate(input);
  };
  return (
    <form className="card settings-profile" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">You</h2>
      <Status message={message} />
      <Alert message={errors.form} />
      <TextField
        id="settings-name"
        label="Name"
        value={name}
        error={errors.name}
        autoComplete="name"
        onChange={(e) => {
          setName(e.target.value);
          if (errors.name) setErrors((x) => withFieldError(x, 'name', checkField(settingsSchema.shape.name, e.target.value)));
        }}
      />
      <TextField
        id="settings-timezone"
        label="Time zone"
        list="time-zones"
        value={timeZone}
        error={errors.timeZone}
        autoComplete="off"
        hint={
          settings.timeZoneIsSystem
            ? `Now the system's (${settings.timeZone}). Check-ins are dated in this time zone.`
            : 'An IANA name such as Europe/Berlin. Check-ins are dated in this time zone.'
        }
        onChange={(e) => {
          setTimeZone(e.target.value);
          if (errors.timeZone) setErrors((x) => withFieldError(x, 'timeZone', checkField(settingsSchema.shape.timeZone, e.target.value)));
        }}
      />
      <datalist id="time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

function Appearance() {
  const { theme, choose } = useTheme();
  const options: [ThemeChoice, string][] = [
    ['system', 'As the system'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ];
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="radio-group">
        <legend>Theme</legend>
        {options.map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => choose(value)} /> {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

// Only what was imported: a habits-only backup does not list "0 frameworks, 0 activities, …".
const describe = (summary: ImportSummary) =>
  Object.entries(summary)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${v} ${k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`)
    .join(', ');

function ImportForm({
  id,
  title,
  accept,
  hint,
  run,
}: {
  id: string;
  title: string;
  accept: string;
  hint: string;
  run: (file: File) => Promise<ImportSummary>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useRefresh();
  const upload = useMutation({
    mutationFn: run,
    onSuccess: async (summary, file) => {
      setError(null);
      setMessage(`Imported ${file.name}: ${describe(summary) || 'nothing new'}.`);
      if (input.current) input.current.value = '';
      await refresh();
    },
    onError: (e) => {
      setMessage(null);
      setError(problemOf(e));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError('file: choose a file first');
      input.current?.focus();
      return;
    }
    upload.mutate(file);
  };
  return (
    <form className="import-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="field">
        <label htmlFor={id}>File</label>
        <input ref={input} id={id} type="file" accept={accept} aria-describedby={`${id}-hint`} />
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
      <Status message={message} />
      <Alert message={error} />
      <div className="form-actions">
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? 'Importing…' : title}
        </button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  usePageTitle('Settings');
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });
  return (
    <>
      <h1>Settings</h1>
      {settings.isPending ? <Loading what="settings" /> : settings.isError ? <LoadError error={settings.error} /> : <ProfileForm settings={settings.data} />}
      <Appearance />
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">Backup and import</h2>
        <p>
          <a href={EXPORT_JSON_URL} download className="button">
            Download a JSON backup
          </a>
        </p>
        <p className="hint">Everything, in one file. Restore it below into an empty grow.</p>
        <div className="imports">
          <ImportForm
            id="import-json"
            title="Import JSON backup"
            accept=".json,application/json"
            hint="A backup downloaded from grow (grow export json). It restores into an empty database."
            run={api.importJson}
          />
          <ImportForm
            id="import-loop"
            title="Import Loop Habit Tracker file"
            accept=".db,.zip,application/zip,application/x-sqlite3,application/vnd.sqlite3"
            hint="Loop's backup (.db) or its CSV export (.zip). Importing the same file again changes nothing."
            run={api.importLoop}
          />
        </div>
      </section>
    </>
  );
}
