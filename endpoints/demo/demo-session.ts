// What the demo endpoint says to its consoles: the handshake, the catalog,
// samples, the deployments watch, events and action statuses. The actions
// themselves run in the ActionRunner; what they do is the scenario's.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type CloudEvent,
  type DeploymentsChange,
  type HelloParams,
  type HelloResult,
} from '../../shared/protocol';
import { ActionRunner } from './action-runner';
import type { DemoSimulation } from './demo-simulation';
import { DeploymentsLog } from './deployments-log';
import type { DemoEvent } from './scenarios/scenario';

export interface DemoSessionOptions {
  /** How long an action takes from accepted to its final state. */
  actionMs: number;
  heartbeatMs: number;
}

/** Above this, a console is slow: samples wait (the next tick sends newer ones). */
const SLOW_BYTES = 4 * 1024 * 1024;
/** Above this, it is hopeless: close with 4003 and let it reconnect. */
const HOPELESS_BYTES = 64 * 1024 * 1024;
/**
 * RFC 6455's "service restart": after a scenario switch the consoles reconnect at once,
 * and their new hello learns the scenario's actions (the protocol announces them only there).
 */
const SERVICE_RESTART = 1012;

export class DemoSession {
  private readonly ready = new Set<WebSocket>();
  private readonly runner: ActionRunner;
  private readonly heartbeat: NodeJS.Timeout;
  private log = new DeploymentsLog();
  private sentCatalog: string;

  constructor(
    private sim: DemoSimulation,
    private readonly options: DemoSessionOptions,
  ) {
    this.sentCatalog = JSON.stringify(sim.catalog());
    this.runner = new ActionRunner({
      actionMs: options.actionMs,
      simulation: () => this.sim,
      publish: {
        status: (status) => this.broadcast('action.status', status),
        change: (change) => this.change(change),
        event: (event) => this.event(event),
        settled: () => this.refreshCatalog(),
      },
    });
    this.heartbeat = setInterval(() => {
      for (const socket of this.ready) socket.ping();
    }, options.heartbeatMs);
  }

  get simulation(): DemoSimulation {
    return this.sim;
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

  /**
   * Runs another scenario from now on: actions under way are cancelled, the consoles
   * get the new catalog, a fresh deployments snapshot and its history, and then
   * reconnect if the actions on offer changed.
   */
  switchTo(next: DemoSimulation): void {
    this.runner.cancelAll(`cancelled: the demo switched to the ${next.scenario.name} scenario`);
    const offered = actionNames(this.sim);
    this.sim = next;
    this.log = new DeploymentsLog();
    this.sentCatalog = JSON.stringify(next.catalog());
    this.broadcast('catalog', { series: next.catalog(), replace: true });
    this.broadcast('deployments.snapshot', this.snapshot());
    this.broadcast('samples', { batches: next.historyBatches() });
    if (actionNames(next) === offered) return;
    for (const socket of this.ready) {
      socket.close(SERVICE_RESTART, `switched to ${next.scenario.name}: say hello again`);
    }
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.runner.stop();
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
    // The shared schemas check every request, including each action's args.
    const request = consoleRequestSchema.safeParse(value);
    if (!request.success) {
      const message = `invalid request: ${request.error.issues[0]?.message ?? 'unknown shape'}`;
      return reply(socket, requestId(value), undefined, {
        code: RPC_ERRORS.invalidRequest,
        message,
      });
    }
    const { id } = request.data;
    const refusal = this.outOfTurn(socket, request.data.method);
    if (refusal) return reply(socket, id, undefined, refusal);
    switch (request.data.method) {
      case 'hello':
        return this.hello(socket, id, request.data.params);
      case 'action.submit': {
        const answer = this.runner.submit(request.data.params);
        return 'error' in answer
          ? reply(socket, id, undefined, answer.error)
          : reply(socket, id, answer.result);
      }
      case 'action.get':
        return this.get(socket, id, request.data.params.key);
    }
  }

  /** §3: hello first, and once per connection; anything else is refused and changes nothing. */
  private outOfTurn(
    socket: WebSocket,
    method: string,
  ): { code: number; message: string } | undefined {
    const greeted = this.ready.has(socket);
    if (method === 'hello' && greeted)
      return {
        code: RPC_ERRORS.invalidRequest,
        message: 'hello was already answered on this connection',
      };
    if (method !== 'hello' && !greeted)
      return { code: RPC_ERRORS.invalidRequest, message: `say hello before ${method}` };
    return undefined;
  }

  private hello(socket: WebSocket, id: number, params: HelloParams): void {
    const resumeFrom = params.resume?.deploymentsVersion;
    const changes =
      resumeFrom === undefined ? undefined : this.log.since(resumeFrom, this.sim.resourceVersion);
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: { id: 'demo', name: 'Demo SaaS', version: '1.1.0' },
      roles: ['metrics', 'deployments'],
      actions: [...this.sim.scenario.actions],
      clock: Date.now(),
      heartbeatMs: this.options.heartbeatMs,
      deployments: changes ? 'resumed' : 'relist',
    };
    reply(socket, id, result);
    send(socket, notification('catalog', { series: this.sim.catalog(), replace: true }));
    if (changes)
      for (const change of changes) send(socket, notification('deployments.change', change));
    else send(socket, notification('deployments.snapshot', this.snapshot()));
    send(socket, notification('samples', { batches: this.sim.historyBatches() }));
    // Actions under way, whoever started them: this console sees them through to their outcome.
    for (const status of this.runner.inFlightStatuses())
      send(socket, notification('action.status', status));
    this.ready.add(socket);
  }

  private get(socket: WebSocket, id: number, key: string): void {
    const status = this.runner.get(key);
    if (status) return reply(socket, id, status);
    reply(socket, id, undefined, { code: RPC_ERRORS.unknownAction, message: `no action ${key}` });
  }

  private change(change: DeploymentsChange): void {
    this.log.record(change);
    this.broadcast('deployments.change', change);
  }

  /** A new catalog goes out before the samples of its new series. */
  private refreshCatalog(): void {
    const series = this.sim.catalog();
    const text = JSON.stringify(series);
    if (text === this.sentCatalog) return;
    this.sentCatalog = text;
    this.broadcast('catalog', { series, replace: true });
  }

  private event({ type, subject, data }: DemoEvent): void {
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

  private snapshot() {
    return { resourceVersion: this.sim.resourceVersion, services: this.sim.services };
  }

  /** Events and action results are never dropped, however slow the console. */
  private broadcast(method: string, params: unknown): void {
    const frame = JSON.stringify(notification(method, params));
    for (const socket of this.ready) socket.send(frame);
  }
}

const actionNames = (sim: DemoSimulation): string =>
  sim.scenario.actions.map((a) => a.name).join(',');

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
