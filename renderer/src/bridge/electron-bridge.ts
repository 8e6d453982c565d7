// The Electron preload's ConsoleApi, with its replies and deltas checked
// against the shared schemas, exactly as the browser bridge checks its frames.
import { actionRecordSchema } from '../../../shared/api/actions';
import { auditEntrySchema } from '../../../shared/api/audit';
import { consoleDeltaSchema, consoleStateSchema } from '../../../shared/api/console-state';
import { endpointStatusSchema } from '../../../shared/api/links';
import { snapshotFileSchema } from '../../../shared/api/snapshot-files';
import { type ConsoleApi } from '../../../shared/api/console-api';
import { noResult, type ConsoleBridge, type ResultParser } from './bridge-connection';
import { snapshotResult } from './snapshot-result';

/** Electron wraps a handler's error as "Error invoking remote method '…': Error: why". */
const IPC_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

/** Awaits one IPC call, then checks its result; the main process's own words on failure. */
async function checked<T>(what: string, parser: ResultParser<T>, reply: Promise<unknown>) {
  let value: unknown;
  try {
    value = await reply;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(IPC_ERROR_PREFIX, ''), { cause: error });
  }
  const parsed = parser.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: the main process sent a malformed result`);
  return parsed.data;
}

export function createElectronBridge(preload: ConsoleApi): ConsoleBridge {
  const api: ConsoleApi = {
    getState: () => checked('getState', consoleStateSchema, preload.getState()),
    submitAction: (request) =>
      checked('submitAction', actionRecordSchema, preload.submitAction(request)),
    addEndpoint: (config) =>
      checked('addEndpoint', endpointStatusSchema, preload.addEndpoint(config)),
    updateEndpoint: (id, config) =>
      checked('updateEndpoint', endpointStatusSchema, preload.updateEndpoint(id, config)),
    removeEndpoint: (id) => checked('removeEndpoint', noResult, preload.removeEndpoint(id)),
    reconnectEndpoint: (id) =>
      checked('reconnectEndpoint', noResult, preload.reconnectEndpoint(id)),
    acknowledgeAlert: (id) => checked('acknowledgeAlert', noResult, preload.acknowledgeAlert(id)),
    queryAudit: (query) =>
      checked('queryAudit', auditEntrySchema.array(), preload.queryAudit(query)),
    updateSettings: (patch) => checked('updateSettings', noResult, preload.updateSettings(patch)),
    exportSnapshot: (request) =>
      checked('exportSnapshot', snapshotFileSchema, preload.exportSnapshot(request)),
    openSnapshot: (request) =>
      checked('openSnapshot', snapshotResult, preload.openSnapshot(request)),
    annotateSnapshot: (request) =>
      checked('annotateSnapshot', snapshotFileSchema, preload.annotateSnapshot(request)),
    exportReport: (request) =>
      checked('exportReport', snapshotFileSchema, preload.exportReport(request)),
    onDelta: (listener) =>
      preload.onDelta((delta) => {
        const parsed = consoleDeltaSchema.safeParse(delta);
        if (parsed.success) listener(parsed.data);
        else console.error('Watchfloor: dropped a malformed delta', parsed.error);
      }),
  };
  // IPC to our own main process cannot drop while the window lives.
  return {
    api,
    onConnection(listener) {
      listener('open');
      return () => {};
    },
  };
}
