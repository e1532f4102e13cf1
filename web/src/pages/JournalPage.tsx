import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { isoWeek } from '../../../src/core/balance.js';
import { api } from '../api.js';
import { journalApi, type JournalKind, type JournalListItem } from '../journal.api.js';
import { JournalTags, KindBadge, entryPath, entryWhen } from '../components/JournalParts.js';
import { SelectField, Status, TextField } from '../components/Field.js';
import { JournalSnippet } from '../components/JournalSnippet.js';
import { JournalWeeklyForm } from '../components/JournalWeeklyForm.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors } from '../forms.js';

function EntryRow({ entry }: { entry: JournalListItem }) {
  return (
    <li className="journal-row" data-entry={entry.id}>
      <div className="journal-row-head">
        <Link to={entryPath(entry.id)} className="journal-row-title">
          {entry.title ?? 'Untitled entry'}
        </Link>
        <KindBadge kind={entry.kind} />
      </div>
      <p className="meta">
        <time dateTime={entry.date}>{entryWhen(entry)}</time>
        {entry.visibility === 'shared' ? ' · shared' : null}
      </p>
      {entry.excerpt ? <p className="journal-excerpt">{entry.excerpt}</p> : null}
      <JournalTags tags={entry.tags} />
    </li>
  );
}

function JournalSearch() {
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hits = useQuery({
    queryKey: ['journal', 'search', searched],
    queryFn: () => journalApi.search(searched ?? ''),
    enabled: searched !== null,
    retry: false,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('give the words to look for');
      setSearched(null);
      requestAnimationFrame(() => document.getElementById('journal-search')?.focus());
      return;
    }
    setError(null);
    setSearched(text.trim());
  };
  const fieldError = error ?? (hits.isError ? (apiFieldErrors(hits.error, ['text']).text ?? null) : null);
  return (
    <section className="card" aria-labelledby="journal-search-title">
      <h2 id="journal-search-title">Search</h2>
      <search aria-label="Journal">
        <form onSubmit={submit} noValidate className="journal-search-form">
          <TextField
            id="journal-search"
            label="Words to look for"
            hint="Every word must match; the last one may be the start of a word."
            type="search"
            value={text}
            error={fieldError}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="primary">
              Search
            </button>
            {searched !== null ? (
              <button
                type="button"
                onClick={() => {
                  setText('');
                  setSearched(null);
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
        </form>
      </search>
      {searched === null ? null : hits.isPending ? (
        <Loading what="the results" />
      ) : hits.isError ? (
        fieldError ? null : (
          <LoadError error={hits.error} />
        )
      ) : (
        <section aria-label="Search results" aria-live="polite">
          <p className="muted">
            {hits.data.length === 0
              ? `No entries match “${searched}”.`
              : `${hits.data.length} ${hits.data.length === 1 ? 'entry matches' : 'entries match'} “${searched}”.`}
          </p>
          <ol className="journal-hits">
            {hits.data.map((hit) => (
              <li key={hit.id} data-hit={hit.id}>
                <Link to={entryPath(hit.id)}>{hit.title ?? 'Untitled entry'}</Link> <span className="meta">{hit.date}</span>
                <JournalSnippet snippet={hit.snippet} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

const KIND_FILTERS: [string, string][] = [
  ['', 'All'],
  ['entry', 'Entries'],
  ['weekly-review', 'Weekly reviews'],
  ['reflection', 'Reflections'],
];

export function JournalPage() {
  usePageTitle('Journal');
  const location = useLocation();
  const [message, setMessage] = useState<string | null>((location.state as { message?: string } | null)?.message ?? null);
  const [kind, setKind] = useState('');
  const today = useQuery({ queryKey: ['today'], queryFn: api.today });
  const entries = useQuery({ queryKey: ['journal', 'list', kind], queryFn: () => journalApi.list(kind ? { kind: kind as JournalKind } : {}) });

  return (
    <div className="journal-page">
      <div className="page-head">
        <h1>Journal</h1>
        <div className="actions">
          <Link to="/reflections" className="button">
            Reflections
          </Link>
          <Link to="/journal/new" className="button primary">
            New entry
          </Link>
        </div>
      </div>
      <p className="lede">Write what you learn and how you grow, in Markdown. Entries are private unless you share them.</p>
      <Status message={message} />
      <JournalSearch />
      <section className="card" aria-labelledby="journal-list-title">
        <div className="journal-list-head">
          <h2 id="journal-list-title">
            Entries <span className="count">{entries.data?.length ?? ''}</span>
          </h2>
          <SelectField id="journal-kind" label="Show" value={kind} onChange={(e) => setKind(e.target.value)} className="narrow">
            {KIND_FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        {entries.isPending ? (
          <Loading what="the journal" />
        ) : entries.isError ? (
          <LoadError error={entries.error} />
        ) : entries.data.length === 0 ? (
          <p className="muted">
            Nothing written yet. <Link to="/journal/new">Write your first entry</Link>.
          </p>
        ) : (
          <ol className="journal-list" aria-label="Journal entries">
            {entries.data.map((e) => (
              <EntryRow key={e.id} entry={e} />
            ))}
          </ol>
        )}
      </section>
      {today.data ? (
        <JournalWeeklyForm
          week={isoWeek(today.data.date)}
          onSaved={(entry) => setMessage(`Saved “${entry.title}”.${entry.warnings ? ` ${entry.warnings.join(' ')}` : ''}`)}
        />
      ) : null}
    </div>
  );
}
