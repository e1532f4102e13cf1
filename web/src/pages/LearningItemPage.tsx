import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  learningFinishSchema,
  learningNoteSchema,
  learningProgressSchema,
  learningUpdateSchema,
  readProgressArgument,
} from '../../../src/schemas/learning.schema.js';
import { api, skillsApi } from '../api.js';
import { Alert, Status, TextAreaField, TextField } from '../components/Field.js';
import { LearningItemForm, changedInput, itemValues } from '../components/LearningItemForm.js';
import { LoadError, Loading, useRefresh } from '../components/common.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors, checkForm, errorText, type FieldErrors } from '../forms.js';
import { KIND_TEXT, STATUS_TEXT, learningApi, progressText, ratingText, type LearningItemDetail } from '../learning.api.js';

type Announce = (message: string) => void;

/** One field's error, from the shared schema or the API; `fields` are the names that belong to it. */
function useFieldError(fields: readonly string[]) {
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const fromErrors = (found: FieldErrors) => {
    const field = fields.find((f) => found[f]);
    setError(field ? found[field]! : null);
    setFormError(field ? null : (found.form ?? null));
    return field !== undefined || found.form !== undefined;
  };
  const clear = () => {
    setError(null);
    setFormError(null);
  };
  return { error, formError, fromErrors, clear };
}

function ProgressForm({ item, onDone }: { item: LearningItemDetail; onDone: Announce }) {
  const [position, setPosition] = useState(item.page !== null ? String(item.page) : item.progress !== null ? `${item.progress}%` : '');
  const state = useFieldError(['page', 'percent']);
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (input: { page: unknown } | { percent: unknown }) => learningApi.progress(item.id, input),
    onSuccess: async (result) => {
      state.clear();
      onDone(`Progress saved: ${progressText(result) || 'recorded'}.`);
      await refresh();
    },
    onError: (error) => {
      state.fromErrors(apiFieldErrors(error, ['page', 'percent']));
      requestAnimationFrame(() => document.getElementById('progress-position')?.focus());
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = readProgressArgument(position);
    if (state.fromErrors(checkForm(learningProgressSchema, input))) {
      requestAnimationFrame(() => document.getElementById('progress-position')?.focus());
      return;
    }
    save.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p>{progressText(item) || 'Not started.'}</p>
      <form onSubmit={submit} noValidate>
        <Alert message={state.formError} />
        <TextField
          id="progress-position"
          label="Page or percentage"
          hint={item.pages !== null ? `A page up to ${item.pages}, or a percentage such as 40%.` : 'A page, or a percentage such as 40%.'}
          value={position}
          error={state.error}
          inputMode="decimal"
          autoComplete="off"
          onChange={(e) => setPosition(e.target.value)}
          className="narrow"
        />
        <div className="form-actions">
          <button type="submit" disabled={save.isPending}>
            Save progress
          </button>
        </div>
      </form>
    </section>
  );
}

function FinishForm({ item, today, onDone }: { item: LearningItemDetail; today: string; onDone: Announce }) {
  const [rating, setRating] = useState(item.rating === null ? '' : String(item.rating));
  const [date, setDate] = useState(item.finishedAt ?? today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const finish = useMutation({
    mutationFn: (input: { rating?: number | null; date?: string }) => learningApi.finish(item.id, input),
    onSuccess: async (result) => {
      setErrors({});
      onDone(`Finished "${result.title}" on ${result.finishedAt}${result.rating === null ? '' : `, rated ${ratingText(result.rating)}`}.`);
      await refresh();
    },
    onError: (error) => {
      const found = apiFieldErrors(error, ['rating', 'date']);
      setErrors(found);
      const first = ['rating', 'date'].find((f) => found[f]);
      if (first) requestAnimationFrame(() => document.getElementById(`finish-${first}`)?.focus());
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: { rating?: number | null; date?: string } = { date };
    if (rating.trim() !== '') input.rating = Number(rating);
    const found = checkForm(learningFinishSchema, input);
    setErrors(found);
    const first = ['rating', 'date'].find((f) => found[f]);
    if (first) return requestAnimationFrame(() => document.getElementById(`finish-${first}`)?.focus());
    finish.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="finish-title">
      <h2 id="finish-title">{item.status === 'read' ? 'Finished' : 'Finish'}</h2>
      {item.status === 'read' ? (
        <p>
          Finished on {item.finishedAt ?? 'an unknown day'}
          {item.rating !== null ? `, rated ${ratingText(item.rating)}` : ''}.
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Alert message={errors.form} />
        <div className="field-row">
          <TextField
            id="finish-rating"
            label="Rating (optional)"
            hint="0 to 5, in quarter steps: 4, 3.75."
            type="number"
            inputMode="decimal"
            min={0}
            max={5}
            step={0.25}
            value={rating}
            error={errors.rating}
            onChange={(e) => setRating(e.target.value)}
            className="narrow"
          />
          <TextField
            id="finish-date"
            label="Finished on"
            type="date"
            max={today}
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
            className="narrow"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={finish.isPending}>
            {item.status === 'read' ? 'Save' : 'Mark as finished'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A list and a one-field form that adds to it; used for notes and takeaways. */
function AddTextForm(props: { id: string; label: string; button: string; send: (text: string) => Promise<unknown>; done: string; onDone: Announce }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = useRefresh();
  const add = useMutation({
    mutationFn: props.send,
    onSuccess: async () => {
      setErrors({});
      setText('');
      props.onDone(props.done);
      await refresh();
    },
    onError: (error) => {
      setErrors(apiFieldErrors(error, ['text']));
      requestAnimationFrame(() => document.getElementById(props.id)?.focus());
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(learningNoteSchema, { text });
    setErrors(found);
    if (found.text) return requestAnimationFrame(() => document.getElementById(props.id)?.focus());
    add.mutate(text);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Alert message={errors.form} />
      <TextAreaField id={props.id} label={props.label} value={text} error={errors.text} onChange={(e) => setText(e.target.value)} rows={3} />
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          {props.button}
        </button>
      </div>
    </form>
  );
}

function Highlights({ item, onDone }: { item: LearningItemDetail; onDone: Announce }) {
  const [error, setError] = useState<string | null>(null);
  const refresh = useRefresh();
  const card = useMutation({
    mutationFn: (highlightId: string) => learningApi.makeCard(highlightId),
    onSuccess: async () => {
      setError(null);
      onDone('Review card made from the highlight.');
      await refresh();
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <section className="card" aria-labelledby="highlights-title">
      <h2 id="highlights-title">
        Highlights <span className="count">{item.highlights.length}</span>
      </h2>
      <Alert message={error} />
      {item.highlights.length === 0 ? (
        <p className="muted">No highlights yet. Import them from Kindle or Readwise on the library page.</p>
      ) : (
        <ul className="learning-highlights">
          {item.highlights.map((h) => (
            <li key={h.id} data-highlight={h.id}>
              <blockquote>{h.text}</blockquote>
              {h.note ? <p className="learning-highlight-note">Note: {h.note}</p> : null}
              <p className="meta">
                {[h.page ? `page ${h.page}` : null, h.location ? `location ${h.location}` : null, h.highlightedAt ? h.highlightedAt.slice(0, 10) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {h.cardId ? (
                <p className="meta">In your review cards.</p>
              ) : (
                <button type="button" onClick={() => card.mutate(h.id)} disabled={card.isPending}>
                  Make a review card<span className="sr-only"> of “{h.text.slice(0, 40)}”</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteDialog({ item, onDeleted }: { item: LearningItemDetail; onDeleted: () => void }) {
  const parts = [
    `${item.notes.length} note${item.notes.length === 1 ? '' : 's'}`,
    `${item.highlights.length} highlight${item.highlights.length === 1 ? '' : 's'}`,
    `${item.takeaways.length} takeaway${item.takeaways.length === 1 ? '' : 's'}`,
  ];
  return (
    <ConfirmDelete title={`Delete ${item.title}?`} remove={() => learningApi.remove(item.id)} onDeleted={onDeleted}>
      This deletes the item with its {parts.join(', ')} and their review cards, for good.
    </ConfirmDelete>
  );
}

function Details({ item, onEdit }: { item: LearningItemDetail; onEdit: () => void }) {
  const rows: [string, string | null][] = [
    ['Kind', KIND_TEXT[item.kind]],
    ['Status', STATUS_TEXT[item.status]],
    ['Pages', item.pages === null ? null : String(item.pages)],
    ['ISBN', item.isbn13],
    ['Recommended by', item.recommendedBy],
    ['Skills', item.skills.length ? item.skills.join(', ') : null],
    ['Started', item.startedAt],
    ['Finished', item.finishedAt],
    ['Rating', ratingText(item.rating) || null],
  ];
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <dl className="learning-details">
        {rows
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {item.url ? (
          <div>
            <dt>Web address</dt>
            <dd>
              <a href={item.url} rel="noopener noreferrer" target="_blank">
                {item.url}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="form-actions">
        <button type="button" id="edit-details" onClick={onEdit}>
          Edit details
        </button>
      </div>
    </section>
  );
}

/** The add form's fields, filled with the item's; only what changed is sent. */
function EditDetails({ item, onClose, onDone }: { item: LearningItemDetail; onClose: () => void; onDone: Announce }) {
  const skills = useQuery({ queryKey: ['skills'], queryFn: skillsApi.skills });
  const [initial] = useState(() => itemValues(item));
  useEffect(() => {
    if (skills.isSuccess) document.getElementById('edit-title')?.focus();
  }, [skills.isSuccess]);
  return (
    <section className="card learning-edit" aria-labelledby="edit-details-title">
      <h2 id="edit-details-title">Edit details</h2>
      {skills.isPending ? (
        <Loading what="the skills" />
      ) : skills.isError ? (
        <LoadError error={skills.error} />
      ) : (
        <LearningItemForm
          idPrefix="edit"
          skills={skills.data}
          initial={initial}
          schema={learningUpdateSchema}
          toInput={(values) => changedInput(initial, values)}
          save={(input) => learningApi.edit(item.id, input)}
          submitLabel="Save details"
          onSaved={(saved) => {
            onDone(`Saved the details of "${saved.title}".`);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </section>
  );
}

export function LearningItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const item = useQuery({ queryKey: ['learning', 'item', id], queryFn: () => learningApi.item(id) });
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const closeEdit = () => {
    setEditing(false);
    // Back where the person was: the button that opened the form.
    requestAnimationFrame(() => document.getElementById('edit-details')?.focus());
  };
  usePageTitle(item.data?.title ?? 'Library');

  if (item.isPending || today.isPending) return <Loading what="the item" />;
  if (item.isError) return <LoadError error={item.error} />;
  if (today.isError) return <LoadError error={today.error} />;
  const it = item.data;

  return (
    <div className="learning-item-page">
      <p className="crumbs">
        <Link to="/library">Library</Link> / {it.title}
      </p>
      <div className="page-head">
        <h1>{it.title}</h1>
        <div className="actions">
          <DeleteDialog
            item={it}
            onDeleted={() => {
              client.removeQueries({ queryKey: ['learning', 'item', id] });
              navigate('/library');
              void client.invalidateQueries();
            }}
          />
        </div>
      </div>
      {it.authors.length ? <p className="lede">by {it.authors.join(', ')}</p> : null}
      <Status message={message} />
      <div className="learning-grid">
        {editing ? (
          <EditDetails item={it} onClose={closeEdit} onDone={setMessage} />
        ) : (
          <Details
            item={it}
            onEdit={() => {
              setMessage(null);
              setEditing(true);
            }}
          />
        )}
        <ProgressForm key={`progress-${it.page}-${it.progress}`} item={it} onDone={setMessage} />
        <FinishForm key={`finish-${it.finishedAt}-${it.rating}`} item={it} today={today.data.date} onDone={setMessage} />
      </div>
      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title">
          Notes <span className="count">{it.notes.length}</span>
        </h2>
        {it.notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <ul className="learning-notes">
            {it.notes.map((n) => (
              <li key={n.id}>
                <p>{n.text}</p>
                <p className="meta">{n.createdAt.slice(0, 10)}</p>
              </li>
            ))}
          </ul>
        )}
        <AddTextForm
          id="note-text"
          label="New note"
          button="Add note"
          send={(text) => learningApi.addNote(it.id, text)}
          done="Note added."
          onDone={setMessage}
        />
      </section>
      <section className="card" aria-labelledby="takeaways-title">
        <h2 id="takeaways-title">
          Takeaways <span className="count">{it.takeaways.length}</span>
        </h2>
        <p className="hint">A takeaway is a review card: grow asks you about it again, spaced out, so it stays with you.</p>
        {it.takeaways.length === 0 ? (
          <p className="muted">No takeaways yet.</p>
        ) : (
          <ul className="learning-notes">
            {it.takeaways.map((t) => (
              <li key={t.id}>
                <p>{t.back}</p>
                <p className="meta learning-takeaway-prompt">{t.front}</p>
                <p className="meta">next review {t.due.slice(0, 10)}</p>
              </li>
            ))}
          </ul>
        )}
        <AddTextForm
          id="takeaway-text"
          label="New takeaway"
          button="Add takeaway"
          send={(text) => learningApi.addTakeaway(it.id, text)}
          done="Takeaway added."
          onDone={setMessage}
        />
      </section>
      <Highlights item={it} onDone={setMessage} />
    </div>
  );
}
