// The Buildbot bridge: a watchfloor.v1 endpoint whose deployments are
// Buildbot's builders' latest builds, whose series are their failing tests,
// durations, queues and success rates, and whose one action is build.retry.
// One poller and one retry desk serve every console.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';
import type { BridgeConfig } from './bridge-config';
import { BuildbotClient } from './buildbot-client';
import { BuildbotPoller } from './buildbot-poller';
import { ConsoleConnection } from './console-connection';
import { RetryDesk } from './retry-desk';
import { refuseUpgrade } from '../shared/upgrade-check';
import { closeServer } from '../shared/close-server';

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
      const refusal = refuseUpgrade(info.req, options.token);
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
    return closeServer(server);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'server';
  }
}
