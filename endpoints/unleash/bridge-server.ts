// The Unleash bridge: a watchfloor.v1 endpoint whose deployments are an
// Unleash server's projects, environments and features, whose actions flip
// features and move rollouts through the Admin API, and whose series are
// Unleash's client metrics. One watch, one metrics poller and one action desk
// serve every console that connects.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, SUBPROTOCOL, type CloudEvent } from '../../shared/protocol';
import { ActionDesk } from './action-desk';
import { UNLEASH_ACTIONS, planAction } from './action-handlers';
import type { BridgeConfig } from './bridge-config';
import { ConsoleSession } from './console-session';
import { DeploymentsWatch, type WatchEvent } from './deployments-watch';
import { MetricsPoller } from './metrics-poller';
import { UnleashClient } from './unleash-client';
import { refuseUpgrade } from '../shared/upgrade-check';
import { closeServer } from '../shared/close-server';

export const BRIDGE_VERSION = '0.1.0';

export interface UnleashBridgeOptions {
  config: BridgeConfig;
  unleash: { url: string; token: string };
  port?: number;
  host?: string;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  heartbeatMs?: number;
}

export interface UnleashBridge {
  url: string;
  port: number;
  watch: DeploymentsWatch;
  desk: ActionDesk;
  readonly consoles: number;
  close(): Promise<void>;
}

/** Starts the bridge; rejects with Unleash's problem (wrong URL, bad token) when the first read fails. */
export async function startUnleashBridge(options: UnleashBridgeOptions): Promise<UnleashBridge> {
  const { config } = options;
  const client = new UnleashClient({ ...options.unleash, timeoutMs: config.timeoutMs });
  const mapping = {
    mode: config.rings.mode,
    contextField: config.rings.contextField,
    rings: config.rings.list,
  };
  const watch = new DeploymentsWatch(client, config, mapping);
  await watch.load();
  const sessions = new Map<WebSocket, ConsoleSession>();
  const broadcast = (method: string, params: unknown) => {
    for (const session of sessions.values()) session.notify(method, params);
  };
  const event = ({ type, subject, data }: WatchEvent) =>
    broadcast('event', {
      specversion: '1.0',
      id: randomUUID(),
      source: 'watchfloor-unleash-bridge',
      type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      data,
    } satisfies CloudEvent);
  const desk = new ActionDesk({
    plan: (params) => planAction(params, { client, watch, releases: config.releases, event }),
    publish: (status) => broadcast('action.status', status),
  });
  const metrics = config.metrics.enabled
    ? new MetricsPoller({
        client,
        view: () => watch.current.view,
        intervalMs: config.metrics.intervalMs,
        level: config.metrics.level,
      })
    : undefined;
  watch.subscribe({
    change: (change) => broadcast('deployments.change', change),
    event,
    reachability: (problem) =>
      event({
        type: problem ? 'io.getunleash.unreachable' : 'io.getunleash.reachable',
        subject: client.origin,
        data: problem ? { message: problem } : {},
      }),
  });
  metrics?.subscribe({
    catalog: (series) => {
      for (const session of sessions.values()) session.catalog(series);
    },
    samples: (batches) => {
      for (const session of sessions.values()) session.samples(batches);
    },
    seriesError: (series, message) =>
      broadcast('series.error', message ? { series, message } : { series }),
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
  const context = {
    watch,
    metrics,
    desk,
    endpoint: {
      id: config.endpoint?.id ?? 'unleash',
      name: config.endpoint?.name ?? `Unleash ${new URL(client.origin).host}`,
      version: BRIDGE_VERSION,
    },
    actions: UNLEASH_ACTIONS,
    heartbeatMs,
  };
  server.on('connection', (socket: WebSocket) => {
    sessions.set(socket, new ConsoleSession(socket, context));
    socket.on('close', () => sessions.delete(socket));
  });
  watch.start();
  metrics?.start();
  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const [socket, session] of sessions) {
      if (now - session.lastHeard > 2 * heartbeatMs) socket.terminate();
      else socket.ping();
    }
  }, heartbeatMs);
  let closing: Promise<void> | undefined;
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    watch,
    desk,
    get consoles() {
      return sessions.size;
    },
    close: () => (closing ??= shutDown()),
  };

  async function shutDown(): Promise<void> {
    clearInterval(heartbeat);
    watch.stop();
    metrics?.stop();
    await Promise.race([desk.idle(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    for (const socket of sessions.keys())
      socket.close(CLOSE_CODES.goingAway, 'bridge shutting down');
    await closeServer(server);
  }
}
