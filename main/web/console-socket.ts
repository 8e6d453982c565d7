// One browser tab's socket: JSON-RPC requests for the ConsoleApi in, replies
// and the delta stream out. A tab that cannot keep up is disconnected so it
// reconnects and reloads the state, instead of the host buffering without end.
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { WEB_RPC, alertIdParamSchema, type ConsoleApi } from '../../shared/api/console-api';
import { actionRequestSchema } from '../../shared/api/actions';
import {
  endpointConfigSchema,
  endpointIdParamSchema,
  endpointUpdateSchema,
} from '../../shared/api/links';
import { auditQuerySchema } from '../../shared/api/audit';
import {
  snapshotAnnotateSchema,
  snapshotExportSchema,
  snapshotFileNameSchema,
  snapshotOpenSchema,
} from '../../shared/api/snapshot-files';
import { CLOSE_CODES, RPC_ERRORS } from '../../shared/protocol';
import { settingsPatchSchema } from '../../shared/api/settings';

const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** A snapshot opened from the page arrives base64 in one frame. */
export const MAX_REQUEST_BYTES = 300 * 1024 * 1024;

interface Method {
  params: z.ZodType;
  run: (api: ConsoleApi, params: never) => Promise<unknown>;
}

const method = <S extends z.ZodType>(
  params: S,
  run: (api: ConsoleApi, params: z.infer<S>) => Promise<unknown>,
): Method => ({ params, run: run as Method['run'] });

const METHODS: Record<string, Method> = {
  [WEB_RPC.getState]: method(z.unknown(), (api) => api.getState()),
  [WEB_RPC.submitAction]: method(actionRequestSchema, (api, p) => api.submitAction(p)),
  [WEB_RPC.addEndpoint]: method(endpointConfigSchema, (api, p) => api.addEndpoint(p)),
  [WEB_RPC.updateEndpoint]: method(endpointUpdateSchema, (api, p) =>
    api.updateEndpoint(p.id, p.config),
  ),
  [WEB_RPC.removeEndpoint]: method(endpointIdParamSchema, (api, p) => api.removeEndpoint(p.id)),
  [WEB_RPC.acknowledgeAlert]: method(alertIdParamSchema, (api, p) => api.acknowledgeAlert(p.id)),
  [WEB_RPC.queryAudit]: method(auditQuerySchema, (api, p) => api.queryAudit(p)),
  [WEB_RPC.updateSettings]: method(settingsPatchSchema, (api, p) => api.updateSettings(p)),
  [WEB_RPC.exportSnapshot]: method(snapshotExportSchema, (api, p) => api.exportSnapshot(p)),
  [WEB_RPC.openSnapshot]: method(snapshotOpenSchema, (api, p) => api.openSnapshot(p)),
  [WEB_RPC.annotateSnapshot]: method(snapshotAnnotateSchema, (api, p) => api.annotateSnapshot(p)),
  [WEB_RPC.exportReport]: method(z.object({ fileName: snapshotFileNameSchema }), (api, p) =>
    api.exportReport(p),
  ),
  [WEB_RPC.reconnectEndpoint]: method(endpointIdParamSchema, (api, p) =>
    api.reconnectEndpoint(p.id),
  ),
};

export function serveConsoleSocket(socket: WebSocket, api: ConsoleApi): void {
  const unsubscribe = api.onDelta((delta) => {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(CLOSE_CODES.slowConsumer, 'client too slow: reload the state');
      return;
    }
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: WEB_RPC.delta, params: delta }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      return reply(socket, null, { code: RPC_ERRORS.invalidRequest, message: 'text frames only' });
    }
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
  const target = typeof request.method === 'string' ? METHODS[request.method] : undefined;
  if (!target) {
    const message = `unknown method ${String(request.method)}`;
    return reply(socket, id, { code: RPC_ERRORS.methodNotFound, message });
  }
  const params = target.params.safeParse(request.params);
  if (!params.success) {
    const issue = params.error.issues[0];
    const message = `invalid params: ${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`;
    return reply(socket, id, { code: RPC_ERRORS.invalidParams, message });
  }
  try {
    reply(socket, id, undefined, (await target.run(api, params.data as never)) ?? null);
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
