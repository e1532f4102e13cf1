import { useState, type FormEvent } from 'react';
import type { HabitKind } from '../../../src/core/vocabulary.js';
import { useQuery } from '@tanstack/react-query';
import type { ZodType } from 'zod';
import { habitCreateSchema, habitUpdateSchema } from '../../../src/schemas/habit.schema.js';
import { api, type HabitDetail } from '../api.js';
import { apiFieldErrors, checkField, checkForm, withFieldError, type FieldErrors } from '../forms.js';
import { TextAreaField, TextField, FormAlert } from './Field.js';

const TEXT_FIELDS = [
  'name',
  'schedule',
  'target',
  'unit',
  'identity',
  'when',
  'where',
  'after',
  'twoMinute',
  'bundle',
  'lawObvious',
  'lawAttractive',
  'lawEasy',
  'lawSatisfying',
  'group',
  'skills',
] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
export type HabitFormValues = Record<TextFieldName, string> & { kind: HabitKind };
const FIELDS: readonly string[] = [...TEXT_FIELDS, 'kind'];

export function emptyValues(): HabitFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>;
  return { ...values, kind: 'build', schedule: 'daily' };
}

export function valuesOf(habit: HabitDetail): HabitFormValues {
  const text = (v: string | null) => v ?? '';
  return {
    name: habit.name,
    kind: habit.kind,
    schedule: habit.schedule,
    target: habit.target === null ? '' : String(habit.target),
    unit: text(habit.unit),
    identity: text(habit.identity),
    when: text(habit.when),
    where: text(habit.where),
    after: text(habit.after),
    twoMinute: text(habit.twoMinute),
    bundle: text(habit.bundle),
    lawObvious: text(habit.lawObvious),
    lawAttractive: text(habit.lawAttractive),
    lawEasy: text(habit.lawEasy),
    lawSatisfying: text(habit.lawSatisfying),
    group: text(habit.group),
    skills: habit.skills.join(', '),
  };
}

/** The form's values as the API takes them: numbers as numbers, an empty target as none. */
function toInput(values: HabitFormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  const target = values.target.trim() === '' ? null : Number(values.target);
  const input: Record<string, unknown> = { ...values, target };
  if (mode === 'create') {
    // Leave out what was not given, so the server's defaults apply.
    for (const key of Object.keys(input)) if (input[key] === '' || input[key] === null) delete input[key];
  }
  return input;
}

function fieldValue(name: string, value: string): unknown {
  if (name === 'target') return value.trim() === '' ? null : Number(value);
  return value;
}

export const LAWS = {
  build: { lawObvious: 'Make it obvious', lawAttractive: 'Make it attractive', lawEasy: 'Make it easy', lawSatisfying: 'Make it satisfying' },
  break: { lawObvious: 'Make it invisible', lawAttractive: 'Make it unattractive', lawEasy: 'Make it difficult', lawSatisfying: 'Make it unsatisfying' },
} as const;

const SCHEDULE_EXAMPLES = ['daily', 'weekdays', 'mon,wed,fri', '3/week', '2/3days', 'every 3 days'];

interface Props {
  mode: 'create' | 'edit';
  initial: HabitFormValues;
  /** The habit being edited, which cannot be stacked after itself. */
  slug?: string;
  submitLabel: string;
  onSaved: (habit: HabitDetail) => void;
  onCancel?: () => void;
}

/** Add or edit a habit: every input is checked with the shared schema the API uses. */
export function HabitForm({ mode, initial, slug, submitLabel, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<HabitFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const habits = useQuery({ queryKey: ['habits', { archived: false }], queryFn: () => api.habits(false) });
  const schema = mode === 'create' ? habitCreateSchema : habitUpdateSchema;
  const shape = schema.shape as Record<string, ZodType>;
  const groups = [...new Set((habits.data ?? []).flatMap((h) => (h.group ? [h.group] : [])))].sort();
  const others = (habits.data ?? []).filter((h) => h.slug !== slug);

  // Errors show on submit. Once a field has one, it is checked again as it is typed into, so the
  // message follows the fix; nothing appears on leaving a field, which would move the button aimed at.
  const set = (name: keyof HabitFormValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => withFieldError(e, name, checkField(shape[name], fieldValue(name, value))));
  };
  const focusFirstError = (found: FieldErrors) => {
    const first = TEXT_FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(`habit-${first}`)?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(values, mode);
    const found = checkForm(schema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    setSaving(true);
    try {
      const saved = mode === 'create' ? await api.addHabit(input) : await api.editHabit(slug!, input);
      onSaved(saved);
    } catch (error) {
      const fromApi = apiFieldErrors(error, FIELDS);
      setErrors(fromApi);
      focusFirstError(fromApi);
    } finally {
      setSaving(false);
    }
  };

  const text = (name: TextFieldName, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`habit-${name}`} label={label} value={values[name]} error={errors[name]} onChange={(e) => set(name, e.target.value)} {...extra} />
  );
  const area = (name: TextFieldName, label: string, hint?: string) => (
    <TextAreaField id={`habit-${name}`} label={label} hint={hint} value={values[name]} error={errors[name]} onChange={(e) => set(name, e.target.value)} />
  );
  const laws = LAWS[values.kind];

  return (
    <form className="habit-form" onSubmit={submit} noValidate aria-describedby="habit-form-alert">
      <FormAlert id="habit-form-alert" errors={errors} />
      <fieldset>
        <legend>The habit</legend>
        {text('name', 'Name', { required: true, autoComplete: 'off', hint: 'Unique among your habits, e.g. "Read 20 pages".' })}
        <fieldset className="radio-group">
          <legend>Kind</legend>
          <label className="radio">
            <input type="radio" name="habit-kind" value="build" checked={values.kind === 'build'} onChange={() => set('kind', 'build')} /> To build
          </label>
          <label className="radio">
            <input type="radio" name="habit-kind" value="break" checked={values.kind === 'break'} onChange={() => set('kind', 'break')} /> To break
          </label>
          {errors.kind ? <p className="field-error">{errors.kind}</p> : null}
        </fieldset>
        {text('schedule', 'Schedule', {
          list: 'schedule-examples',
          hint: 'daily, weekdays, mon,wed,fri, 3/week, 2/3days or every 3 days',
          autoComplete: 'off',
        })}
        <datalist id="schedule-examples">
          {SCHEDULE_EXAMPLES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <div className="field-row">
          {text('target', values.kind === 'build' ? 'Target: at least (optional)' : 'Limit: at most (optional)', {
            type: 'number',
            inputMode: 'decimal',
            min: 0,
            step: 'any',
            hint: 'Makes the habit measurable; leave empty for yes/no.',
          })}
          {text('unit', 'Unit', { hint: 'e.g. pages, minutes', autoComplete: 'off' })}
        </div>
        <div className="field-row">
          {text('group', 'Group', { list: 'habit-groups', autoComplete: 'off', hint: 'e.g. morning' })}
          {text('skills', 'Skills it grows', { hint: 'Comma separated, e.g. writing, focus', autoComplete: 'off' })}
        </div>
        <datalist id="habit-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>Atomic Habits</legend>
        {area('identity', 'Identity', 'Who you become: "I am someone who reads."')}
        <div className="field-row">
          {text('when', 'When (time)', { hint: 'Implementation intention: e.g. 7:00 or after lunch', autoComplete: 'off' })}
          {text('where', 'Where (place)', { hint: 'e.g. in the armchair', autoComplete: 'off' })}
        </div>
        {text('after', 'Stack after', {
          list: 'habit-slugs',
          hint: 'Another of your habits, or something you already do: "I pour my coffee"',
          autoComplete: 'off',
        })}
        <datalist id="habit-slugs">
          {others.map((h) => (
            <option key={h.slug} value={h.slug}>
              {h.name}
            </option>
          ))}
        </datalist>
        {area('twoMinute', 'Two-minute version', 'The habit made so small you cannot say no: "read one page".')}
        {area('bundle', 'Temptation bundle', 'Pair it with something you want: "only podcasts while I walk".')}
      </fieldset>

      <fieldset>
        <legend>The four laws{values.kind === 'break' ? ', inverted to break a habit' : ''}</legend>
        {area('lawObvious', `1. ${laws.lawObvious}`)}
        {area('lawAttractive', `2. ${laws.lawAttractive}`)}
        {area('lawEasy', `3. ${laws.lawEasy}`)}
        {area('lawSatisfying', `4. ${laws.lawSatisfying}`)}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
