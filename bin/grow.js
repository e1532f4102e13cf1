#!/usr/bin/env node
// CommonJS (bin/package.json): starting through require() skips the ESM loader; see rolldown.config.mjs.
require('./compile-cache.js').enableCompileCache(require('node:path').join(__dirname, '..', 'dist'));
require('../dist/cli/main.js');
