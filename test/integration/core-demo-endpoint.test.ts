// The console core against the real demo endpoint over a real loopback socket.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleDelta } from '../../shared/api/console-state';
import { WebSocket } from 'ws';
import { LEVELS, RPC_ERRORS, SUBPROTOCOL } from '../../shared/protocol';
import { ConsoleCore } from '../../main/core/console-core';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { waitFor } from '../support/wait-for';

let demo: DemoEndpoint | undefined;
let core: ConsoleCore | undefined;

afterEach(async () => {
  core?.stop();
  await demo?.close();
  core = undefined;
  demo = undefined;
});

async function connect(tickMs = 1000) {
  demo = await startDemoEndpoint({ seed: 42, tickMs, rollbackMs: 300 });
  core = new ConsoleCore({
    endpoints: [{ url: demo.url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 100,
  });
  const deltas: ConsoleDelta[] = [];
  core.onDelta((d) => deltas.push(d));
  core.start();
  const c = core;
  await waitFor(
    'the link to connect',
    () => c.links.values().next().value?.status.state === 'open',
  );
  return { core: c, deltas, endpointId: [...c.links.keys()][0] as string };
}

describe('console core ↔ demo endpoint', () => {
  it('negotiates watchfloor.v1 and learns the endpoint name and actions', async () => {
    const { core } = await connect();
    const state = await core.getState();
    expect(state.endpoints[0]).toMatchObject({
      name: 'Demo SaaS',
      state: 'open',
      actions: ['deploy.rollback', 'patch.apply'],
      framesRejected: 0,
    });
  });

  it('receives at least two series per level with backfilled history', async () => {
    const { core } = await connect();
    // the catalog and the backfill arrive as separate frames: wait for both
    const state = await waitFor('the catalog and its history', async () => {
      const s = await core.getState();
      return Object.values(s.points).some((p) => p.t.length > 100) && s;
    });
    for (const level of LEVELS) {
      expect(state.series.filter((s) => s.level === level).length).toBeGreaterThanOrEqual(2);
    }
    const cpu = state.series.find((s) => s.id === 'system.cpu.utilization');
    expect(cpu?.unit).toBe('%');
    expect(state.points[cpu?.key ?? '']?.t.length).toBeGreaterThan(100);
  });

  it('streams live samples at 1 Hz and coalesces them into few deltas', async () => {
    const { core, deltas } = await connect();
    // The backfill first: right after the handshake the series may not be there yet.
    const { key, before } = await waitFor('the backfill of app.users.active', async () => {
      const state = await core.getState();
      const series = state.series.find((s) => s.id === 'app.users.active');
      const last = series ? state.points[series.key]?.t.at(-1) : undefined;
      return series && last !== undefined && { key: series.key, before: last };
    });
    const start = Date.now();
    // Wait for the samples (bounded), not a fixed window: a loaded machine is slower, not wrong.
    const live = await waitFor(
      'three live samples',
      () => {
        const t = deltas.flatMap((d) => d.points?.[key]?.t ?? []).filter((x) => x > before);
        return t.length >= 3 && t;
      },
      10_000,
    );
    // 1 Hz: never more samples than whole seconds waited, give or take the one in flight
    expect(live.length).toBeLessThanOrEqual(Math.ceil((Date.now() - start) / 1000) + 1);
    const gaps = live.slice(1).map((t, i) => t - (live[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThan(800);
    // every delta carries all series that changed: one message, not one per sample
    const withPoints = deltas.filter((d) => d.points);
    expect(withPoints.every((d) => Object.keys(d.points ?? {}).length >= 12)).toBe(true);
  });

  it('rolls back through the endpoint and shows the new version and the outcome', async () => {
    const { core, deltas, endpointId } = await connect();
    const request = {
      endpointId,
      key: 'rollback-intent-1',
      action: 'deploy.rollback' as const,
      args: { service: 'billing', environment: 'production' },
    };
    const [first, second] = await Promise.all([
      core.submitAction(request),
      core.submitAction(request),
    ]);
    expect(first.state).toBe('accepted');
    expect(second.key).toBe(first.key);
    const done = await waitFor('the rollback to succeed', async () => {
      const s = await core.getState();
      return s.actions.find((a) => a.key === request.key && a.state === 'succeeded');
    });
    expect(done.message).toContain('2.14.0 → 2.13.2');
    const state = await core.getState();
    const billing = state.deployments[0]?.services.find((s) => s.id === 'billing');
    // one intent, one rollback: the version moved exactly one step back
    expect(billing?.environments[0]?.version).toBe('2.13.2');
    expect(billing?.environments[0]?.previousVersions).toEqual(['2.13.1', '2.12.0']);
    const states = deltas.flatMap((d) => d.actions ?? []).map((a) => a.state);
    expect(states).toContain('running');
  });

  it('reports a rejection from the endpoint with its reason', async () => {
    const { core, endpointId } = await connect();
    const record = await core.submitAction({
      endpointId,
      key: 'rollback-intent-2',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production', toVersion: '9.9.9' },
    });
    expect(record.state).toBe('rejected');
    expect(record.message).toMatch(/never deployed/);
  });
});

describe('demo endpoint: requests out of turn (§3)', () => {
  /** A raw watchfloor.v1 socket: sends requests and collects every reply by id. */
  async function rawSocket() {
    demo = await startDemoEndpoint({ seed: 42, tickMs: 1000, rollbackMs: 300 });
    const socket = new WebSocket(demo.url, SUBPROTOCOL);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    type Reply = { id?: number; result?: unknown; error?: { code: number } };
    const replies = new Map<number, Reply>();
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Reply;
      if (typeof frame.id === 'number') replies.set(frame.id, frame);
    });
    let id = 0;
    const send = (method: string, params: unknown) => {
      id += 1;
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      const asked = id;
      return waitFor(`reply ${asked}`, () => replies.get(asked));
    };
    return { socket, send };
  }
  const hello = { protocol: SUBPROTOCOL, client: { name: 'raw', version: '0' }, clock: 0 };
  const rollback = {
    key: 'rb-before-hello-1',
    action: 'deploy.rollback',
    args: { service: 'billing', environment: 'production' },
  };

  it('refuses an action before hello, runs nothing, and still accepts the hello after', async () => {
    const { socket, send } = await rawSocket();
    expect((await send('action.submit', rollback)).error?.code).toBe(RPC_ERRORS.invalidRequest);
    expect((await send('hello', hello)).result).toMatchObject({ protocol: SUBPROTOCOL });
    expect((await send('action.get', { key: rollback.key })).error?.code).toBe(
      RPC_ERRORS.unknownAction,
    );
    socket.close();
  });

  it('refuses a second hello on the same connection', async () => {
    const { socket, send } = await rawSocket();
    await send('hello', hello);
    expect((await send('hello', hello)).error?.code).toBe(RPC_ERRORS.invalidRequest);
    socket.close();
  });
});

describe('two consoles on one demo endpoint', () => {
  it('the second console keeps the first one’s action, with its operator and reason, once', async () => {
    const { core: a, endpointId } = await connect();
    const b = new ConsoleCore({
      endpoints: [{ url: (demo as DemoEndpoint).url, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 100,
      operator: () => 'bo',
    });
    b.start();
    try {
      await waitFor('B to connect', () => b.links.values().next().value?.status.state === 'open');
      await a.submitAction({
        endpointId,
        key: 'rb-room-ana-0001',
        action: 'deploy.rollback',
        args: { service: 'billing', environment: 'production' },
        reason: 'INC-42',
      });
      const seen = await waitFor('B to see the outcome', async () => {
        const { actions } = await b.getState();
        return actions.find((r) => r.key === 'rb-room-ana-0001' && r.state === 'succeeded');
      });
      expect(seen).toMatchObject({ operator: 'operator', reason: 'INC-42', elsewhere: true });
      expect((await b.getState()).actions).toHaveLength(1);
      expect((await a.getState()).actions).toEqual([
        expect.not.objectContaining({ elsewhere: true }),
      ]);
    } finally {
      b.stop();
    }
  });
});
