// The Electron preload's ConsoleApi, with its replies and deltas checked
// against the shared schemas, exactly as the browser bridge checks its frames.
import {
  actionRecordSchema,
  consoleDeltaSchema,
  consoleStateSchema,
  type ConsoleApi,
} from '../../../shared/console-api';
import type { ConsoleBridge, ResultParser } from './bridge-connection';

function checked<T>(what: string, parser: ResultParser<T>, value: unknown): T {
  const parsed = parser.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: the main process sent a malformed result`);
  return parsed.data;
}

export function createElectronBridge(preload: ConsoleApi): ConsoleBridge {
  const api: ConsoleApi = {
    getState: async () => checked('getState', consoleStateSchema, await preload.getState()),
    submitAction: async (request) =>
      checked('submitAction', actionRecordSchema, await preload.submitAction(request)),
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
