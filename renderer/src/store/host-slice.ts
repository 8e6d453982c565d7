// What the host says about the console itself: its profile and its notices,
// with the notices this operator has dismissed (kept across reloads of the
// state, so a reconnect does not bring them back).
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import type { ConsoleSliceCreator } from './console-store';

export interface HostSlice {
  /** `display`: read-only; no action controls are drawn (and the host refuses them anyway). */
  profile: ConsoleState['profile'];
  notices: string[];
  dismissedNotices: string[];
  dismissNotice(notice: string): void;
}

export const createHostSlice: ConsoleSliceCreator<HostSlice> = (set) => ({
  profile: 'operator',
  notices: [],
  dismissedNotices: [],
  dismissNotice: (notice) =>
    set((store) => ({ dismissedNotices: [...store.dismissedNotices, notice] })),
});

/** New notices append; one already shown is not repeated. */
export function mergeNotices(slice: HostSlice, delta: ConsoleDelta): Partial<HostSlice> {
  const fresh = (delta.notices ?? []).filter((notice) => !slice.notices.includes(notice));
  return fresh.length ? { notices: slice.notices.concat(fresh) } : {};
}
