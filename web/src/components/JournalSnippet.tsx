import type { ReactNode } from 'react';
import { useRendered } from './MarkdownView.js';

/**
 * A search snippet, its Markdown rendered and sanitized (markdown.ts renderSnippet), its matched
 * words as <mark>. Until the renderer has loaded it is plain text with the same marks, never HTML.
 */
export function JournalSnippet({ snippet }: { snippet: string }) {
  const html = useRendered(snippet, 'renderSnippet');
  if (html !== null) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: renderSnippet's output has been through DOMPurify, which keeps only emphasis, code and marks
    return <p className="journal-snippet" data-rendered="true" dangerouslySetInnerHTML={{ __html: html }} />;
  }
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of snippet.matchAll(/⟦([^⟧]*)⟧/g)) {
    if (match.index > last) parts.push(snippet.slice(last, match.index));
    parts.push(<mark key={match.index}>{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push(snippet.slice(last));
  return <p className="journal-snippet">{parts}</p>;
}
