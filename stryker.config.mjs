// Mutation testing (issue 25): `npm run mutation`. Not part of `npm test`: too slow.
// Pick the scope with MUTATION_SCOPE=security|all|rules|core|links|snapshot|shared|electron
// (default: security; the last six are `all` without the security list, in parts), or name the
// files with MUTATE='main/web/**/*.ts,shared/rules/**/*.ts' (tests are left out for
// you). `npm run mutation -- --mutate 'a,!b'` also works but replaces the whole list.
// MUTATION_CONCURRENCY (or `-- --concurrency N`) sets the workers; 1 by default so a
// run does not starve a shared machine.

// Process entry points (argv, signals, Electron's app) run only in e2e tests.
export const notTests = [
  '!**/*.test.ts',
  '!**/*.test.tsx',
  '!**/*.d.ts',
  '!main/web/web-cli.ts',
  '!main/electron/index.ts',
  // The method table: api-contract.test.ts reads its text, which instrumenting rewrites.
  '!shared/api/contract.ts',
];

// The security and safety list: web host, validated IPC, window security
// (with the app:// scheme and the DevTools menu), vault, audit log, action desk,
// release gates, frame decoder (with the protocol's JSON limits) and snapshot
// reader (with the pieces it decodes through). shared/rules counts in `all`.
const security = [
  'main/web/**/*.ts',
  'main/electron/validated-ipc.ts',
  'main/electron/window-security.ts',
  'main/electron/app-scheme.ts',
  'main/electron/app-protocol.ts',
  'main/electron/menu-devtools.ts',
  'main/core/actions/action-desk.ts',
  'main/core/actions/audit-log.ts',
  'main/core/settings/secret-file-vault.ts',
  'main/core/deploys/release-gates.ts',
  'main/core/links/frame-decoder.ts',
  'shared/protocol/json-limits.ts',
  'main/core/snapshot/snapshot-reader.ts',
  'main/core/snapshot/snapshot-points-decoder.ts',
  'main/core/snapshot/snapshot-inflate.ts',
  'main/core/snapshot/snapshot-parse.ts',
  'main/core/snapshot/snapshot-json-cursor.ts',
];

const all = ['main/**/*.ts', 'shared/**/*.ts'];

// The rest of `all` in parts, each with its own incremental file: on two cores
// `all` takes hours, and a stopped run keeps nothing, while a finished part
// keeps its report. Security + the parts = all; the scores script merges them.
const outsideSecurity = (globs) => [...globs, ...security.map((glob) => `!${glob}`)];
const parts = {
  rules: outsideSecurity(['shared/rules/**/*.ts']),
  core: outsideSecurity(['main/core/*.ts', 'main/core/alerts/**/*.ts', 'main/core/series/**/*.ts']),
  links: outsideSecurity([
    'main/core/links/**/*.ts',
    'main/core/deploys/**/*.ts',
    'main/core/actions/**/*.ts',
    'main/core/settings/**/*.ts',
  ]),
  snapshot: outsideSecurity(['main/core/snapshot/**/*.ts']),
  shared: outsideSecurity(['shared/api/**/*.ts', 'shared/protocol/**/*.ts']),
  electron: outsideSecurity(['main/electron/**/*.ts']),
};

export const scopes = { security, all, ...parts };
const custom = process.env.MUTATE?.split(',').filter(Boolean);
export const scopeName = custom ? 'custom' : (process.env.MUTATION_SCOPE ?? 'security');
const scope = custom ?? scopes[scopeName];
if (!scope) {
  throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}`);
}

// In-process tests only: suites that spawn bridges, fuzz for a minute or count
// 1,000 reconnects would make every mutant take minutes and prove no more here.
// vitest.mutation.config.ts runs exactly these (the vitest runner takes its
// tests from vitest's config; Stryker reads this list for incremental runs).
export const testFiles = [
  'shared/**/*.test.ts',
  'main/**/*.test.ts',
  'test/unit/**/*.test.ts',
  // 25 million points: over 3 minutes under coverage instrumentation. The cap's
  // boundary is tested with a small limit in snapshot-points-decoder.test.ts.
  '!test/unit/snapshot/snapshot-points-cap.test.ts',
  // The renderer's tests exercise shared/rules (ring rollout, value format) too.
  'renderer/src/**/*.test.{ts,tsx}',
  'test/property/console-api-payload.property.test.ts',
  'test/property/frame-decoder.property.test.ts',
  'test/property/snapshot-reader.property.test.ts',
  'test/property/status-model.property.test.ts',
  'test/integration/api-contract.test.ts',
  'test/integration/audit-log.test.ts',
  'test/integration/display-profile.test.ts',
  'test/integration/release-gate-block.test.ts',
  'test/integration/secret-file-vault.test.ts',
  'test/integration/snapshot-console.test.ts',
  'test/integration/web-host.test.ts',
];

// Where a run keeps its results for the next run, and the committed report of
// the scope that seeds it on a clean clone (scripts/mutation-seed.mjs), so a
// fresh checkout retests only what changed since that report.
export const incrementalFile = `reports/mutation/${scopeName}/stryker-incremental.json`;
export const committedReport = `docs/mutation/scopes/${scopeName}.json`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [...scope, ...notTests],
  testFiles,
  coverageAnalysis: 'perTest',
  // Module-level code (zod schemas, tables) would rerun every test per mutant.
  ignoreStatic: true,
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}/mutation.json` },
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 80, low: 65, break: null },
};
