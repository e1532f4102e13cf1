import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ZodType } from 'zod';
import { LEARNING_KINDS, LEARNING_STATUSES } from '../../../src/schemas/learning.schema.js';
import type { SkillKind, SkillSummary } from '../api.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { KIND_TEXT, STATUS_TEXT, type LearningItemDetail } from '../learning.api.js';
import { FormAlert, SelectField, TextAreaField, TextField } from './Field.js';
import { SkillCheckboxes } from './SkillCheckboxes.js';
import { useRefresh } from './common.js';

/** An item's details as the form holds them: text as typed, checked only on submit. */
export interface LearningItemValues {
  title: string;
  kind: string;
  status: string;
  authors: string;
  pages: string;
  isbn: string;
  url: string;
  recommendedBy: string;
  skills: string[];
}

export const EMPTY_ITEM: LearningItemValues = {
  title: '',
  kind: 'book',
  status: 'want',
  authors: '',
  pages: '',
  isbn: '',
  url: '',
  recommendedBy: '',
  skills: [],
};

/** The form's values for an item that exists, to edit it. */
export function itemValues(item: LearningItemDetail): LearningItemValues {
  return {
    title: item.title,
    kind: item.kind,
    status: item.status,
    authors: item.authors.join('\n'),
    pages: item.pages === null ? '' : String(item.pages),
    isbn: item.isbn13 ?? item.isbn10 ?? '',
    url: item.url ?? '',
    recommendedBy: item.recommendedBy ?? '',
    skills: item.skills,
  };
}

// One name a line: names such as "Newport, Cal" hold commas.
const authorList = (text: string) => text.split('\n');

/** What adding sends: the fields filled in; the ones left empty take the server's defaults. */
export function addedInput(values: LearningItemValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: values.title,
    kind: values.kind,
    status: values.status,
    authors: authorList(values.authors),
    skills: values.skills,
  };
  if (values.pages.trim() !== '') input.pages = values.pages.trim();
  if (values.isbn.trim() !== '') input.isbn = values.isbn;
  if (values.url.trim() !== '') input.url = values.url;
  if (values.recommendedBy.trim() !== '') input.recommendedBy = values.recommendedBy;
  return input;
}

/**
 * What editing sends: only the fields changed, so the rest stay exactly as stored (an imported
 * ISBN-10, say). An emptied field is sent empty, which clears it.
 */
export function changedInput(before: LearningItemValues, after: LearningItemValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (after.title !== before.title) input.title = after.title;
  if (after.kind !== before.kind) input.kind = after.kind;
  if (after.status !== before.status) input.status = after.status;
  if (after.authors !== before.authors) input.authors = authorList(after.authors);
  if (after.pages.trim() !== before.pages) input.pages = after.pages.trim();
  if (after.isbn.trim() !== before.isbn) input.isbn = after.isbn;
  if (after.url.trim() !== before.url) input.url = after.url;
  if (after.recommendedBy !== before.recommendedBy) input.recommendedBy = after.recommendedBy;
  if ([...after.skills].sort().join(',') !== [...before.skills].sort().join(',')) input.skills = after.skills;
  return input;
}

const FIELDS = ['title', 'kind', 'authors', 'pages', 'isbn', 'url', 'recommendedBy', 'skills', 'status'];
const FIELD_IDS: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  authors: 'authors',
  pages: 'pages',
  isbn: 'isbn',
  url: 'url',
  recommendedBy: 'recommended-by',
  skills: 'skill-0',
  status: 'status',
};

/**
 * The fields of a library item, checked with the shared schema before sending and with the
 * server's problems shown next to their fields. Adding and editing differ in what they send
 * (`toInput`) and what follows a save. Input ids are `${idPrefix}-title`, `${idPrefix}-isbn`, ….
 */
export function LearningItemForm(props: {
  idPrefix: string;
  skills: SkillSummary[];
  initial: LearningItemValues;
  schema: ZodType;
  toInput: (values: LearningItemValues) => Record<string, unknown>;
  save: (input: Record<string, unknown>) => Promise<LearningItemDetail>;
  onSaved: (item: LearningItemDetail) => void;
  submitLabel: string;
  /** The values to start again from after a save, for adding one item after another. */
  afterSave?: (values: LearningItemValues) => LearningItemValues;
  onCancel?: () => void;
}) {
  const { idPrefix, skills, initial, schema, toInput, save: send, onSaved, submitLabel, afterSave, onCancel } = props;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const id = (field: string) => `${idPrefix}-${FIELD_IDS[field] ?? field}`;
  const set = (field: keyof LearningItemValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(id(first))?.focus());
  };
  const save = useMutation({
    mutationFn: send,
    onSuccess: async (item) => {
      setErrors({});
      if (afterSave) setValues(afterSave);
      // Fresh data first, so what the page shows next is what was saved.
      await refresh();
      onSaved(item);
      if (afterSave) requestAnimationFrame(() => document.getElementById(id('title'))?.focus());
    },
    onError: (error) => {
      const found = apiFieldErrors(error, FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(values);
    const found = checkForm(schema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    save.mutate(input);
  };
  const toggle = (skill: string, on: boolean) => setValues((v) => ({ ...v, skills: on ? [...v.skills, skill] : v.skills.filter((s) => s !== skill) }));
  const group = (skillKind: SkillKind, label: string) => (
    <SkillCheckboxes
      idPrefix={`${idPrefix}-skill`}
      skills={skills}
      kind={skillKind}
      legend={label}
      chosen={values.skills}
      onToggle={toggle}
      describedBy={errors.skills ? `${idPrefix}-skills-error` : undefined}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert errors={errors} />
      <TextField id={id('title')} label="Title" value={values.title} error={errors.title} autoComplete="off" onChange={set('title')} required />
      <div className="field-row">
        <SelectField id={id('kind')} label="Kind" value={values.kind} error={errors.kind} onChange={set('kind')}>
          {LEARNING_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_TEXT[k]}
            </option>
          ))}
        </SelectField>
        <SelectField id={id('status')} label="Status" value={values.status} error={errors.status} onChange={set('status')}>
          {LEARNING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={id('pages')}
          label="Pages"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={values.pages}
          error={errors.pages}
          onChange={set('pages')}
          className="narrow"
        />
      </div>
      <TextAreaField id={id('authors')} label="Authors" hint="One name a line." value={values.authors} error={errors.authors} onChange={set('authors')} />
      <div className="field-row">
        <TextField
          id={id('isbn')}
          label="ISBN"
          hint="ISBN-10 or ISBN-13; hyphens are fine."
          value={values.isbn}
          error={errors.isbn}
          autoComplete="off"
          onChange={set('isbn')}
        />
        <TextField id={id('recommendedBy')} label="Recommended by" value={values.recommendedBy} error={errors.recommendedBy} onChange={set('recommendedBy')} />
      </div>
      <TextField id={id('url')} label="Web address" type="url" value={values.url} error={errors.url} onChange={set('url')} />
      <fieldset className={errors.skills ? 'field-invalid' : undefined}>
        <legend>Skills it grows (optional)</legend>
        <div className="skill-choices">
          {group('technical', 'Technical')}
          {group('soft', 'Soft')}
        </div>
        {errors.skills ? (
          <p className="field-error" id={`${idPrefix}-skills-error`}>
            {errors.skills}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {submitLabel}
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
