// Renderer entry: wire the host bridge to the store, then draw the console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifications } from './alert-notifications';
import { getConsoleApi, onBridgeConnection } from './bridge/console-bridge';
import { ConsoleApp } from './console-app';
import { startConsoleSync } from './store/console-sync';
import { startThemeSync } from './theme-sync';
import './styles/console.css';

startThemeSync();
startAlertNotifications();
startConsoleSync(getConsoleApi(), onBridgeConnection);

const container = document.getElementById('root');
if (!container) throw new Error('Watchfloor: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
