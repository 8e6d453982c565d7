// The Electron preload's generic call, turned into the ConsoleApi by the
// contract, with replies and deltas checked against the shared schemas exactly
// as the browser bridge checks its frames.
import type { WatchfloorPreload } from '../../../shared/api/console-channels';
import { consoleDeltaSchema } from '../../../shared/api/console-state';
import type { ConsoleMethod } from '../../../shared/api/contract';
import type { ConsoleBridge, ResultParser } from './bridge-connection';
import { contractApi } from './contract-api';

/** Electron wraps a handler's error as "Error invoking remote method '…': Error: why". */
const IPC_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

/** One IPC call, then its result checked; the main process's own words on failure. */
async function checkedCall(
  preload: WatchfloorPreload,
  method: ConsoleMethod,
  args: unknown[],
  parser: ResultParser<unknown>,
): Promise<unknown> {
  let value: unknown;
  try {
    value = await preload.call(method, args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(IPC_ERROR_PREFIX, ''), { cause: error });
  }
  const parsed = parser.safeParse(value);
  if (!parsed.success) throw new Error(`${method}: the main process sent a malformed result`);
  return parsed.data;
}

export function createElectronBridge(preload: WatchfloorPreload): ConsoleBridge {
  const api = contractApi(
    (method, args, parser) => checkedCall(preload, method, args, parser),
    (listener) =>
      preload.onDelta((delta) => {
        const parsed = consoleDeltaSchema.safeParse(delta);
        if (parsed.success) listener(parsed.data);
        else console.error('Watchfloor: dropped a malformed delta', parsed.error);
      }),
  );
  // IPC to our own main process cannot drop while the window lives.
  return {
    api,
    onConnection(listener) {
      listener('open');
      return () => {};
    },
    // The desktop app keeps files in the snapshots folder; there is nothing to download.
    fileLink: () => undefined,
  };
}
