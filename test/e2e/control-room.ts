// A control room for e2e specs: one demo endpoint as its own process, and
// several browser-mode consoles on it, each with its own operator name,
// settings folder and browser context. `closeRoom` ends every process and
// removes every folder the room made.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, startBrowserMode } from './browser-mode';

const started: ChildProcess[] = [];
const folders: string[] = [];

/** Kills the room's processes and removes its folders (call from afterEach). */
export function closeRoom(): void {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** `npm run demo-endpoint` as its own process; resolves with the address it prints. */
export async function startDemoEndpoint(args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'endpoints/demo/demo-cli.ts', '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo endpoint silent: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /demo endpoint: (ws:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/** A browser-mode console whose settings name its operator, watching `endpoint`, in its own browser context. */
export async function openConsole(
  browser: Browser,
  endpoint: string,
  operator: string,
  viewport = { width: 1920, height: 1080 },
): Promise<Page> {
  const userData = mkdtempSync(join(tmpdir(), `wf-room-${operator}-`));
  folders.push(userData);
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ operator }));
  // The last --user-data wins: this one, with the operator's name in it.
  const { mode, child } = await startBrowserMode(['--endpoint', endpoint, '--user-data', userData]);
  started.push(child);
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(mode.url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
  return page;
}
