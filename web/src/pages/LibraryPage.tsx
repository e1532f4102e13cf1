import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { LEARNING_KINDS, LEARNING_STATUSES, learningCreateSchema } from '../../../src/schemas/learning.schema.js';
import { skillsApi, type SkillKind, type SkillSummary } from '../api.js';
import { SelectField, Status, TextAreaField, TextField, FormAlert } from '../components/Field.js';
import { LibraryImport } from '../components/LibraryImport.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { SkillCheckboxes } from '../components/SkillCheckboxes.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, type FieldErrors } from '../forms.js';
import { KIND_TEXT, STATUS_TEXT, learningApi, progressText, ratingText, type LearningStatus } from '../learning.api.js';

const FIELDS = ['title', 'kind', 'authors', 'pages', 'isbn', 'url', 'recommendedBy', 'skills', 'status'];
const FIELD_IDS: Record<string, string> = {
  title: 'item-title',
  kind: 'item-kind',
  authors: 'item-authors',
  pages: 'item-pages',
  isbn: 'item-isbn',
  url: 'item-url',
  recommendedBy: 'item-recommended-by',
  skills: 'item-skill-0',
  status: 'item-status',
};

function AddItemForm({ skills, onAdded }: { skills: SkillSummary[]; onAdded: (message: string) => void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('book');
  const [authors, setAuthors] = useState('');
  const [pages, setPages] = useState('');
  const [isbn, setIsbn] = useState('');
  const [url, setUrl] = useState('');
  const [recommendedBy, setRecommendedBy] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [status, setStatus] = useState('want');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const focusFirst = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(FIELD_IDS[first]!)?.focus());
  };
  const add = useMutation({
    mutationFn: (input: Record<string, unknown>) => learningApi.add(input),
    onSuccess: async (item) => {
      setErrors({});
      setTitle('');
      setAuthors('');
      setPages('');
      setIsbn('');
      setUrl('');
      setRecommendedBy('');
      setChosen([]);
      onAdded(`Added "${item.title}" (${STATUS_TEXT[item.status].toLowerCase()}).`);
      await refresh();
      requestAnimationFrame(() => document.getElementById('item-title')?.focus());
    },
    onError: (error) => {
      const found = apiFieldErrors(error, FIELDS);
      setErrors(found);
      focusFirst(found);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = {
      title,
      kind,
      status,
      // One name a line: names such as "Newport, Cal" hold commas.
      authors: authors.split('\n'),
      skills: chosen,
    };
    if (pages.trim() !== '') input.pages = pages.trim();
    if (isbn.trim() !== '') input.isbn = isbn;
    if (url.trim() !== '') input.url = url;
    if (recommendedBy.trim() !== '') input.recommendedBy = recommendedBy;
    const found = checkForm(learningCreateSchema, input);
    setErrors(found);
    if (Object.keys(found).length) return focusFirst(found);
    add.mutate(input);
  };
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((s) => s !== id)));
  const group = (skillKind: SkillKind, label: string) => (
    <SkillCheckboxes
      idPrefix="item-skill"
      skills={skills}
      kind={skillKind}
      legend={label}
      chosen={chosen}
      onToggle={toggle}
      describedBy={errors.skills ? 'item-skills-error' : undefined}
    />
  );
  return (
    <section className="card" aria-labelledby="add-item-title">
      <h2 id="add-item-title">Add to your library</h2>
      <form onSubmit={submit} noValidate>
        <FormAlert errors={errors} />
        <TextField id="item-title" label="Title" value={title} error={errors.title} autoComplete="off" onChange={(e) => setTitle(e.target.value)} required />
        <div className="field-row">
          <SelectField id="item-kind" label="Kind" value={kind} error={errors.kind} onChange={(e) => setKind(e.target.value)}>
            {LEARNING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </SelectField>
          <SelectField id="item-status" label="Status" value={status} error={errors.status} onChange={(e) => setStatus(e.target.value)}>
            {LEARNING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </SelectField>
          <TextField id="item-pages" label="Pages" type="number" inputMode="numeric" min={1} step={1} value={pages} error={errors.pages} onChange={(e) => setPages(e.target.value)} className="narrow" />
        </div>
        <TextAreaField id="item-authors" label="Authors" hint="One name a line." value={authors} error={errors.authors} onChange={(e) => setAuthors(e.target.value)} />
        <div className="field-row">
          <TextField id="item-isbn" label="ISBN" hint="ISBN-10 or ISBN-13; hyphens are fine." value={isbn} error={errors.isbn} autoComplete="off" onChange={(e) => setIsbn(e.target.value)} />
          <TextField id="item-recommended-by" label="Recommended by" value={recommendedBy} error={errors.recommendedBy} onChange={(e) => setRecommendedBy(e.target.value)} />
        </div>
        <TextField id="item-url" label="Web address" type="url" value={url} error={errors.url} onChange={(e) => setUrl(e.target.value)} />
        <fieldset className={errors.skills ? 'field-invalid' : undefined}>
          <legend>Skills it grows (optional)</legend>
          <div className="skill-choices">
            {group('technical', 'Technical')}
            {group('soft', 'Soft')}
          </div>
          {errors.skills ? (
            <p className="field-error" id="item-skills-error">
              {errors.skills}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.isPending}>
            Add
          </button>
        </div>
      </form>
    </section>
  );
}

export function LibraryPage() {
  usePageTitle('Library');
  const [shown, setShown] = useState<LearningStatus | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const items = useQuery({ queryKey: ['learning', 'list', shown], queryFn: () => learningApi.items(shown === '' ? undefined : shown) });
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  // Newest first: what one just added is on top.
  const list = [...(items.data ?? [])].reverse();

  return (
    <div className="library-page">
      <div className="page-head">
        <h1>Library</h1>
      </div>
      <p className="lede">The books, articles, courses and talks you learn from: where you are in each, and what you keep from them.</p>
      <Status message={message} />
      <section className="card" aria-labelledby="library-list-title">
        <h2 id="library-list-title">
          Items <span className="count">{list.length}</span>
        </h2>
        <div className="toolbar">
          <SelectField id="library-show" label="Show" value={shown} onChange={(e) => setShown(e.target.value as LearningStatus | '')} className="narrow">
            <option value="">Everything</option>
            {LEARNING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </SelectField>
        </div>
        {items.isPending ? (
          <Loading what="the library" />
        ) : items.isError ? (
          <LoadError error={items.error} />
        ) : list.length === 0 ? (
          <p className="muted">{shown === '' ? 'Nothing here yet. Add a book below, or import your Goodreads, StoryGraph, Kindle or Readwise export.' : `Nothing marked "${STATUS_TEXT[shown]}".`}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Library table">
            <table className="library-list">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Rating</th>
                </tr>
              </thead>
              <tbody>
                {list.map((item) => (
                  <tr key={item.id} data-item={item.id}>
                    <th scope="row">
                      <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                      {item.kind !== 'book' ? <span className="badge">{KIND_TEXT[item.kind]}</span> : null}
                    </th>
                    <td>{item.authors.join(', ')}</td>
                    <td>{STATUS_TEXT[item.status]}</td>
                    <td>{progressText(item) || '–'}</td>
                    <td>{ratingText(item.rating) || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {skills.isPending ? <Loading what="the skills" /> : skills.isError ? <LoadError error={skills.error} /> : <AddItemForm skills={skills.data} onAdded={setMessage} />}
      <section className="card" aria-labelledby="library-import-title">
        <h2 id="library-import-title">Import</h2>
        <LibraryImport />
      </section>
    </div>
  );
}
