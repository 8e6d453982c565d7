// One browser tab's socket: JSON-RPC requests for the ConsoleApi in, replies
// and the delta stream out. A tab that cannot keep up is disconnected so it
// reconnects and reloads the state, instead of the host buffering without end.
import type { WebSocket } from 'ws';
import { WEB_RPC, actionRequestSchema, type ConsoleApi } from '../../shared/console-api';
import { RPC_ERRORS } from '../../shared/protocol';

const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function serveConsoleSocket(socket: WebSocket, api: ConsoleApi): void {
  const unsubscribe = api.onDelta((delta) => {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1013, 'client too slow: reload the state');
      return;
    }
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: WEB_RPC.delta, params: delta }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', (data, isBinary) => {
    if (isBinary)
      return reply(socket, null, { code: RPC_ERRORS.invalidRequest, message: 'text frames only' });
    void handle(socket, api, String(data));
  });
}

async function handle(socket: WebSocket, api: ConsoleApi, text: string): Promise<void> {
  let request: { id?: unknown; method?: unknown; params?: unknown };
  try {
    request = JSON.parse(text) as typeof request;
  } catch {
    return reply(socket, null, { code: RPC_ERRORS.parseError, message: 'malformed JSON' });
  }
  const id = typeof request.id === 'number' ? request.id : null;
  try {
    if (request.method === WEB_RPC.getState)
      return reply(socket, id, undefined, await api.getState());
    if (request.method === WEB_RPC.submitAction) {
      const parsed = actionRequestSchema.safeParse(request.params);
      if (!parsed.success) {
        const message = `invalid action request: ${parsed.error.issues[0]?.message ?? ''}`;
        return reply(socket, id, { code: RPC_ERRORS.invalidParams, message });
      }
      return reply(socket, id, undefined, await api.submitAction(parsed.data));
    }
    reply(socket, id, {
      code: RPC_ERRORS.methodNotFound,
      message: `unknown method ${String(request.method)}`,
    });
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
  socket.send(JSON.stringify(body));
}
