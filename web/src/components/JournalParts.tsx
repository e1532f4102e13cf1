import { KIND_LABEL, type JournalKind } from '../journal.api.js';

/** Where an entry is shown. */
export const entryPath = (id: string) => `/journal/${encodeURIComponent(id)}`;

/** "2026-11-23 21:05 +01:00", or the date alone when the time is not known. */
export const entryWhen = (e: { date: string; time: string | null; utcOffset: string | null }) =>
  [e.date, e.time?.slice(0, 5), e.time ? e.utcOffset : null].filter(Boolean).join(' ');

export function JournalTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="journal-tags" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} className="pill">
          {t}
        </li>
      ))}
    </ul>
  );
}

export function KindBadge({ kind }: { kind: JournalKind }) {
  return <span className={`badge journal-kind journal-kind-${kind}`}>{KIND_LABEL[kind]}</span>;
}
