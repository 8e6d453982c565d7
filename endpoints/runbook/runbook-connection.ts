// One console on the runbook bridge: answers hello (with the actions the
// config maps), then sends the catalog and deployments (a snapshot, or the
// changes since the console's version), the series' backfill, and from then on
// everything live; hands action.submit and action.get to the desk.
import type { WebSocket } from 'ws';
import {
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type HelloParams,
  type HelloResult,
  type SampleBatch,
} from '../../shared/protocol';
import { packCatalog, packSamples } from '../shared/frame-packing';
import { outOfTurn } from '../shared/request-turn';
import type { DeploymentsState } from './deployments-state';
import { SampleFilter, type MetricsFeed } from './metrics-feed';
import type { RunbookDesk } from './runbook-desk';

export interface ConnectionContext {
  endpoint: HelloResult['endpoint'];
  actions: HelloResult['actions'];
  heartbeatMs: number;
  desk: RunbookDesk;
  state: DeploymentsState;
  metrics: MetricsFeed | undefined;
  warn(message: string): void;
}

export class RunbookConnection {
  /** Notifications go only to consoles that said hello and got their first state. */
  ready = false;
  /** Set when hello is answered: a second one is refused, other requests are let in. */
  private greeted = false;
  lastHeard = Date.now();
  private closed = false;
  private readonly filter = new SampleFilter();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: ConnectionContext,
  ) {
    socket.on('message', (data, isBinary) => {
      this.lastHeard = Date.now();
      this.onMessage(String(data), isBinary);
    });
    socket.on('pong', () => (this.lastHeard = Date.now()));
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
  }

  notify(method: string, params: unknown): void {
    if (this.ready) this.send({ jsonrpc: '2.0', method, params });
  }

  close(): void {
    this.closed = true;
    this.ready = false;
    this.unsubscribe?.();
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
    const refusal = outOfTurn(request.data.method, this.greeted);
    if (refusal) return this.reply(id, undefined, refusal);
    switch (request.data.method) {
      case 'hello':
        return void this.hello(id, request.data.params).catch((err: Error) =>
          this.context.warn(`hello failed: ${err.message}`),
        );
      case 'action.submit': {
        const answer = this.context.desk.submit(request.data.params);
        return 'error' in answer
          ? this.reply(id, undefined, answer.error)
          : this.reply(id, answer.result);
      }
      case 'action.get': {
        const key = request.data.params.key;
        const status = this.context.desk.get(key);
        if (status) return this.reply(id, status);
        return this.reply(id, undefined, {
          code: RPC_ERRORS.unknownAction,
          message: `no action ${key}`,
        });
      }
    }
  }

  private async hello(id: number, params: HelloParams): Promise<void> {
    const { state, metrics } = this.context;
    const resumeFrom = params.resume?.deploymentsVersion;
    const changes = resumeFrom === undefined ? undefined : state.since(resumeFrom);
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: this.context.endpoint,
      roles: metrics ? ['metrics', 'deployments'] : ['deployments'],
      actions: this.context.actions,
      clock: Date.now(),
      heartbeatMs: this.context.heartbeatMs,
      deployments: changes ? 'resumed' : 'relist',
    };
    this.reply(id, result);
    this.greeted = true;
    for (const [index, series] of packCatalog(metrics?.catalog ?? []).entries()) {
      this.send({
        jsonrpc: '2.0',
        method: 'catalog',
        params: index === 0 ? { series, replace: true } : { series },
      });
    }
    if (changes) for (const change of changes) this.sendNow('deployments.change', change);
    else
      this.sendNow('deployments.snapshot', {
        resourceVersion: state.resourceVersion,
        services: state.services,
      });
    this.ready = true;
    if (metrics) await this.startSamples(metrics);
    // Actions under way, whoever started them: this console sees them through to their outcome.
    for (const status of this.context.desk.inFlightStatuses()) this.notify('action.status', status);
  }

  private async startSamples(metrics: MetricsFeed): Promise<void> {
    for (const { series, message } of metrics.poller.errors()) {
      this.notify('series.error', message === undefined ? { series } : { series, message });
    }
    let history: SampleBatch[] = [];
    try {
      history = await metrics.poller.backfill();
    } catch (err) {
      this.context.warn(`backfill failed: ${(err as Error).message}`);
    }
    if (this.closed) return;
    this.samples(history);
    this.unsubscribe = metrics.poller.subscribe({
      samples: (batches) => this.samples(batches),
      seriesError: (series, message) =>
        this.notify('series.error', message === undefined ? { series } : { series, message }),
    });
  }

  private samples(batches: SampleBatch[]): void {
    for (const frame of packSamples(this.filter.fresh(batches)))
      this.notify('samples', { batches: frame });
  }

  private sendNow(method: string, params: unknown): void {
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
    if (!this.closed) this.socket.send(JSON.stringify(message));
  }
}

function requestId(value: unknown): number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
