// The Buildbot bridge against the real thing: Debian's Buildbot master and
// worker building a tiny git repository (test/support/buildbot-services.ts),
// watched by the console core and by a bare console that checks every frame
// against the protocol's schema. Needs buildbot, buildbot-worker and git
// (scripts/test-setup.sh installs them); without them it fails.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/api/console-state';
import type { EnvironmentState } from '../../shared/protocol';
import { AuditLog } from '../../main/core/actions/audit-log';
import { ConsoleCore } from '../../main/core/console-core';
import { parseBridgeConfig } from '../../endpoints/buildbot/bridge-config';
import { startBuildbotBridge, type BuildbotBridge } from '../../endpoints/buildbot/bridge-server';
import {
  BROKEN_TESTS,
  BUILDERS,
  startBuildbotStack,
  type BuildbotStack,
} from '../support/buildbot-services';
import { connectRawConsole, type RawConsole } from '../support/prometheus-console';
import { makeTempDir, stopThenRemoveTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const MAPPING = {
  endpoint: { id: 'ci', name: 'Test CI' },
  pollMs: 500,
  builders: [
    {
      builder: BUILDERS.billing,
      service: 'billing',
      serviceName: 'Billing API',
      environment: 'staging',
      tier: 'staging',
    },
    { builder: BUILDERS.web, service: 'web', environment: 'staging', tier: 'staging' },
  ],
};
const FAILING = 'ci.tests.failing.billing.staging';
const SUCCESS = 'ci.build.success_rate.billing.staging';
const BILLING_SERIES = [
  FAILING,
  SUCCESS,
  'ci.build.duration.billing.staging',
  'ci.build.queue.billing.staging',
];

let stack: BuildbotStack | undefined;
let bridge: BuildbotBridge | undefined;
let core: ConsoleCore | undefined;
let raw: RawConsole | undefined;
let endpointId = '';
/** Why the setup failed, if it did: every test then fails with it (never a quiet skip). */
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    stack = await startBuildbotStack();
    bridge = await startBuildbotBridge({
      config: parseBridgeConfig(MAPPING, 'test'),
      buildbot: { url: stack.url },
      warn: () => undefined,
    });
    // The audit log keeps every transition; sampling the state could miss a short `running`.
    core = new ConsoleCore({
      endpoints: [{ url: bridge.url, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
      audit: new AuditLog(makeTempDir('wf-buildbot-audit-')),
    });
    core.start();
    endpointId = [...core.links.keys()][0] ?? '';
    raw = await connectRawConsole(bridge.url);
    await raw.hello();
  } catch (err) {
    setupError = err as Error;
  }
}, 90_000);

afterAll(
  () =>
    stopThenRemoveTempDirs(
      () => core?.stop(),
      () => raw?.close(),
      () => bridge?.close(),
      () => stack?.close(),
    ),
  60_000,
);

function ready(): { stack: BuildbotStack; core: ConsoleCore; raw: RawConsole } {
  if (setupError) throw setupError;
  if (!stack || !core || !raw) throw new Error('the setup did not finish');
  return { stack, core, raw };
}

function envOf(s: ConsoleState, service: string): EnvironmentState | undefined {
  return s.deployments
    .flatMap((d) => d.services)
    .find((svc) => svc.id === service)
    ?.environments.find((e) => e.id === 'staging');
}

function latest(s: ConsoleState, series: string): number | undefined {
  const key = s.series.find((x) => x.id === series)?.key ?? '';
  return s.points[key]?.v.at(-1);
}

function errorOf(s: ConsoleState, series: string): string | undefined {
  return s.series.find((x) => x.id === series)?.error;
}

async function buildOf(url: string, builder: string, number: number) {
  const answer = (await (
    await fetch(`${url}/api/v2/builders/${builder}/builds/${number}`)
  ).json()) as {
    builds: Array<{ complete: boolean; results: number }>;
  };
  return answer.builds[0];
}

/** Runs the bridge's command line; resolves with its output and exit code (or the address it printed). */
function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'endpoints/buildbot/bridge-cli.ts', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/buildbot bridge: ws:\/\//.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('Buildbot bridge ↔ real Buildbot master and worker', () => {
  it('shows a failing build with its failing tests by name, from test results and from the log', async () => {
    const { stack, core, raw } = ready();
    const revision = await stack.breakTests();
    const s = await waitFor(
      'both builds of the breaking commit to show as failed with their tests',
      async () => {
        const s = await core.getState();
        const [billing, web] = [envOf(s, 'billing'), envOf(s, 'web')];
        return billing?.build?.status === 'failed' && web?.build?.status === 'failed' && s;
      },
      40_000,
      200,
    );
    const billing = envOf(s, 'billing');
    // billing publishes Buildbot test results; web only prints FAIL lines in its failing step
    expect(billing?.build?.failingTests).toEqual(BROKEN_TESTS);
    expect(envOf(s, 'web')?.build?.failingTests).toEqual(BROKEN_TESTS);
    expect(billing).toMatchObject({
      status: 'failed',
      tier: 'staging',
      version: revision.slice(0, 12),
    });
    expect(billing?.build?.id).toMatch(/^billing-tests #\d+$/);
    expect(s.endpoints[0]).toMatchObject({ state: 'open', framesRejected: 0 });
    const failing = await waitFor(
      'the failing-tests series to say 2',
      async () => {
        const value = latest(await core.getState(), FAILING);
        return value === 2 && value;
      },
      10_000,
    );
    expect(failing).toBe(2);
    // Buildbot's details travel along, and a build.failed event names the tests
    const change = await raw.waitFor('a deployments.change with the failed billing build', (f) =>
      JSON.stringify(f.params ?? {}).includes('"failingStep":"tests"'),
    );
    expect(JSON.stringify(change.params)).toContain(`"revision":"${revision}"`);
    const event = await raw.waitFor(
      'a build.failed event',
      (f) => f.method === 'event' && f.params?.type === 'build.failed',
      10_000,
    );
    expect(event.params?.data).toMatchObject({ failingTests: BROKEN_TESTS });
    expect(raw.invalid).toEqual([]);
  }, 60_000);

  it('retries from the console: Buildbot runs a new build, followed accepted → running → failed', async () => {
    const { stack, core } = ready();
    const before = envOf(await core.getState(), 'billing')?.build;
    const number = Number(before?.id.split('#')[1]);
    const record = await core.submitAction({
      endpointId,
      key: 'retry-billing-0001',
      action: 'build.retry',
      args: { service: 'billing', environment: 'staging', build: before?.id ?? '' },
      reason: 'integration test',
    });
    expect(record.state).toBe('accepted');
    // A console joining while it runs: refused before its hello, then told of the retry under way
    // (after its backfill: the next status, the outcome, is seconds away).
    await ready().raw.waitFor(
      'the retry running',
      (f) =>
        f.method === 'action.status' &&
        f.params?.key === 'retry-billing-0001' &&
        f.params.state === 'running',
      20_000,
    );
    const late = await connectRawConsole(bridge?.url ?? '');
    const early = await late.request('action.get', { key: 'retry-billing-0001' });
    expect(early.error?.code).toBe(-32600);
    await late.hello();
    expect((await late.hello()).error?.code).toBe(-32600);
    const joined = await late.waitFor(
      'the retry under way, on the late console',
      (f) => f.method === 'action.status' && f.params?.key === 'retry-billing-0001',
      500,
    );
    const described = {
      key: 'retry-billing-0001',
      action: 'build.retry',
      args: { service: 'billing', environment: 'staging', build: before?.id ?? '' },
      operator: record.operator,
      reason: 'integration test',
    };
    expect(joined.params).toMatchObject(described);
    expect(joined.params?.state).toBe('running');
    const done = await waitFor(
      'the retry to reach a final state',
      async () => {
        const action = (await core.getState()).actions.find((a) => a.key === 'retry-billing-0001');
        return action && ['succeeded', 'failed', 'cancelled'].includes(action.state) && action;
      },
      40_000,
      100,
    );
    // the suite is still broken: the rerun fails again, for the same tests
    expect(done.state).toBe('failed');
    expect(done.message).toContain(`billing-tests #${number + 1}`);
    expect(done.message).toContain('invoice_total');
    // Console B, connected throughout, saw A's retry: every status says who, what and why.
    const onB = ready().raw.frames.filter(
      (f) => f.method === 'action.status' && f.params?.key === 'retry-billing-0001',
    );
    expect(onB.map((f) => f.params?.state)).toEqual(['accepted', 'running', 'failed']);
    for (const frame of onB) expect(frame.params).toMatchObject(described);
    expect(
      (await ready().raw.request('action.get', { key: 'retry-billing-0001' })).result,
    ).toMatchObject({ ...described, state: 'failed' });
    expect(late.invalid).toEqual([]);
    await late.close();
    const audit = await core.queryAudit({ text: 'retry-billing-0001' });
    expect(audit.map((entry) => entry.state).reverse()).toEqual(
      expect.arrayContaining(['accepted', 'running', 'failed']),
    );
    // Buildbot itself ran that build
    expect(await buildOf(stack.url, BUILDERS.billing, number + 1)).toMatchObject({
      complete: true,
      results: 2,
    });
    // a rebuild Buildbot refuses (web-tests: admins only) is rejected with Buildbot's reason
    const web = envOf(await core.getState(), 'web')?.build;
    const refused = await core.submitAction({
      endpointId,
      key: 'retry-web-00001',
      action: 'build.retry',
      args: { service: 'web', environment: 'staging', build: web?.id ?? '' },
    });
    expect(refused.state).toBe('rejected');
    expect(refused.message).toMatch(/Buildbot refused the rebuild: you need to have role 'admins'/);
  }, 60_000);

  it('turns the build green and the failing tests to 0 after a fix commit', async () => {
    const { stack, core } = ready();
    const revision = await stack.fixTests();
    const s = await waitFor(
      'the billing build of the fix to pass',
      async () => {
        const s = await core.getState();
        const env = envOf(s, 'billing');
        return env?.build?.status === 'passed' && env.version === revision.slice(0, 12) && s;
      },
      40_000,
      200,
    );
    expect(envOf(s, 'billing')).toMatchObject({ status: 'healthy', build: { failingTests: [] } });
    await waitFor(
      'the failing-tests series to fall to 0',
      async () => latest(await core.getState(), FAILING) === 0,
      10_000,
    );
    // one pass among the recent builds, the rest failed
    const rate = latest(await core.getState(), SUCCESS) ?? NaN;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(100);
  }, 60_000);

  it('says Buildbot is down while it is stopped, and carries on when it is back', async () => {
    const { stack, core, raw } = ready();
    await stack.stopMaster();
    const down = await waitFor(
      'every billing series to say Buildbot is unreachable',
      async () => {
        const s = await core.getState();
        return (
          BILLING_SERIES.every((id) =>
            /Buildbot unreachable at .*down or restarting/.test(errorOf(s, id) ?? ''),
          ) && s
        );
      },
      20_000,
      200,
    );
    // the link to the bridge stays up, and the last known builds stay on the board
    expect(down.endpoints[0]?.state).toBe('open');
    expect(envOf(down, 'billing')?.build?.status).toBe('passed');
    // a retry while Buildbot is down is refused, saying why
    const refused = await core.submitAction({
      endpointId,
      key: 'retry-web-00002',
      action: 'build.retry',
      args: { service: 'web', environment: 'staging' },
    });
    expect(refused.state).toBe('rejected');
    expect(refused.message).toMatch(/unreachable/);
    await stack.startMaster();
    await waitFor(
      'the errors to clear once Buildbot is back',
      async () => {
        const s = await core.getState();
        return BILLING_SERIES.every((id) => errorOf(s, id) === undefined);
      },
      30_000,
      200,
    );
    // live after the restart: a new breaking commit shows up
    const revision = await stack.breakTests();
    await waitFor(
      'the build after the restart to fail',
      async () => {
        const env = envOf(await core.getState(), 'billing');
        return env?.build?.status === 'failed' && env.version === revision.slice(0, 12);
      },
      40_000,
      200,
    );
    // a console that reconnects with its resourceVersion resumes the watch
    const last = raw.frames
      .filter((f) => f.method?.startsWith('deployments.'))
      .map((f) => Number(f.params?.resourceVersion))
      .at(-1);
    const again = await connectRawConsole(bridge?.url ?? '');
    try {
      const hello = await again.request('hello', {
        protocol: 'watchfloor.v1',
        client: { name: 'Watchfloor', version: 'test' },
        clock: Date.now(),
        resume: { deploymentsVersion: last },
      });
      expect(hello.result?.deployments).toBe('resumed');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(again.frames.some((f) => f.method === 'deployments.snapshot')).toBe(false);
      expect([...raw.invalid, ...again.invalid]).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('the command line prints its address, and refuses a wrong URL or an unknown builder', async () => {
    const { stack } = ready();
    const ok = await runCli(['--buildbot', stack.url, '--port', '0']);
    expect(ok.output).toMatch(/^buildbot bridge: ws:\/\/127\.0\.0\.1:\d+$/m);
    const dir = makeTempDir('wf-buildbot-config-');
    const notBuildbot: Server = createServer((_req, res) =>
      res.writeHead(404).end('<h1>nope</h1>'),
    );
    await new Promise<void>((resolve) => notBuildbot.listen(0, '127.0.0.1', resolve));
    try {
      const file = join(dir, 'bridge.json');
      writeFileSync(
        file,
        JSON.stringify({ builders: [{ builder: 'nightly-tests', service: 'billing' }] }),
      );
      const unknown = await runCli(['--buildbot', stack.url, '--config', file, '--port', '0']);
      expect(unknown.code).toBe(1);
      expect(unknown.output).toContain('has no builder "nightly-tests" (it has: ');
      const port = (notBuildbot.address() as AddressInfo).port;
      const wrong = await runCli(['--buildbot', `http://127.0.0.1:${port}/`, '--port', '0']);
      expect(wrong.code).toBe(1);
      expect(wrong.output).toContain('does not look like Buildbot');
    } finally {
      notBuildbot.close();
    }
  }, 60_000);
});
