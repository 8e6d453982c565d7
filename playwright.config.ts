// End-to-end tests in Debian's Chromium (never a downloaded browser), driving
// the real renderer through the browser host; plus an Electron smoke test.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/chromium-path';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two workers: the 5-minute soak runs on one (its project is queued first)
  // while the other files run one after another on the other.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'soak', testMatch: /soak\.spec\.ts$/ },
    { name: 'e2e', testIgnore: /soak\.spec\.ts$/ },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
});
