// The browser host on 127.0.0.1: the token guards the API socket and a key
// derived from it the downloads; no cookie carries either (cookies reach every
// port of the host); the Origin and Host are checked; malformed requests earn
// a 4xx and never take the host down; the ConsoleApi works over the socket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
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
import { fileKeyFor } from '../../renderer/src/bridge/browser-bridge';

const SNAPSHOT = 'Billing outage (1) café.wfsnap';

let booted: BootedConsole;
let host: WebHost;
let origin: string;
let fileKey: string;
const folders: string[] = [];

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'wf-static-'));
  folders.push(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
  const snapshots = mkdtempSync(join(tmpdir(), 'wf-files-'));
  folders.push(snapshots);
  writeFileSync(join(snapshots, SNAPSHOT), 'snapshot bytes');
  mkdirSync(join(snapshots, 'folder.wfsnap'));
  booted = await bootConsole({ endpoints: [], demo: true, seed: 5 }, { clientVersion: 'test' });
  host = await startWebHost({
    api: booted.core,
    staticDir,
    port: 0,
    host: '127.0.0.1',
    files: (name) => join(snapshots, name),
  });
  origin = new URL(host.url).origin;
  fileKey = await fileKeyFor(host.token);
});

afterAll(async () => {
  await host.close();
  await booted.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function open(path: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}${path}`, { headers });
  return new Promise((resolve) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(-1));
  });
}

/** Sends raw bytes (no client library tidying them up) and reads the status line. */
function raw(request: string): Promise<string> {
  const { port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    setTimeout(() => socket.destroy(), 1_000);
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

  it('serves the app itself to anyone on its Host, with a strict CSP and no cookie', async () => {
    for (const path of ['/', host.url.slice(origin.length), '/index.html']) {
      const page = await fetch(`${origin}${path}`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      // No page of another origin may frame the console (clickjacking a rollback button).
      expect(csp.split(';').map((part) => part.trim())).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      // A cookie would reach every other server on 127.0.0.1: cookies ignore ports.
      expect(page.headers.get('set-cookie')).toBeNull();
    }
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

  it('refuses a socket upgrade whose Host is not ours, even with the token and a matching Origin', async () => {
    const { port } = new URL(origin);
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    expect(await open(`/api?token=${host.token}`, rebound)).toBe(421);
    // The same socket on our own name opens: the Host alone made the difference.
    const ours = await open(`/api?token=${host.token}`, { origin });
    expect(ours).toBeInstanceOf(WebSocket);
    (ours as WebSocket).close();
  });

  it('refuses sockets without the token in their URL or from another origin', async () => {
    expect(await open('/api', { origin })).toBe(401);
    expect(await open('/api?token=wrong', { origin })).toBe(401);
    // What another local server could have received: a cookie. It opens nothing.
    expect(await open('/api', { origin, cookie: `wf_token=${host.token}` })).toBe(401);
    expect(await open(`/api?token=${fileKey}`, { origin })).toBe(401);
    expect(await open(`/api?token=${host.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await open(`/api?token=${host.token}`, { origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await open(`/api?token=${host.token}`)).toBe(403);
  });

  it('serves a written file to its key only, whatever its name', async () => {
    const path = `/files/${encodeURIComponent(SNAPSHOT)}`;
    expect((await fetch(`${origin}${path}`)).status).toBe(401);
    expect((await fetch(`${origin}${path}?token=${host.token}`)).status).toBe(401);
    const cookie = { headers: { cookie: `wf_token=${host.token}` } };
    expect((await fetch(`${origin}${path}`, cookie)).status).toBe(401);
    const download = await fetch(`${origin}${path}?key=${fileKey}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('snapshot bytes');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(SNAPSHOT).replace(/[()]/g, escape)}`,
    );
    const folder = await fetch(`${origin}/files/folder.wfsnap?key=${fileKey}`);
    expect(folder.status).toBe(404);
  });

  it('answers malformed requests with a 4xx and keeps serving', async () => {
    const { port } = new URL(origin);
    const at = `Host: 127.0.0.1:${port}\r\nConnection: close\r\n`;
    const key = `key=${fileKey}`;
    const requests: [string, RegExp][] = [
      [`GET /files/%?${key} HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 4\d\d/],
      [`GET /files/%E0%A4%A?${key} HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 4\d\d/],
      [`GET /% HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 4\d\d/],
      [`GET //[ HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 400/],
      [`GET http://[ HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 400/],
      [`GET //[ HTTP/1.1\r\n${at}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`, /400/],
      [`GET /api HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 426/],
      [`DELETE /index.html HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 405/],
      [`POST /files/x.wfsnap?${key} HTTP/1.1\r\n${at}Content-Length: 0\r\n\r\n`, /405/],
      [`BREW / HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 400/],
      [`GET / HTTP/1.1\r\n${at}X-Big: ${'a'.repeat(70_000)}\r\n\r\n`, /^HTTP\/1\.1 431/],
      [`GET /\u0000 HTTP/1.1\r\n${at}\r\n`, /^HTTP\/1\.1 400/],
      ['\u0016\u0003\u0001\u0000\u00a5garbage\r\n\r\n', /^HTTP\/1\.1 400/],
    ];
    for (const [request, expected] of requests) {
      expect(await raw(request), JSON.stringify(request.slice(0, 30))).toMatch(expected);
    }
    expect((await fetch(`${origin}/`)).status).toBe(200);
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
