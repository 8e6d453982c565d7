// One EndpointLink per endpoint: connect with the watchfloor.v1 subprotocol,
// shake hands, keep the socket alive with pings, validate every frame, and
// reconnect with jittered backoff for as long as the console runs.
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { EndpointStatus } from '../../shared/console-api';
import {
  MAX_FRAME_BYTES,
  SUBPROTOCOL,
  helloResultSchema,
  type EndpointNotification,
  type HelloResult,
} from '../../shared/protocol';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { decodeFrame } from './frame-decoder';

export interface LinkOptions {
  id: string;
  url: string;
  clientVersion: string;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  heartbeatMs?: number;
}

interface PendingRequest {
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

export interface EndpointLinkEvents {
  status: [EndpointStatus];
  notification: [EndpointNotification];
}

export class EndpointLink extends EventEmitter<EndpointLinkEvents> {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private awaitingPong = false;
  private stopped = true;
  /** The socket's own error, which explains its close better than the close code. */
  private socketError: string | undefined;
  private current: EndpointStatus;

  constructor(private readonly options: LinkOptions) {
    super();
    this.current = {
      id: options.id,
      url: options.url,
      name: options.url,
      state: 'disconnected',
      actions: [],
      framesRejected: 0,
    };
  }

  get status(): EndpointStatus {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.closeSocket('console stopped');
  }

  /** Sends a JSON-RPC request; rejects on error reply, timeout or a lost link. */
  request(method: string, params: unknown, timeoutMs?: number): Promise<unknown> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error(`endpoint ${this.options.id} is not connected`));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const limit = timeoutMs ?? this.options.requestTimeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${method} within ${limit} ms`));
      }, limit);
      this.pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  private connect(): void {
    this.update({ state: 'connecting' });
    this.socketError = undefined;
    const socket = new WebSocket(this.options.url, SUBPROTOCOL, {
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: 5_000,
      perMessageDeflate: false,
    });
    this.socket = socket;
    socket.on('open', () => {
      // Reached the endpoint: earlier refusals no longer describe this link.
      this.update({ lastError: undefined });
      void this.handshake(socket);
    });
    socket.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    socket.on('pong', () => (this.awaitingPong = false));
    socket.on('error', (err) => {
      this.socketError = describeSocketError(err);
      this.update({ lastError: this.socketError });
    });
    socket.on('close', (code, reason) => this.onClose(socket, code, reason.toString()));
  }

  private async handshake(socket: WebSocket): Promise<void> {
    if (socket.protocol !== SUBPROTOCOL) {
      this.update({ lastError: `endpoint did not accept subprotocol ${SUBPROTOCOL}` });
      socket.close(1002, 'subprotocol required');
      return;
    }
    try {
      const params = {
        protocol: SUBPROTOCOL,
        client: { name: 'Watchfloor', version: this.options.clientVersion },
        clock: Date.now(),
      };
      const hello = helloResultSchema.parse(await this.request('hello', params, 5_000));
      this.onHello(hello);
    } catch (err) {
      this.update({ lastError: `handshake failed: ${(err as Error).message}` });
      socket.close(1002, 'handshake failed');
    }
  }

  private onHello(hello: HelloResult): void {
    this.attempt = 0;
    this.update({
      state: 'connected',
      name: hello.endpoint.name,
      actions: hello.actions,
      clockSkewMs: hello.clock - Date.now(),
    });
    this.startHeartbeat();
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
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
    if ('error' in reply) waiting.reject(new RpcCallError(reply.error.message, reply.error.code));
    else waiting.resolve(reply.result);
  }

  private reject(reason: string): void {
    this.update({
      framesRejected: this.current.framesRejected + 1,
      lastError: `rejected frame: ${reason}`,
    });
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.awaitingPong = false;
    this.heartbeatTimer = setInterval(() => {
      if (this.awaitingPong) {
        this.update({ lastError: 'no pong from endpoint: link presumed dead' });
        this.socket?.terminate();
        return;
      }
      this.awaitingPong = true;
      this.socket?.ping();
    }, this.options.heartbeatMs ?? 10_000);
    this.heartbeatTimer.unref();
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    clearInterval(this.heartbeatTimer);
    this.socket = undefined;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('link lost before the endpoint replied'));
      this.pending.delete(id);
    }
    const why =
      this.socketError ??
      (reason || (code === 1006 ? 'connection lost' : `closed with code ${code}`));
    const lastError = this.current.state === 'connected' ? why : (this.current.lastError ?? why);
    this.update({ state: 'disconnected', lastError: this.stopped ? undefined : lastError });
    if (!this.stopped) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private closeSocket(reason: string): void {
    clearInterval(this.heartbeatTimer);
    const socket = this.socket;
    if (!socket) return;
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(1000, reason);
  }

  private update(change: Partial<EndpointStatus>): void {
    const next = { ...this.current, ...change };
    if ('lastError' in change && change.lastError === undefined) delete next.lastError;
    this.current = next;
    this.emit('status', next);
  }
}

function describeSocketError(err: Error & { code?: string }): string {
  if (err.code === 'ECONNREFUSED') return 'connection refused';
  if (err.code === 'ENOTFOUND') return 'host not found';
  return err.message;
}
