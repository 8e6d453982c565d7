// The renderer's own link to its host (Electron IPC or the browser host's
// WebSocket), distinct from the hosts' links to endpoints.
import type { ConsoleApi } from '../../../shared/api/console-api';

export type BridgeConnection = 'connecting' | 'open' | 'lost';

export type ConnectionListener = (state: BridgeConnection) => void;

export interface ConsoleBridge {
  api: ConsoleApi;
  /** Calls back with the current state at once, then on every change; returns the unsubscribe. */
  onConnection(listener: ConnectionListener): () => void;
}

/** The part of a zod schema we use; keeps zod itself out of the renderer's imports. */
export interface ResultParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** For calls that answer with nothing: the host replies `null` (JSON has no undefined). */
export const noResult: ResultParser<void> = {
  safeParse: (input) =>
    input === null || input === undefined
      ? { success: true, data: undefined }
      : { success: false, error: new Error('expected no result') },
};
