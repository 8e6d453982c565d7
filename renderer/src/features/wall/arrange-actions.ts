// The Arrange mode's moves, applied to the current layout and saved.
import type { Level } from '../../../../shared/protocol';
import type { WallLayout } from '../../../../shared/api/settings';
import { useConsoleStore } from '../../store/console-store';
import { moveBefore, moveToBand, moveWithinBand, toggleHidden } from './layout-moves';
import { saveSettings } from '../../ui/settings-save';

function save(change: (layout: WallLayout) => WallLayout): void {
  const { settings } = useConsoleStore.getState();
  const layout = change(settings.layout);
  if (layout !== settings.layout) void saveSettings({ layout }, 'the wall layout');
}

const catalog = () => useConsoleStore.getState().series;

export const arrange = {
  toggleHidden: (key: string) => save((layout) => toggleHidden(layout, key)),
  move: (key: string, step: number) =>
    save((layout) => moveWithinBand(layout, catalog(), key, step)),
  toBand: (key: string, level: Level) =>
    save((layout) => moveToBand(layout, catalog(), key, level)),
  before: (key: string, targetKey: string) =>
    save((layout) => moveBefore(layout, catalog(), key, targetKey)),
};
