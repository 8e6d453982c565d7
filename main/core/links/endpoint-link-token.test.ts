// An endpoint token travels in the Authorization header of the upgrade only:
// never in the URL the endpoint logs, nor in anything the link shows the page.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { SUBPROTOCOL } from '../../../shared/protocol';
import { waitFor } from '../../../test/support/wait-for';
import { ConsoleCore } from '../console-core';
import type { EndpointLink } from './endpoint-link';

const TOKEN = 'tok-7c1e-visible-nowhere';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function endpoint(upgrades: IncomingMessage[]): Promise<string> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: () => SUBPROTOCOL,
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  server.on('connection', (socket, req) => {
    upgrades.push(req);
    socket.on('message', (data) => {
      const { id } = JSON.parse(String(data)) as { id: number };
      const result = {
        protocol: SUBPROTOCOL,
        endpoint: { id: 'e', name: 'E' },
        roles: [],
        actions: [],
        clock: Date.now(),
      };
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
    });
  });
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
}

describe('endpoint token', () => {
  it('is sent as a bearer header and shown nowhere', async () => {
    const upgrades: IncomingMessage[] = [];
    const url = await endpoint(upgrades);
    const core = new ConsoleCore({
      endpoints: [{ url, token: TOKEN, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
    });
    core.start();
    cleanup.push(() => core.stop());
    const link = core.links.values().next().value as EndpointLink;
    await waitFor('the link to open', () => link.status.state === 'open');

    expect(upgrades[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upgrades[0]?.url).toBe('/stream');
    expect(link.status.url).toBe(url);
    expect(link.status.hasToken).toBe(true);
    expect(JSON.stringify(link.status)).not.toContain(TOKEN);
    expect(JSON.stringify(await core.getState())).not.toContain(TOKEN);
  });
});
