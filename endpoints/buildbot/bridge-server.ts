// The Buildbot bridge: a watchfloor.v1 endpoint whose deployments are
// Buildbot's builders' latest builds, whose series are their failing tests,
// durations, queues and success rates, and whose one action is build.retry.
// One poller and one retry desk serve every console.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';
import type { BridgeConfig } from './bridge-config';
import { BuildbotClient } from './buildbot-client';
import { BuildbotPoller } from './buildbot-poller';
import { ConsoleConnection } from './console-connection';
import { RetryDesk } from './retry-desk';

export const BRIDGE_VERSION = '0.1.0';

export interface BuildbotBridgeOptions {
  config: BridgeConfig;
  /** Buildbot's base URL, and headers (basic auth) for every request. */
  buildbot: { url: string; headers?: Record<string, string> };
  port?: number;
  host?: string;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  heartbeatMs?: number;
  /** Where warnings go (Buildbot down, back); stderr by default. */
  warn?: (message: string) => void;
}

export interface BuildbotBridge {
  url: string;
  port: number;
  poller: BuildbotPoller;
  readonly consoles: number;
  close(): Promise<void>;
}

export async function startBuildbotBridge(options: BuildbotBridgeOptions): Promise<BuildbotBridge> {
  const { config } = options;
  const warn = options.warn ?? ((message: string) => console.error(`buildbot bridge: ${message}`));
  const client = new BuildbotClient({ ...options.buildbot, timeoutMs: config.timeoutMs });
  const poller = new BuildbotPoller({ client, config, warn });
  const connections = new Map<WebSocket, ConsoleConnection>();
  const desk = new RetryDesk({
    client,
    poller,
    followMs: config.pollMs,
    publish: (status) => {
      for (const connection of connections.values()) connection.actionStatus(status);
    },
  });
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const server = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) => {
      const refusal = refuse(info.req, options.token);
      if (refusal) return done(false, refusal.status, refusal.message);
      done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  poller.start();
  const context = {
    poller,
    desk,
    endpoint: {
      id: config.endpoint.id ?? 'buildbot',
      name: config.endpoint.name ?? `Buildbot ${safeHost(client.origin)}`,
      version: BRIDGE_VERSION,
    },
    heartbeatMs,
    warn,
  };
  server.on('connection', (socket: WebSocket) => {
    connections.set(socket, new ConsoleConnection(socket, context));
    socket.on('close', () => connections.delete(socket));
  });
  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const [socket, connection] of connections) {
      // Silent for two heartbeats (no frame, no pong): the console is gone.
      if (now - connection.lastHeard > 2 * heartbeatMs) socket.terminate();
      else socket.ping();
    }
  }, heartbeatMs);
  let closing: Promise<void> | undefined;
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `ws://${host}:${port}`,
    port,
    poller,
    get consoles() {
      return connections.size;
    },
    close: () => {
      closing ??= shutDown();
      return closing;
    },
  };

  function shutDown(): Promise<void> {
    clearInterval(heartbeat);
    poller.stop();
    desk.stop();
    for (const [socket, connection] of connections) {
      connection.close();
      socket.close(CLOSE_CODES.goingAway, 'bridge shutting down');
    }
    return new Promise((resolve) => {
      const cutoff = setTimeout(() => {
        for (const socket of server.clients) socket.terminate();
      }, 1_000);
      server.close(() => {
        clearTimeout(cutoff);
        resolve();
      });
    });
  }
}

function refuse(
  req: IncomingMessage,
  token?: string,
): { status: number; message: string } | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  if (!offered.split(',').some((p) => p.trim() === SUBPROTOCOL)) {
    return { status: 426, message: `subprotocol ${SUBPROTOCOL} required` };
  }
  if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
    return { status: 401, message: 'bearer token required' };
  }
  return undefined;
}

/** Constant-time comparison (of digests, so the lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'server';
  }
}
