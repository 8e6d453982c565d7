// The demo endpoint: a watchfloor.v1 server over a real WebSocket that
// streams the simulated SaaS at 1 Hz and carries out rollbacks.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MAX_FRAME_BYTES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type ActionSubmitParams,
  type HelloResult,
  type SubmitResult,
} from '../../shared/protocol';
import { DEMO_METRICS } from './demo-catalog';
import { DemoSimulation } from './demo-simulation';

export interface DemoEndpointOptions {
  port?: number;
  host?: string;
  seed?: number;
  tickMs?: number;
  /** How long the simulated rollback takes from accepted to succeeded. */
  rollbackMs?: number;
}

export interface DemoEndpoint {
  url: string;
  simulation: DemoSimulation;
  close(): Promise<void>;
}

export async function startDemoEndpoint(options: DemoEndpointOptions = {}): Promise<DemoEndpoint> {
  const simulation = new DemoSimulation(options.seed ?? 1);
  const server = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) => {
      const offered = String(info.req.headers['sec-websocket-protocol'] ?? '');
      if (offered.split(',').some((p) => p.trim() === SUBPROTOCOL)) return done(true);
      done(false, 426, `subprotocol ${SUBPROTOCOL} required`);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const session = new DemoSession(simulation, options.rollbackMs ?? 1500);
  server.on('connection', (socket) => session.attach(socket));
  const ticker = setInterval(() => session.tick(), options.tickMs ?? 1000);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `ws://${address}:${port}`,
    simulation,
    close: () => {
      clearInterval(ticker);
      session.stop();
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

class DemoSession {
  private readonly ready = new Set<WebSocket>();
  private readonly submitted = new Map<string, { payload: string; reply: SubmitResult }>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly sim: DemoSimulation,
    private readonly rollbackMs: number,
  ) {}

  attach(socket: WebSocket): void {
    socket.on('message', (data, isBinary) => this.onMessage(socket, String(data), isBinary));
    socket.on('close', () => this.ready.delete(socket));
    socket.on('error', () => this.ready.delete(socket));
  }

  tick(): void {
    const batches = this.sim.tick(Date.now());
    this.broadcast('samples', { batches });
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private onMessage(socket: WebSocket, text: string, isBinary: boolean): void {
    let value: unknown;
    try {
      value = isBinary ? undefined : JSON.parse(text);
    } catch {
      return send(socket, {
        jsonrpc: '2.0',
        id: null,
        error: { code: RPC_ERRORS.parseError, message: 'parse error' },
      });
    }
    const request = consoleRequestSchema.safeParse(value);
    if (!request.success) {
      const message = `invalid request: ${request.error.issues[0]?.message ?? 'unknown shape'}`;
      return send(socket, {
        jsonrpc: '2.0',
        id: requestId(value),
        error: { code: RPC_ERRORS.invalidRequest, message },
      });
    }
    const { id, method } = request.data;
    if (method === 'hello') return this.hello(socket, id);
    return this.submit(socket, id, request.data.params);
  }

  private hello(socket: WebSocket, id: number): void {
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: { id: 'demo', name: 'Demo SaaS' },
      roles: ['metrics', 'deployments'],
      actions: ['deploy.rollback'],
      clock: Date.now(),
    };
    send(socket, { jsonrpc: '2.0', id, result });
    send(socket, notification('catalog', { series: DEMO_METRICS.map((m) => m.info) }));
    send(socket, notification('deployments', this.deployments()));
    send(socket, notification('samples', { batches: this.sim.historyBatches() }));
    this.ready.add(socket);
  }

  private submit(socket: WebSocket, id: number, params: ActionSubmitParams): void {
    const payload = JSON.stringify({ action: params.action, args: params.args });
    const earlier = this.submitted.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return send(socket, {
        jsonrpc: '2.0',
        id,
        error: { code: RPC_ERRORS.idempotencyConflict, message },
      });
    }
    if (earlier) return send(socket, { jsonrpc: '2.0', id, result: earlier.reply });
    const check = this.sim.checkRollback(params.args);
    const reply: SubmitResult = check.ok
      ? { accepted: true }
      : { accepted: false, reason: check.reason };
    this.submitted.set(params.key, { payload, reply });
    send(socket, { jsonrpc: '2.0', id, result: reply });
    if (check.ok) this.runRollback(params, check.from, check.to);
  }

  private runRollback(params: ActionSubmitParams, from: string, to: string): void {
    const { service, environment } = params.args;
    this.later(this.rollbackMs / 5, () => {
      this.sim.setStatus(service, environment, 'rolling-back');
      this.broadcast('deployments', this.deployments());
      this.broadcast('action.status', {
        key: params.key,
        state: 'running',
        message: `rolling back ${from} → ${to}`,
      });
    });
    this.later(this.rollbackMs, () => {
      this.sim.completeRollback(service, environment, to);
      this.broadcast('deployments', this.deployments());
      const message = `${service} ${environment} rolled back ${from} → ${to}`;
      this.broadcast('action.status', { key: params.key, state: 'succeeded', message });
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private deployments() {
    return { resourceVersion: this.sim.resourceVersion, services: this.sim.services };
  }

  private broadcast(method: string, params: unknown): void {
    const frame = JSON.stringify(notification(method, params));
    for (const socket of this.ready) socket.send(frame);
  }
}

function notification(method: string, params: unknown) {
  return { jsonrpc: '2.0', method, params };
}

function send(socket: WebSocket, message: unknown): void {
  socket.send(JSON.stringify(message));
}

function requestId(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
