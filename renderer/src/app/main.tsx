// Renderer entry: wire the host bridge to the store, snapshots (asked for by
// the main process or dropped on the window) to review mode, then draw the console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifications } from '../ui/alert-notifications';
import { getConsoleApi, onBridgeConnection } from '../bridge/console-bridge';
import { startReviewProjection } from '../features/review';
import { startSnapshotDrop } from '../features/snapshots';
import { startPendingSnapshots } from '../features/snapshots';
import { ConsoleApp } from './console-app';
import { startConsoleSync } from '../store/console-sync';
import { startThemeSync } from './theme-sync';
import './console.css';

startThemeSync();
startAlertNotifications();
startReviewProjection();
startPendingSnapshots();
startSnapshotDrop();
startConsoleSync(getConsoleApi(), onBridgeConnection);

const container = document.getElementById('root');
if (!container) throw new Error('Watchfloor: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
