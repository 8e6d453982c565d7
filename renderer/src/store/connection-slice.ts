// The renderer's link to its host and whether a full state has arrived yet.
import type { BridgeConnection } from '../bridge/bridge-connection';
import type { ConsoleSliceCreator } from './console-store';

/** How far a full state's series have been taken into the store. */
export interface Hydration {
  done: number;
  total: number;
}

export interface ConnectionSlice {
  connection: BridgeConnection;
  /** True once a full state has been applied; the wall shows "Connecting…" until then. */
  loaded: boolean;
  /** Why the last full-state load failed, until one succeeds. */
  loadError: string | undefined;
  /** A full state being taken in, slice by slice; undefined once applied. */
  hydrating: Hydration | undefined;
  setConnection(connection: BridgeConnection): void;
  setLoadError(message: string | undefined): void;
  setHydrating(hydrating: Hydration | undefined): void;
}

export const createConnectionSlice: ConsoleSliceCreator<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  loaded: false,
  loadError: undefined,
  hydrating: undefined,
  setConnection: (connection) => set({ connection }),
  setLoadError: (loadError) => set({ loadError }),
  setHydrating: (hydrating) => set({ hydrating }),
});
