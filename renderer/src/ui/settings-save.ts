// Saves a settings change: shown at once, persisted by the host (which sends
// the settings back in a delta). A refused save puts back what the host still
// holds, and the header says why.
import type { SettingsPatch, VisibleSettings } from '../../../shared/api/settings';
import { getConsoleApi } from '../bridge/console-bridge';
import { useConsoleStore } from '../store/console-store';

/**
 * The patch with every other defaulted setting as the wall shows it. The
 * host's patch schema fills a missing field with its default (zod's
 * `.partial()` keeps defaults), so a bare `{ layout }` would reset the theme
 * to dark, the playlist and the windows: send them as they are instead.
 */
export function completePatch(settings: VisibleSettings, patch: SettingsPatch): SettingsPatch {
  const { theme, layout, playlist, windows } = settings;
  return { theme, layout, playlist, windows, ...patch };
}

export async function saveSettings(patch: SettingsPatch, what: string): Promise<boolean> {
  const store = useConsoleStore.getState();
  const before = store.settings;
  store.setSettingsLocally({ ...before, ...patch });
  store.noteSaveStarted();
  try {
    await getConsoleApi().updateSettings(completePatch(before, patch));
    useConsoleStore.getState().noteSaveEnded(undefined);
    return true;
  } catch (failure) {
    const current = useConsoleStore.getState();
    const restored = Object.fromEntries(
      Object.keys(patch).map((key) => [key, before[key as keyof SettingsPatch]]),
    );
    current.setSettingsLocally({ ...current.settings, ...restored });
    const reason = failure instanceof Error ? failure.message : String(failure);
    current.noteSaveEnded(`Could not save ${what}: ${reason}`);
    return false;
  }
}
