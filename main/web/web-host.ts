// The browser host: serves the built renderer and the same ConsoleApi over a
// loopback WebSocket. Every request and socket must carry the session token
// (in the URL once, then in an HttpOnly cookie), and sockets must come from
// our own origin, so other pages and local users cannot drive the console.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleApi } from '../../shared/api/contract';
import { SNAPSHOT_DOWNLOAD_ROUTE } from '../../shared/api/snapshot-files';
import { MAX_REQUEST_BYTES, serveConsoleSocket } from './console-socket';

export interface WebHostOptions {
  api: ConsoleApi;
  staticDir: string;
  port: number;
  host: string;
  token?: string;
  /** Where a snapshot or report of that name lives, for /files/<name> downloads. */
  files?: (fileName: string) => string | undefined;
}

export interface WebHost {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const COOKIE = 'wf_token';
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const assets = sirv(options.staticDir, { dev: false, etag: true, single: false });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  sockets.on('connection', (socket: WebSocket) => serveConsoleSocket(socket, options.api));

  const server = createServer((req, res) => {
    secureHeaders(res);
    if (!hostAllowed(req, server)) return refuse(res, 421, 'Watchfloor: unexpected Host header.');
    const auth = authorize(req, token);
    if (!auth.ok) return refuse(res, 401, 'Watchfloor: this address needs its session token.');
    if (auth.viaQuery) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const file = downloadName(req.url ?? '');
    if (file !== undefined && options.files) return void serveFile(res, options.files(file));
    assets(req, res, () => refuse(res, 404, 'Not found'));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req, server))
      return void socket.end('HTTP/1.1 421 Misdirected Request\r\n\r\n');
    upgrade(req, socket, head, token, sockets);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    server,
    close: () => {
      for (const client of sockets.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function upgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  token: string,
  sockets: WebSocketServer,
): void {
  const path = new URL(req.url ?? '/', 'http://host').pathname;
  const reason =
    path !== '/api'
      ? '404 Not Found'
      : !authorize(req, token).ok
        ? '401 Unauthorized'
        : !sameOrigin(req)
          ? '403 Forbidden'
          : undefined;
  if (reason) {
    socket.end(`HTTP/1.1 ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return;
  }
  sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
}

/** Only our own host names: a DNS-rebinding page on another name is refused. */
function hostAllowed(req: IncomingMessage, server: Server): boolean {
  const { port, address } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  const allowed = [`${shown}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`];
  return allowed.includes(req.headers.host ?? '');
}

function authorize(req: IncomingMessage, token: string): { ok: boolean; viaQuery: boolean } {
  const query = new URL(req.url ?? '/', 'http://host').searchParams.get('token');
  if (query !== null && safeEqual(query, token)) return { ok: true, viaQuery: true };
  const cookie = readCookie(req.headers.cookie, COOKIE);
  return { ok: cookie !== undefined && safeEqual(cookie, token), viaQuery: false };
}

/** Browsers always send Origin on WebSocket upgrades; it must be this very host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && origin === `http://${req.headers.host ?? ''}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function secureHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** The file name of a download request (`/files/<name>`), as the page built it from the name. */
function downloadName(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith(SNAPSHOT_DOWNLOAD_ROUTE)) return undefined;
  const name = path.slice(SNAPSHOT_DOWNLOAD_ROUTE.length);
  if (name === '' || name.includes('/')) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

function serveFile(res: ServerResponse, path: string | undefined): void {
  if (!path || !existsSync(path)) return refuse(res, 404, 'No such snapshot or report');
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Disposition', `attachment; filename="${basename(path)}"`);
  createReadStream(path).pipe(res);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}
