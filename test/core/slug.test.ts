import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from '../../src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['Read 20 pages', 'read-20-pages'],
    ['  Meditate!  ', 'meditate'],
    ['Café au lait', 'cafe-au-lait'],
    ['No   sugar -- after 8pm', 'no-sugar-after-8pm'],
    ['🙂🙂', 'habit'],
    ['', 'habit'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts long names at 60 characters without a trailing dash', () => {
    // 59 × "a", a space, then more: the cut at 60 would end on "-", which is dropped.
    const slug = slugify(`${'a'.repeat(59)} bbbb`);
    expect(slug).toBe('a'.repeat(59));
    expect(slugify('x'.repeat(80))).toHaveLength(60);
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and numbers a taken one', () => {
    expect(uniqueSlug('read', [])).toBe('read');
    expect(uniqueSlug('read', ['read'])).toBe('read-2');
    expect(uniqueSlug('read', ['read', 'read-2', 'read-3'])).toBe('read-4');
    expect(uniqueSlug('read', ['read-2'])).toBe('read');
  });
});
