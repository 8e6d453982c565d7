// The console through a flapping network, a flood of samples, and a browser
// tab that stops reading: it keeps running, says what happened, and recovers.
import { fork } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDemoEndpoint } from '../../endpoints/demo/demo-server';
import { ConsoleCore } from '../../main/core/console-core';
import type { EndpointLink } from '../../main/core/links/endpoint-link';
import { startWebHost } from '../../main/web/web-host';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFlakyProxy } from '../support/flaky-proxy';
import { waitFor } from '../support/wait-for';

/** What main/web/console-socket.ts lets a tab fall behind by before closing it (4003). */
const SLOW_TAB_LIMIT_BYTES = 8 * 1024 * 1024;

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function watch(url: string, extra: Partial<ConstructorParameters<typeof ConsoleCore>[0]> = {}) {
  const core = new ConsoleCore({
    endpoints: [{ url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 50,
    ...extra,
  });
  core.start();
  cleanup.push(() => core.stop());
  return { core, link: core.links.values().next().value as EndpointLink };
}

const version = async (core: ConsoleCore) =>
  (await core.getState()).deployments[0]?.services.find((s) => s.id === 'billing')?.environments[0]
    ?.version;

describe('network faults', () => {
  it('rides out delays, stalls and cuts, never running an action twice', async () => {
    const demo = await startDemoEndpoint({ tickMs: 100, rollbackMs: 400 });
    cleanup.push(() => demo.close());
    const proxy = await startFlakyProxy(demo.port);
    cleanup.push(() => proxy.close());
    const { core, link } = watch(proxy.url, { heartbeatMs: 1_000 });
    await waitFor('the link to open', () => link.status.state === 'open');
    let drops = 0;
    link.on('status', (s) => s.state === 'reconnecting' && (drops += 1));
    proxy.delayMs = 80;
    // The endpoint takes the action, and the line is cut before its reply gets
    // back: the console cannot know the outcome, so it must say so.
    proxy.cutOnReply = /flapping-rollback/;
    const first = await core.submitAction({
      endpointId: link.status.id,
      key: 'flapping-rollback',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(first.state).toBe('unknown');
    // then the network flaps for a few seconds
    for (let i = 0; i < 4; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      proxy.stalled = i % 2 === 0;
      if (i === 3) proxy.cutAll();
    }
    proxy.stalled = false;
    proxy.delayMs = 0;
    await waitFor(
      'the link to settle open',
      () => link.status.state === 'open' || link.status.state === 'degraded',
      15_000,
    );
    expect(drops).toBeGreaterThanOrEqual(1);
    expect(link.status.recentErrors.length).toBeGreaterThan(0);
    // the same intent again: the desk answers from its record, the endpoint never runs it twice
    const again = await core.submitAction({
      endpointId: link.status.id,
      key: 'flapping-rollback',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(again.key).toBe(first.key);
    // after the reconnect, action.get learns what the endpoint did: one rollback
    const learned = await waitFor('action.get to learn the outcome', async () =>
      (await core.getState()).actions.find((a) => a.key === first.key && a.state !== 'unknown'),
    );
    expect(learned.state).toBe('succeeded');
    await waitFor('the rollback to show', async () => (await version(core)) === '2.13.2');
    // a second run would have gone on to 2.13.1
    expect(await version(core)).toBe('2.13.2');
    const samplesAfter =
      (await core.getState()).points[`${link.status.id}/app.users.active`]?.t.length ?? 0;
    await waitFor(
      'samples to flow again',
      async () =>
        ((await core.getState()).points[`${link.status.id}/app.users.active`]?.t.length ?? 0) >
        samplesAfter,
    );
  }, 40_000);

  it('absorbs a flood of 100,000 samples per second into a few deltas a second', async () => {
    const child = fork('test/support/flood-endpoint.ts', ['100000'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    cleanup.push(() => child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve) =>
      child.on('message', (m) => resolve(String(m))),
    );
    const { core, link } = watch(url, { flushMs: 200 });
    let deltas = 0;
    let points = 0;
    core.onDelta((d) => {
      deltas += 1;
      for (const p of Object.values(d.points ?? {})) points += p.t.length;
    });
    await waitFor('the flood to arrive', () => points > 150_000, 15_000);
    const seconds = points / 100_000;
    expect(deltas).toBeLessThan(seconds * 5 + 10);
    // the console still answers while flooded, and the link is healthy
    const state = await core.getState();
    expect(state.series.length).toBe(10);
    expect(link.status.state).toBe('open');
    expect(link.status.framesRejected).toBe(0);
  }, 30_000);

  it('disconnects a browser tab that stops reading, instead of buffering without end', async () => {
    const child = fork('test/support/flood-endpoint.ts', ['200000'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    cleanup.push(() => child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve) =>
      child.on('message', (m) => resolve(String(m))),
    );
    const { core } = watch(url, { flushMs: 100 });
    const staticDir = mkdtempSync(join(tmpdir(), 'wf-static-'));
    cleanup.push(() => rmSync(staticDir, { recursive: true, force: true }));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ api: core, staticDir, port: 0, host: '127.0.0.1' });
    cleanup.push(() => host.close());
    const origin = new URL(host.url).origin;
    // The host's end of the tab's connection, to see what it has queued.
    let hostSide: Socket | undefined;
    host.server.on('upgrade', (_req, socket: Socket) => (hostSide = socket));
    // Subscribed after the tab's socket, so it hears of each delta after the host does.
    let deltas = 0;
    cleanup.push(core.onDelta(() => (deltas += 1)));
    const tab = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${host.token}`, {
      headers: { origin },
    });
    cleanup.push(() => tab.terminate());
    await new Promise((resolve) => tab.once('open', resolve));
    const raw = (tab as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    // Event-driven, not a fixed window: once the host has queued more than its
    // limit for the tab, the next delta must close it.
    await waitFor(
      'the host to queue more than 8 MiB for the tab',
      () => (hostSide?.writableLength ?? 0) > SLOW_TAB_LIMIT_BYTES,
      20_000,
    );
    const deltasThen = deltas;
    await waitFor('the next delta', () => deltas > deltasThen, 5_000);
    const closed = new Promise<number>((resolve) => tab.once('close', (code) => resolve(code)));
    raw.resume();
    expect(await closed).toBe(4003);
  }, 30_000);
});
