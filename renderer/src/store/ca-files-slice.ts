// The CA file last set on each endpoint from this window. The host does not
// report it (EndpointStatus has no caFile), and an update without one removes
// it, so the edit form needs it to prefill; unknown after a reload.
import type { ConsoleSliceCreator } from './console-store';

export interface CaFilesSlice {
  caFiles: Record<string, string | undefined>;
  noteCaFile(endpointId: string, caFile: string | undefined): void;
}

export const createCaFilesSlice: ConsoleSliceCreator<CaFilesSlice> = (set) => ({
  caFiles: {},
  noteCaFile: (endpointId, caFile) =>
    set((store) => ({ caFiles: { ...store.caFiles, [endpointId]: caFile } })),
});
