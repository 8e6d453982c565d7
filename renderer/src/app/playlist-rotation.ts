// Rotates the views of an enabled playlist every intervalS seconds. It waits
// while a detail is open, the wall is being arranged or a snapshot is under
// review: an operator is at work.
import { useEffect } from 'react';
import { useConsoleStore } from '../store/console-store';
import { isConsoleView } from '../store/view-slice';

export function usePlaylistRotation(): void {
  const { enabled, views, intervalS } = useConsoleStore((store) => store.settings.playlist);
  const viewList = views.join(' ');
  useEffect(() => {
    const rotation = viewList.split(' ').filter(isConsoleView);
    if (!enabled || rotation.length === 0) return;
    const timer = window.setInterval(() => {
      const store = useConsoleStore.getState();
      if (store.detailKey !== undefined || store.arranging || store.review) return;
      const next = rotation[(rotation.indexOf(store.view) + 1) % rotation.length];
      if (next && next !== store.view) store.setView(next);
    }, intervalS * 1000);
    return () => window.clearInterval(timer);
  }, [enabled, viewList, intervalS]);
}
