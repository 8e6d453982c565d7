// The browser host on 127.0.0.1: the token guards every request and socket,
// the Origin and Host are checked, and the ConsoleApi works over the socket.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bootConsole, type BootedConsole } from '../../main/core/console-boot';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { WEB_RPC_DELTA, webRpcName } from '../../shared/api/console-channels';
import type { ConsoleMethod } from '../../shared/api/contract';
import { consoleDeltaSchema, consoleStateSchema } from '../../shared/api/console-state';
import { waitFor } from '../support/wait-for';

let booted: BootedConsole;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'wf-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
  booted = await bootConsole({ endpoints: [], demo: true, seed: 5 }, { clientVersion: 'test' });
  host = await startWebHost({ api: booted.core, staticDir, port: 0, host: '127.0.0.1' });
  origin = new URL(host.url).origin;
});

afterAll(async () => {
  await host.close();
  await booted.stop();
});

function open(path: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}${path}`, { headers });
  return new Promise((resolve) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(-1));
  });
}

/** A contract method's name on the socket; the type keeps it one of the contract's. */
const rpc = (method: ConsoleMethod): string => webRpcName(method);

function call(socket: WebSocket, id: number, method: string, params?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  });
}

describe('browser host', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a page request without the token and serves it with one, strict CSP included', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(401);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await fetch(`${origin}/index.html`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(again.status).toBe(200);
  });

  it('refuses a request whose Host header is not ours (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${host.url}`, { headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses sockets without the token or from another origin', async () => {
    expect(await open('/api', { origin })).toBe(401);
    expect(await open(`/api?token=${host.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await open(`/api?token=${host.token}`)).toBe(403);
  });

  it('serves the ConsoleApi and pushes deltas to an authorised socket', async () => {
    const socket = (await open(`/api?token=${host.token}`, { origin })) as WebSocket;
    expect(socket).toBeInstanceOf(WebSocket);
    const deltas: unknown[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { method?: string; params?: unknown };
      if (message.method === WEB_RPC_DELTA) deltas.push(consoleDeltaSchema.parse(message.params));
    });
    const reply = (await call(socket, 1, rpc('getState'), [])) as { result: unknown };
    const state = consoleStateSchema.parse(reply.result);
    expect(state.endpoints).toHaveLength(1);
    await waitFor('a pushed delta', () => deltas.length > 0, 3_000);
    const bad = (await call(socket, 2, rpc('submitAction'), [{ key: 'x' }])) as {
      error: { code: number; message: string };
    };
    expect(bad.error.code).toBe(-32602);
    expect(bad.error.message).toMatch(/invalid params/);
    const unknown = (await call(socket, 3, 'fs.readFile')) as { error: { code: number } };
    expect(unknown.error.code).toBe(-32601);
    socket.close();
  });
});
