// Lint, including the architecture's import rules (../shared/ARCHITECTURE.md):
// a wrong arrow between runtimes fails `npm test`, not review.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * no-restricted-imports for one folder: forbidden folders (globs), packages, and
 * extra regex patterns. ESLint keeps only the last config of a rule for a file,
 * so each folder states its whole rule here, once.
 */
function importRules(folders, packages, why, regexes = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: [
          { group: folders, message: why },
          ...(packages.includes('electron') ? [{ group: ['electron/*'], message: why }] : []),
          ...regexes,
        ],
      },
    ],
  };
}

const up = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/**`];

const rendererFolders = [...up('main'), ...up('preload'), ...up('endpoints')];
const rendererPackages = [...nodeBuiltins, 'ws', 'electron', 'electron-store', 'conf'];
const rendererWhy = 'renderer may import only shared/ and browser APIs';
/** Into a feature only through its index.ts: `features/x/file`, or from a feature `../x/file`. */
const featureInsides = {
  regex: '(^|/)features/[a-z-]+/(?!index$)[^/]+',
  message: 'enter another feature only through its index.ts',
};
const siblingFeatureInsides = { ...featureInsides, regex: '^\\.\\./[a-z-]+/(?!index$)[^/]+' };
const anyFeature = {
  regex: '(^|/)features(/|$)',
  message: 'ui/, store/ and bridge/ serve every feature and import none',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
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
    rules: importRules(rendererFolders, rendererPackages, rendererWhy),
  },
  {
    files: ['renderer/src/app/**/*.{ts,tsx}'],
    rules: importRules(rendererFolders, rendererPackages, rendererWhy, [featureInsides]),
  },
  {
    files: ['renderer/src/features/*/*.{ts,tsx}'],
    rules: importRules(rendererFolders, rendererPackages, rendererWhy, [
      featureInsides,
      siblingFeatureInsides,
    ]),
  },
  {
    files: ['renderer/src/{ui,store,bridge}/**/*.{ts,tsx}'],
    rules: importRules(rendererFolders, rendererPackages, rendererWhy, [anyFeature]),
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
      [...up('renderer'), ...up('preload'), ...up('electron')],
      ['electron', 'electron-store'],
      'main/core and main/web run in plain Node: no electron, renderer or preload',
    ),
  },
  {
    files: ['main/electron/**/*.ts'],
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
