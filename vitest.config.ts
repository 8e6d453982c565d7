import { defineConfig } from 'vitest/config';

// Unit tests sit beside their source; integration, property and e2e tests in test/.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'test/property/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Fails the run when a test leaves a wf-* folder in the temp dir.
    globalSetup: ['test/support/temp-leak-guard.ts'],
  },
});
