import { useDeferredValue, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { journalCreateSchema, journalUpdateSchema } from '../../../src/schemas/journal.schema.js';
import { journalApi, type JournalEntry, type SavedJournalEntry } from '../journal.api.js';
import { TextAreaField, TextField, FormAlert } from '../components/Field.js';
import { entryPath } from '../components/JournalParts.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';

const FIELDS = ['title', 'date', 'tags', 'body'];

interface Values {
  title: string;
  date: string;
  tags: string;
  body: string;
}

const valuesOf = (entry: JournalEntry | null): Values => ({
  title: entry?.title ?? '',
  date: entry?.date ?? '',
  tags: entry?.tags.join(', ') ?? '',
  body: entry?.body ?? '',
});

function EntryForm({ entry }: { entry: JournalEntry | null }) {
  const [values, setValues] = useState<Values>(() => valuesOf(entry));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState(true);
  const previewSource = useDeferredValue(values.body);
  const navigate = useNavigate();
  const client = useQueryClient();
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(`entry-${first}`)?.focus());
  };
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => (entry ? journalApi.edit(entry.id, input) : journalApi.add(input)),
    onSuccess: async (saved: SavedJournalEntry) => {
      await client.invalidateQueries({ queryKey: ['journal'] });
      const warning = saved.warnings ? ` Note: ${saved.warnings.join(' ')}` : '';
      navigate(entryPath(saved.id), { state: { message: `Saved.${warning}` } });
    },
    onError: (error) => {
      const found = apiFieldErrors(error, FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { title: values.title, tags: values.tags, body: values.body };
    // A new entry without a date is written now, with the time of day.
    if (values.date !== '' || entry) input.date = values.date;
    const found = checkForm(entry ? journalUpdateSchema : journalCreateSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    save.mutate(input);
  };
  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  return (
    <form onSubmit={submit} noValidate className="journal-editor">
      <FormAlert errors={errors} />
      <TextField id="entry-title" label="Title (optional)" value={values.title} error={errors.title} autoComplete="off" onChange={set('title')} />
      <div className="field-row">
        <TextField
          id="entry-date"
          label="Date"
          type="date"
          hint={entry ? undefined : 'Empty: now, with the time of day.'}
          value={values.date}
          error={errors.date}
          onChange={set('date')}
          className="narrow"
        />
        <TextField
          id="entry-tags"
          label="Tags"
          hint="Comma separated, e.g. feedback, career"
          value={values.tags}
          error={errors.tags}
          autoComplete="off"
          onChange={set('tags')}
        />
      </div>
      <div className="form-actions">
        <button type="button" aria-pressed={preview} aria-controls="entry-preview-pane" onClick={() => setPreview((p) => !p)}>
          Preview
        </button>
      </div>
      <div className={`journal-editor-panes${preview ? ' with-preview' : ''}`}>
        <TextAreaField
          id="entry-body"
          label="Entry (Markdown)"
          hint="Markdown: # heading, **bold**, *italic*, [link](https://…), - list."
          rows={18}
          value={values.body}
          error={errors.body}
          onChange={set('body')}
          className="journal-editor-body"
        />
        {preview ? (
          <section id="entry-preview-pane" className="journal-preview" aria-labelledby="entry-preview-title">
            <h2 id="entry-preview-title">Preview</h2>
            {previewSource.trim() === '' ? <p className="muted">Nothing to preview yet.</p> : <MarkdownView source={previewSource} id="entry-preview" />}
          </section>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {entry ? 'Save changes' : 'Save entry'}
        </button>
        <button type="button" onClick={() => navigate(entry ? entryPath(entry.id) : '/journal')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function JournalEditorPage() {
  const { id } = useParams();
  const entry = useQuery({ queryKey: ['journal', 'entry', id], queryFn: () => journalApi.entry(id!), enabled: id !== undefined });
  const title = id === undefined ? 'New entry' : entry.data ? `Edit ${entry.data.title ?? `entry of ${entry.data.date}`}` : 'Edit entry';
  usePageTitle(title);
  if (id !== undefined && entry.isPending) return <Loading what="the entry" />;
  if (id !== undefined && entry.isError) return <LoadError error={entry.error} />;
  return (
    <div className="journal-editor-page">
      <p className="crumbs">
        <Link to="/journal">Journal</Link> / {id === undefined ? 'new' : <Link to={entryPath(id)}>{entry.data?.date}</Link>}
      </p>
      <h1>{title}</h1>
      <EntryForm key={entry.data?.id ?? 'new'} entry={id === undefined ? null : (entry.data ?? null)} />
    </div>
  );
}
