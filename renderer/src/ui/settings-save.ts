// Saves a settings change: shown at once, persisted by the host (which sends
// the settings back in a delta). A refused save puts back what the host still
// holds, and the header says why.
import type { SettingsPatch } from '../../../shared/api/settings';
import { getConsoleApi } from '../bridge/console-bridge';
import { useConsoleStore } from '../store/console-store';

export async function saveSettings(patch: SettingsPatch, what: string): Promise<boolean> {
  const store = useConsoleStore.getState();
  const before = store.settings;
  store.setSettingsLocally({ ...before, ...patch });
  store.noteSaveStarted();
  try {
    await getConsoleApi().updateSettings(patch);
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
