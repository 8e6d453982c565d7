// The tests `npm run mutation` runs against each mutant: the in-process ones
// listed in stryker.config.mjs, not every suite `npm test` runs.
import { defineConfig } from 'vitest/config';
import { testFiles } from './stryker.config.mjs';
import base from './vitest.config';

export default defineConfig({
  test: {
    ...base.test,
    include: testFiles.filter((glob) => !glob.startsWith('!')),
    exclude: [
      '**/node_modules/**',
      ...testFiles.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)),
    ],
  },
});
