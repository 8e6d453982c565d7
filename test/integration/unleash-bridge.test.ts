// The Unleash bridge against a real Unleash (unleash-server on PostgreSQL 15,
// started per file in a throwaway directory), watched and driven by the real
// console core over WebSocket. Every flip is read back through Unleash's own
// API; every change made in Unleash must reach the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/api/console-state';
import type { ActionCall } from '../../shared/protocol';
import { ConsoleCore } from '../../main/core/console-core';
import { parseBridgeConfig } from '../../endpoints/unleash/bridge-config';
import { startUnleashBridge, type UnleashBridge } from '../../endpoints/unleash/bridge-server';
import { connectRawConsole, type Frame } from '../support/prometheus-console';
import { startUnleashStack, type UnleashStack } from '../support/unleash-services';
import { stopThenRemoveTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const PROD = 'production';
const DEV = 'development';
const config = parseBridgeConfig({ pollMs: 1000, metrics: { intervalMs: 1000 } }, 'test');

let stack: UnleashStack | undefined;
let bridge: UnleashBridge | undefined;
let core: ConsoleCore | undefined;
let setupError: Error | undefined;
let intent = 0;

interface StrategyJson {
  id: string;
  name: string;
  title?: string | null;
  parameters: Record<string, string>;
  constraints: unknown[];
}
interface FeatureEnvJson {
  enabled: boolean;
  strategies: StrategyJson[];
}

beforeAll(async () => {
  try {
    stack = await startUnleashStack();
    for (const [name, description] of [
      ['new-checkout', 'New checkout'],
      ['dark-mode', 'Dark mode'],
      ['race-flag', 'Raced flag'],
      ['doomed-flag', 'Deleted under the bridge'],
    ]) {
      await stack.api('POST', '/api/admin/projects/default/features', { name, description });
    }
    bridge = await startUnleashBridge({
      config,
      unleash: { url: stack.url, token: stack.adminToken },
    });
    core = new ConsoleCore({
      endpoints: [{ url: bridge.url, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
    });
    core.start();
  } catch (err) {
    setupError = err as Error;
  }
}, 120_000);

afterAll(
  () =>
    stopThenRemoveTempDirs(
      () => core?.stop(),
      () => bridge?.close(),
      () => stack?.close(),
    ),
  60_000,
);

function ready(): { stack: UnleashStack; core: ConsoleCore } {
  if (setupError) throw setupError;
  if (!stack || !core) throw new Error('the Unleash stack did not start');
  return { stack, core };
}

async function state(): Promise<ConsoleState> {
  return ready().core.getState();
}

function envOf(s: ConsoleState, environment: string) {
  return s.deployments[0]?.services
    .find((service) => service.id === 'default')
    ?.environments.find((env) => env.id === environment);
}

function flagOf(s: ConsoleState, environment: string, flag: string) {
  return envOf(s, environment)?.flags?.find((f) => f.id === flag)?.enabled;
}

/** What Unleash itself says about a feature in an environment. */
async function unleashEnv(feature: string, environment: string): Promise<FeatureEnvJson> {
  const path = `/api/admin/projects/default/features/${feature}/environments/${environment}`;
  return (await ready().stack.api('GET', path)) as FeatureEnvJson;
}

const rollout = (env: FeatureEnvJson) =>
  env.strategies.filter((s) => s.constraints.length === 0).map((s) => Number(s.parameters.rollout));

/** Submits through the console core and waits for the final state. */
async function act(call: ActionCall & { override?: boolean; reason?: string }) {
  const { core } = ready();
  const endpointId = [...core.links.keys()][0] as string;
  intent += 1;
  const key = `unleash-intent-${intent}-${Date.now()}`;
  const submitted = await core.submitAction({ endpointId, key, ...call });
  if (submitted.state === 'rejected') return submitted;
  return waitFor(
    `action ${call.action} to finish`,
    async () =>
      (await state()).actions.find(
        (a) => a.key === key && ['succeeded', 'failed', 'rejected', 'cancelled'].includes(a.state),
      ),
    20_000,
  );
}

describe('Unleash bridge ↔ real Unleash on PostgreSQL', () => {
  it("shows Unleash's projects, environments and features as services, environments and flags", async () => {
    const s = await waitFor(
      'the default project with its features',
      async () => {
        const s = await state();
        return flagOf(s, PROD, 'doomed-flag') && s;
      },
      20_000,
    );
    expect(s.endpoints[0]).toMatchObject({ state: 'open', framesRejected: 0 });
    expect(s.endpoints[0]?.actions).toEqual(['flag.set', 'ring.promote', 'ring.halt']);
    const service = s.deployments[0]?.services.find((x) => x.id === 'default');
    expect(service?.name).toBe('Default');
    expect(service?.environments.map((e) => [e.id, e.tier])).toEqual([
      [DEV, 'development'],
      [PROD, 'production'],
    ]);
    const prod = envOf(s, PROD);
    expect(prod?.flags?.find((f) => f.id === 'new-checkout')).toMatchObject({
      name: 'New checkout',
      enabled: { '*': false, canary: false, early: false, half: false, all: false },
    });
    expect(prod?.rings?.map((r) => [r.id, r.share])).toEqual([
      ['canary', 0.05],
      ['early', 0.25],
      ['half', 0.5],
      ['all', 1],
    ]);
  }, 30_000);

  it('turns a feature on for everyone from the console, and Unleash has it on', async () => {
    const done = await act({
      action: 'flag.set',
      args: { service: 'default', environment: PROD, flag: 'dark-mode', enabled: true },
    });
    expect(done.state, done.message).toBe('succeeded');
    const env = await unleashEnv('dark-mode', PROD);
    expect(env.enabled).toBe(true);
    expect(Math.max(...rollout(env))).toBe(100);
    // the console already shows it: the bridge read it back before saying succeeded
    expect(flagOf(await state(), PROD, 'dark-mode')).toMatchObject({ '*': true, canary: true });
    const off = await act({
      action: 'flag.set',
      args: { service: 'default', environment: PROD, flag: 'dark-mode', enabled: false },
    });
    expect(off.state, off.message).toBe('succeeded');
    expect((await unleashEnv('dark-mode', PROD)).enabled).toBe(false);
    expect(flagOf(await state(), PROD, 'dark-mode')?.['*']).toBe(false);
  }, 40_000);

  it('shows a change made through Unleash’s API within seconds, with an event', async () => {
    const { stack } = ready();
    const since = Date.now();
    await stack.api(
      'POST',
      '/api/admin/projects/default/features/dark-mode/environments/development/on',
    );
    const s = await waitFor(
      'dark-mode on in development',
      async () => {
        const s = await state();
        return flagOf(s, DEV, 'dark-mode')?.['*'] === true && s;
      },
      5_000,
    );
    expect(Date.now() - since).toBeLessThan(5_000);
    const event = s.events.find(
      (e) =>
        e.type === 'flag.changed' &&
        e.subject === 'default/development' &&
        (e.data as { flag?: string }).flag === 'dark-mode',
    );
    expect(event?.data).toMatchObject({ flag: 'dark-mode', enabled: true });
  }, 20_000);

  it('promotes a rollout ring by ring, halts it, and Unleash follows each step', async () => {
    const start = await act({
      action: 'flag.set',
      args: {
        service: 'default',
        environment: PROD,
        flag: 'new-checkout',
        enabled: true,
        ring: 'canary',
      },
    });
    expect(start.state, start.message).toBe('succeeded');
    expect(rollout(await unleashEnv('new-checkout', PROD))).toEqual([5]);
    const env = envOf(await state(), PROD);
    expect(env?.version).toBe('new-checkout');
    expect(env?.rings?.map((r) => r.status ?? '-')).toEqual(['active', '-', '-', '-']);

    // A flag rollout has no gate metrics: the console lets it on only with an audited override.
    const override = {
      override: true,
      reason: 'no gate metrics for a flag rollout; watched by hand',
    };
    const early = await act({
      action: 'ring.promote',
      args: { service: 'default', environment: PROD },
      ...override,
    });
    expect(early.state, early.message).toBe('succeeded');
    expect(rollout(await unleashEnv('new-checkout', PROD))).toEqual([25]);
    expect(flagOf(await state(), PROD, 'new-checkout')).toMatchObject({
      canary: true,
      early: true,
      half: false,
    });

    const halt = await act({
      action: 'ring.halt',
      args: { service: 'default', environment: PROD },
    });
    expect(halt.state, halt.message).toBe('succeeded');
    const halted = await unleashEnv('new-checkout', PROD);
    expect(halted.strategies[0]?.title).toBe('watchfloor: halted');
    expect(rollout(halted)).toEqual([25]);
    expect(envOf(await state(), PROD)?.rings?.[1]?.status).toBe('halted');

    // resuming is a deliberate flip of the next ring; then promotion goes on to everyone
    const half = await act({
      action: 'flag.set',
      args: {
        service: 'default',
        environment: PROD,
        flag: 'new-checkout',
        enabled: true,
        ring: 'half',
      },
    });
    expect(half.state, half.message).toBe('succeeded');
    expect(rollout(await unleashEnv('new-checkout', PROD))).toEqual([50]);
    const all = await act({
      action: 'ring.promote',
      args: { service: 'default', environment: PROD, version: 'new-checkout', toRing: 'all' },
      ...override,
    });
    expect(all.state, all.message).toBe('succeeded');
    const final = await unleashEnv('new-checkout', PROD);
    expect(rollout(final)).toEqual([100]);
    expect(final.strategies[0]?.title ?? '').toBe('');
    const s = await state();
    expect(flagOf(s, PROD, 'new-checkout')?.['*']).toBe(true);
    expect(
      s.events.some(
        (e) => e.type === 'ring.promoted' && (e.data as { toRing?: string }).toRing === 'all',
      ),
    ).toBe(true);
  }, 60_000);

  it('refuses to start with a bad token or a wrong URL, saying which', async () => {
    const { stack } = ready();
    await expect(
      startUnleashBridge({ config, unleash: { url: stack.url, token: '*:*.not-a-real-token' } }),
    ).rejects.toThrow(/refused the token \(HTTP 401.*--token/);
    await expect(
      startUnleashBridge({
        config,
        unleash: { url: `${stack.url}/nothing-here`, token: stack.adminToken },
      }),
    ).rejects.toThrow(/is --unleash the Unleash server's URL/);
  }, 20_000);

  it('reports a feature deleted under the bridge, and drops it from the console', async () => {
    const { stack } = ready();
    await stack.api('DELETE', '/api/admin/projects/default/features/doomed-flag');
    const done = await act({
      action: 'flag.set',
      args: { service: 'default', environment: PROD, flag: 'doomed-flag', enabled: true },
    });
    // Either the bridge noticed first (refused at once) or Unleash said so mid-action.
    expect(['rejected', 'failed']).toContain(done.state);
    expect(done.message).toMatch(
      /gone from Unleash \(deleted or archived\).*doomed-flag|no feature doomed-flag/,
    );
    await waitFor(
      'doomed-flag to leave the console',
      async () => flagOf(await state(), PROD, 'doomed-flag') === undefined,
      5_000,
    );
  }, 30_000);

  it('ends an action racing a change made in Unleash truthfully, and the console ends where Unleash is', async () => {
    const { stack } = ready();
    const path = '/api/admin/projects/default/features/race-flag/environments/production';
    await stack.api('POST', `${path}/strategies`, {
      name: 'flexibleRollout',
      parameters: { rollout: '5', stickiness: 'default', groupId: 'race-flag' },
      constraints: [],
    });
    await stack.api('POST', `${path}/on`);
    await waitFor(
      'race-flag on for canary',
      async () => flagOf(await state(), PROD, 'race-flag')?.canary === true,
      5_000,
    );
    const [done] = await Promise.all([
      act({
        action: 'flag.set',
        args: {
          service: 'default',
          environment: PROD,
          flag: 'race-flag',
          enabled: true,
          ring: 'early',
        },
      }),
      stack.api('POST', `${path}/off`),
    ]);
    const truth = await unleashEnv('race-flag', PROD);
    const early = truth.enabled && Math.max(0, ...rollout(truth)) >= 25;
    if (done.state === 'succeeded') expect(done.message).toMatch(/race-flag is on for early/);
    else expect(done.message).toMatch(/changed in Unleash at the same time|race-flag/);
    // whatever won, the console shows what Unleash has, with no update lost
    await waitFor(
      'the console to agree with Unleash',
      async () => {
        const flag = flagOf(await state(), PROD, 'race-flag');
        return (
          flag?.early === early &&
          flag['*'] === (truth.enabled && Math.max(0, ...rollout(truth)) >= 100)
        );
      },
      5_000,
    );
  }, 30_000);

  it('speaks the protocol on the wire: schema-valid frames, one run per key, resume by resourceVersion', async () => {
    const { stack } = ready();
    if (!bridge) throw new Error('no bridge');
    const first = await connectRawConsole(bridge.url);
    const hello = await first.hello();
    expect(hello.result).toMatchObject({
      deployments: 'relist',
      roles: ['metrics', 'deployments'],
    });
    const snapshot = await first.waitFor(
      'the snapshot',
      (f) => f.method === 'deployments.snapshot',
    );
    const version = snapshot.params?.resourceVersion as number;
    const args = {
      service: 'default',
      environment: DEV,
      flag: 'race-flag',
      enabled: true,
      ring: 'canary',
    };
    const submit = (key: string, a: unknown) =>
      first.request('action.submit', { key, action: 'flag.set', args: a, operator: 'test' });
    const [once, twice] = await Promise.all([
      submit('wire-key-0001', args),
      submit('wire-key-0001', args),
    ]);
    expect(once.result).toEqual({ accepted: true });
    expect(twice.result).toEqual({ accepted: true });
    expect((await submit('wire-key-0001', { ...args, enabled: false })).error?.code).toBe(-32001);
    await first.waitFor(
      'the flip to succeed',
      (f) => f.method === 'action.status' && f.params?.state === 'succeeded',
      10_000,
    );
    const states = first.frames
      .filter((f) => f.method === 'action.status')
      .map((f) => f.params?.state);
    expect(states).toEqual(['accepted', 'running', 'succeeded']);
    expect((await first.request('action.get', { key: 'wire-key-0001' })).result).toMatchObject({
      state: 'succeeded',
    });
    expect((await first.request('action.get', { key: 'never-sent-01' })).error?.code).toBe(-32004);
    expect(first.invalid).toEqual([]);
    await first.close();

    // changed in Unleash while this console was away: it resumes and gets only the changes
    await stack.api(
      'POST',
      '/api/admin/projects/default/features/race-flag/environments/development/off',
    );
    await waitFor(
      'the bridge to see it',
      () => bridge && bridge.watch.resourceVersion > version + 1,
      5_000,
    );
    const second = await connectRawConsole(bridge.url);
    const resumed = await second.request('hello', {
      protocol: 'watchfloor.v1',
      client: { name: 'Watchfloor', version: 'test' },
      clock: Date.now(),
      resume: { deploymentsVersion: version },
    });
    expect(resumed.result?.deployments).toBe('resumed');
    const last = await second.waitFor(
      'the change that turned race-flag off',
      (f: Frame) =>
        f.method === 'deployments.change' &&
        JSON.stringify(f.params).includes(
          '"id":"race-flag","name":"Raced flag","enabled":{"*":false,"canary":false',
        ),
    );
    const versions = second.frames
      .filter((f) => f.method === 'deployments.change')
      .map((f) => f.params?.resourceVersion as number);
    expect(versions.every((v) => v > version)).toBe(true);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(last.params?.resourceVersion).toBe(versions.at(-1));
    expect(second.frames.some((f) => f.method === 'deployments.snapshot')).toBe(false);
    expect(second.invalid).toEqual([]);
    await second.close();
  }, 30_000);

  it('tells console B of A’s flip with operator and reason, and refuses requests out of turn', async () => {
    ready();
    if (!bridge) throw new Error('no bridge');
    const a = await connectRawConsole(bridge.url);
    const b = await connectRawConsole(bridge.url);
    const args = { service: 'default', environment: DEV, flag: 'dark-mode', enabled: true };
    const early = await b.request('action.submit', {
      key: 'early-key-0001',
      action: 'flag.set',
      args,
    });
    expect(early.error?.code).toBe(-32600);
    expect(b.frames).toHaveLength(1);
    await a.hello();
    await b.hello();
    await b.waitFor('the snapshot', (f) => f.method === 'deployments.snapshot');
    expect((await b.hello()).error?.code).toBe(-32600);
    const before = Date.now();
    const reason = 'dark mode for the night shift';
    const reply = await a.request('action.submit', {
      key: 'shared-key-0001',
      action: 'flag.set',
      args,
      operator: 'dana',
      reason,
    });
    expect(reply.result).toEqual({ accepted: true });
    await b.waitFor(
      'the flip’s outcome on B',
      (f) => f.method === 'action.status' && f.params?.state === 'succeeded',
      10_000,
    );
    const described = {
      key: 'shared-key-0001',
      action: 'flag.set',
      args,
      operator: 'dana',
      reason,
    };
    const onB = b.frames.filter((f) => f.method === 'action.status');
    expect(onB.map((f) => f.params?.state)).toEqual(['accepted', 'running', 'succeeded']);
    for (const frame of onB) expect(frame.params).toMatchObject(described);
    expect(onB[0]?.params?.submittedAt).toBeGreaterThanOrEqual(before);
    expect((await b.request('action.get', { key: 'shared-key-0001' })).result).toMatchObject({
      ...described,
      state: 'succeeded',
    });
    // The early submit was refused before hello: the key was never taken.
    expect((await b.request('action.get', { key: 'early-key-0001' })).error?.code).toBe(-32004);
    expect(b.frames.filter((f) => f.method === 'deployments.snapshot')).toHaveLength(1);
    expect([...a.invalid, ...b.invalid]).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  }, 30_000);

  it('shows client metrics of a feature as series', async () => {
    const { stack } = ready();
    const now = new Date();
    const response = await fetch(`${stack.url}/api/client/metrics`, {
      method: 'POST',
      headers: {
        authorization: stack.backendTokens.production,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        appName: 'checkout-web',
        instanceId: 'test-1',
        bucket: {
          start: new Date(now.getTime() - 10_000).toISOString(),
          stop: now.toISOString(),
          toggles: { 'new-checkout': { yes: 30, no: 10 } },
        },
      }),
    });
    expect(response.status).toBeLessThan(300);
    const s = await waitFor(
      'the yes and no counts on the console',
      async () => {
        const s = await state();
        const last = (id: string) =>
          s.points[s.series.find((x) => x.id === id)?.key ?? '']?.v.at(-1);
        return (
          last('unleash.flag.production.new-checkout.yes') === 30 &&
          last('unleash.flag.production.new-checkout.no') === 10 &&
          s
        );
      },
      20_000,
    );
    expect(s.series.find((x) => x.id === 'unleash.flag.production.new-checkout.yes')).toMatchObject(
      {
        title: 'new-checkout on (production)',
        level: 'business',
        unit: '{evaluation}',
      },
    );
  }, 30_000);

  it('keeps the link up while Unleash is down, fails actions with why, and catches up when it is back', async () => {
    const { stack } = ready();
    await stack.stopUnleash();
    const down = await waitFor(
      'series errors saying Unleash is unreachable',
      async () => {
        const s = await state();
        const series = s.series.find((x) => x.id === 'unleash.flag.production.new-checkout.yes');
        const unreachable = s.events.some((e) => e.type === 'io.getunleash.unreachable');
        return (
          /Unleash unreachable at http:\/\/127\.0\.0\.1/.test(series?.error ?? '') &&
          unreachable &&
          s
        );
      },
      10_000,
    );
    expect(down.endpoints[0]?.state).toBe('open');
    expect(down.events.some((e) => e.type === 'io.getunleash.unreachable')).toBe(true);
    const failed = await act({
      action: 'flag.set',
      args: { service: 'default', environment: DEV, flag: 'new-checkout', enabled: true },
    });
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/Unleash unreachable/);
    // what the console knew stays
    expect(flagOf(await state(), PROD, 'new-checkout')?.['*']).toBe(true);
    await stack.startUnleash();
    await stack.api(
      'POST',
      '/api/admin/projects/default/features/new-checkout/environments/development/on',
    );
    await waitFor(
      'errors cleared and the change made after the restart shown',
      async () => {
        const s = await state();
        const series = s.series.find((x) => x.id === 'unleash.flag.production.new-checkout.yes');
        return series?.error === undefined && flagOf(s, DEV, 'new-checkout')?.['*'] === true;
      },
      15_000,
    );
  }, 60_000);
});
