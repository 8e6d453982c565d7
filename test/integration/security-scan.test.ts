// The Electronegativity gate must bite: a planted insecure window and an
// unexplained inline disable are both reported.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../scripts/security-scan';

describe('security scan', () => {
  it('reports an insecure BrowserWindow and a disable without a reason', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wf-scan-'));
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

  it('finds nothing unjustified in our own sources', async () => {
    expect(await scan(process.cwd())).toEqual([]);
  }, 60_000);
});
