// JSON-RPC requests from send to settle: ids, a 10 s deadline each, and which
// ones have gone out on the current socket (those are lost with it).
import { rpcErrorSchema } from '../../../shared/protocol';
import type { ResultParser } from './bridge-connection';

export const REQUEST_TIMEOUT_MS = 10_000;

interface PendingRequest {
  method: string;
  frame: string;
  sent: boolean;
  parser: ResultParser<unknown>;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: number;
}

export class RpcRequests {
  private readonly pending = new Map<number, PendingRequest>();
  private nextId = 1;

  add<T>(method: string, params: unknown, parser: ResultParser<T>): Promise<T> {
    const id = this.nextId++;
    const frame = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = window.setTimeout(
        () =>
          this.fail(
            id,
            new Error(`${method} timed out after 10 s: no reply from the console host`),
          ),
        REQUEST_TIMEOUT_MS,
      );
      const entry = { method, frame, sent: false, parser, reject, timer };
      this.pending.set(id, { ...entry, resolve: (value) => resolve(value as T) });
    });
  }

  /** Frames not yet sent, marked as sent. A timed-out request is gone, so never sent late. */
  takeUnsent(): string[] {
    const frames: string[] = [];
    for (const entry of this.pending.values()) {
      if (entry.sent) continue;
      entry.sent = true;
      frames.push(entry.frame);
    }
    return frames;
  }

  settle(id: number, response: Record<string, unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if ('error' in response) return this.fail(id, new Error(errorText(response.error)));
    const parsed = entry.parser.safeParse(response.result);
    if (parsed.success) {
      this.forget(id);
      entry.resolve(parsed.data);
    } else {
      this.fail(id, new Error(`${entry.method}: the console host sent a malformed result`));
    }
  }

  /** The socket closed: replies to what it carried will never come. */
  failSent(error: Error): void {
    for (const [id, entry] of this.pending) if (entry.sent) this.fail(id, error);
  }

  private fail(id: number, error: Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.forget(id);
    entry.reject(error);
  }

  private forget(id: number): void {
    const entry = this.pending.get(id);
    if (entry) window.clearTimeout(entry.timer);
    this.pending.delete(id);
  }
}

function errorText(error: unknown): string {
  const parsed = rpcErrorSchema.safeParse(error);
  return parsed.success ? parsed.data.message : 'The console host sent a malformed error';
}
