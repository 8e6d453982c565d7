// One browser tab's socket: JSON-RPC requests for the ConsoleApi in, replies
// and the delta stream out. A tab that cannot keep up is disconnected so it
// reconnects and reloads the state, instead of the host buffering without end.
import type { WebSocket } from 'ws';
import { WEB_RPC_DELTA, webRpcName } from '../../shared/api/console-channels';
import {
  CONSOLE_METHODS,
  checkCall,
  invokeCall,
  unknownMethod,
  type ConsoleApi,
  type ConsoleMethod,
} from '../../shared/api/contract';
import { CLOSE_CODES, RPC_ERRORS } from '../../shared/protocol';

const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** A snapshot opened from the page arrives base64 in one frame. */
export const MAX_REQUEST_BYTES = 300 * 1024 * 1024;

/** JSON-RPC name -> contract method; a Map, so no prototype key can pass for a method. */
const METHODS = new Map<string, ConsoleMethod>(CONSOLE_METHODS.map((m) => [webRpcName(m), m]));

export function serveConsoleSocket(socket: WebSocket, api: ConsoleApi): void {
  const unsubscribe = api.onDelta((delta) => {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(CLOSE_CODES.slowConsumer, 'client too slow: reload the state');
      return;
    }
    let frame: string;
    try {
      frame = JSON.stringify({ jsonrpc: '2.0', method: WEB_RPC_DELTA, params: delta });
    } catch (err) {
      // The tab reconnects and reloads the state rather than miss a delta silently.
      console.error('watchfloor: could not send a delta to a tab:', (err as Error).message);
      socket.close(CLOSE_CODES.slowConsumer, 'delta not serialisable: reload the state');
      return;
    }
    socket.send(frame);
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      return reply(socket, null, { code: RPC_ERRORS.invalidRequest, message: 'text frames only' });
    }
    // Whatever a request holds, it earns an error reply, never an unhandled rejection.
    handle(socket, api, String(data)).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : 'request failed';
      reply(socket, null, { code: RPC_ERRORS.internalError, message });
    });
  });
}

async function handle(socket: WebSocket, api: ConsoleApi, text: string): Promise<void> {
  let request: { id?: unknown; method?: unknown; params?: unknown };
  try {
    request = JSON.parse(text) as typeof request;
  } catch {
    return reply(socket, null, { code: RPC_ERRORS.parseError, message: 'malformed JSON' });
  }
  if (typeof request !== 'object' || request === null) {
    return reply(socket, null, { code: RPC_ERRORS.invalidRequest, message: 'not a request' });
  }
  const id = typeof request.id === 'number' ? request.id : null;
  const method = typeof request.method === 'string' ? METHODS.get(request.method) : undefined;
  if (!method) {
    const message = unknownMethod(request.method);
    return reply(socket, id, { code: RPC_ERRORS.methodNotFound, message });
  }
  const checked = checkCall(method, request.params ?? []);
  if (!checked.ok) {
    return reply(socket, id, { code: RPC_ERRORS.invalidParams, message: checked.message });
  }
  try {
    reply(socket, id, undefined, (await invokeCall(api, checked.method, checked.args)) ?? null);
  } catch (err) {
    reply(socket, id, { code: RPC_ERRORS.internalError, message: (err as Error).message });
  }
}

function reply(
  socket: WebSocket,
  id: number | null,
  error?: { code: number; message: string },
  result?: unknown,
): void {
  if (socket.readyState !== socket.OPEN) return;
  const body = error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result };
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    const failed = { code: RPC_ERRORS.internalError, message: 'reply not serialisable' };
    text = JSON.stringify({ jsonrpc: '2.0', id, error: failed });
  }
  socket.send(text);
}
