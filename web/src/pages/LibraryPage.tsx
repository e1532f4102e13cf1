import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { LEARNING_STATUSES, learningCreateSchema } from '../../../src/schemas/learning.schema.js';
import { skillsApi, type SkillSummary } from '../api.js';
import { SelectField, Status } from '../components/Field.js';
import { EMPTY_ITEM, LearningItemForm, addedInput } from '../components/LearningItemForm.js';
import { LibraryImport } from '../components/LibraryImport.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { KIND_TEXT, STATUS_TEXT, learningApi, progressText, ratingText, type LearningStatus } from '../learning.api.js';
import { MoreToggle, StackedRow, StackedTable } from '../components/StackedTable.js';

function AddItemForm({ skills, onAdded }: { skills: SkillSummary[]; onAdded: (message: string) => void }) {
  return (
    <section className="card" aria-labelledby="add-item-title">
      <h2 id="add-item-title">Add to your library</h2>
      <LearningItemForm
        idPrefix="item"
        skills={skills}
        initial={EMPTY_ITEM}
        schema={learningCreateSchema}
        toInput={addedInput}
        save={learningApi.add}
        submitLabel="Add"
        // The next item is often of the same kind and status: those stay, the rest empties.
        afterSave={(values) => ({ ...EMPTY_ITEM, kind: values.kind, status: values.status })}
        onSaved={(item) => onAdded(`Added "${item.title}" (${STATUS_TEXT[item.status].toLowerCase()}).`)}
      />
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
          <p className="muted">
            {shown === ''
              ? 'Nothing here yet. Add a book below, or import your Goodreads, StoryGraph, Kindle or Readwise export.'
              : `Nothing marked "${STATUS_TEXT[shown]}".`}
          </p>
        ) : (
          <StackedTable label="Library table" className="library-list">
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
                <StackedRow key={item.id} data-item={item.id}>
                  <th scope="row">
                    <Link to={`/library/${encodeURIComponent(item.slug)}`}>{item.title}</Link>
                    {item.kind !== 'book' ? <span className="badge">{KIND_TEXT[item.kind]}</span> : null}
                    <MoreToggle about={item.title} />
                  </th>
                  <td className="secondary wide" data-label="Authors">
                    {item.authors.join(', ')}
                  </td>
                  <td data-label="Status">{STATUS_TEXT[item.status]}</td>
                  <td data-label="Progress">{progressText(item) || '–'}</td>
                  <td className="secondary" data-label="Rating">
                    {ratingText(item.rating) || '–'}
                  </td>
                </StackedRow>
              ))}
            </tbody>
          </StackedTable>
        )}
      </section>
      {skills.isPending ? (
        <Loading what="the skills" />
      ) : skills.isError ? (
        <LoadError error={skills.error} />
      ) : (
        <AddItemForm skills={skills.data} onAdded={setMessage} />
      )}
      <section className="card" aria-labelledby="library-import-title">
        <h2 id="library-import-title">Import</h2>
        <LibraryImport />
      </section>
    </div>
  );
}
