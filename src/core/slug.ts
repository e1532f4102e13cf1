/** A readable, URL-safe slug: "Read 20 pages" → "read-20-pages"; `fallback` when nothing is left. */
export function slugify(text: string, fallback = 'habit'): string {
  const slug = (/^\p{ASCII}*$/u.test(text) ? text : text.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The slug itself when free, else the first free `slug-2`, `slug-3`, … */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * uniqueSlug against a set the caller keeps (a bulk import makes thousands of slugs: copying the
 * taken ones for each would be quadratic). The slug returned is added to the set.
 */
export function claimSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
