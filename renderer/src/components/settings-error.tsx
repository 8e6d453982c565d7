// Says that a settings change (layout, theme, playlist) was not saved, and why.
import { useConsoleStore } from '../store/console-store';

export function SettingsError() {
  const error = useConsoleStore((store) => store.settingsError);
  const dismiss = useConsoleStore((store) => store.dismissSettingsError);
  if (!error) return null;
  return (
    <div className="notice" role="alert" data-testid="settings-error">
      <span className="notice__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="notice__text">{error}</p>
      <button type="button" className="button notice__dismiss" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
