// Releases rolling out ring by ring, with their gates, as the core computes
// them: the whole list replaces on every change.
import type { ConsoleDelta } from '../../../shared/api/console-state';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { ConsoleSliceCreator } from './console-store';

export interface ReleasesSlice {
  releases: ReleaseStatus[];
  /** A snapshot the main process asked the page to open (command line, File > Open). */
  pendingSnapshot: string | undefined;
  clearPendingSnapshot(): void;
}

export const createReleasesSlice: ConsoleSliceCreator<ReleasesSlice> = (set) => ({
  releases: [],
  pendingSnapshot: undefined,
  clearPendingSnapshot: () => set({ pendingSnapshot: undefined }),
});

export function mergeReleases(delta: ConsoleDelta): Partial<ReleasesSlice> {
  return {
    ...(delta.releases ? { releases: delta.releases } : {}),
    ...(delta.openSnapshot ? { pendingSnapshot: delta.openSnapshot } : {}),
  };
}
