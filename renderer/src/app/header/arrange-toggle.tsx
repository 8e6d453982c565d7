// Arrange mode on and off: the wall then shows hidden tiles and each tile's
// arranging controls. Changes are saved as they are made.
import { useConsoleStore } from '../../store/console-store';

export function ArrangeToggle() {
  const arranging = useConsoleStore((store) => store.arranging);
  const setArranging = useConsoleStore((store) => store.setArranging);
  return (
    <button
      type="button"
      className="button header-button"
      aria-pressed={arranging}
      data-testid="arrange-toggle"
      title="Choose which series the wall shows, in which band and order"
      onClick={() => setArranging(!arranging)}
    >
      <span aria-hidden="true">⇅ </span>
      {arranging ? 'Done arranging' : 'Arrange'}
    </button>
  );
}
