import type { ReactNode } from 'react';

/**
 * A search snippet with its matched words as <mark>: the text between ⟦ and ⟧ is marked, and
 * everything is text (a snippet of "<b>" shows the characters, never an element).
 */
export function JournalSnippet({ snippet }: { snippet: string }) {
  const parts: ReactNode[] = [];
  const pattern = /⟦([^⟧]*)⟧/g;
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push(snippet.slice(last, match.index));
    parts.push(<mark key={match.index}>{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push(snippet.slice(last));
  return <p className="journal-snippet">{parts}</p>;
}
