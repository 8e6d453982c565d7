// What the demo endpoint says to its consoles: the handshake, the catalog,
// samples, the deployments watch, events, and the action lifecycle.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type ActionStatus,
  type ActionSubmitParams,
  type CloudEvent,
  type HelloParams,
  type HelloResult,
  type ServiceState,
  type SubmitResult,
} from '../../shared/protocol';
import { DEMO_METRICS } from './demo-catalog';
import type { DemoSimulation } from './demo-simulation';
import { DeploymentsLog } from './deployments-log';

export interface DemoSessionOptions {
  rollbackMs: number;
  heartbeatMs: number;
}

/** Above this, a console is slow: samples wait (the next tick sends newer ones). */
const SLOW_BYTES = 4 * 1024 * 1024;
/** Above this, it is hopeless: close with 4003 and let it reconnect. */
const HOPELESS_BYTES = 64 * 1024 * 1024;

export class DemoSession {
  private readonly ready = new Set<WebSocket>();
  private readonly submitted = new Map<string, { payload: string; reply: SubmitResult }>();
  private readonly statuses = new Map<string, ActionStatus>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly log = new DeploymentsLog();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly sim: DemoSimulation,
    private readonly options: DemoSessionOptions,
  ) {
    this.heartbeat = setInterval(() => {
      for (const socket of this.ready) socket.ping();
    }, options.heartbeatMs);
  }

  attach(socket: WebSocket): void {
    socket.on('message', (data, isBinary) => this.onMessage(socket, String(data), isBinary));
    socket.on('close', () => this.ready.delete(socket));
    socket.on('error', () => this.ready.delete(socket));
  }

  tick(): void {
    const batches = this.sim.tick(Date.now());
    const frame = JSON.stringify(notification('samples', { batches }));
    for (const socket of this.ready) {
      if (socket.bufferedAmount > HOPELESS_BYTES)
        socket.close(CLOSE_CODES.slowConsumer, 'too slow');
      else if (socket.bufferedAmount < SLOW_BYTES) socket.send(frame);
    }
  }

  stop(): void {
    clearInterval(this.heartbeat);
    for (const timer of this.timers) clearTimeout(timer);
  }

  private onMessage(socket: WebSocket, text: string, isBinary: boolean): void {
    let value: unknown;
    try {
      value = isBinary ? undefined : JSON.parse(text);
    } catch {
      return reply(socket, null, undefined, {
        code: RPC_ERRORS.parseError,
        message: 'parse error',
      });
    }
    const request = consoleRequestSchema.safeParse(value);
    if (!request.success) {
      const message = `invalid request: ${request.error.issues[0]?.message ?? 'unknown shape'}`;
      return reply(socket, requestId(value), undefined, {
        code: RPC_ERRORS.invalidRequest,
        message,
      });
    }
    const { id } = request.data;
    switch (request.data.method) {
      case 'hello':
        return this.hello(socket, id, request.data.params);
      case 'action.submit':
        return this.submit(socket, id, request.data.params);
      case 'action.get':
        return this.get(socket, id, request.data.params.key);
    }
  }

  private hello(socket: WebSocket, id: number, params: HelloParams): void {
    const resumeFrom = params.resume?.deploymentsVersion;
    const changes =
      resumeFrom === undefined ? undefined : this.log.since(resumeFrom, this.sim.resourceVersion);
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: { id: 'demo', name: 'Demo SaaS', version: '1.0.0' },
      roles: ['metrics', 'deployments'],
      actions: [{ name: 'deploy.rollback', title: 'Roll back a deployment' }],
      clock: Date.now(),
      heartbeatMs: this.options.heartbeatMs,
      deployments: changes ? 'resumed' : 'relist',
    };
    reply(socket, id, result);
    send(
      socket,
      notification('catalog', { series: DEMO_METRICS.map((m) => m.info), replace: true }),
    );
    if (changes)
      for (const change of changes) send(socket, notification('deployments.change', change));
    else send(socket, notification('deployments.snapshot', this.snapshot()));
    send(socket, notification('samples', { batches: this.sim.historyBatches() }));
    this.ready.add(socket);
  }

  private submit(socket: WebSocket, id: number, params: ActionSubmitParams): void {
    const payload = JSON.stringify({ action: params.action, args: params.args });
    const earlier = this.submitted.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return reply(socket, id, undefined, { code: RPC_ERRORS.idempotencyConflict, message });
    }
    if (earlier) return reply(socket, id, earlier.reply);
    const result = this.accept(params);
    this.submitted.set(params.key, { payload, reply: result });
    reply(socket, id, result);
  }

  private accept(params: ActionSubmitParams): SubmitResult {
    if (params.action !== 'deploy.rollback') {
      return { accepted: false, reason: `the demo endpoint does not carry out ${params.action}` };
    }
    const check = this.sim.checkRollback(params.args);
    if (!check.ok) return { accepted: false, reason: check.reason };
    this.setStatus({ key: params.key, state: 'accepted' });
    this.runRollback(
      params.key,
      params.args.service,
      params.args.environment,
      check.from,
      check.to,
    );
    return { accepted: true };
  }

  private get(socket: WebSocket, id: number, key: string): void {
    const status = this.statuses.get(key);
    if (status) return reply(socket, id, status);
    reply(socket, id, undefined, { code: RPC_ERRORS.unknownAction, message: `no action ${key}` });
  }

  private runRollback(
    key: string,
    service: string,
    environment: string,
    from: string,
    to: string,
  ): void {
    const subject = `${service}/${environment}`;
    this.later(this.options.rollbackMs / 5, () => {
      this.change(this.sim.setStatus(service, environment, 'rolling-back'));
      this.setStatus({ key, state: 'running', message: `rolling back ${from} → ${to}` });
      this.event('deploy.started', subject, { from, to, reason: 'rollback' });
    });
    this.later(this.options.rollbackMs, () => {
      this.change(this.sim.completeRollback(service, environment, to));
      const message = `${service} ${environment} rolled back ${from} → ${to}`;
      this.setStatus({ key, state: 'succeeded', message });
      this.event('deploy.rolledback', subject, { from, to });
    });
  }

  private setStatus(status: Omit<ActionStatus, 'updatedAt'>): void {
    const full = { ...status, updatedAt: Date.now() };
    this.statuses.set(status.key, full);
    this.broadcast('action.status', full);
  }

  private change(service: ServiceState): void {
    const change = { resourceVersion: this.sim.resourceVersion, service };
    this.log.record(change);
    this.broadcast('deployments.change', change);
  }

  private event(type: string, subject: string, data: Record<string, unknown>): void {
    const event: CloudEvent = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'watchfloor-demo',
      type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      data,
    };
    this.broadcast('event', event);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private snapshot() {
    return { resourceVersion: this.sim.resourceVersion, services: this.sim.services };
  }

  /** Events and action results are never dropped, however slow the console. */
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

function reply(
  socket: WebSocket,
  id: number | null,
  result?: unknown,
  error?: { code: number; message: string },
): void {
  send(socket, error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result });
}

function requestId(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
