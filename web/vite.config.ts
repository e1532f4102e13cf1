import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The app and its React libraries (react-router, @tanstack/react-query, recharts) run on Preact
// through preact/compat: react-dom alone was larger than the first page's whole budget (see
// docs/decisions.md). Exact-match aliases, so `react-dom/client` and the JSX runtimes map one by one.
const preact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  // recharts flattens fragments with react-is, whose checks do not know Preact's elements.
  { find: /^react-is$/, replacement: 'preact/compat' },
];

// React APIs preact/compat lacks that a library looks up and does without when missing (checked
// in the library's code): react-router falls back to the plain value.
const FEATURE_DETECTED = [{ importer: '/node_modules/react-router/', name: 'useOptimistic' }];

export default defineConfig({
  root,
  resolve: { alias: preact },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // The libraries' "use client" marks are for React Server Components, which grow has none of.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        // Anything else imported from React that preact/compat lacks would be undefined at run time:
        // the build fails rather than a page.
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('node_modules/preact/')) {
          if (FEATURE_DETECTED.some((known) => warning.id?.includes(known.importer) && warning.message.includes(`\`${known.name}\``))) return;
          throw new Error(warning.message);
        }
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4870', '/login': 'http://127.0.0.1:4870' } },
});
