import { defineConfig } from 'vitest/config';

// Benchmarks run on their own (`npm run bench`), never as part of `npm test`.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
