import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Loaded on demand (see components/MarkdownView.tsx): markdown-it and DOMPurify stay out of the main bundle.

/**
 * HTML is allowed, as Jekyll allows it, because imported posts use it; everything the renderer
 * produces then goes through DOMPurify, which is what keeps script out.
 */
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

// The page's title is the h1: an entry's own top headings become h2, the rest follow (an entry that
// starts at ## reads the same as one that starts at #).
markdown.core.ruler.push('journal_heading_levels', (state) => {
  const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  if (headings.length === 0) return;
  const shift = 2 - Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
});

/** Elements an entry may not bring in: script, frames, forms, styles, plugins, document-level tags. */
const FORBID_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'style',
  'link',
  'meta',
  'base',
  'template',
  'noscript',
  'svg',
  'math',
];
const FORBID_ATTR = ['style', 'srcset', 'action', 'formaction', 'target'];

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  // A link an entry holds never gets a handle on this page, nor tells the other site where it came from.
  if (node.tagName === 'A' && node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
});

/** Markdown to HTML that is safe to put in the page: no script, no event handlers, no javascript: URLs. */
export function renderMarkdown(source: string): string {
  return purifier.sanitize(markdown.render(source), {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    // DOMPurify's own list of safe URL schemes drops javascript: (and vbscript:, data: outside images).
  });
}

/** What a search snippet keeps of an entry's Markdown: emphasis and code, and the marks around matched words. */
const SNIPPET_TAGS = ['strong', 'em', 'code', 'del', 's', 'mark'];

/**
 * A search snippet (a cut-out of an entry's Markdown, matched words between ⟦ and ⟧, as the store
 * gives it) as sanitized inline HTML: `**word**` and a heading read bold, a list item is its text,
 * and nothing else of HTML survives. The marks are put in after rendering, so Markdown cannot forge one.
 */
export function renderSnippet(snippet: string): string {
  // A snippet is cut at words, not at tags: the tail of a tag it starts inside (`src="…">`) and a tag
  // it ends inside would read as characters.
  const whole = snippet.replace(/^(…?)[^<>]*?(["']\s*\/?|\/)>/, '$1').replace(/<[^<>]*$/, '…');
  const html = markdown
    .render(whole)
    .replace(/<\/?mark\b[^>]*>/gi, '')
    // A heading (a weekly review's question) stays one, in a line of text: its words in bold.
    .replace(/<h[1-6]>/g, '<strong>')
    .replace(/<\/h[1-6]>/g, '</strong> ')
    .replaceAll('⟦', '<mark>')
    .replaceAll('⟧', '</mark>');
  return purifier.sanitize(html, { ALLOWED_TAGS: SNIPPET_TAGS, ALLOWED_ATTR: [] });
}
