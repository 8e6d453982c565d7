// The browser host, each test starting its own: so a host that fails to start,
// never finishes starting, or starts without a piece (the API socket, the
// CONNECT answer, the socket error guards) fails that test rather than a
// beforeAll that would only skip the rest. A stand-in console answers the API.
import { writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { webRpcName } from '../../shared/api/console-channels';
import type { ConsoleApi } from '../../shared/api/contract';
import { makeTempDir, removeTempDirs } from '../../test/support/temp-dir';
import { fileKeyOf } from './session-credential';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

const staticDir = makeTempDir('wf-web-host-start-');
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
const api = {
  onDelta: () => () => undefined,
  getState: () => Promise.resolve({ ok: 1 }),
} as unknown as ConsoleApi;

afterAll(removeTempDirs);
afterEach(() => vi.restoreAllMocks());

/** Starts a host for one test and closes it after, whatever the test did. */
async function withHost(
  options: Partial<WebHostOptions>,
  test: (host: WebHost, port: number) => Promise<void>,
): Promise<void> {
  const host = await startWebHost({ api, staticDir, port: 0, host: '127.0.0.1', ...options });
  try {
    await test(host, (host.server.address() as AddressInfo).port);
  } finally {
    await host.close();
  }
}

/** Raw bytes in over 127.0.0.1, the whole answer out. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 2_000);
  });
}

const get = (port: number, path: string, hostHeader: string) =>
  raw(port, `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);

const upgradeRequest = (port: number, token: string) =>
  `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
  `Origin: http://127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

/** Opens a tab's API socket the way the page does: token in the URL, our own Origin. */
function openTab(host: WebHost): WebSocket {
  const origin = new URL(host.url).origin;
  return new WebSocket(`${origin.replace('http', 'ws')}/api?token=${host.token}`, {
    headers: { Origin: origin },
  });
}

describe('browser host start', { timeout: 5_000 }, () => {
  it('prints the address it listens on, with the session token it was given', async () => {
    await withHost({ token: 'given-token' }, async (host, port) => {
      expect(host.token).toBe('given-token');
      expect(host.url).toBe(`http://127.0.0.1:${port}/?token=given-token`);
      expect(await get(port, '/', `127.0.0.1:${port}`)).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  it('serves the console over its API socket', async () => {
    await withHost({}, async (host) => {
      const tab = openTab(host);
      const reply = new Promise<unknown>((resolve, reject) => {
        tab.once('message', (data) => resolve(JSON.parse(String(data))));
        tab.once('error', reject);
      });
      tab.once('open', () =>
        tab.send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: webRpcName('getState') })),
      );
      expect(await reply).toEqual({ jsonrpc: '2.0', id: 3, result: { ok: 1 } });
    });
  });

  it('takes the address it is bound to as a Host, IPv4 or IPv6 (in brackets)', async () => {
    await withHost({ host: '0.0.0.0' }, async (_host, port) => {
      expect(await get(port, '/', `0.0.0.0:${port}`)).toMatch(/^HTTP\/1\.1 200 /);
    });
    await withHost({ host: '::ffff:127.0.0.1' }, async (host, port) => {
      expect(host.url).toBe(`http://[::ffff:127.0.0.1]:${port}/?token=${host.token}`);
      expect(await get(port, '/', `[::ffff:127.0.0.1]:${port}`)).toMatch(/^HTTP\/1\.1 200 /);
    });
  });
});

describe('browser host faults', { timeout: 5_000 }, () => {
  it('answers a request that throws inside the host with a 400, and logs why', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const files = () => {
      throw new Error('lookup broke');
    };
    await withHost({ files }, async (host, port) => {
      const answer = await get(
        port,
        `/files/a.wfsnap?key=${fileKeyOf(host.token)}`,
        `127.0.0.1:${port}`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 [^]*\r\n\r\nWatchfloor: bad request\.$/);
      expect(logged).toHaveBeenCalledWith('watchfloor: request failed:', 'lookup broke');
      // And it keeps serving.
      expect(await get(port, '/', `127.0.0.1:${port}`)).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  it('closes a tab whose socket the console cannot serve, and logs why', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = {
      onDelta: () => {
        throw new Error('no delta stream');
      },
    } as unknown as ConsoleApi;
    await withHost({ api: broken }, async (host) => {
      const tab = openTab(host);
      const closed = new Promise((resolve) => tab.once('close', resolve).once('error', resolve));
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(
          'watchfloor: socket upgrade failed:',
          'no delta stream',
        ),
      );
      await closed;
      expect(tab.readyState).toBe(WebSocket.CLOSED);
    });
  });

  it('answers a proxy CONNECT with 405', async () => {
    await withHost({}, async (_host, port) => {
      const answer = await raw(
        port,
        'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      );
      expect(answer).toBe(
        'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n',
      );
    });
  });

  /**
   * Node leaves a CONNECT or upgrade socket with no 'error' listener of its own:
   * without the host's, a peer resetting it mid-answer would crash the process.
   * Returns whether the socket was destroyed by the error.
   */
  async function errorOnRawSocket(
    event: 'connect' | 'upgrade',
    request: (port: number, token: string) => string,
  ) {
    let destroyed: boolean | undefined;
    await withHost({}, async (host, port) => {
      const seen = new Promise<void>((resolve) => {
        host.server.on(event, (_req: IncomingMessage, socket: Duplex) => {
          try {
            socket.emit('error', new Error('ECONNRESET'));
          } catch {
            // No listener: the error would have been thrown out of the host.
          }
          destroyed = socket.destroyed;
          socket.destroy();
          resolve();
        });
      });
      void raw(port, request(port, host.token));
      await seen;
    });
    return destroyed;
  }

  it('destroys a refused CONNECT socket that fails, instead of crashing', async () => {
    const connectRequest = () =>
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n';
    expect(await errorOnRawSocket('connect', connectRequest)).toBe(true);
  });

  it('destroys a refused upgrade socket that fails, instead of crashing', async () => {
    const badToken = (port: number) => upgradeRequest(port, 'wrong');
    expect(await errorOnRawSocket('upgrade', badToken)).toBe(true);
  });
});
