// One connection of the kit to the endpoint: a real WebSocket client that
// dials like the console (subprotocol, bearer token, 1 MiB limit, no
// compression), checks every frame it receives, and records pings, pongs and
// how the connection ended.
import WebSocket from 'ws';
import { MAX_FRAME_BYTES, SUBPROTOCOL, type HelloParams } from '../../shared/protocol';
import { checkFrame, type CheckedFrame } from './frame-check';

export interface DialOptions {
  token?: string;
  /** Subprotocols offered; the console offers exactly watchfloor.v1. */
  protocols?: string[];
  /** False: never answer the endpoint's pings (to see what a silent console gets). */
  autoPong?: boolean;
}

export type DialResult =
  { ok: true; probe: ProbeSocket } | { ok: false; status?: number; error: string };

export interface Closing {
  code: number;
  reason: string;
  at: number;
  /** True when the endpoint closed first. */
  byEndpoint: boolean;
}

export interface RpcErrorReply {
  code: number;
  message: string;
}

export type Reply =
  | { ok: true; frame: CheckedFrame; result?: unknown; error?: RpcErrorReply }
  | { ok: false; why: string };

export const HELLO_LIMIT_MS = 5_000;

export class ProbeSocket {
  readonly frames: CheckedFrame[] = [];
  readonly endpointPings: number[] = [];
  closing: Closing | undefined;
  private nextId = 1;
  private closingByUs = false;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    // A protocol error (an oversized or broken frame) ends in 'close', which records it.
    socket.on('error', () => undefined);
    socket.on('message', (data: Buffer, binary: boolean) => {
      this.frames.push(checkFrame(data, binary));
      this.wake();
    });
    socket.on('ping', () => this.endpointPings.push(Date.now()));
    socket.on('close', (code, reason) => {
      const byEndpoint = !this.closingByUs;
      this.closing = { code, reason: reason.toString(), at: Date.now(), byEndpoint };
      this.wake();
    });
  }

  static dial(url: string, options: DialOptions = {}): Promise<DialResult> {
    const socket = new WebSocket(url, options.protocols ?? [SUBPROTOCOL], {
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: HELLO_LIMIT_MS,
      perMessageDeflate: false,
      autoPong: options.autoPong ?? true,
      headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    });
    return new Promise((resolve) => {
      socket.once('unexpected-response', (request, response) => {
        resolve({ ok: false, status: response.statusCode, error: `HTTP ${response.statusCode}` });
        request.destroy();
      });
      socket.once('error', (err) => resolve({ ok: false, error: err.message }));
      socket.once('open', () => resolve({ ok: true, probe: new ProbeSocket(socket) }));
    });
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a request and waits for the response with its id. */
  async request(method: string, params: unknown, timeoutMs = 10_000): Promise<Reply> {
    const id = this.nextId++;
    if (!this.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }))) {
      return { ok: false, why: `the connection was closed before ${method} could be sent` };
    }
    const frame = await this.waitFor((f) => f.method === undefined && f.id === id, timeoutMs);
    if (!frame) return { ok: false, why: this.silence(`the reply to ${method}`, timeoutMs) };
    const { result, error } = frame.value as { result?: unknown; error?: RpcErrorReply };
    return { ok: true, frame, result, error };
  }

  hello(resume?: HelloParams['resume'], protocol: string = SUBPROTOCOL): Promise<Reply> {
    const params = {
      protocol,
      client: { name: 'Watchfloor', version: 'conformance-kit' },
      clock: Date.now(),
      ...(resume ? { resume } : {}),
    };
    return this.request('hello', params, HELLO_LIMIT_MS);
  }

  /** Sends raw text or bytes; false when the connection is not open. */
  send(data: string | Buffer): boolean {
    if (!this.open) return false;
    this.socket.send(data);
    return true;
  }

  /** The first frame (received already or within the time) that matches. */
  waitFor(
    match: (frame: CheckedFrame) => boolean,
    timeoutMs: number,
  ): Promise<CheckedFrame | undefined> {
    return this.until(() => this.frames.find(match), timeoutMs);
  }

  /** Resolves with how the connection ended, or undefined if it is still open after the time. */
  waitClosed(timeoutMs: number): Promise<Closing | undefined> {
    return this.until(() => this.closing, timeoutMs);
  }

  /** Pings and resolves with the round trip, or undefined without a pong in time. */
  ping(timeoutMs: number): Promise<number | undefined> {
    if (!this.open) return Promise.resolve(undefined);
    const sent = Date.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.socket.once('pong', () => {
        clearTimeout(timer);
        resolve(Date.now() - sent);
      });
      this.socket.ping();
    });
  }

  close(): Promise<void> {
    if (this.closing) return Promise.resolve();
    this.closingByUs = true;
    this.socket.close(1000, 'conformance check done');
    return this.waitClosed(2_000).then((closed) => {
      if (!closed) this.socket.terminate();
    });
  }

  private silence(what: string, timeoutMs: number): string {
    const end = this.closing;
    return end
      ? `the endpoint closed the connection (${end.code} ${end.reason}) before ${what}`
      : `no ${what} within ${timeoutMs} ms`;
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const now = probe();
    if (now !== undefined || this.closing) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = () => {
        const found = probe();
        if (found === undefined && !this.closing) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(probe());
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
