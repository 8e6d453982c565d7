// Dark (the default) or high contrast, persisted with the settings.
import { useConsoleStore } from '../../store/console-store';
import { saveSettings } from '../../ui/settings-save';

export function ThemeToggle() {
  const highContrast = useConsoleStore((store) => store.settings.theme === 'high-contrast');
  return (
    <button
      type="button"
      className="button header-button"
      aria-pressed={highContrast}
      data-testid="theme-toggle"
      title="Switch between the dark and the high-contrast theme"
      onClick={() =>
        void saveSettings({ theme: highContrast ? 'dark' : 'high-contrast' }, 'the theme')
      }
    >
      <span aria-hidden="true">◐ </span>High contrast
    </button>
  );
}
