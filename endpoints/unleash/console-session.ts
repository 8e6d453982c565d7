// One console on the Unleash bridge: answers its hello (resuming the
// deployments watch when it can), then sends the catalog, the deployments,
// series errors, the backfill, and from then on everything as it happens.
// Actions go to the shared desk; their statuses reach every console.
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type HelloParams,
  type HelloResult,
  type SampleBatch,
  type SeriesInfo,
} from '../../shared/protocol';
import { packCatalog, packSamples } from '../shared/frame-packing';
import { outOfTurn } from '../shared/request-turn';
import type { ActionDesk } from './action-desk';
import type { DeploymentsWatch } from './deployments-watch';
import type { MetricsPoller } from './metrics-poller';

export interface SessionContext {
  watch: DeploymentsWatch;
  metrics: MetricsPoller | undefined;
  desk: ActionDesk;
  endpoint: HelloResult['endpoint'];
  actions: HelloResult['actions'];
  heartbeatMs: number;
}

/** Above this a console is slow: samples wait; above the second it is closed (4003). */
const SLOW_BYTES = 4 * 1024 * 1024;
const HOPELESS_BYTES = 64 * 1024 * 1024;

export class ConsoleSession {
  private live = false;
  private closed = false;
  private readonly lastSent = new Map<string, number>();
  lastHeard = Date.now();

  constructor(
    private readonly socket: WebSocket,
    private readonly context: SessionContext,
  ) {
    socket.on('message', (data, isBinary) => {
      this.lastHeard = Date.now();
      this.onMessage(String(data), isBinary);
    });
    for (const sign of ['pong', 'ping'] as const)
      socket.on(sign, () => (this.lastHeard = Date.now()));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  /** Deployment changes, events and action statuses: never dropped. */
  notify(method: string, params: unknown): void {
    if (!this.live || this.closed) return;
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  catalog(series: SeriesInfo[]): void {
    packCatalog(series).forEach((part, index) =>
      this.notify('catalog', index === 0 ? { series: part, replace: true } : { series: part }),
    );
  }

  samples(batches: SampleBatch[]): void {
    if (!this.live || this.closed) return;
    if (this.socket.bufferedAmount > HOPELESS_BYTES) {
      this.socket.close(CLOSE_CODES.slowConsumer, 'too slow');
      return;
    }
    if (this.socket.bufferedAmount > SLOW_BYTES) return;
    const fresh = batches.flatMap((batch) => {
      const after = this.lastSent.get(batch.series) ?? -Infinity;
      const points = batch.points.filter(([time]) => time > after);
      const last = points.at(-1);
      if (!last) return [];
      this.lastSent.set(batch.series, last[0]);
      return [{ series: batch.series, points }];
    });
    for (const frame of packSamples(fresh)) this.notify('samples', { batches: frame });
  }

  private onMessage(text: string, isBinary: boolean): void {
    let value: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      value = JSON.parse(text);
    } catch {
      return this.reply(null, undefined, { code: RPC_ERRORS.parseError, message: 'parse error' });
    }
    const request = consoleRequestSchema.safeParse(value);
    if (!request.success) {
      const message = `invalid request: ${request.error.issues[0]?.message ?? 'unknown shape'}`;
      return this.reply(requestId(value), undefined, { code: RPC_ERRORS.invalidRequest, message });
    }
    const { id } = request.data;
    const refusal = outOfTurn(request.data.method, this.live);
    if (refusal) return this.reply(id, undefined, refusal);
    switch (request.data.method) {
      case 'hello':
        return this.hello(id, request.data.params);
      case 'action.submit': {
        const answer = this.context.desk.submit(request.data.params);
        return 'error' in answer
          ? this.reply(id, undefined, answer.error)
          : this.reply(id, answer.result);
      }
      case 'action.get': {
        const { key } = request.data.params;
        const status = this.context.desk.get(key);
        if (status) return this.reply(id, status);
        return this.reply(id, undefined, {
          code: RPC_ERRORS.unknownAction,
          message: `no action ${key} on this bridge`,
        });
      }
    }
  }

  private hello(id: number, params: HelloParams): void {
    const { watch, metrics } = this.context;
    const resumeFrom = params.resume?.deploymentsVersion;
    const changes = resumeFrom === undefined ? undefined : watch.since(resumeFrom);
    this.reply(id, {
      protocol: SUBPROTOCOL,
      endpoint: this.context.endpoint,
      roles: metrics ? ['metrics', 'deployments'] : ['deployments'],
      actions: this.context.actions,
      clock: Date.now(),
      heartbeatMs: this.context.heartbeatMs,
      deployments: changes ? 'resumed' : 'relist',
    } satisfies HelloResult);
    this.live = true;
    if (metrics) this.catalog(metrics.catalog());
    if (changes) for (const change of changes) this.notify('deployments.change', change);
    else
      this.notify('deployments.snapshot', {
        resourceVersion: watch.resourceVersion,
        services: watch.current.services,
      });
    if (metrics) {
      for (const { series, message } of metrics.errors())
        this.notify('series.error', { series, message });
      this.samples(metrics.backfill());
    }
    // Actions under way, whoever started them: this console sees them through to their outcome.
    for (const status of this.context.desk.inFlightStatuses()) this.notify('action.status', status);
  }

  private reply(
    id: number | null,
    result?: unknown,
    error?: { code: number; message: string },
  ): void {
    if (this.closed) return;
    this.socket.send(
      JSON.stringify(error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result }),
    );
  }
}

function requestId(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
