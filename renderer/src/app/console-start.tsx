// Starts the console once the entry has checked the session token: the host
// bridge wired to the store, snapshots (asked for by the main process or
// dropped on the window) to review mode, then the console drawn. A chunk of
// its own (main.tsx loads it), so evaluating it is a task of its own.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifications } from '../ui/alert-notifications';
import { loadChartEngine } from '../ui/chart/chart-engine';
import { getConsoleApi, onBridgeConnection } from '../bridge/console-bridge';
import { startReviewProjection } from '../features/review';
import { startSnapshotDrop } from '../features/snapshots';
import { startPendingSnapshots } from '../features/snapshots';
import { ConsoleApp } from './console-app';
import { startConsoleSync } from '../store/console-sync';
import { startThemeSync } from './theme-sync';

export function startConsole(container: HTMLElement): void {
  startThemeSync();
  startAlertNotifications();
  startReviewProjection();
  startPendingSnapshots();
  startSnapshotDrop();
  startConsoleSync(getConsoleApi(), onBridgeConnection);
  // ECharts, a chunk of its own, loads beside the first state and is
  // evaluated in a task of its own. A failed load is retried (and reported)
  // by the first chart that asks.
  loadChartEngine().catch(() => {});
  createRoot(container).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  );
}
