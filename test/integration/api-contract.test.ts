// The ConsoleApi is declared once, in shared/api/contract.ts: no other source
// file names a method, the transports and bridges never mention one, and the
// browser host serves every method of the table, refusing what is not in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { z } from 'zod';
import { bootConsole, type BootedConsole } from '../../main/core/console-boot';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { webRpcName } from '../../shared/api/console-channels';
import { makeTempDir, stopThenRemoveTempDirs } from '../support/temp-dir';
import { CONSOLE_CONTRACT, CONSOLE_METHODS, type ConsoleMethod } from '../../shared/api/contract';
import { RPC_ERRORS } from '../../shared/protocol';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTRACT_FILE = join('shared', 'api', 'contract.ts');
// Git-ignored output: builds, test results, Stryker's sandboxes (copies of the source) in reports/.
const SKIPPED_DIRS = new Set([
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  'reports',
  '.stryker-tmp',
]);
const SOURCE = /\.(ts|tsx|js|mjs|cjs|html)$/;
const TEST_FILE = /\.(test|spec)\.[a-z]+$/;

/** Every source file under `dir` (relative to the repo), tests and build output left out. */
function sourceFiles(dir: string): string[] {
  return (
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((path) => join(dir, path))
      .filter((path) => !path.split(sep).some((part) => SKIPPED_DIRS.has(part) || part === '.git'))
      // The committed mutation report embeds copies of the source.
      .filter((path) => !path.startsWith(join('docs', 'mutation')))
      .filter((path) => SOURCE.test(path) && !TEST_FILE.test(path))
      .filter((path) => !path.startsWith(`test${sep}`))
  );
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** How a method's name would be spelled again: a string, an RPC name, an IPC channel. */
function spellings(name: string): RegExp {
  return new RegExp(
    [
      `(['"\`])(console\\.)?${name}\\1`,
      `console\\.${name}\\b`,
      `watchfloor:(${name}|${kebab(name)})\\b`,
    ].join('|'),
    'i',
  );
}

/** `file:line: name` for every line of `files` that `pattern(name)` finds. */
function findings(files: string[], pattern: (name: string) => RegExp): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    for (const name of CONSOLE_METHODS) {
      lines.forEach((line, i) => {
        if (pattern(name).test(line)) found.push(`${file}:${i + 1}: ${name}`);
      });
    }
  }
  return found;
}

describe('one declaration of the ConsoleApi', () => {
  const everywhere = sourceFiles('.');

  it('no source file but the contract names a method as a string, console.<name> or watchfloor:<name>', () => {
    expect(everywhere.length).toBeGreaterThan(100);
    // The patterns do find what they look for: the contract names every method as a key.
    const inContract = findings([CONTRACT_FILE], (name) => new RegExp(`^\\s*${name}: \\{`));
    expect(inContract).toHaveLength(CONSOLE_METHODS.length);
    const others = everywhere.filter((file) => file !== CONTRACT_FILE);
    expect(findings(others, spellings)).toEqual([]);
  });

  it('the preload, both hosts and the bridges never mention a method at all', () => {
    const transports = ['preload', join('main', 'electron'), join('main', 'web')]
      .concat(join('renderer', 'src', 'bridge'))
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) =>
          join(dir, f),
        ),
      )
      // Their tests may call methods by name: the rule is for the code that carries calls.
      .filter((path) => SOURCE.test(path) && !TEST_FILE.test(path));
    expect(transports.length).toBeGreaterThan(10);
    expect(findings(transports, (name) => new RegExp(`\\b${name}\\b`))).toEqual([]);
  });
});

interface Reply {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

type Args<M extends ConsoleMethod> = z.input<(typeof CONSOLE_CONTRACT)[M]['args']>;

/**
 * Valid args for every method (a method added to the contract without one
 * fails the typecheck). They name nothing that exists where a call would
 * change the demo (an endpoint `nowhere`), but a real snapshot file.
 */
const validArgs = (file: string): { [M in ConsoleMethod]: Args<M> } => ({
  getState: [],
  submitAction: [
    {
      endpointId: 'nowhere',
      key: 'contract-test-0001',
      action: 'deploy.rollback',
      args: { service: 'api', environment: 'staging' },
    },
  ],
  addEndpoint: [{ url: 'ws://127.0.0.1:9' }],
  updateEndpoint: ['nowhere', { url: 'ws://127.0.0.1:9' }],
  removeEndpoint: ['nowhere'],
  reconnectEndpoint: ['nowhere'],
  acknowledgeAlert: ['nowhere'],
  setAutoHalt: [
    {
      endpointId: 'nowhere',
      service: 'api',
      environment: 'staging',
      version: '1.0.0',
      armed: false,
    },
  ],
  queryAudit: [{ limit: 5 }],
  updateSettings: [{ theme: 'dark' }],
  exportSnapshot: [{ title: 'Contract test', windowMs: 60_000 }],
  openSnapshot: [{ fileName: file }],
  annotateSnapshot: [{ fileName: file, notes: 'checked', annotations: [] }],
  exportReport: [{ fileName: file }],
});

describe('every contract method, served by the browser host over a loopback socket', () => {
  let booted: BootedConsole;
  let host: WebHost;
  let socket: WebSocket;
  let nextId = 1;

  beforeAll(async () => {
    const staticDir = makeTempDir('wf-contract-static-');
    const userData = makeTempDir('wf-contract-data-');
    booted = await bootConsole(
      { endpoints: [], demo: true, seed: 7 },
      { clientVersion: 'test', userData },
    );
    host = await startWebHost({ api: booted.core, staticDir, port: 0, host: '127.0.0.1' });
    const origin = new URL(host.url).origin;
    socket = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${host.token}`, {
      headers: { origin },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  });

  afterAll(() =>
    stopThenRemoveTempDirs(
      () => socket?.close(),
      () => host?.close(),
      () => booted?.stop(),
    ),
  );

  function call(method: unknown, params?: unknown): Promise<Reply> {
    const id = nextId++;
    return new Promise((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as Reply;
        if (message.id !== id) return;
        socket.off('message', onMessage);
        resolve(message);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  it('refuses unknown methods: foreign, prototype keys, and contract names without the prefix', async () => {
    const prototypeKeys = ['constructor', '__proto__', 'toString', 'onDelta'].map(webRpcName);
    const unprefixed = CONSOLE_METHODS[0];
    const unknown: unknown[] = ['fs.readFile', ...prototypeKeys, unprefixed, 42, null];
    for (const method of unknown) {
      const reply = await call(method, []);
      expect(reply.error?.code, String(method)).toBe(RPC_ERRORS.methodNotFound);
      expect(reply.error?.message, String(method)).toMatch(/^unknown method/);
    }
  });

  it('refuses bad args of every method with invalid params, before the console sees them', async () => {
    const before = booted.core.settingsValue();
    for (const method of CONSOLE_METHODS) {
      for (const params of [[{ not: 'valid' }, 1, 2, 3], { not: 'a tuple' }, 'text']) {
        const reply = await call(webRpcName(method), params);
        expect(reply.error?.code, `${method} ${JSON.stringify(params)}`).toBe(
          RPC_ERRORS.invalidParams,
        );
        expect(reply.error?.message).toMatch(/^invalid params/);
      }
    }
    expect(booted.core.settingsValue()).toEqual(before);
  });

  it('answers every method with valid args: a result its schema accepts, or the console’s own refusal', async () => {
    const file = (await booted.core.exportSnapshot({ title: 'Fixture', windowMs: 60_000 }))
      .fileName;
    const args = validArgs(file);
    const outcomes: Record<string, string> = {};
    for (const method of CONSOLE_METHODS) {
      const reply = await call(webRpcName(method), args[method]);
      if (reply.error) {
        expect(reply.error.code, `${method}: ${reply.error.message}`).toBe(
          RPC_ERRORS.internalError,
        );
        outcomes[method] = 'refused by the console';
      } else {
        const parsed = CONSOLE_CONTRACT[method].result.safeParse(reply.result);
        expect(parsed.success, `${method}: result fits its schema`).toBe(true);
        outcomes[method] = 'result';
      }
    }
    expect(Object.keys(outcomes)).toEqual(CONSOLE_METHODS);
    // The calls that do not depend on a missing endpoint reach the console and succeed.
    const succeeded = Object.values(outcomes).filter((o) => o === 'result');
    expect(succeeded.length).toBeGreaterThanOrEqual(6);
  });
});
