// One console on the Buildbot bridge: answers its hello (resuming its
// deployments watch when the log still reaches back to its version), sends
// the catalog, deployments, series errors and backfill, then everything the
// poller reports; hands actions to the retry desk.
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type ActionStatus,
  type CloudEvent,
  type DeploymentsChange,
  type HelloParams,
  type HelloResult,
  type SampleBatch,
  type SeriesInfo,
} from '../../shared/protocol';
import { packCatalog, packSamples } from '../shared/frame-packing';
import { outOfTurn } from '../shared/request-turn';
import type { BuildbotPoller, PollerListener } from './buildbot-poller';
import type { RetryDesk } from './retry-desk';

export interface ConnectionContext {
  poller: BuildbotPoller;
  desk: RetryDesk;
  endpoint: HelloResult['endpoint'];
  heartbeatMs: number;
  warn: (message: string) => void;
}

/** Above this, a console is slow: live samples wait (the next poll sends newer ones). */
const SLOW_BYTES = 4 * 1024 * 1024;
/** Above this, it is hopeless: close with 4003 and let it reconnect. */
const HOPELESS_BYTES = 64 * 1024 * 1024;

export const RETRY_ACTION = { name: 'build.retry', title: 'Retry a build in Buildbot' };

export class ConsoleConnection implements PollerListener {
  private phase: 'new' | 'live' | 'closed' = 'new';
  private readonly lastSent = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;
  /** When we last heard anything (a frame or a pong), for the liveness check. */
  lastHeard = Date.now();

  constructor(
    private readonly socket: WebSocket,
    private readonly context: ConnectionContext,
  ) {
    socket.on('message', (data, isBinary) => {
      this.lastHeard = Date.now();
      this.onMessage(String(data), isBinary);
    });
    for (const sign of ['pong', 'ping'] as const) {
      socket.on(sign, () => {
        this.lastHeard = Date.now();
      });
    }
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
  }

  catalog(series: SeriesInfo[]): void {
    if (this.phase !== 'live') return;
    this.sendCatalog(series);
  }

  deployments(change: DeploymentsChange): void {
    if (this.phase === 'live') this.notify('deployments.change', change);
  }

  event(event: CloudEvent): void {
    if (this.phase === 'live') this.notify('event', event);
  }

  actionStatus(status: ActionStatus): void {
    if (this.phase === 'live') this.notify('action.status', status);
  }

  samples(batches: SampleBatch[]): void {
    if (this.phase !== 'live') return;
    if (this.socket.bufferedAmount > HOPELESS_BYTES) {
      this.socket.close(CLOSE_CODES.slowConsumer, 'too slow');
      return;
    }
    if (this.socket.bufferedAmount > SLOW_BYTES) return;
    this.sendSamples(batches);
  }

  seriesError(series: string, message: string | undefined): void {
    if (this.phase !== 'live') return;
    this.notify('series.error', message === undefined ? { series } : { series, message });
  }

  close(): void {
    this.phase = 'closed';
    this.unsubscribe?.();
    this.unsubscribe = undefined;
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
    const refusal = outOfTurn(request.data.method, this.phase !== 'new');
    if (refusal) return this.reply(id, undefined, refusal);
    switch (request.data.method) {
      case 'hello':
        return this.hello(id, request.data.params);
      case 'action.submit':
        return void this.context.desk.submit(request.data.params).then(
          (answer) =>
            'error' in answer
              ? this.reply(id, undefined, answer.error)
              : this.reply(id, answer.result),
          (err: Error) =>
            this.reply(id, undefined, { code: RPC_ERRORS.internalError, message: err.message }),
        );
      case 'action.get': {
        const status = this.context.desk.get(request.data.params.key);
        if (status) return this.reply(id, status);
        return this.reply(id, undefined, {
          code: RPC_ERRORS.unknownAction,
          message: `no action ${request.data.params.key} (this bridge process has no record of it)`,
        });
      }
    }
  }

  private hello(id: number, params: HelloParams): void {
    const { poller } = this.context;
    const from = params.resume?.deploymentsVersion;
    const changes = from === undefined ? undefined : poller.log.since(from);
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: this.context.endpoint,
      roles: ['metrics', 'deployments'],
      actions: [RETRY_ACTION],
      clock: Date.now(),
      heartbeatMs: this.context.heartbeatMs,
      deployments: changes ? 'resumed' : 'relist',
    };
    this.reply(id, result);
    this.phase = 'live';
    this.sendCatalog(poller.catalog());
    if (changes) for (const change of changes) this.notify('deployments.change', change);
    else this.notify('deployments.snapshot', poller.log.snapshot());
    for (const { series, message } of poller.seriesErrors()) this.seriesError(series, message);
    this.sendSamples(poller.history());
    // Retries under way, whoever started them: this console sees them through to their outcome.
    for (const status of this.context.desk.inFlightStatuses()) this.actionStatus(status);
    this.unsubscribe = poller.subscribe(this);
  }

  private sendCatalog(series: SeriesInfo[]): void {
    const frames = packCatalog(series);
    if (frames.length === 0) return this.notify('catalog', { series: [], replace: true });
    frames.forEach((part, index) => {
      this.notify('catalog', index === 0 ? { series: part, replace: true } : { series: part });
    });
  }

  /** Sends only points later than the last one this console got, per series. */
  private sendSamples(batches: SampleBatch[]): void {
    const fresh: SampleBatch[] = [];
    for (const batch of batches) {
      const after = this.lastSent.get(batch.series) ?? -Infinity;
      const points = batch.points.filter(([time]) => time > after);
      const last = points.at(-1);
      if (!last) continue;
      this.lastSent.set(batch.series, last[0]);
      fresh.push({ series: batch.series, points });
    }
    for (const frame of packSamples(fresh)) this.notify('samples', { batches: frame });
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private reply(
    id: number | null,
    result?: unknown,
    error?: { code: number; message: string },
  ): void {
    this.send(error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result });
  }

  private send(message: unknown): void {
    if (this.phase === 'closed') return;
    this.socket.send(JSON.stringify(message));
  }
}

function requestId(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
