// The Prometheus bridge: a watchfloor.v1 endpoint whose series are PromQL
// queries. One poller serves every console that connects.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';
import type { BridgeConfig } from './bridge-config';
import { ConsoleConnection } from './console-connection';
import { PrometheusClient, type PrometheusClientOptions } from './prometheus-client';
import { QueryPoller, type QuerySource } from './query-poller';
import { refuseUpgrade } from '../shared/upgrade-check';
import { closeServer } from '../shared/close-server';

export const BRIDGE_VERSION = '0.1.0';

export interface PrometheusBridgeOptions {
  config: BridgeConfig;
  /** Where Prometheus is and how to reach it (timeout and concurrency come from the config). */
  prometheus: Omit<PrometheusClientOptions, 'timeoutMs' | 'maxConcurrent'>;
  port?: number;
  host?: string;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  /** How often the bridge pings each console. */
  heartbeatMs?: number;
  /** Where warnings go (a failed backfill); stderr by default. */
  warn?: (message: string) => void;
  /** Replaces the HTTP client (tests). */
  source?: QuerySource;
}

export interface PrometheusBridge {
  url: string;
  port: number;
  poller: QueryPoller;
  /** Consoles connected now. */
  readonly consoles: number;
  close(): Promise<void>;
}

export async function startPrometheusBridge(
  options: PrometheusBridgeOptions,
): Promise<PrometheusBridge> {
  const { config } = options;
  const warn =
    options.warn ?? ((message: string) => console.error(`prometheus bridge: ${message}`));
  const client = options.source
    ? undefined
    : new PrometheusClient({
        ...options.prometheus,
        timeoutMs: config.timeoutMs,
        maxConcurrent: config.maxConcurrentQueries,
      });
  const poller = new QueryPoller({
    series: config.series.map(({ info, query }) => ({
      id: info.id,
      query,
      intervalMs: info.intervalMs,
    })),
    source: options.source ?? (client as PrometheusClient),
    backfillMs: config.backfillMs,
    warn,
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
  const connections = new Map<WebSocket, ConsoleConnection>();
  const context = {
    poller,
    catalog: config.series.map((series) => series.info),
    endpoint: {
      id: config.endpoint.id ?? 'prometheus',
      name: config.endpoint.name ?? `Prometheus ${safeHost(options.prometheus.url)}`,
      version: BRIDGE_VERSION,
    },
    heartbeatMs,
    warn,
  };
  server.on('connection', (socket: WebSocket) => {
    const connection = new ConsoleConnection(socket, context);
    connections.set(socket, connection);
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
    for (const [socket, connection] of connections) {
      connection.close();
      socket.close(CLOSE_CODES.goingAway, 'bridge shutting down');
    }
    poller.stop();
    client?.close();
    return closeServer(server);
  }
}

/** The host of a URL without any credentials in it, for names and messages. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'server';
  }
}
