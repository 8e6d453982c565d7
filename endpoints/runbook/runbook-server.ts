// The runbook bridge: a watchfloor.v1 endpoint whose deployments are the
// state the runbooks keep and whose actions run them (an ansible-playbook or
// any program, never a shell). Optionally it also serves Prometheus series.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, SUBPROTOCOL, type CloudEvent } from '../../shared/protocol';
import { ActionJournal } from './action-journal';
import type { RunbookEvent } from './action-events';
import { DeploymentsState } from './deployments-state';
import { startMetricsFeed } from './metrics-feed';
import { RunbookConnection, type ConnectionContext } from './runbook-connection';
import type { RunbookConfig } from './runbook-config';
import { RunbookDesk } from './runbook-desk';
import { refuseUpgrade } from '../shared/upgrade-check';
import { closeServer } from '../shared/close-server';

export const RUNBOOK_BRIDGE_VERSION = '0.1.0';

export interface RunbookBridgeOptions {
  config: RunbookConfig;
  port?: number;
  host?: string;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  heartbeatMs?: number;
  warn?: (message: string) => void;
}

export interface RunbookBridge {
  url: string;
  port: number;
  state: DeploymentsState;
  close(): Promise<void>;
}

export async function startRunbookBridge(options: RunbookBridgeOptions): Promise<RunbookBridge> {
  const { config } = options;
  const warn = options.warn ?? ((message: string) => console.error(`runbook bridge: ${message}`));
  const connections = new Map<WebSocket, RunbookConnection>();
  const broadcast = (method: string, params: unknown) => {
    for (const connection of connections.values()) connection.notify(method, params);
  };
  const state = new DeploymentsState({
    source: config.state,
    pollMs: config.statePollMs,
    onChange: (change) => broadcast('deployments.change', change),
    warn,
  });
  await state.refresh();
  const journal = new ActionJournal(config.journalDir);
  const desk = new RunbookDesk(config, journal, state, {
    status: (status) => broadcast('action.status', status),
    event: (event) => broadcast('event', cloudEvent(event, config.endpoint.id)),
  });
  desk.resume();
  state.start();
  const metrics = config.metrics ? startMetricsFeed(config.metrics, warn) : undefined;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const context: ConnectionContext = {
    endpoint: { ...config.endpoint, version: RUNBOOK_BRIDGE_VERSION },
    actions: Object.entries(config.actions).map(([name, action]) => ({
      name,
      ...(action?.title ? { title: action.title } : {}),
    })),
    heartbeatMs,
    desk,
    state,
    metrics,
    warn,
  };
  const server = await listen(options);
  server.on('connection', (socket: WebSocket) => {
    connections.set(socket, new RunbookConnection(socket, context));
    socket.on('close', () => connections.delete(socket));
  });
  const heartbeat = setInterval(() => {
    for (const [socket, connection] of connections) {
      if (Date.now() - connection.lastHeard > 2 * heartbeatMs) socket.terminate();
      else socket.ping();
    }
  }, heartbeatMs);
  const { address, port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `ws://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    state,
    close: () => {
      closing ??= (async () => {
        clearInterval(heartbeat);
        state.stop();
        desk.stop();
        metrics?.close();
        for (const [socket, connection] of connections) {
          connection.close();
          socket.close(CLOSE_CODES.goingAway, 'bridge shutting down');
        }
        await closeServer(server);
        journal.close();
      })();
      return closing;
    },
  };
}

async function listen(options: RunbookBridgeOptions): Promise<WebSocketServer> {
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
  return server;
}

function cloudEvent(event: RunbookEvent, source: string): CloudEvent {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source,
    type: event.type,
    time: new Date().toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    data: event.data,
  };
}
