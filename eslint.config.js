// Lint, including the architecture's import rules (../shared/ARCHITECTURE.md):
// a wrong arrow between runtimes fails `npm test`, not review.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports for one folder: forbidden folders (globs) and packages. */
function importRules(folders, packages, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: [
          { group: folders, message: why },
          ...(packages.includes('electron') ? [{ group: ['electron/*'], message: why }] : []),
        ],
      },
    ],
  };
}

const up = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/**`];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: importRules(
      [...up('main'), ...up('preload'), ...up('endpoints')],
      [...nodeBuiltins, 'ws', 'electron', 'electron-store', 'conf'],
      'renderer may import only shared/ and browser APIs',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: importRules(
      [...up('main'), ...up('renderer'), ...up('preload'), ...up('endpoints')],
      [...nodeBuiltins, 'ws', 'electron', 'react', 'echarts', 'zustand'],
      'shared/ may import only zod: it runs in every process',
    ),
  },
  {
    files: ['main/core/**/*.ts', 'main/web/**/*.ts'],
    rules: importRules(
      [
        ...up('renderer'),
        ...up('preload'),
        '**/main/index',
        '**/main/validated-ipc',
        '**/main/window-security',
      ],
      ['electron', 'electron-store'],
      'main/core and main/web run in plain Node: no electron, renderer or preload',
    ),
  },
  {
    files: ['main/*.ts'],
    rules: importRules(
      [...up('renderer'), ...up('preload'), ...up('web')],
      [],
      'the Electron shell may import main/core, shared/ and electron only',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: importRules(
      [...up('main'), ...up('renderer'), ...up('endpoints')],
      [...nodeBuiltins, 'ws', 'zod'],
      'preload may import shared/ types and electron only',
    ),
  },
  {
    files: ['endpoints/**/*.ts'],
    rules: importRules(
      [...up('main'), ...up('renderer'), ...up('preload')],
      ['electron'],
      'endpoints speak the protocol: shared/, Node and ws only',
    ),
  },
);
