// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's.
import { existsSync } from 'node:fs';

export const CHROMIUM_HELP =
  "no Chromium found for the end-to-end tests: install Debian's (`apt-get update && apt-get install -y chromium`, giving /usr/bin/chromium) or set CHROMIUM_PATH; never `npx playwright install`";

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

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function assertChromium(): void {
  if (!existsSync(chromiumPath()))
    throw new Error(`${CHROMIUM_HELP} (looked for ${chromiumPath()})`);
}
