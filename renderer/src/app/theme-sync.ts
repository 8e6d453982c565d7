// The settings' theme on the document element, set from a store subscription
// that is registered before any chart's: charts read their colours from CSS
// when the theme changes, and must find the new theme already in place.
import { useConsoleStore } from '../store/console-store';

export function startThemeSync(): () => void {
  const apply = (theme: string) => {
    document.documentElement.dataset.theme = theme;
  };
  apply(useConsoleStore.getState().settings.theme);
  return useConsoleStore.subscribe((store) => store.settings.theme, apply);
}
