#!/usr/bin/env node
// CommonJS (bin/package.json): starting through require() skips the ESM loader; see rolldown.config.mjs.
require('../dist/cli/main.js');
