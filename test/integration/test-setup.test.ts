// scripts/test-setup.sh, the first step of `npm test`, run for real on a PATH
// we control: the programs the tests need are hidden or stubbed, apt-get is
// absent or a fake that logs its calls, and TEST_SETUP_UID stands in for the user.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/test-setup.sh');
/** The script's own table of needs: command | variable | package | options | purpose. */
const NEEDS = [
  ...readFileSync(SCRIPT, 'utf8').matchAll(
    /^ {2}'([^|']+)\|([^|']*)\|([^|']+)\|([^|']*)\|([^']+)'$/gm,
  ),
].map(([, command, , pkg, options, purpose]) => ({ command, pkg, options, purpose }));
const NEEDED = NEEDS.map((need) => need.command as string);
const others = (...present: string[]) =>
  NEEDS.filter((need) => !present.includes(need.command as string));

/** bash itself, found on the test runner's PATH: the script's PATH will not have it. */
const BASH = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'bash'))
  .find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

let bin: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'wf-test-setup-'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function stub(name: string): void {
  writeFileSync(join(bin, name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

/** An apt-get that logs "DEBIAN_FRONTEND args" per call and, on install, puts the package's program in bin. */
function fakeAptGet(): string {
  const log = join(bin, 'apt-get.log');
  const program = [
    `#!${process.execPath}`,
    "const fs = require('node:fs');",
    'const args = process.argv.slice(2);',
    `fs.appendFileSync(${JSON.stringify(log)}, process.env.DEBIAN_FRONTEND + ' ' + args.join(' ') + '\\n');`,
    `const commands = ${JSON.stringify(Object.fromEntries(NEEDS.map((n) => [n.pkg, n.command])))};`,
    "if (args[0] === 'install')",
    `  fs.writeFileSync(${JSON.stringify(bin)} + '/' + commands[args.at(-1)], '#!/bin/sh\\n', { mode: 0o755 });`,
  ].join('\n');
  writeFileSync(join(bin, 'apt-get'), program, { mode: 0o755 });
  return log;
}

function runSetup(uid: number) {
  const started = performance.now();
  const run = spawnSync(BASH ?? 'bash', [SCRIPT], {
    env: { PATH: bin, PG_BIN_DIR: bin, TEST_SETUP_UID: String(uid) },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { ...run, ms: performance.now() - started };
}

describe('scripts/test-setup.sh', () => {
  it('reads the needs table: Chromium, Prometheus, every bridge test server and Python', () => {
    expect(NEEDED).toEqual(
      expect.arrayContaining([
        'chromium',
        'prometheus',
        'postgres',
        'buildbot',
        'ansible-playbook',
        'python3',
      ]),
    );
  });

  it('with everything present prints one line, exits 0 and installs nothing', () => {
    NEEDED.forEach(stub);
    const log = fakeAptGet();
    const run = runSetup(0);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([`test-setup: ${NEEDED.join(' ')} present`]);
    expect(() => readFileSync(log)).toThrow();
    expect(run.ms).toBeLessThan(5_000);
  });

  it('as a user without root fails at once, naming the one command to run', () => {
    const log = fakeAptGet();
    const run = runSetup(65534);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`missing: ${NEEDED.join(' ')}`);
    expect(run.stderr).toContain('Run: sudo bash scripts/test-setup.sh');
    expect(() => readFileSync(log)).toThrow();
    expect(run.ms).toBeLessThan(5_000);
  });

  it('without apt-get fails at once, even as root, saying what to install', () => {
    stub('chromium');
    const run = runSetup(0);
    expect(run.status).toBe(1);
    const rest = others('chromium').map((need) => need.command);
    expect(run.stderr).toContain(`missing: ${rest.join(' ')} and no apt-get`);
    expect(run.stderr).not.toContain('chromium');
    expect(run.ms).toBeLessThan(5_000);
  });

  it('as root installs only what is missing, after one apt-get update', () => {
    stub('chromium');
    const log = fakeAptGet();
    const run = runSetup(0);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rest = others('chromium');
    expect(run.stdout.trim().split('\n')).toEqual(
      rest.map((need) => `test-setup: installing Debian's ${need.pkg} for ${need.purpose}`),
    );
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'noninteractive update -qq',
      ...rest.map((need) => `noninteractive install -y -qq ${need.options} ${need.pkg}`),
    ]);
    expect(rest.map((need) => need.pkg)).toContain('prometheus');
  });
});
