// Where the operator is: which view, which series' detail is open over it,
// and whether the wall is being arranged. Kept in the store so a notification
// or the header's alert count can navigate.
import type { ViewName } from '../../../shared/api/settings';
import type { ConsoleSliceCreator } from './console-store';

/** The views this renderer draws; a playlist naming others skips them. */
export const CONSOLE_VIEWS = [
  'wall',
  'alerts',
  'deployments',
  'releases',
  'actions',
  'connections',
] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number] & ViewName;

export const isConsoleView = (name: string): name is ConsoleView =>
  (CONSOLE_VIEWS as readonly string[]).includes(name);

export interface ViewSlice {
  view: ConsoleView;
  /** The series whose detail is open, over the current view. */
  detailKey: string | undefined;
  arranging: boolean;
  setView(view: ConsoleView): void;
  openDetail(seriesKey: string): void;
  closeDetail(): void;
  setArranging(arranging: boolean): void;
}

export const createViewSlice: ConsoleSliceCreator<ViewSlice> = (set) => ({
  view: 'wall',
  detailKey: undefined,
  arranging: false,
  setView: (view) => set({ view, detailKey: undefined }),
  openDetail: (detailKey) => set({ detailKey, arranging: false }),
  closeDetail: () => set({ detailKey: undefined }),
  setArranging: (arranging) =>
    set({ arranging, ...(arranging ? { view: 'wall', detailKey: undefined } : {}) }),
});
