// The names the ConsoleApi travels under, and the shape the preload exposes.
// Kept apart from the contract so the sandboxed preload bundles no schema
// library; no method is named here, only how any method's name is carried.

/** Electron IPC: one channel for every call (method name and args), one for pushed deltas. */
export const IPC_CHANNELS = {
  call: 'watchfloor:call',
  delta: 'watchfloor:delta',
} as const;

/** The browser host's JSON-RPC: each method under this prefix, deltas as one notification. */
export const WEB_RPC_PREFIX = 'console.';
export const WEB_RPC_DELTA = 'console.delta';

export const webRpcName = (method: string): string => `${WEB_RPC_PREFIX}${method}`;

/** `window.watchfloor` in the Electron renderer: a generic call and the delta stream, no logic. */
export interface WatchfloorPreload {
  call(method: string, args: unknown[]): Promise<unknown>;
  /** The listener gets the delta only (the IPC event is stripped); returns the unsubscribe. */
  onDelta(listener: (delta: unknown) => void): () => void;
}
