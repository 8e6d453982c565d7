// One EndpointLink per endpoint: connect with the watchfloor.v1 subprotocol,
// shake hands, watch for silence, validate every frame, and reconnect with
// jittered backoff. Refusals a retry will not fix (token, protocol version)
// put the link in `failed` and retry only slowly, never in a tight loop.
import { isLinkLive } from '../../../shared/rules/link-liveness';
import { EventEmitter } from 'node:events';
import { rootCertificates } from 'node:tls';
import WebSocket from 'ws';
import type { EndpointStatus, LinkState } from '../../../shared/api/links';
import {
  MAX_FRAME_BYTES,
  SUBPROTOCOL,
  ACTION_NAMES,
  helloResultSchema,
  type EndpointNotification,
  type HelloParams,
  type ActionName,
  type HelloResult,
} from '../../../shared/protocol';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { decodeFrame } from './frame-decoder';
import { classifyClose, classifySocketError, type LinkFault } from './link-faults';
import { LinkStats } from './link-stats';

export interface LinkOptions {
  id: string;
  url: string;
  clientVersion: string;
  source: EndpointStatus['source'];
  token?: string;
  /** Extra CA certificate (PEM) for wss, added to Node's default roots. */
  ca?: string;
  /** Where that CA came from, shown to the user. */
  caFile?: string;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  /** Ping interval; silence for twice this ends the connection. */
  heartbeatMs?: number;
  /** Retry delay after a failure a quick retry will not fix. */
  failedRetryMs?: number;
  /** Supplies the resume point for the deployments watch at each handshake. */
  resume?: () => HelloParams['resume'];
}

interface PendingRequest {
  /** Runs synchronously on the reply, before any later frame is handled. */
  onResult?: (result: unknown) => void;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class RpcCallError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** A request whose outcome is unknown: the endpoint may or may not have acted on it. */
export class RpcNoReplyError extends Error {}

/** No reply within the request's time limit. */
export class RpcTimeoutError extends RpcNoReplyError {
  constructor(method: string, limitMs: number) {
    super(`no reply to ${method} within ${limitMs} ms`);
  }
}

/** The link closed while the request waited for its reply. */
export class LinkLostError extends RpcNoReplyError {
  constructor() {
    super('link lost before the endpoint replied');
  }
}

export interface EndpointLinkEvents {
  status: [EndpointStatus];
  hello: [HelloResult];
  notification: [EndpointNotification];
}

export class EndpointLink extends EventEmitter<EndpointLinkEvents> {
  private socket: WebSocket | undefined;
  /** The connection whose hello was answered: only it may carry other requests. */
  private greeted: WebSocket | undefined;
  private attempt = 0;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private statsTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** Set when we close the socket to dial again at once: not a fault. */
  private redial = false;
  private fault: LinkFault | undefined;
  private lastSeen = 0;
  private pingSentAt = 0;
  readonly stats = new LinkStats();
  private current: EndpointStatus;

  constructor(private readonly options: LinkOptions) {
    super();
    this.current = {
      id: options.id,
      url: options.url,
      name: options.url,
      state: 'connecting',
      actions: [],
      hasToken: Boolean(options.token),
      ...(options.caFile ? { caFile: options.caFile } : {}),
      source: options.source,
      seriesCount: 0,
      ...this.stats.snapshot(Date.now()),
    };
  }

  get status(): EndpointStatus {
    return this.current;
  }

  get heartbeatMs(): number {
    return this.options.heartbeatMs ?? 5_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.statsTimer = setInterval(() => this.refreshStats(), 1_000);
    this.statsTimer.unref();
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.statsTimer);
    this.closeSocket(1000, 'console stopped');
  }

  /** Dials now, skipping any backoff wait. */
  reconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    this.attempt = 0;
    if (this.socket) {
      this.redial = true;
      this.closeSocket(1000, 'reconnect requested');
    } else this.connect();
  }

  /** Records a problem found above the frame level (a dropped sample, a series cap). */
  problem(message: string): void {
    this.stats.problem(message, Date.now());
    this.update({ lastError: message });
  }

  /** Samples the core dropped from an otherwise valid frame. */
  dropped(count: number, message: string): void {
    this.stats.dropped(count, message, Date.now());
    this.update({ lastError: message });
  }

  setSeriesCount(count: number): void {
    if (count !== this.current.seriesCount) this.update({ seriesCount: count });
  }

  /** Sends a JSON-RPC request; rejects on error reply, timeout or a lost link. */
  request(
    method: string,
    params: unknown,
    timeoutMs?: number,
    onResult?: (result: unknown) => void,
  ): Promise<unknown> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error(`endpoint ${this.current.name} is not connected`));
    }
    // §3: hello first and once per connection; the endpoint would refuse anything else.
    if ((method === 'hello') === (this.greeted === socket)) {
      return Promise.reject(
        new Error(
          method === 'hello'
            ? `endpoint ${this.current.name} has already answered hello on this connection`
            : `endpoint ${this.current.name} has not answered hello yet`,
        ),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const limit = timeoutMs ?? this.options.requestTimeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcTimeoutError(method, limit));
      }, limit);
      this.pending.set(id, { onResult, resolve, reject, timer });
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  private connect(): void {
    this.fault = undefined;
    this.update({ state: 'connecting', nextRetryAt: undefined });
    const headers: Record<string, string> = {};
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    const socket = new WebSocket(this.options.url, SUBPROTOCOL, {
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: 5_000,
      perMessageDeflate: false,
      headers,
      // Node's `ca` replaces the default roots: keep them and add the private CA.
      ...(this.options.ca ? { ca: [...rootCertificates, this.options.ca] } : {}),
      // Certificates are always checked; there is deliberately no option to turn that off.
      rejectUnauthorized: true,
    });
    this.socket = socket;
    socket.on('open', () => {
      // Reached the endpoint: earlier refusals no longer describe this link.
      this.update({ lastError: undefined });
      void this.handshake(socket);
    });
    socket.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    socket.on('pong', () => this.onPong());
    socket.on('error', (err) => {
      this.fault ??= classifySocketError(err);
    });
    socket.on('close', (code, reason) => this.onClose(socket, code, reason.toString()));
  }

  private async handshake(socket: WebSocket): Promise<void> {
    if (socket.protocol !== SUBPROTOCOL) {
      this.fault = { kind: 'failed', message: `endpoint does not speak ${SUBPROTOCOL}` };
      socket.close(4002, 'subprotocol required');
      return;
    }
    try {
      const params: HelloParams = {
        protocol: SUBPROTOCOL,
        client: { name: 'Watchfloor', version: this.options.clientVersion },
        clock: Date.now(),
        resume: this.options.resume?.(),
      };
      // The hello reply is applied synchronously: the endpoint's next frames
      // (catalog, deployments) may already be queued behind it.
      await this.request('hello', params, 5_000, (result) =>
        this.onHello(helloResultSchema.parse(result)),
      );
    } catch (err) {
      this.fault = { kind: 'retry', message: `handshake failed: ${summarize(err as Error)}` };
      socket.close(1002, 'handshake failed');
    }
  }

  private onHello(hello: HelloResult): void {
    this.greeted = this.socket;
    this.attempt = 0;
    this.lastSeen = Date.now();
    this.update({
      state: 'open',
      name: hello.endpoint.name,
      actions: hello.actions.map((a) => a.name).filter(isActionName),
      clockSkewMs: hello.clock - Date.now(),
    });
    this.emit('hello', hello);
    this.startHeartbeat();
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    this.lastSeen = Date.now();
    this.stats.frame();
    if (isBinary) return this.reject('binary frame (watchfloor.v1 uses text frames)');
    const frame = decodeFrame(data);
    if (!frame.ok) return this.reject(frame.error);
    if (frame.kind === 'notification') {
      this.emit('notification', frame.message);
      return;
    }
    const reply = frame.message;
    const waiting = reply.id === null ? undefined : this.pending.get(reply.id);
    if (!waiting) return this.reject(`reply to unknown request id ${String(reply.id)}`);
    this.pending.delete(reply.id as number);
    clearTimeout(waiting.timer);
    if ('error' in reply)
      return waiting.reject(new RpcCallError(reply.error.message, reply.error.code));
    try {
      waiting.onResult?.(reply.result);
      waiting.resolve(reply.result);
    } catch (err) {
      waiting.reject(err as Error);
    }
  }

  private reject(reason: string): void {
    this.stats.rejected(`rejected frame: ${reason}`, Date.now());
    this.update({ lastError: `rejected frame: ${reason}` });
  }

  private onPong(): void {
    const now = Date.now();
    this.lastSeen = now;
    this.stats.rtt(now - this.pingSentAt);
  }

  /** Pings every interval; checks four times as often, so silence ends the link within 2×. */
  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    const interval = this.heartbeatMs;
    let ticks = 0;
    this.heartbeatTimer = setInterval(() => {
      const silentFor = Date.now() - this.lastSeen;
      if (silentFor > interval * 1.75) {
        this.fault = {
          kind: 'retry',
          message: `endpoint silent for ${Math.round(silentFor / 1000)} s`,
        };
        this.socket?.terminate();
        return;
      }
      if (ticks++ % 4 === 0) {
        this.pingSentAt = Date.now();
        this.socket?.ping();
      }
    }, interval / 4);
    this.heartbeatTimer.unref();
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    clearInterval(this.heartbeatTimer);
    this.socket = undefined;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new LinkLostError());
      this.pending.delete(id);
    }
    if (this.stopped) return;
    if (this.redial) {
      this.redial = false;
      this.connect();
      return;
    }
    const fault = this.fault ?? classifyClose(code, reason);
    this.stats.fault(fault.message, Date.now());
    this.scheduleReconnect(fault);
  }

  private scheduleReconnect(fault: LinkFault): void {
    const delay =
      fault.kind === 'failed'
        ? (this.options.failedRetryMs ?? 5 * 60_000)
        : backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    const state: LinkState = fault.kind === 'failed' ? 'failed' : 'reconnecting';
    this.update({ state, lastError: fault.message, nextRetryAt: Date.now() + delay });
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private closeSocket(code: number, reason: string): void {
    clearInterval(this.heartbeatTimer);
    const socket = this.socket;
    if (!socket) return;
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(code, reason);
  }

  /** Once a second: counters and the degraded state, without a status per frame. */
  private refreshStats(): void {
    const now = Date.now();
    const snapshot = this.stats.snapshot(now);
    const state = this.current.state;
    let next = state;
    let problem: string | undefined;
    if (isLinkLive(state)) {
      // Degraded only with a problem to name: a clean reconnect reads open at once.
      const silentMs = now - this.lastSeen;
      problem =
        silentMs > this.heartbeatMs * 1.25
          ? `no reply from the endpoint for ${Math.round(silentMs / 1000)} s`
          : this.stats.trouble(now - 30_000)?.message;
      next = problem ? 'degraded' : 'open';
    }
    const named = next === 'degraded' && problem !== this.current.lastError;
    const changed =
      named ||
      next !== state ||
      snapshot.framesReceived !== this.current.framesReceived ||
      snapshot.messageRate !== this.current.messageRate ||
      snapshot.rttMs !== this.current.rttMs;
    if (changed)
      this.update({ ...snapshot, state: next, ...(named ? { lastError: problem } : {}) });
  }

  private update(change: Partial<EndpointStatus>): void {
    const next: EndpointStatus = { ...this.current, ...this.stats.snapshot(Date.now()), ...change };
    for (const key of ['lastError', 'nextRetryAt'] as const) {
      if (key in change && change[key] === undefined) delete next[key];
    }
    this.current = next;
    this.emit('status', next);
  }
}

function summarize(err: Error & { issues?: { path: PropertyKey[]; message: string }[] }): string {
  const issue = err.issues?.[0];
  if (issue) return `invalid hello reply: ${issue.path.map(String).join('.')} ${issue.message}`;
  return err.message.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

function isActionName(name: string): name is ActionName {
  return (ACTION_NAMES as readonly string[]).includes(name);
}
