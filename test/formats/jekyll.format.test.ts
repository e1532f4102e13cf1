import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { type PostFields, dateOfFileName, isPostFileName, parsePost, postFileName, writeImportedPost, writeNewPost } from '../../src/formats/jekyll.format.js';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'jekyll');
const LA = 'America/Los_Angeles';

/** Every post fixture, recursively. */
function postFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? postFiles(path) : [path];
  });
}
const POSTS = postFiles(join(FIXTURES, '_posts')).sort();
const read = (relative: string) => readFileSync(join(FIXTURES, relative), 'utf8');
const parse = (relative: string, zone = LA) => parsePost(read(relative), basename(relative), zone);
const fieldsOf = (post: ReturnType<typeof parsePost>): PostFields => ({
  ...post.date,
  title: post.title,
  tags: post.tags,
  categories: post.categories,
  body: post.body,
});

describe('reading Jekyll posts', () => {
  it('reads a date alone as that calendar day for a person in Los Angeles (not the day before)', () => {
    const post = parse('_posts/2020-08-21-what-i-learned-pairing.md');
    expect(post).toEqual({
      title: 'What I learned pairing with Maya',
      date: { date: '2020-08-21', time: null, utcOffset: null },
      categories: ['growth', 'engineering'],
      tags: ['pairing', 'testing'],
      frontMatter:
        '---\nlayout: post\ntitle: What I learned pairing with Maya\ndate: 2020-08-21\ncategories:\n  - growth\n  - engineering\ntags: [pairing, testing]\n---\n',
      body: 'We paired on the flaky payment test for two hours.\n\nThe trick was to **slow down** and read the log together.\n',
    });
  });

  it('keeps the local date of a late-night post with an offset; categories and tags as space-separated strings', () => {
    const post = parse('_posts/2024-03-05-late-night-incident.md', 'Asia/Tokyo');
    expect(post.title).toBe('Late night incident: what the pager taught me');
    expect(post.date).toEqual({ date: '2024-03-05', time: '23:30:00', utcOffset: '-08:00' });
    expect(post.categories).toEqual(['blog', 'on-call']);
    expect(post.tags).toEqual(['incidents', 'reliability']);
  });

  it("resolves a time without offset in the person's zone; comments and extra keys stay in the front matter", () => {
    const post = parse('_posts/2023-01-10-morning-pages.markdown');
    expect(post.date).toEqual({ date: '2023-01-10', time: '09:15', utcOffset: '-08:00' });
    expect(parse('_posts/2023-01-10-morning-pages.markdown', 'Europe/Berlin').date.utcOffset).toBe('+01:00');
    expect(post.tags).toEqual(['writing', 'habits']);
    expect(post.categories).toEqual([]);
    expect(post.frontMatter).toContain('# the view from seat 42');
    expect(post.frontMatter).toContain('excerpt_separator: <!--more-->');
    expect(post.body).toBe('Second week of morning pages.<!--more-->\n\nThree pages, every day, before email.\n');
  });

  it('takes the date from the file name when the front matter has none; the closing fence may be "..."', () => {
    const post = parse('_posts/2022-06-01-giving-feedback.md');
    expect(post.date).toEqual({ date: '2022-06-01', time: null, utcOffset: null });
    expect(post.title).toBe('Giving feedback: the SBI model');
    expect(post.frontMatter.endsWith('...\n')).toBe(true);
    expect(post.body).toBe('Situation, behaviour, impact.\n');
  });

  it('keeps CRLF line endings in front matter and body', () => {
    const post = parse('_posts/2021-12-31-year-in-review.md');
    expect(post.frontMatter).toBe(
      '---\r\nlayout: post\r\ntitle: Year in review\r\ndate: 2021-12-31 18:00:00 +0100\r\ncategories: [yearly]\r\ntags: [review]\r\n---\r\n',
    );
    expect(post.body).toBe('A year of small habits.\r\n\r\nNext year: more writing.\r\n');
    expect(post).toMatchObject({ title: 'Year in review', date: { date: '2021-12-31', time: '18:00:00', utcOffset: '+01:00' } });
  });

  it('reads unicode titles, tags and bodies as written', () => {
    const post = parse('_posts/2024-02-29-uber-feedback.md');
    expect(post).toMatchObject({
      title: 'Über Feedback — 成長の記録',
      tags: ['フィードバック', 'growth'],
      date: { date: '2024-02-29', time: '07:05:09', utcOffset: '+09:00' },
    });
    expect(post.body).toBe('Leap day 🐸. Notes in two languages: Rückmeldung, 振り返り.\n');
  });

  it('reads a post with only a layout, with empty front matter, with no newline at the end', () => {
    expect(parse('_posts/notes/2018-07-07-quiet-notes.md')).toMatchObject({
      title: null,
      date: { date: '2018-07-07', time: null },
      tags: [],
      categories: [],
      body: 'Only a layout; the date comes from the file name and there is no title.',
    });
    expect(parse('_posts/2025-01-01-new-year.md')).toMatchObject({ title: null, frontMatter: '---\n---\n', body: 'A post with empty front matter.\n' });
    expect(parsePost('---\ntitle: Only front matter\n---', '2024-01-01-x.md', 'UTC')).toMatchObject({ title: 'Only front matter', body: '' });
  });

  it('keeps published: false (Jekyll hides the post) in the front matter, and a future date as written', () => {
    const talk = parse('_posts/2019-05-05-conference-talk.html');
    expect(talk.frontMatter).toContain('\npublished: false\n');
    expect(talk.body).toBe('<p>I gave my first talk at <em>DevConf</em>.</p>\n<ul><li>Slides</li><li>Video</li></ul>\n');
    // Jekyll skips future posts when building by default; they are still posts, kept with their date.
    expect(parsePost('---\ndate: 2031-01-01 09:00:00 +0000\n---\nLater.\n', '2031-01-01-later.md', LA).date).toEqual({
      date: '2031-01-01',
      time: '09:00:00',
      utcOffset: '+00:00',
    });
  });

  it('keeps a BOM in the front matter; reads scalars of any YAML type as words; merges category into categories', () => {
    const post = parsePost('\uFEFF---\ntitle: With BOM\n---\nbody\n', '2024-01-01-bom.md', LA);
    expect(post.frontMatter).toBe('\uFEFF---\ntitle: With BOM\n---\n');
    expect(parsePost('---\ndate: 2020-08-21\ntags: [2024, yes, null]\n---\n', 'post.md', LA)).toMatchObject({
      date: { date: '2020-08-21' },
      tags: ['2024', 'yes'],
    });
    expect(parsePost('---\ncategory: essays\ncategories: [growth]\n---\n', '2024-01-01-x.md', LA).categories).toEqual(['growth', 'essays']);
  });

  describe('refuses a bad post, naming the file (and the line when there is one)', () => {
    const refused = (text: string, name: string, message: string) => expect(() => parsePost(text, name, LA)).toThrow(message);
    it('front matter that is not YAML', () => {
      expect(() => parse('bad/2024-01-01-not-yaml.md')).toThrow(/^2024-01-01-not-yaml\.md: line \d+: front matter is not YAML: /);
      refused('---\ntitle: a\ntitle: b\n---\n', 'p.md', 'p.md: line 3: front matter is not YAML: Map keys must be unique');
      refused('---\ntitle: [unclosed\n---\n', 'p.md', 'p.md: line');
      refused('---\n- a list\n- not keys\n---\n', '2024-01-01-x.md', '2024-01-01-x.md: line 2: front matter is not YAML keys and values (a mapping)');
    });
    it('an unclosed fence, or no front matter at all', () => {
      expect(() => parse('bad/2024-01-02-unclosed.md')).toThrow(
        '2024-01-02-unclosed.md: the front matter is not closed: no line "---" or "..." after the opening "---"',
      );
      refused('# Just Markdown\n', '2024-01-01-x.md', '2024-01-01-x.md: line 1: no front matter: a Jekyll post starts with a line "---"');
    });
    it('a date that is not a date', () => {
      expect(() => parse('bad/2024-01-03-bad-date.md')).toThrow('2024-01-03-bad-date.md: line 4: date: "2024-02-30" is not a real date');
      refused('---\ndate: next tuesday\n---\n', '2024-01-01-x.md', '2024-01-01-x.md: line 2: date: expected YYYY-MM-DD');
      refused('---\ndate: 2020\n---\n', '2024-01-01-x.md', '2024-01-01-x.md: line 2: date: expected YYYY-MM-DD');
    });
    it('no date in the front matter and none in the file name', () => {
      expect(() => parse('bad/notes-without-date.md')).toThrow(
        'notes-without-date.md: no date: the front matter has no date and the file name does not start with YYYY-MM-DD-',
      );
      refused('---\ntitle: x\n---\n', '2024-02-30-x.md', "2024-02-30-x.md: the file name's date 2024-02-30 is not a real date");
    });
    it('tags that are not words', () => {
      refused('---\ntags: [[a, b]]\n---\n', '2024-01-01-x.md', '2024-01-01-x.md: line 2: tags: expected a list of words or a space-separated string');
      refused('---\ncategories: {a: 1}\n---\n', '2024-01-01-x.md', '2024-01-01-x.md: line 2: categories: expected a list of words or a space-separated string');
    });
  });
});

describe('writing Jekyll posts', () => {
  it.each(POSTS.map((p) => [p.slice(FIXTURES.length + 1), p]))('writes %s back byte for byte when nothing changed', (_name, path) => {
    const bytes = readFileSync(path);
    const post = parsePost(bytes.toString('utf8'), basename(path), LA);
    const written = writeImportedPost(post.frontMatter, fieldsOf(post), basename(path), 'Asia/Tokyo');
    expect(Buffer.from(written, 'utf8').equals(bytes)).toBe(true);
  });

  it('edits only the changed keys, keeping the others, their order and comments; the body as stored', () => {
    const name = '2023-01-10-morning-pages.markdown';
    const post = parse(`_posts/${name}`);
    const written = writeImportedPost(
      post.frontMatter,
      { ...fieldsOf(post), title: 'Morning pages: week two', tags: ['writing'], body: 'New body.\n' },
      name,
      LA,
    );
    expect(written).toBe(
      [
        '---',
        '# Written on the train; time without an offset',
        'layout: post',
        'title: "Morning pages: week two"',
        'date: 2023-01-10 09:15',
        'excerpt_separator: <!--more-->',
        'image:',
        '  path: /assets/img/train.jpg # the view from seat 42',
        '  alt: A train window at dawn',
        'comments: true',
        'tags:',
        '  - writing',
        '---',
        'New body.',
        '',
      ].join('\n'),
    );
    // What was written reads back as the changed entry.
    expect(parsePost(written, name, LA)).toMatchObject({ title: 'Morning pages: week two', tags: ['writing'], date: { time: '09:15' } });
  });

  it('writes a changed date in Jekyll form, keeps space-separated lists as strings, CRLF and the "..." fence', () => {
    const incident = parse('_posts/2024-03-05-late-night-incident.md');
    const moved = writeImportedPost(
      incident.frontMatter,
      { ...fieldsOf(incident), date: '2024-03-06', time: '00:10:00', utcOffset: '-08:00', categories: ['blog'] },
      '2024-03-05-late-night-incident.md',
      LA,
    );
    expect(moved).toContain('date: 2024-03-06 00:10:00 -0800\ncategories: blog\ntags: incidents reliability\n');

    const crlf = parse('_posts/2021-12-31-year-in-review.md');
    const retitled = writeImportedPost(crlf.frontMatter, { ...fieldsOf(crlf), title: 'A year' }, '2021-12-31-year-in-review.md', LA);
    expect(retitled.startsWith('---\r\nlayout: post\r\ntitle: A year\r\ndate: 2021-12-31 18:00:00 +0100\r\n')).toBe(true);
    expect(retitled.replace(/\r\n/g, '')).not.toContain('\n');

    const dotted = parse('_posts/2022-06-01-giving-feedback.md');
    const dated = writeImportedPost(dotted.frontMatter, { ...fieldsOf(dotted), date: '2022-06-02' }, '2022-06-01-giving-feedback.md', LA);
    expect(dated).toBe(
      "---\nlayout: post\ntitle: 'Giving feedback: the SBI model'\ntags: [ feedback, soft-skills ]\ndate: 2022-06-02\n...\nSituation, behaviour, impact.\n",
    );
    expect(parsePost(dated, '2022-06-01-giving-feedback.md', LA).date.date).toBe('2022-06-02');
  });

  it('does not count a floating time resolved in another zone as a change', () => {
    const name = '2023-01-10-morning-pages.markdown';
    const text = read(`_posts/${name}`);
    const inBerlin = parsePost(text, name, 'Europe/Berlin');
    expect(writeImportedPost(inBerlin.frontMatter, fieldsOf(inBerlin), name, LA)).toBe(text);
  });

  it('writes a new post: layout, title, date, tags and categories when there are any, published: false for a draft', () => {
    const fields: PostFields = {
      title: 'Reflection 2026-11-01 – 2026-11-30',
      date: '2026-11-30',
      time: null,
      utcOffset: null,
      tags: [],
      categories: [],
      body: '## Habits\n',
    };
    expect(writeNewPost({ ...fields, draft: true })).toBe(
      '---\nlayout: post\ntitle: Reflection 2026-11-01 – 2026-11-30\ndate: 2026-11-30\npublished: false\n---\n## Habits\n',
    );
    const full = writeNewPost({
      ...fields,
      title: 'On: feedback',
      time: '21:05',
      utcOffset: '+05:30',
      tags: ['feedback', 'growth'],
      categories: ['blog'],
      draft: false,
    });
    expect(full).toBe(
      '---\nlayout: post\ntitle: "On: feedback"\ndate: 2026-11-30 21:05:00 +0530\ntags:\n  - feedback\n  - growth\ncategories:\n  - blog\n---\n## Habits\n',
    );
    // Jekyll's YAML (Ruby's Psych) and ours read it back the same.
    expect(parsePost(full, 'x.md', 'UTC')).toMatchObject({
      title: 'On: feedback',
      tags: ['feedback', 'growth'],
      categories: ['blog'],
      date: { date: '2026-11-30', time: '21:05:00', utcOffset: '+05:30' },
    });
    expect(parseDocument(writeNewPost({ ...fields, title: null, draft: false }).split('---\n')[1]!).toJS()).toEqual({ layout: 'post', date: '2026-11-30' });
  });

  it('names files YYYY-MM-DD-slug.md, or keeps the imported name', () => {
    expect(postFileName({ date: '2026-11-30', title: 'Reflection 2026-11-01 – 2026-11-30', sourceName: null })).toBe(
      '2026-11-30-reflection-2026-11-01-2026-11-30.md',
    );
    expect(postFileName({ date: '2026-11-30', title: 'Über Feedback', sourceName: null })).toBe('2026-11-30-uber-feedback.md');
    expect(postFileName({ date: '2026-11-30', title: '成長', sourceName: null })).toBe('2026-11-30-entry.md');
    expect(postFileName({ date: '2026-11-30', title: null, sourceName: null })).toBe('2026-11-30-entry.md');
    expect(postFileName({ date: '2026-11-30', title: 'x', sourceName: '2019-05-05-conference-talk.html' })).toBe('2019-05-05-conference-talk.html');
    expect(dateOfFileName('2019-05-05-conference-talk.html')).toBe('2019-05-05');
    expect(dateOfFileName('about.md')).toBeNull();
    expect(isPostFileName('2019-05-05-a.markdown')).toBe(true);
    expect(isPostFileName('../2019-05-05-a.md')).toBe(false);
    expect(isPostFileName('notes.txt')).toBe(false);
  });
});
