import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { jekyllUrl, journalApi, type JournalEntry } from '../journal.api.js';
import { Status } from '../components/Field.js';
import { JournalTags, KindBadge, entryWhen } from '../components/JournalParts.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { LoadError, Loading } from '../components/common.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { usePageTitle } from '../components/usePageTitle.js';

const titleOf = (entry: JournalEntry) => entry.title ?? `Entry of ${entry.date}`;

function DeleteEntry({ entry }: { entry: JournalEntry }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <ConfirmDelete
      title={`Delete “${titleOf(entry)}”?`}
      remove={() => journalApi.remove(entry.id)}
      onDeleted={async () => {
        client.removeQueries({ queryKey: ['journal', 'entry', entry.id] });
        await client.invalidateQueries({ queryKey: ['journal'] });
        navigate('/journal', { state: { message: `Deleted “${titleOf(entry)}”.` } });
      }}
    >
      The entry is deleted for good.
    </ConfirmDelete>
  );
}

export function JournalEntryPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const entry = useQuery({ queryKey: ['journal', 'entry', id], queryFn: () => journalApi.entry(id) });
  usePageTitle(entry.data ? titleOf(entry.data) : 'Entry');
  const message = (location.state as { message?: string } | null)?.message ?? null;

  if (entry.isPending) return <Loading what="the entry" />;
  if (entry.isError) return <LoadError error={entry.error} />;
  const e = entry.data;
  return (
    <article className="journal-entry-page">
      <p className="crumbs">
        <Link to="/journal">Journal</Link> / {e.date}
      </p>
      <div className="page-head">
        <h1>{titleOf(e)}</h1>
        <div className="actions">
          <Link to={`/journal/${encodeURIComponent(e.id)}/edit`} className="button primary">
            Edit
          </Link>
          <a href={jekyllUrl(e.id)} className="button" download>
            Download as Jekyll post
          </a>
          <DeleteEntry entry={e} />
        </div>
      </div>
      <Status message={message} />
      <p className="meta journal-meta">
        <time dateTime={e.time ? `${e.date}T${e.time}${e.utcOffset ?? ''}` : e.date}>{entryWhen(e)}</time> <KindBadge kind={e.kind} />{' '}
        <span className="badge">{e.visibility}</span>
        {e.periodFrom && e.periodTo ? (
          <span>
            {' '}
            · covers {e.periodFrom} to {e.periodTo}
          </span>
        ) : null}
        {e.jekyll ? <span> · imported from {e.jekyll.sourceName}</span> : null}
      </p>
      <JournalTags tags={e.tags} />
      <section className="card" aria-label="Entry">
        <MarkdownView source={e.body} id="journal-body" />
      </section>
    </article>
  );
}
