// Starts `npm run web`'s program (the built renderer must exist) on a free
// port and yields the printed address, exactly as a user would see it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface BrowserMode {
  url: string;
  userData: string;
  origin: string;
  output: string[];
}

/** User-data folders made during the running test: removed when it ends (and, failing that, at exit). */
const userDataFolders: string[] = [];
process.once('exit', () => removeFolders(userDataFolders));

/** Retries: a console killed a moment ago may still be closing files in it. */
function removeFolders(folders: string[]): void {
  for (const folder of folders.splice(0)) {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

export async function startBrowserMode(
  args: string[] = [],
): Promise<{ mode: BrowserMode; child: ChildProcess }> {
  // node --import tsx: one process, so stopping it stops the console too.
  const userData = mkdtempSync(join(tmpdir(), 'wf-e2e-'));
  userDataFolders.push(userData);
  const cli = [
    '--import',
    'tsx',
    'main/web/web-cli.ts',
    '--port',
    '0',
    '--seed',
    '7',
    '--user-data',
    userData,
    ...args,
  ];
  const child = spawn(process.execPath, cli, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await browserModeUrl(child, output, 20_000);
  return { mode: { url, userData, origin: new URL(url).origin, output }, child };
}

/** Resolves with the address browser mode prints (its output collected in `output`). */
export function browserModeUrl(
  child: ChildProcess,
  output: string[],
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start: ${output.join('')}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Watchfloor \(browser mode\): (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited ${code}: ${output.join('')}`));
    });
  });
}

export const test = base.extend<{ tempFolders: void }, { browserMode: BrowserMode }>({
  // After each test (and its afterEach hooks, which stop its consoles): its folders go.
  tempFolders: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      await use();
      removeFolders(userDataFolders);
    },
    { auto: true },
  ],
  browserMode: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const { mode, child } = await startBrowserMode();
      // The worker's console outlives each test: its folder is its own to remove.
      const own = userDataFolders.splice(userDataFolders.indexOf(mode.userData), 1);
      await use(mode);
      child.kill('SIGTERM');
      removeFolders(own);
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
