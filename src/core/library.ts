/** Rules of the library that every source shares. */

const RUNS_OF_SPACE = /\s\s|[^\S ]/;

/** "Jane   Q.  Doe " → "Jane Q. Doe": exports pad names with runs of spaces. */
export function normalizeName(name: string): string {
  // Most names have single spaces only: they need a trim, not a rewrite.
  return RUNS_OF_SPACE.test(name) ? name.replace(/\s+/g, ' ').trim() : name.trim();
}

/** Text of ASCII only has no accents to take off: most titles and names skip the Unicode normalization. */
const ASCII = /^\p{ASCII}*$/u;

const fold = (text: string): string =>
  (ASCII.test(text) ? text : text.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** An author's last name, whether written "Last, First" (Kindle) or "First Last". */
export function lastName(author: string): string {
  const name = normalizeName(author);
  if (name.includes(',')) return name.slice(0, name.indexOf(',')).trim();
  const parts = name.split(' ');
  return parts[parts.length - 1] ?? '';
}

/** A title without its subtitle or series: "Deep Work: Rules…" and "Deep Work (2016)" are "Deep Work"; may be empty. */
export function mainTitle(title: string): string {
  return title
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*[:—–]\s.*$/, '')
    .replace(/\s*:\s*.*$/, '');
}

/**
 * What identifies a book across sources that share no id (Goodreads, Kindle, Readwise): the
 * title without its subtitle or series ("Deep Work: Rules…", "Leviathan Wakes (The Expanse, #1)")
 * and the first author's last name, folded. Two editions of one book share it.
 */
export function matchKey(title: string, authors: readonly string[]): string {
  const main = mainTitle(title);
  const author = authors.length > 0 ? fold(lastName(authors[0]!)) : '';
  return `${fold(main) || fold(title)}|${author}`;
}
