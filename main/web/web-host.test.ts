// The browser host over real loopback sockets, with a stand-in console: the
// headers every answer carries, which Host names and upgrades it takes, and
// what each refusal says. (test/integration/web-host.test.ts drives the real console.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ConsoleApi } from '../../shared/api/contract';
import { fileKeyOf } from './session-credential';
import { startWebHost, type WebHost } from './web-host';

const api = { onDelta: () => () => undefined } as unknown as ConsoleApi;
const folder = mkdtempSync(join(tmpdir(), 'wf-web-host-'));
const staticDir = join(folder, 'static');
const files = join(folder, 'files');
let host: WebHost;
let port: number;
let key: string;

beforeAll(async () => {
  mkdirSync(staticDir);
  mkdirSync(files);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
  writeFileSync(join(files, 'a.wfsnap'), 'bytes');
  host = await startWebHost({
    api,
    staticDir,
    port: 0,
    host: '127.0.0.1',
    files: (name) => join(files, name),
  });
  port = Number(new URL(host.url).port);
  key = fileKeyOf(host.token);
});

afterAll(async () => {
  await host.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Raw bytes in, the whole answer out (no client library tidying either side). */
const raw = (request: string): Promise<string> => rawAt(port, request);

function rawAt(to: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(to, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 2_000);
  });
}

const get = (path: string, hostHeader = `127.0.0.1:${port}`) =>
  raw(`GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);

const upgrade = (path: string, hostHeader = `127.0.0.1:${port}`) =>
  raw(
    `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nOrigin: http://${hostHeader}\r\n` +
      'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );

describe('browser host headers and refusals', () => {
  it('sends the security headers on pages and refusals alike', async () => {
    for (const answer of [await get('/'), await get('/api'), await get('/nope')]) {
      expect(answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
      expect(answer).toMatch(/\r\ncache-control: no-store\r\n/i);
      expect(answer).toMatch(/\r\ncross-origin-opener-policy: same-origin\r\n/i);
      expect(answer).toMatch(/\r\ncross-origin-resource-policy: same-origin\r\n/i);
      expect(answer).toMatch(/\r\nreferrer-policy: no-referrer\r\n/i);
    }
  });

  it('says why it refuses, in plain text', async () => {
    const notAllowed = await raw(
      `DELETE / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(notAllowed).toMatch(/^HTTP\/1\.1 405/);
    expect(notAllowed).toMatch(/\r\nallow: GET, HEAD\r\n/i);
    expect(notAllowed).toMatch(/\r\ncontent-type: text\/plain; charset=utf-8\r\n/i);
    expect(notAllowed).toMatch(/method not allowed\.$/);
    expect(await get('/', 'evil.example')).toMatch(/^HTTP\/1\.1 421[^]*unexpected Host header\.$/);
    expect(await get('http://127.0.0.1/')).toMatch(/^HTTP\/1\.1 400[^]*bad request target\.$/);
    expect(await get('/api')).toMatch(/^HTTP\/1\.1 426[^]*the API is a WebSocket\.$/);
    expect(await get('/nope')).toMatch(/^HTTP\/1\.1 404[^]*Not found$/);
  });

  it('answers a proxy CONNECT with 405 and what it allows', async () => {
    const answer = await raw(`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(answer).toMatch(/\r\nAllow: GET, HEAD\r\n/);
  });

  it('takes its own names for loopback, and no other', async () => {
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect(await get('/', name), name).toMatch(/^HTTP\/1\.1 200/);
    }
    for (const name of ['127.0.0.1', `localhost:${port + 1}`, `[::2]:${port}`, '']) {
      expect(await get('/', name), name).toMatch(/^HTTP\/1\.1 421/);
    }
  });
});

describe('browser host socket upgrades', () => {
  it('names each refusal in its status line', async () => {
    const token = `?token=${host.token}`;
    expect(await upgrade(`/api${token}`, 'evil.example')).toMatch(
      /^HTTP\/1\.1 421 Misdirected Request\r\n/,
    );
    expect(await upgrade('//[')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(await upgrade(`/other${token}`)).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(await upgrade('/api?token=x')).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(await upgrade(`/api${token}`)).toMatch(/^HTTP\/1\.1 101 /);
  });
});

describe('browser host downloads', () => {
  it('refuses a missing key, a path for a name, and a missing file, each saying why', async () => {
    expect(await get('/files/a.wfsnap')).toMatch(/^HTTP\/1\.1 401[^]*needs its session key\.$/);
    expect(await get(`/files/x/a.wfsnap?key=${key}`)).toMatch(
      /^HTTP\/1\.1 400[^]*not a file name\.$/,
    );
    expect(await get(`/files/gone.wfsnap?key=${key}`)).toMatch(
      /^HTTP\/1\.1 404[^]*No such snapshot or report$/,
    );
  });

  it('serves a file as an attachment of opaque bytes', async () => {
    const answer = await get(`/files/a.wfsnap?key=${key}`);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\ncontent-type: application\/octet-stream\r\n/i);
    expect(answer).toMatch(/\r\ncontent-disposition: attachment; filename="a\.wfsnap"/i);
    expect(answer).toMatch(/\r\n\r\n[^]*\bbytes\b/);
  });

  it('has nothing to serve when no files are given', async () => {
    const bare = await startWebHost({ api, staticDir, port: 0, host: '127.0.0.1' });
    const { port: barePort } = new URL(bare.url);
    const answer = await fetch(
      `http://127.0.0.1:${barePort}/files/a.wfsnap?key=${fileKeyOf(bare.token)}`,
    );
    expect(answer.status).toBe(404);
    await bare.close();
  });
});

describe('browser host start', () => {
  it('fails to start on a port already taken, instead of hanging', async () => {
    await expect(startWebHost({ api, staticDir, port, host: '127.0.0.1' })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });

  it('shows an IPv6 address in brackets and takes it as a Host', async () => {
    const v6 = await startWebHost({ api, staticDir, port: 0, host: '::1' });
    const url = new URL(v6.url);
    expect(url.hostname).toBe('[::1]');
    const page = await fetch(`http://[::1]:${url.port}/`);
    expect(page.status).toBe(200);
    await v6.close();
  });
});

describe('browser host static files', () => {
  it('serves the build it started with, with an ETag, and no page for an unknown path', async () => {
    // Its own host, started inside the test: what it serves is fixed at start.
    const dir = join(folder, 'static-own');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
    const own = await startWebHost({ api, staticDir: dir, port: 0, host: '127.0.0.1' });
    const ownHost = new URL(own.url).host;
    const ownGet = (path: string) =>
      rawAt(
        Number(new URL(own.url).port),
        `GET ${path} HTTP/1.1\r\nHost: ${ownHost}\r\nConnection: close\r\n\r\n`,
      );
    try {
      const page = await ownGet('/index.html');
      expect(page).toMatch(/^HTTP\/1\.1 200 /);
      expect(page).toMatch(/\r\nETag: /i);
      // No single-page fallback: an unknown path is not the app.
      expect(await ownGet('/no/such/page')).toMatch(/^HTTP\/1\.1 404 /);
      // Files are indexed at start (not dev mode): one written later is not served.
      writeFileSync(join(dir, 'later.js'), 'alert(1)');
      expect(await ownGet('/later.js')).toMatch(/^HTTP\/1\.1 404 /);
    } finally {
      await own.close();
    }
  });
});

describe('browser host close', () => {
  it('ends every open tab, so a stopped console leaves no socket open', async () => {
    const second = await startWebHost({ api, staticDir, port: 0, host: '127.0.0.1' });
    const origin = new URL(second.url).origin;
    const tab = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${second.token}`, {
      headers: { Origin: origin },
    });
    await new Promise((resolve, reject) => tab.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => tab.once('close', resolve));
    await second.close();
    expect(await closed).toBeGreaterThan(0);
    expect(tab.readyState).toBe(WebSocket.CLOSED);
  });
});
