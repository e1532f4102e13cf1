import { useEffect, useState } from 'react';

type Renderer = typeof import('../markdown.js');
let renderer: Promise<Renderer> | undefined;
/** The Markdown renderer, loaded the first time an entry is shown. */
const loadRenderer = () => (renderer ??= import('../markdown.js'));

/**
 * `source` rendered by one of the renderers of web/src/markdown.ts, once it has loaded; null until then.
 * The result is safe to put in the page: it has been through DOMPurify.
 */
export function useRendered(source: string, how: 'renderMarkdown' | 'renderSnippet'): string | null {
  const [html, setHtml] = useState<{ source: string; html: string } | null>(null);
  useEffect(() => {
    let current = true;
    void loadRenderer().then((renderer) => {
      if (current) setHtml({ source, html: renderer[how](source) });
    });
    return () => {
      current = false;
    };
  }, [source, how]);
  return html?.source === source ? html.html : null;
}

/**
 * Markdown rendered to sanitized HTML (web/src/markdown.ts). Until the renderer has loaded, the
 * text is shown as it is, never as HTML.
 */
export function MarkdownView({ source, id }: { source: string; id?: string }) {
  const html = useRendered(source, 'renderMarkdown');
  if (html === null) {
    return (
      <div className="markdown markdown-pending" id={id} aria-busy="true">
        <pre>{source}</pre>
      </div>
    );
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown's output has been through DOMPurify (no script, handlers or javascript: URLs)
  return <div className="markdown" id={id} data-rendered="true" dangerouslySetInnerHTML={{ __html: html }} />;
}
