// The architecture's import rules (eslint.config.js, ../shared/ARCHITECTURE.md)
// are enforced by lint. Prove each wall holds by linting code that crosses it,
// each drawn arrow stays open, and every rule reaches files of the real tree.
import { ESLint, type Linter } from 'eslint';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const RULE = 'no-restricted-imports';
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });

/** Each rule's message, as an author who crosses a wall reads it. */
const WHY = {
  renderer: 'renderer may import only shared/ and browser APIs',
  feature: 'enter another feature only through its index.ts',
  servesEvery: 'ui/, store/ and bridge/ serve every feature and import none',
  shared: 'shared/ may import only zod: it runs in every process',
  plainNode: 'main/core and main/web run in plain Node: no electron, renderer or preload',
  shell: 'the Electron shell may import main/core, shared/ and electron only',
  preload: 'preload may import shared/ types and electron only',
  endpoints: 'endpoints speak the protocol: shared/, Node and ws only',
};

async function violations(filePath: string, specifier: string): Promise<string[]> {
  const code = `import x from '${specifier}';\nexport { x };\n`;
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const FEATURE = 'renderer/src/features/wall/x.tsx';
const APP = 'renderer/src/app/x.tsx';

/** [file that imports, what it imports, the message it must get] */
const crossings: [string, string, string][] = [
  // renderer: any file, and one in no sub-folder (only the renderer-wide rule)
  ['renderer/src/x.ts', '../../main/core/console-core', WHY.renderer],
  ['renderer/src/x.ts', 'node:fs', WHY.renderer],
  [APP, 'fs', WHY.renderer],
  [APP, 'ws', WHY.renderer],
  [APP, 'electron', WHY.renderer],
  [APP, '../../../preload/index', WHY.renderer],
  [APP, '../../../endpoints/demo/demo-server', WHY.renderer],
  [FEATURE, '../../../../main/core/console-core', WHY.renderer],
  ['renderer/src/ui/x.ts', 'node:path', WHY.renderer],
  // features: another feature's insides, in both forms; app likewise
  [FEATURE, '../actions/action-dialog', WHY.feature],
  [FEATURE, '../actions/actions.css', WHY.feature],
  [FEATURE, '../../features/actions/action-dialog', WHY.feature],
  ['renderer/src/features/actions/x.ts', '../wall/wall-view', WHY.feature],
  [APP, '../features/wall/wall-view', WHY.feature],
  // ui/, store/, bridge/ import no feature at all, not even its index
  ['renderer/src/ui/x.tsx', '../features/wall', WHY.servesEvery],
  ['renderer/src/ui/charts/x.ts', '../../features/wall/tile-chart', WHY.servesEvery],
  ['renderer/src/store/x.ts', '../features/alerts/index', WHY.servesEvery],
  ['renderer/src/bridge/x.ts', '../features/actions', WHY.servesEvery],
  // shared/ runs everywhere
  ['shared/api/x.ts', 'node:fs', WHY.shared],
  ['shared/rules/x.ts', 'fs', WHY.shared],
  ['shared/protocol/x.ts', 'ws', WHY.shared],
  ['shared/api/x.ts', 'electron', WHY.shared],
  ['shared/api/x.ts', 'react', WHY.shared],
  ['shared/api/x.ts', '../../main/core/console-core', WHY.shared],
  ['shared/api/x.ts', '../../renderer/src/store/console-store', WHY.shared],
  // main/core and main/web are plain Node
  ['main/core/x.ts', 'electron', WHY.plainNode],
  ['main/core/x.ts', '../electron/window-manager', WHY.plainNode],
  ['main/core/actions/x.ts', '../../electron/validated-ipc', WHY.plainNode],
  ['main/core/x.ts', '../../renderer/src/app/main', WHY.plainNode],
  ['main/core/x.ts', '../../preload/index', WHY.plainNode],
  ['main/web/x.ts', 'electron', WHY.plainNode],
  ['main/web/x.ts', 'electron/main', WHY.plainNode],
  ['main/web/x.ts', 'electron-store', WHY.plainNode],
  ['main/web/x.ts', '../electron/index', WHY.plainNode],
  // the Electron shell
  ['main/electron/x.ts', '../../renderer/src/store/console-store', WHY.shell],
  ['main/electron/x.ts', '../../preload/index', WHY.shell],
  ['main/electron/x.ts', '../web/web-host', WHY.shell],
  // preload holds no logic and no schema library
  ['preload/x.ts', 'zod', WHY.preload],
  ['preload/x.ts', 'node:fs', WHY.preload],
  ['preload/x.ts', '../main/core/console-core', WHY.preload],
  ['preload/x.ts', '../renderer/src/bridge/x', WHY.preload],
  // endpoints speak only the protocol
  ['endpoints/demo/x.ts', '../../main/core/console-core', WHY.endpoints],
  ['endpoints/prometheus/x.ts', '../../main/web/web-host', WHY.endpoints],
  ['endpoints/demo/x.ts', 'electron', WHY.endpoints],
  ['endpoints/demo/x.ts', '../../renderer/src/store/console-store', WHY.endpoints],
  ['endpoints/demo/x.ts', '../../preload/index', WHY.endpoints],
];

/** [file that imports, what it imports]: arrows the architecture draws. */
const allowed: [string, string][] = [
  [FEATURE, '../actions'],
  [FEATURE, '../actions/index'],
  [FEATURE, './tile'],
  [FEATURE, '../../ui/format'],
  [FEATURE, '../../store/console-store'],
  [FEATURE, '../../bridge/api'],
  [FEATURE, '../../../../shared/api/series'],
  [APP, '../features/wall'],
  [APP, '../features/wall/index'],
  [APP, 'react'],
  ['renderer/src/ui/x.ts', 'echarts/core'],
  ['renderer/src/store/x.ts', 'zustand'],
  ['renderer/src/bridge/x.ts', '../../../shared/api/console-api'],
  ['shared/api/x.ts', 'zod'],
  ['shared/api/x.ts', '../protocol/index'],
  ['main/core/x.ts', 'ws'],
  ['main/core/x.ts', 'node:fs'],
  ['main/core/x.ts', '../../shared/api/console-api'],
  ['main/web/x.ts', '../core/console-core'],
  ['main/electron/x.ts', '../core/console-core'],
  ['main/electron/x.ts', 'electron'],
  ['main/electron/x.ts', '../../shared/api/console-api'],
  ['preload/x.ts', 'electron'],
  ['preload/x.ts', '../shared/api/ipc-channels'],
  ['endpoints/demo/x.ts', '../../shared/protocol'],
  ['endpoints/demo/x.ts', 'ws'],
  ['endpoints/prometheus/x.ts', 'node:http'],
];

describe('each import rule bites', () => {
  it.each(crossings)('%s may not import %s', async (file, specifier, why) => {
    // 'electron' may be caught twice (the package, and the main/electron
    // folder pattern): every report must be this rule with this message.
    const found = await violations(file, specifier);
    expect(found.length).toBeGreaterThan(0);
    for (const report of found) {
      expect(report).toContain(`${RULE}: '${specifier}' import is restricted`);
      expect(report).toContain(why);
    }
  });
});

describe('the arrows the architecture draws stay open', () => {
  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await violations(file, specifier)).toEqual([]);
  });
});

/** The config blocks that carry an import rule, read from eslint.config.js itself. */
async function importRuleBlocks(): Promise<string[][]> {
  const url = pathToFileURL(join(ROOT, 'eslint.config.js')).href;
  const { default: config } = (await import(url)) as { default: Linter.Config[] };
  return config
    .filter((block) => block.rules?.[RULE] !== undefined)
    .map((block) => (block.files ?? []).filter((glob) => typeof glob === 'string'));
}

describe('the rules cover the real tree', async () => {
  const blocks = await importRuleBlocks();

  it('has a rule for every folder of the architecture', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const files of blocks) expect(files.length).toBeGreaterThan(0);
  });

  // The feature rule matches files directly in a feature's folder: a file in
  // a sub-folder, or beside the folders, would get only the renderer-wide rule.
  it('puts every real renderer file under the rule of its own folder', async () => {
    const ruleOf = async (file: string) =>
      JSON.stringify(((await eslint.calculateConfigForFile(file)) as Linter.Config).rules?.[RULE]);
    const rendererWide = await ruleOf(join(ROOT, 'renderer/src/x.ts'));
    const files = readdirSync(join(ROOT, 'renderer/src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(ROOT, 'renderer/src', file));
    expect(files.length).toBeGreaterThan(0);
    const uncovered: string[] = [];
    for (const file of files) {
      if ((await ruleOf(file)) === rendererWide) uncovered.push(relative(ROOT, file));
    }
    expect(uncovered).toEqual([]);
  });

  // lintFiles throws when a glob matches no file: a rule aimed at a folder that
  // moved is noticed here, not left guarding nothing.
  it.each(blocks.map((files) => [files.join(' + '), files]))(
    '%s: matches real files, and they cross no wall',
    async (_name, files) => {
      const results = await eslint.lintFiles(files as string[]);
      expect(results.length).toBeGreaterThan(0);
      const found = results.flatMap((r) =>
        r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
      );
      expect(found).toEqual([]);
    },
    60_000, // parses the whole folder: seconds, more on a busy machine
  );
});
