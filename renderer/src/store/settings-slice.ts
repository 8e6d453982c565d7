// The operator's settings as the host keeps them (theme, wall layout,
// playlist), and kiosk mode. Saves apply at once here and are confirmed by the
// host's settings delta; deltas that arrive while a save is still in flight
// are older than what the wall shows, so they are skipped.
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import { DEFAULT_SETTINGS, type VisibleSettings } from '../../../shared/api/settings';
import type { ConsoleSliceCreator } from './console-store';

export interface SettingsSlice {
  settings: VisibleSettings;
  /** Fullscreen control-room screen: no chrome, no controls. */
  kiosk: boolean;
  savesInFlight: number;
  /** Why the last save failed, until the next one succeeds or it is dismissed. */
  settingsError: string | undefined;
  setSettingsLocally(settings: VisibleSettings): void;
  noteSaveStarted(): void;
  noteSaveEnded(error: string | undefined): void;
  dismissSettingsError(): void;
}

const { endpoints: _endpoints, ...DEFAULT_VISIBLE } = DEFAULT_SETTINGS;

export const createSettingsSlice: ConsoleSliceCreator<SettingsSlice> = (set) => ({
  settings: DEFAULT_VISIBLE,
  kiosk: false,
  savesInFlight: 0,
  settingsError: undefined,
  setSettingsLocally: (settings) => set({ settings }),
  noteSaveStarted: () => set((store) => ({ savesInFlight: store.savesInFlight + 1 })),
  noteSaveEnded: (settingsError) =>
    set((store) => ({ savesInFlight: Math.max(0, store.savesInFlight - 1), settingsError })),
  dismissSettingsError: () => set({ settingsError: undefined }),
});

export function settingsFromState(state: ConsoleState): Pick<SettingsSlice, 'settings' | 'kiosk'> {
  return { settings: state.settings, kiosk: state.kiosk };
}

export function mergeSettings(slice: SettingsSlice, delta: ConsoleDelta): Partial<SettingsSlice> {
  if (!delta.settings || slice.savesInFlight > 0) return {};
  return { settings: delta.settings };
}
