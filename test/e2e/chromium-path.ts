// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else `chromium` on
// PATH (where scripts/test-setup.sh looks for it), else Debian's.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_HELP =
  "no Chromium found for the end-to-end tests: run `sudo bash scripts/test-setup.sh` (it installs Debian's chromium) or set CHROMIUM_PATH; never `npx playwright install`";

/** Headless, offline, no GPU: the flags every run of Debian's Chromium here uses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'chromium'))
    .find(isExecutable);
  return onPath ?? '/usr/bin/chromium';
}

export function assertChromium(): void {
  if (!existsSync(chromiumPath()))
    throw new Error(`${CHROMIUM_HELP} (looked for ${chromiumPath()})`);
}
