// Fails the run, loudly, when there is no Chromium or no build: never a silent
// skip. Gives the run its own temp dir and fails it when a test leaves a wf-*
// folder there (the same guard as the unit suite's).
import { existsSync } from 'node:fs';
import leakGuard from '../support/temp-leak-guard';
import { assertChromium } from './chromium-path';

export default function globalSetup(): () => void {
  assertChromium();
  if (!existsSync('out/renderer/index.html')) {
    throw new Error(
      'no built renderer in out/renderer: run `npm run build` before `playwright test`',
    );
  }
  return leakGuard();
}
