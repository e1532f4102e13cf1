import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { report } from './support.js';

// Reads the build `npm run --silent build` made (web/dist, with Vite's manifest): the bench
// measures what a browser downloads, so it must be the real, minified build.
const DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const MANIFEST = join(DIST, '.vite', 'manifest.json');
const TARGET_BYTES = 200_000;
const FIRST_PAGE = 'src/pages/TodayPage.tsx';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The chunk and everything it imports statically: what the browser must load before it runs. */
function withStaticImports(manifest: Record<string, Chunk>, key: string, into: Set<string>): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${MANIFEST}: no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
  return into;
}

/** The source files a built chunk was made of, from its source map (the bundler's runtime has none). */
function sourcesOf(file: string): string[] {
  const map = join(DIST, `${file}.map`);
  return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : [];
}

it('the first page (Today, /) loads at most 200 kB of minified JavaScript', () => {
  expect(existsSync(MANIFEST), `${MANIFEST} is missing: run \`npm run --silent build\` first`).toBe(true);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Chunk>;
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  expect(entries.map(([key]) => key)).toEqual(['index.html']);

  const loaded = withStaticImports(manifest, 'index.html', new Set());
  // Today may come with the entry or as its own lazy chunk; either way the first page needs it.
  if (manifest[FIRST_PAGE]) withStaticImports(manifest, FIRST_PAGE, loaded);
  const files = [...loaded].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const sources = files.flatMap(sourcesOf);
  expect(
    sources.some((source) => source.endsWith(FIRST_PAGE)),
    'the Today page is in what the first page loads',
  ).toBe(true);
  // The heavy parts other pages need stay out of the first page; Today loads zod only once an amount is typed.
  for (const heavy of ['node_modules/recharts/', 'node_modules/markdown-it/', 'node_modules/dompurify/', 'node_modules/zod/']) {
    expect(
      sources.filter((source) => source.includes(heavy)),
      `${heavy} is not on the first page`,
    ).toEqual([]);
  }

  const chunks = files.map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const gzipBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const allJsBytes = Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js'))
    .reduce((sum, chunk) => sum + readFileSync(join(DIST, chunk.file)).length, 0);
  const pass = bytes <= TARGET_BYTES;
  report({
    name: 'web app first page (Today): entry and its static imports',
    target: `≤ ${TARGET_BYTES} bytes of minified JS`,
    pass,
    bytes,
    gzipBytes,
    allJsBytes,
    chunks: chunks.sort((a, b) => b.bytes - a.bytes),
  });
  expect(pass).toBe(true);
});
