// The renderer's own link to its host (Electron IPC or the browser host's
// WebSocket), distinct from the hosts' links to endpoints.
import type { ConsoleApi } from '../../../shared/api/contract';

export type BridgeConnection = 'connecting' | 'open' | 'lost';

export type ConnectionListener = (state: BridgeConnection) => void;

export interface ConsoleBridge {
  api: ConsoleApi;
  /** Calls back with the current state at once, then on every change; returns the unsubscribe. */
  onConnection(listener: ConnectionListener): () => void;
  /** Where the page can download a file the console wrote, if its host serves files. */
  fileLink(fileName: string): string | undefined;
}

/**
 * What a bridge needs of a contract's result schema: zod's safeParse. The
 * renderer parses every reply with the shared zod schemas, so zod is bundled
 * into it; this only keeps the request bookkeeping free of zod's types.
 */
export interface ResultParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
}
