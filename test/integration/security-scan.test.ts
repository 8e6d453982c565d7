// The Electronegativity gate must bite: a planted insecure window and an
// unexplained inline disable are both reported; so is a shell that loads its
// renderer from the environment or file:, or opens DevTools.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, shellProblems } from '../../scripts/security-scan';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';

afterAll(removeTempDirs);

describe('security scan', () => {
  it('reports an insecure BrowserWindow and a disable without a reason', async () => {
    const root = makeTempDir('wf-scan-');
    for (const path of ['main', 'preload', 'renderer/index.html', 'renderer/src', 'package.json']) {
      cpSync(path, join(root, path), { recursive: true });
    }
    writeFileSync(
      join(root, 'main/insecure-window.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        'export const open = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK',
      ].join('\n'),
    );
    const problems = (await scan(root)).join('\n');
    expect(problems).toMatch(/insecure-window\.ts:2 NODE_INTEGRATION/);
    expect(problems).toMatch(/insecure-window\.ts:2 CONTEXT_ISOLATION/);
    expect(problems).toMatch(
      /insecure-window\.ts:3: eng-disable without a "reviewed: why" comment/,
    );
  }, 60_000);

  it('reports a shell that trusts ELECTRON_RENDERER_URL, loads file: or opens DevTools', () => {
    const root = makeTempDir('wf-shell-');
    cpSync('main', join(root, 'main'), { recursive: true });
    writeFileSync(
      join(root, 'main/electron/dev-window.ts'),
      [
        "import { pathToFileURL } from 'node:url';",
        'export const url = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(index).toString();',
        'export const open = (w: Electron.BrowserWindow) => w.webContents.openDevTools();',
        "export const load = (w: Electron.BrowserWindow) => w.loadFile('index.html');",
      ].join('\n'),
    );
    const problems = shellProblems(root).join('\n');
    expect(problems).toMatch(/dev-window\.ts:2: ELECTRON_RENDERER_URL read outside/);
    expect(problems).toMatch(/dev-window\.ts:2: renderer loaded from file:/);
    expect(problems).toMatch(/dev-window\.ts:3: DevTools opened by code/);
    expect(problems).toMatch(/dev-window\.ts:4: renderer loaded from file:/);
    expect(shellProblems(process.cwd())).toEqual([]);
  });

  it('finds nothing unjustified in our own sources', async () => {
    expect(await scan(process.cwd())).toEqual([]);
  }, 60_000);
});
