// Shown only when the renderer has lost its own host: everything on the wall
// is then frozen at the last delta, and the operator must know.
import { useConsoleStore } from '../../store/console-store';

export function BridgeBadge() {
  const connection = useConsoleStore((store) => store.connection);
  if (connection !== 'lost') return null;
  return (
    <span className="bridge-badge" data-testid="bridge-badge" data-state={connection} role="alert">
      <span aria-hidden="true">⚠ </span>Console link lost, reconnecting
    </span>
  );
}
