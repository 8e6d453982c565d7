// Fails the run, loudly, when there is no Chromium or no build: never a silent skip.
import { existsSync } from 'node:fs';
import { assertChromium } from './chromium-path';

export default function globalSetup(): void {
  assertChromium();
  if (!existsSync('out/renderer/index.html')) {
    throw new Error(
      'no built renderer in out/renderer: run `npm run build` before `playwright test`',
    );
  }
}
