import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { isoWeek } from '../../../src/core/balance.js';
import { api } from '../api.js';
import { journalApi, type JournalKind, type JournalListItem, type JournalSearchHit } from '../journal.api.js';
import { JournalTags, KindBadge, entryPath, entryWhen } from '../components/JournalParts.js';
import { SelectField, Status, TextField } from '../components/Field.js';
import { JournalSnippet } from '../components/JournalSnippet.js';
import { JournalWeeklyForm } from '../components/JournalWeeklyForm.js';
import { LoadError, Loading } from '../components/common.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { apiFieldErrors } from '../forms.js';

function EntryRow({ entry, snippet }: { entry: JournalListItem; snippet?: string }) {
  return (
    <li className="journal-row" data-entry={entry.id} data-hit={snippet === undefined ? undefined : entry.id}>
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
      {snippet !== undefined ? <JournalSnippet snippet={snippet} /> : entry.excerpt ? <p className="journal-excerpt">{entry.excerpt}</p> : null}
      <JournalTags tags={entry.tags} />
    </li>
  );
}

/** The search form; what it finds is shown by the list below it, which follows the search. */
function JournalSearch({ searched, onSearch, serverError }: { searched: string | null; onSearch: (text: string | null) => void; serverError: string | null }) {
  const [text, setText] = useState(searched ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('give the words to look for');
      onSearch(null);
      requestAnimationFrame(() => document.getElementById('journal-search')?.focus());
      return;
    }
    setError(null);
    onSearch(text.trim());
  };
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
            error={error ?? serverError}
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
                  onSearch(null);
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
        </form>
      </search>
    </section>
  );
}

/** The entries that match a search, in the order the search ranks them, within the kind shown. */
function SearchResults({ searched, hits, entries, kind }: { searched: string; hits: JournalSearchHit[]; entries: JournalListItem[]; kind: string }) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const shown = hits.flatMap((hit) => {
    const entry = byId.get(hit.id);
    return entry ? [{ entry, snippet: hit.snippet }] : [];
  });
  const within = kind ? ` among the ${KIND_FILTERS.find(([value]) => value === kind)?.[1].toLowerCase()}` : '';
  return (
    <section aria-label="Search results" aria-live="polite">
      <p className="muted">
        {shown.length === 0
          ? `No entries match “${searched}”${within}.`
          : `${shown.length} ${shown.length === 1 ? 'entry matches' : 'entries match'} “${searched}”${within}.`}
      </p>
      {shown.length > 0 ? (
        <ol className="journal-list" aria-label="Matching entries">
          {shown.map(({ entry, snippet }) => (
            <EntryRow key={entry.id} entry={entry} snippet={snippet} />
          ))}
        </ol>
      ) : null}
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
  const [searched, setSearched] = useState<string | null>(null);
  const hits = useQuery({
    queryKey: ['journal', 'search', searched],
    queryFn: () => journalApi.search(searched ?? ''),
    enabled: searched !== null,
    retry: false,
  });
  const searchFieldError = hits.isError ? (apiFieldErrors(hits.error, ['text']).text ?? null) : null;

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
      <JournalSearch searched={searched} onSearch={setSearched} serverError={searchFieldError} />
      <section className="card" aria-labelledby="journal-list-title">
        <div className="journal-list-head">
          <h2 id="journal-list-title">
            Entries <span className="count">{(searched === null ? entries.data?.length : undefined) ?? ''}</span>
          </h2>
          <SelectField id="journal-kind" label="Show" value={kind} onChange={(e) => setKind(e.target.value)} className="narrow">
            {KIND_FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        {entries.isPending || (searched !== null && hits.isPending) ? (
          <Loading what={searched === null ? 'the journal' : 'the results'} />
        ) : entries.isError ? (
          <LoadError error={entries.error} />
        ) : searched !== null ? (
          hits.isError ? (
            searchFieldError ? null : (
              <LoadError error={hits.error} />
            )
          ) : (
            <SearchResults searched={searched} hits={hits.data ?? []} entries={entries.data} kind={kind} />
          )
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
