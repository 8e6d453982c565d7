// One console on the bridge: answers its hello, sends the catalog, the series
// errors, the backfill and then live samples (never a point it already sent),
// and turns down actions (the bridge only watches).
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  type HelloResult,
  type SampleBatch,
  type SeriesInfo,
} from '../../shared/protocol';
import { packCatalog, packSamples } from '../shared/frame-packing';
import { outOfTurn } from '../shared/request-turn';
import type { PollerListener, QueryPoller } from './query-poller';

export interface ConnectionContext {
  poller: QueryPoller;
  catalog: SeriesInfo[];
  endpoint: HelloResult['endpoint'];
  heartbeatMs: number;
  warn: (message: string) => void;
}

/** Above this, a console is slow: live samples wait (the next tick sends newer ones). */
const SLOW_BYTES = 4 * 1024 * 1024;
/** Above this, it is hopeless: close with 4003 and let it reconnect. */
const HOPELESS_BYTES = 64 * 1024 * 1024;

export class ConsoleConnection implements PollerListener {
  /** `new` until hello; `catalogued` while the backfill is fetched; then `live`. */
  private phase: 'new' | 'catalogued' | 'live' | 'closed' = 'new';
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

  samples(batches: SampleBatch[]): void {
    if (this.phase !== 'live') return;
    if (this.socket.bufferedAmount > HOPELESS_BYTES) {
      this.socket.close(CLOSE_CODES.slowConsumer, 'too slow');
      return;
    }
    // A slow console misses this tick: the wall shows a short gap rather than falling behind.
    if (this.socket.bufferedAmount > SLOW_BYTES) return;
    this.sendSamples(batches);
  }

  seriesError(series: string, message: string | undefined): void {
    if (this.phase === 'new' || this.phase === 'closed') return;
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
      return this.reply(requestId(value), undefined, {
        code: RPC_ERRORS.invalidRequest,
        message,
      });
    }
    const { id } = request.data;
    const refusal = outOfTurn(request.data.method, this.phase !== 'new');
    if (refusal) return this.reply(id, undefined, refusal);
    switch (request.data.method) {
      case 'hello':
        return void this.hello(id).catch((err: Error) => {
          this.context.warn(`hello failed: ${err.message}`);
        });
      case 'action.submit':
        return this.reply(id, {
          accepted: false,
          reason: 'the Prometheus bridge only reads metrics; it carries out no actions',
        });
      case 'action.get':
        return this.reply(id, undefined, {
          code: RPC_ERRORS.unknownAction,
          message: `no action ${request.data.params.key}: the Prometheus bridge carries out no actions`,
        });
    }
  }

  private async hello(id: number): Promise<void> {
    const result: HelloResult = {
      protocol: SUBPROTOCOL,
      endpoint: this.context.endpoint,
      roles: ['metrics'],
      actions: [],
      clock: Date.now(),
      heartbeatMs: this.context.heartbeatMs,
    };
    this.reply(id, result);
    packCatalog(this.context.catalog).forEach((series, index) => {
      this.notify('catalog', index === 0 ? { series, replace: true } : { series });
    });
    this.phase = 'catalogued';
    // Every known state, clears included: this console may hold errors that ended while it was away.
    for (const { series, message } of this.context.poller.errors()) {
      this.seriesError(series, message);
    }
    this.unsubscribe = this.context.poller.subscribe(this);
    let history: SampleBatch[] = [];
    try {
      history = await this.context.poller.backfill();
    } catch (err) {
      this.context.warn(`backfill failed: ${(err as Error).message}`);
    }
    if (this.phase !== 'catalogued') return;
    this.sendSamples(history);
    this.phase = 'live';
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
