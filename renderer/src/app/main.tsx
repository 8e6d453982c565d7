// Renderer entry: wire the host bridge to the store, snapshots (asked for by
// the main process or dropped on the window) to review mode, then draw the console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifications } from '../ui/alert-notifications';
import { getConsoleApi, onBridgeConnection } from '../bridge/console-bridge';
import { takeSessionToken } from '../bridge/browser-bridge';
import { startReviewProjection } from '../features/review';
import { startSnapshotDrop } from '../features/snapshots';
import { startPendingSnapshots } from '../features/snapshots';
import { ConsoleApp } from './console-app';
import { startConsoleSync } from '../store/console-sync';
import { startThemeSync } from './theme-sync';
import './console.css';

const container = document.getElementById('root');
if (!container) throw new Error('Watchfloor: #root is missing from index.html');

// In browser mode the token leaves the address bar before anything else runs.
if (!window.watchfloor && takeSessionToken() === undefined) {
  container.textContent =
    'Watchfloor: this address needs its session token. Open the address browser mode printed.';
} else {
  startThemeSync();
  startAlertNotifications();
  startReviewProjection();
  startPendingSnapshots();
  startSnapshotDrop();
  startConsoleSync(getConsoleApi(), onBridgeConnection);
  createRoot(container).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  );
}
