// The browser host: serves the built renderer and the same ConsoleApi over a
// loopback WebSocket. The app's code is public; what it can reach is not: the
// API socket needs the session token in its URL (the page holds it in memory,
// never in a cookie, so no other server on 127.0.0.1 ever receives it) and our
// own Origin; downloads need the file key derived from it. No request, however
// malformed, can do more than earn its sender a 4xx.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleApi } from '../../shared/api/contract';
import { MAX_REQUEST_BYTES, serveConsoleSocket } from './console-socket';
import { isDownload, serveDownload } from './file-download';
import { refuse } from './http-refusal';
import { parseTarget } from './request-target';
import { TOKEN_PARAM, fileKeyOf, newSessionToken, safeEqual } from './session-credential';

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

export const API_PATH = '/api';
const READ_METHODS = new Set(['GET', 'HEAD']);
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
  const token = options.token ?? newSessionToken();
  const fileKey = fileKeyOf(token);
  const assets = sirv(options.staticDir, { dev: false, etag: true, single: false });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  sockets.on('connection', (socket: WebSocket) => serveConsoleSocket(socket, options.api));

  const route = (req: IncomingMessage, res: ServerResponse) => {
    secureHeaders(res);
    if (!hostAllowed(req, server)) return refuse(res, 421, 'Watchfloor: unexpected Host header.');
    if (!READ_METHODS.has(req.method ?? '')) {
      res.setHeader('Allow', 'GET, HEAD');
      return refuse(res, 405, 'Watchfloor: method not allowed.');
    }
    const target = parseTarget(req.url);
    if (!target) return refuse(res, 400, 'Watchfloor: bad request target.');
    if (isDownload(target)) return serveDownload(res, target, fileKey, options.files);
    if (target.path === API_PATH) return refuse(res, 426, 'Watchfloor: the API is a WebSocket.');
    assets(req, res, () => refuse(res, 404, 'Not found'));
  };
  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      console.error('watchfloor: request failed:', (err as Error).message);
      refuse(res, 400, 'Watchfloor: bad request.');
    }
  });
  // CONNECT (a proxy tunnel) would otherwise be dropped without an answer.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head, token, sockets, server);
    } catch (err) {
      console.error('watchfloor: socket upgrade failed:', (err as Error).message);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/?${TOKEN_PARAM}=${token}`,
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
  server: Server,
): void {
  const target = parseTarget(req.url);
  const reason = !hostAllowed(req, server)
    ? '421 Misdirected Request'
    : !target
      ? '400 Bad Request'
      : target.path !== API_PATH
        ? '404 Not Found'
        : !safeEqual(target.params.get(TOKEN_PARAM), token)
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

/** Browsers always send Origin on WebSocket upgrades; it must be this very host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && origin === `http://${req.headers.host ?? ''}`;
}

function secureHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
