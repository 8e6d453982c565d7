// The core against endpoints that misbehave: garbage, oversize frames, no
// subprotocol, silence, vanishing mid-action, and ports nobody listens on.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleCore } from '../../main/core/console-core';
import type { EndpointLink } from '../../main/core/links/endpoint-link';
import { MAX_FRAME_BYTES } from '../../shared/protocol';
import {
  catalogFrame,
  samplesFrame,
  startHostileEndpoint,
  type HostileEndpoint,
} from '../support/hostile-endpoint';
import { waitFor } from '../support/wait-for';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function watch(url: string): { core: ConsoleCore; link: EndpointLink } {
  const core = new ConsoleCore({
    endpoints: [{ url, source: 'cli' }],
    clientVersion: 'test',
    flushMs: 50,
  });
  core.start();
  cleanup.push(() => core.stop());
  return { core, link: core.links.values().next().value as EndpointLink };
}

async function hostile(
  script: Parameters<typeof startHostileEndpoint>[0],
): Promise<HostileEndpoint> {
  const endpoint = await startHostileEndpoint(script);
  cleanup.push(() => endpoint.close());
  return endpoint;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('hostile endpoints', () => {
  it('rejects malformed and invalid frames, counts them, and keeps the good ones', async () => {
    const endpoint = await hostile({
      afterHello: (socket) => {
        socket.send('{not json');
        socket.send(JSON.stringify([1, 2, 3]));
        socket.send(
          JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches: 'x' } }),
        );
        socket.send(catalogFrame('cpu'));
        socket.send(samplesFrame('cpu', [[Date.now(), 42]]));
      },
    });
    const { core, link } = watch(endpoint.url);
    await waitFor('three rejected frames', () => link.status.framesRejected === 3);
    await waitFor('the link to open', () => link.status.state === 'open');
    expect(link.status.lastError).toMatch(
      /rejected frame: invalid 'samples' notification: params.batches/,
    );
    const state = await waitFor('the good sample', async () => {
      const s = await core.getState();
      return s.points[`${link.status.id}/cpu`]?.v.length === 1 && s;
    });
    expect(state.points[`${link.status.id}/cpu`]?.v).toEqual([42]);
  });

  it('survives an event nested 6,000 levels deep: rejected, counted, state still served', async () => {
    const deep = '{"a":'.repeat(6_000) + '1' + '}'.repeat(6_000);
    const event = (id: string, data: string) =>
      `{"jsonrpc":"2.0","method":"event","params":{"specversion":"1.0","id":"${id}","source":"x",` +
      `"type":"deploy.started","time":"${new Date().toISOString()}","subject":"billing/production","data":${data}}}`;
    const endpoint = await hostile({
      afterHello: (socket) => {
        socket.send(catalogFrame('cpu'));
        socket.send(event('deep', deep));
        socket.send(
          event('wide', JSON.stringify({ rings: Array.from({ length: 5_000 }, () => 1) })),
        );
        socket.send(event('fine', '{"version":"2.14.0"}'));
      },
    });
    const { core, link } = watch(endpoint.url);
    await waitFor('two rejected frames', () => link.status.framesRejected === 2);
    const state = await waitFor('the good event', async () => {
      const s = await core.getState();
      return s.events.some((e) => e.id === 'fine') && s;
    });
    expect(state.events.map((e) => e.id)).toEqual(['fine']);
    expect(link.status.recentErrors.map((e) => e.message).join('\n')).toMatch(
      /frame nested deeper than 32 levels/,
    );
    // Serialising the whole state (what both hosts do for a new page) still works.
    expect(() => JSON.stringify(state)).not.toThrow();
  });

  it('drops the link on an oversize frame, says why, and reconnects', async () => {
    let connections = 0;
    const endpoint = await hostile({
      afterHello: (socket) => {
        connections += 1;
        if (connections === 1) socket.send('x'.repeat(MAX_FRAME_BYTES + 10));
      },
    });
    const { link } = watch(endpoint.url);
    await waitFor('the link to drop', () => link.status.state === 'reconnecting');
    expect(link.status.lastError).toMatch(/max|payload|1009|too big/i);
    await waitFor('the link to come back', () => connections === 2 && link.status.state === 'open');
  });

  it('refuses an endpoint that does not speak watchfloor.v1', async () => {
    const endpoint = await hostile({ acceptSubprotocol: false });
    const { link } = watch(endpoint.url);
    await waitFor('a refusal', () => link.status.lastError);
    expect(link.status.state).not.toBe('open');
    expect(link.status.lastError).toMatch(/subprotocol|watchfloor\.v1/i);
  });

  it('reports an unreachable endpoint and connects once it appears', async () => {
    const port = await freePort();
    const { link } = watch(`ws://127.0.0.1:${port}`);
    await waitFor('connection refused', () => link.status.lastError === 'connection refused');
    expect(link.status.state).not.toBe('open');
    await hostile({ port });
    await waitFor('the link to connect', () => link.status.state === 'open', 10_000);
    expect(link.status.lastError).toBeUndefined();
  });

  it('marks an action unknown when the endpoint vanishes before replying', async () => {
    const endpoint = await hostile({ onRequest: (socket) => socket.terminate() });
    const { core, link } = watch(endpoint.url);
    await waitFor('the link to connect', () => link.status.state === 'open');
    const record = await core.submitAction({
      endpointId: link.status.id,
      key: 'vanishing-endpoint',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(record.state).toBe('unknown');
    expect(record.message).toMatch(/check the endpoint/);
  });

  it('learns the real outcome through action.get after the endpoint died mid-action', async () => {
    const executed = new Map<string, number>();
    const endpoint = await hostile({
      onRequest: (socket, request) => {
        const params = request.params as { key: string };
        if (request.method === 'action.submit') {
          // it carries the action out, then dies before it can reply
          executed.set(params.key, (executed.get(params.key) ?? 0) + 1);
          socket.terminate();
          return;
        }
        if (request.method === 'action.get') {
          const result = {
            key: params.key,
            state: 'succeeded',
            message: 'rolled back 2.14.0 → 2.13.2',
          };
          socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, result }));
        }
      },
    });
    const { core, link } = watch(endpoint.url);
    await waitFor('the link to connect', () => link.status.state === 'open');
    const request = {
      endpointId: link.status.id,
      key: 'died-mid-action',
      action: 'deploy.rollback' as const,
      args: { service: 'billing', environment: 'production' },
    };
    const first = await core.submitAction(request);
    expect(first.state).toBe('unknown');
    const settled = await waitFor('the real outcome', async () =>
      (await core.getState()).actions.find((a) => a.key === request.key && a.state === 'succeeded'),
    );
    expect(settled.message).toBe('rolled back 2.14.0 → 2.13.2');
    // the same intent again is answered from the record: never executed twice
    expect((await core.submitAction(request)).state).toBe('succeeded');
    expect(executed.get(request.key)).toBe(1);
  });

  it('refuses actions the endpoint did not announce, without sending them', async () => {
    let requests = 0;
    const endpoint = await hostile({ actions: [], onRequest: () => (requests += 1) });
    const { core, link } = watch(endpoint.url);
    await waitFor('the link to connect', () => link.status.state === 'open');
    const record = await core.submitAction({
      endpointId: link.status.id,
      key: 'unsupported-action',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(record).toMatchObject({ state: 'rejected' });
    expect(record.message).toMatch(/does not offer “Roll back” \(deploy.rollback\)/);
    expect(requests).toBe(0);
  });

  it('gives up on a silent handshake with a clear error', async () => {
    const endpoint = await hostile({ answerHello: false });
    const { link } = watch(endpoint.url);
    await waitFor('a handshake timeout', () => link.status.lastError, 8_000);
    expect(link.status.lastError).toMatch(/handshake failed: no reply to hello/);
  });
});
