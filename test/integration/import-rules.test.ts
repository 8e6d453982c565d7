// The architecture's import rules are enforced by lint: prove each wall holds
// by linting code that crosses it, so a weakened rule fails the suite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const crossings: [string, string][] = [
  ['renderer/src/x.ts', "import { ConsoleCore } from '../../main/core/console-core';"],
  ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
  ['renderer/src/x.ts', "import WebSocket from 'ws';"],
  ['renderer/src/x.ts', "import { IPC } from '../../preload/index';"],
  ['main/core/x.ts', "import { app } from 'electron';"],
  ['main/core/x.ts', "import { x } from '../../renderer/src/app/main';"],
  ['main/web/x.ts', "import { ipcMain } from 'electron/main';"],
  ['shared/x.ts', "import { readFileSync } from 'fs';"],
  ['shared/x.ts', "import { ConsoleCore } from '../main/core/console-core';"],
  ['preload/x.ts', "import { ConsoleCore } from '../main/core/console-core';"],
  ['endpoints/demo/x.ts', "import { ConsoleCore } from '../../main/core/console-core';"],
  ['main/x.ts', "import { x } from '../renderer/src/main';"],
];

describe('architecture import rules', () => {
  it.each(crossings)('%s may not: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport {};\n`)).not.toHaveLength(0);
  });

  it('allows the arrows the architecture draws', async () => {
    const allowed: [string, string][] = [
      ['renderer/src/x.ts', "import { seriesKey } from '../../shared/api/series';"],
      ['main/core/x.ts', "import WebSocket from 'ws';"],
      ['main/x.ts', "import { app } from 'electron';"],
      ['preload/x.ts', "import { contextBridge } from 'electron';"],
      ['endpoints/demo/x.ts', "import { SUBPROTOCOL } from '../../shared/protocol';"],
    ];
    for (const [file, code] of allowed) {
      expect(await violations(file, `${code}\nexport {};\n`), `${file}: ${code}`).toEqual([]);
    }
  });
});
