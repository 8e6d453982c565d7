// The header's choice of view. A tile's detail opens over whichever is chosen.
import { useConsoleStore } from '../store/console-store';
import { CONSOLE_VIEWS, type ConsoleView } from '../store/view-slice';

export const VIEW_LABEL: Record<ConsoleView, string> = {
  wall: 'Wall',
  alerts: 'Alerts',
  deployments: 'Deployments',
  releases: 'Releases',
  // What the view holds: the log of actions taken (they are launched where their target is).
  actions: 'Audit',
  connections: 'Connections',
};

export function ViewSwitcher() {
  const view = useConsoleStore((store) => store.view);
  const setView = useConsoleStore((store) => store.setView);
  return (
    <nav className="view-switcher" aria-label="Views">
      {CONSOLE_VIEWS.map((entry) => (
        <button
          key={entry}
          type="button"
          className="view-switcher__button"
          data-testid={`view-${entry}`}
          aria-pressed={entry === view}
          onClick={() => setView(entry)}
        >
          {VIEW_LABEL[entry]}
        </button>
      ))}
    </nav>
  );
}
