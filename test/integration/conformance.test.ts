// The conformance kit (scripts/conformance) against real endpoints: the demo
// (through its CLI, every section passing, actions allowed), the Prometheus,
// Unleash, Buildbot and runbook bridges on their real servers, and small
// endpoints each broken in one way, to prove that every section can fail.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  failures,
  sectionVerdict,
  type ConformanceReport,
  type Section,
} from '../../scripts/conformance/conformance-report';
import { runConformance } from '../../scripts/conformance/run-conformance';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { parseBridgeConfig as parseBuildbotConfig } from '../../endpoints/buildbot/bridge-config';
import { startBuildbotBridge } from '../../endpoints/buildbot/bridge-server';
import { NODE_EXPORTER_CONFIG, loadBridgeConfig } from '../../endpoints/prometheus/bridge-config';
import { startPrometheusBridge } from '../../endpoints/prometheus/bridge-server';
import { parseBridgeConfig as parseUnleashConfig } from '../../endpoints/unleash/bridge-config';
import { startUnleashBridge } from '../../endpoints/unleash/bridge-server';
import { BUILDERS, startBuildbotStack } from '../support/buildbot-services';
import { startPrometheusStack } from '../support/prometheus-services';
import { makeRunbookFixture } from '../support/runbook-fixture';
import { removeTempDirs } from '../support/temp-dir';
import { startUnleashStack } from '../support/unleash-services';
import { MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';

// After every suite's own stop: a stack or fixture that failed to start leaves no folder.
afterAll(removeTempDirs);

const quick = { allowActions: true, watchMs: 3_000, actionTimeoutMs: 30_000 };

function verdictOf(report: ConformanceReport, section: Section) {
  return sectionVerdict(report.checks.filter((c) => c.section === section));
}

/** The failed rules, one line each, so a failing test says which rule and what was seen. */
function failed(report: ConformanceReport): string[] {
  return failures(report).map((c) => `${c.section}: ${c.rule}: ${c.detail ?? ''}`);
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/conformance/conformance-cli.ts', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout })));
}

describe('the demo endpoint', () => {
  let demo: DemoEndpoint;
  beforeAll(async () => {
    demo = await startDemoEndpoint({ heartbeatMs: 1_000, actionMs: 500, token: 'demo-token' });
  });
  afterAll(() => demo.close());

  it('passes every section from the CLI, with --allow-actions, and exits 0', async () => {
    const { code, stdout } = await runCli([
      demo.url,
      '--token',
      'demo-token',
      '--allow-actions',
      '--watch-ms',
      '3000',
    ]);
    expect(stdout).not.toMatch(/FAIL/);
    for (const section of [
      'handshake',
      'catalog',
      'samples',
      'deployments',
      'actions',
      'action.get',
      'liveness',
      'close codes',
      'limits',
    ]) {
      expect(stdout).toContain(`\n${section}: PASS`);
    }
    expect(stdout).toMatch(/ok {3}§9 the same key with different args gets error -32001/);
    expect(stdout).toMatch(
      /ok {3}§2 an upgrade with a wrong token is refused with HTTP 401 or 403/,
    );
    expect(code).toBe(0);
  }, 60_000);

  it('submits no action without --allow-actions, and says why each such check is skipped', async () => {
    const versions = () =>
      JSON.stringify(demo.simulation.services.map((s) => s.environments.map((e) => e.version)));
    const before = versions();
    const report = await runConformance({
      url: demo.url,
      token: 'demo-token',
      ...quick,
      allowActions: false,
    });
    expect(failed(report)).toEqual([]);
    const skipped = report.checks.filter((c) => c.section === 'actions');
    expect(skipped.every((c) => c.verdict === 'skip')).toBe(true);
    expect(skipped[0]?.detail).toMatch(/pass --allow-actions/);
    // A submitted rollback or patch would have changed a version: nothing moved.
    expect(versions()).toBe(before);
  }, 60_000);

  it('fails the handshake, saying a token is wanted, when none is given', async () => {
    const { code, stdout } = await runCli([demo.url, '--watch-ms', '1000']);
    expect(stdout).toMatch(
      /FAIL §2 the endpoint accepts the upgrade\s+saw: HTTP 401 \(the endpoint wants a token: pass --token\)/,
    );
    expect(code).toBe(1);
  }, 30_000);
});

/** What one deliberately broken endpoint gets wrong. */
type Fault =
  | 'notify-before-hello'
  | 'catalog-without-replace'
  | 'samples-back-in-time'
  | 'resume-anything'
  | 'runs-a-key-twice'
  | 'get-answers-unknown'
  | 'no-pongs'
  | 'no-frame-limit'
  | 'binary-frame'
  | 'answers-before-hello'
  | 'answers-hello-twice'
  | 'statuses-undescribed'
  | 'get-undescribed'
  | 'get-answers-refused'
  | 'statuses-to-early-consoles-only';

const SERIES = {
  id: 'cpu',
  title: 'CPU',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 500,
};
const SERVICE = {
  id: 'web',
  name: 'Web',
  environments: [
    {
      id: 'staging',
      tier: 'staging',
      version: '1.0.0',
      previousVersions: [],
      status: 'healthy',
      updatedAt: 1767268800000,
      flags: [{ id: 'dark', name: 'Dark mode', enabled: { '*': false } }],
    },
  ],
};

/**
 * A small endpoint that keeps every rule of docs/protocol.md except `fault`:
 * with no fault the kit passes it, so each fault alone makes its section fail.
 */
async function startFaultyEndpoint(fault?: Fault) {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    autoPong: fault !== 'no-pongs',
    ...(fault === 'no-frame-limit' ? {} : { maxPayload: MAX_FRAME_BYTES }),
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) =>
      String(info.req.headers['sec-websocket-protocol'] ?? '').includes(SUBPROTOCOL)
        ? done(true)
        : done(false, 426),
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const version = 1767268800000;
  const submitted = new Map<string, { payload: string; accepted: boolean }>();
  const statuses = new Map<string, Record<string, unknown>>();
  const greeted = new Set<WebSocket>();
  const send = (socket: WebSocket, message: object) =>
    socket.send(JSON.stringify({ jsonrpc: '2.0', ...message }));
  const notify = (socket: WebSocket, method: string, params: object) =>
    send(socket, { method, params });
  let clock = Date.now();
  const samples = (socket: WebSocket, points: number) => {
    const times = Array.from({ length: points }, () => (clock += 500));
    if (fault === 'samples-back-in-time') times.reverse();
    notify(socket, 'samples', { batches: [{ series: 'cpu', points: times.map((t) => [t, 40]) }] });
  };
  /** accepted at once, running soon, succeeded 1.5 s later: long enough for a console to join. */
  const run = (key: string, description: Record<string, unknown>) => {
    const early = [...greeted];
    const status = (state: string) => {
      const bare = { key, state, updatedAt: Date.now() };
      const full = { ...bare, ...description };
      statuses.set(key, full);
      const told = fault === 'statuses-to-early-consoles-only' ? early : [...greeted];
      for (const client of told)
        notify(client, 'action.status', fault === 'statuses-undescribed' ? bare : full);
    };
    status('accepted');
    setTimeout(() => status('running'), 100);
    setTimeout(() => status('succeeded'), 1_500);
  };
  server.on('connection', (socket) => {
    socket.on('error', () => undefined);
    if (fault === 'notify-before-hello')
      notify(socket, 'catalog', { series: [SERIES], replace: true });
    const pings = setInterval(() => socket.ping(), 1_000);
    let live: NodeJS.Timeout | undefined;
    socket.on('close', () => {
      [pings, live].forEach(clearInterval);
      greeted.delete(socket);
    });
    socket.on('message', (data) => {
      let request: { id: number; method: string; params: Record<string, unknown> };
      try {
        request = JSON.parse(String(data)) as typeof request;
      } catch {
        return send(socket, { id: null, error: { code: -32700, message: 'parse error' } });
      }
      const { id, method, params } = request;
      const error = (code: number, message: string) =>
        send(socket, { id, error: { code, message } });
      if (method === 'hello' && greeted.has(socket) && fault !== 'answers-hello-twice')
        return error(-32600, 'hello was already answered on this connection');
      if (method !== 'hello' && !greeted.has(socket) && fault !== 'answers-before-hello')
        return error(-32600, `say hello before ${method}`);
      if (method === 'hello') {
        if (params.protocol !== SUBPROTOCOL) return error(-32600, 'unknown protocol');
        const resume = (params.resume as { deploymentsVersion?: number } | undefined)
          ?.deploymentsVersion;
        const resumed = resume === version || (fault === 'resume-anything' && resume !== undefined);
        send(socket, {
          id,
          result: {
            protocol: SUBPROTOCOL,
            endpoint: { id: 'faulty', name: `Faulty (${fault ?? 'none'})` },
            roles: ['metrics', 'deployments'],
            actions: [{ name: 'flag.set' }],
            clock: Date.now(),
            heartbeatMs: 1_000,
            deployments: resumed ? 'resumed' : 'relist',
          },
        });
        notify(socket, 'catalog', {
          series: [SERIES],
          ...(fault === 'catalog-without-replace' ? {} : { replace: true }),
        });
        if (!resumed)
          notify(socket, 'deployments.snapshot', { resourceVersion: version, services: [SERVICE] });
        samples(socket, 5);
        if (fault !== 'statuses-to-early-consoles-only')
          for (const status of statuses.values())
            if (status.state !== 'succeeded') notify(socket, 'action.status', status);
        greeted.add(socket);
        live ??= setInterval(() => samples(socket, 1), 500);
        if (fault === 'binary-frame') socket.send(Buffer.from('{}'));
        return;
      }
      if (method === 'action.submit') {
        const { key, action, args, operator, reason } = params as {
          key: string;
          action: string;
          args: { service?: string };
          operator?: string;
          reason?: string;
        };
        const payload = JSON.stringify({ action, args });
        const known = submitted.get(key);
        if (known && known.payload !== payload) return error(-32001, 'key used for another action');
        const refusal = { accepted: false, reason: `no service ${args.service}` };
        if (known && fault !== 'runs-a-key-twice')
          return send(socket, { id, result: known.accepted ? { accepted: true } : refusal });
        if (known)
          return send(socket, { id, result: { accepted: false, reason: 'already running' } });
        const accepted = args.service === SERVICE.id;
        submitted.set(key, { payload, accepted });
        send(socket, { id, result: accepted ? { accepted: true } : refusal });
        if (accepted) run(key, { action, args, operator, reason, submittedAt: Date.now() });
        return;
      }
      if (method === 'action.get') {
        const key = String(params.key);
        const status = statuses.get(key);
        const answer = (result: object) => send(socket, { id, result });
        if (status && fault === 'get-undescribed')
          return answer({ key, state: status.state, updatedAt: status.updatedAt });
        if (status) return answer(status);
        if (submitted.has(key) && fault === 'get-answers-refused')
          return answer({ key, state: 'failed', message: 'refused' });
        if (!submitted.has(key) && fault === 'get-answers-unknown')
          return answer({ key, state: 'succeeded' });
        return error(-32004, `no action ${key}`);
      }
      error(-32601, `no method ${method}`);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () => {
      for (const client of server.clients) client.terminate();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.concurrent('deliberately broken endpoints', () => {
  it('a small endpoint that keeps every rule passes (so each fault below is the only cause)', async () => {
    const endpoint = await startFaultyEndpoint();
    try {
      const report = await runConformance({ url: endpoint.url, ...quick });
      expect(failed(report)).toEqual([]);
    } finally {
      await endpoint.close();
    }
  }, 30_000);

  it.each<[Fault, Section, RegExp]>([
    ['notify-before-hello', 'handshake', /nothing is sent to a connection that has not said hello/],
    ['catalog-without-replace', 'catalog', /the first catalog says replace: true/],
    ['samples-back-in-time', 'samples', /times strictly increase within a batch/],
    ['resume-anything', 'deployments', /newer than the endpoint’s gets "relist"/],
    ['runs-a-key-twice', 'actions', /the same key and payload again gets exactly the first answer/],
    ['get-answers-unknown', 'action.get', /action.get for an unknown key gets error -32004/],
    ['no-pongs', 'liveness', /every console ping gets a pong/],
    ['no-frame-limit', 'close codes', /over 1 MiB makes the endpoint close with 1009/],
    ['binary-frame', 'limits', /every message is a text frame/],
    ['answers-before-hello', 'handshake', /a request before hello gets error -32600/],
    ['answers-hello-twice', 'handshake', /a second hello gets error -32600/],
    ['statuses-undescribed', 'actions', /another console receives every action.status with/],
    ['get-undescribed', 'action.get', /action.get’s reply carries the action, args, operator/],
    ['get-answers-refused', 'action.get', /action.get for a key the endpoint refused gets/],
    [
      'statuses-to-early-consoles-only',
      'actions',
      /a console that says hello while the action is under way receives its status/,
    ],
  ])(
    '%s fails the %s section, naming the rule',
    async (fault, section, rule) => {
      const endpoint = await startFaultyEndpoint(fault);
      try {
        const report = await runConformance({ url: endpoint.url, ...quick });
        expect(verdictOf(report, section)).toBe('fail');
        const broken = failures(report).filter((c) => c.section === section);
        expect(broken.map((c) => c.rule).join('\n')).toMatch(rule);
        expect(broken.every((c) => (c.detail ?? '').length > 0)).toBe(true);
      } finally {
        await endpoint.close();
      }
    },
    30_000,
  );
});

/**
 * One bridge on its real server: started once for its describe block, checked
 * with actions allowed. A failing rule shows as "section: rule: what was seen".
 */
function bridgeSuite(
  name: string,
  start: () => Promise<{ url: string; stop: () => Promise<void> }>,
  setupMs: number,
) {
  describe(name, () => {
    let running: { url: string; stop: () => Promise<void> } | undefined;
    let setupError: Error | undefined;
    beforeAll(async () => {
      running = await start().catch((err: Error) => {
        setupError = err;
        return undefined;
      });
    }, setupMs);
    afterAll(() => running?.stop(), 60_000);

    it('passes every rule of docs/protocol.md the kit checks', async () => {
      if (!running) throw setupError ?? new Error(`${name} did not start`);
      const report = await runConformance({ url: running.url, ...quick, actionTimeoutMs: 90_000 });
      expect(failed(report)).toEqual([]);
      expect(report.checks.filter((c) => c.verdict === 'pass').length).toBeGreaterThan(20);
    }, 150_000);
  });
}

bridgeSuite(
  'the Prometheus bridge (real Prometheus and node-exporter)',
  async () => {
    const stack = await startPrometheusStack();
    const bridge = await startPrometheusBridge({
      config: loadBridgeConfig(NODE_EXPORTER_CONFIG),
      prometheus: { url: stack.url },
      warn: () => undefined,
    }).catch(async (err: Error) => {
      await stack.close();
      throw err;
    });
    return { url: bridge.url, stop: async () => (await bridge.close(), await stack.close()) };
  },
  60_000,
);

bridgeSuite(
  'the Unleash bridge (real Unleash on PostgreSQL)',
  async () => {
    const stack = await startUnleashStack();
    try {
      await stack.api('POST', '/api/admin/projects/default/features', { name: 'conformance-flag' });
      const bridge = await startUnleashBridge({
        config: parseUnleashConfig({ pollMs: 1000, metrics: { intervalMs: 1000 } }, 'test'),
        unleash: { url: stack.url, token: stack.adminToken },
      });
      return { url: bridge.url, stop: async () => (await bridge.close(), await stack.close()) };
    } catch (err) {
      await stack.close();
      throw err;
    }
  },
  150_000,
);

bridgeSuite(
  'the Buildbot bridge (real Buildbot master and worker)',
  async () => {
    const stack = await startBuildbotStack();
    try {
      const bridge = await startBuildbotBridge({
        config: parseBuildbotConfig(
          {
            endpoint: { id: 'ci', name: 'Test CI' },
            pollMs: 500,
            builders: [
              {
                builder: BUILDERS.billing,
                service: 'billing',
                environment: 'staging',
                tier: 'staging',
              },
            ],
          },
          'test',
        ),
        buildbot: { url: stack.url },
        warn: () => undefined,
      });
      return { url: bridge.url, stop: async () => (await bridge.close(), await stack.close()) };
    } catch (err) {
      await stack.close();
      throw err;
    }
  },
  120_000,
);

// The runbook bridge is being written while this file is: checked when it imports.
const runbook = await Promise.all([
  import('../../endpoints/runbook/runbook-server'),
  import('../../endpoints/runbook/runbook-config'),
]).catch((err: Error) => {
  console.warn(
    `conformance: the runbook bridge is not checked: endpoints/runbook does not import (${err.message})`,
  );
  return undefined;
});
if (runbook) {
  const [{ startRunbookBridge }, { loadRunbookConfig }] = runbook;
  bridgeSuite(
    'the runbook bridge (stand-in runbooks)',
    async () => {
      const made = makeRunbookFixture();
      const config = made.writeConfig({
        'deploy.rollback': {
          command: `${made.dir}/slow.sh`,
          args: [made.dir, '{toVersion}', '0.1', '{environment}'],
        },
      });
      const bridge = await startRunbookBridge({
        config: loadRunbookConfig(config),
        warn: () => undefined,
      });
      return { url: bridge.url, stop: async () => (await bridge.close(), made.remove()) };
    },
    30_000,
  );
}
