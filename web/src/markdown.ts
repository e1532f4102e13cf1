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
