// Says that a settings change (layout, theme, playlist) was not saved, and why.
import { useConsoleStore } from '../store/console-store';
import { Notice } from '../ui/notice';

export function SettingsError() {
  const error = useConsoleStore((store) => store.settingsError);
  const dismiss = useConsoleStore((store) => store.dismissSettingsError);
  if (!error) return null;
  return <Notice text={error} testId="settings-error" onDismiss={dismiss} />;
}
