// Renderer entry: wire the host bridge to the store, then draw the wall.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getConsoleApi, onBridgeConnection } from './bridge/console-bridge';
import { startConsoleSync } from './store/console-sync';
import { WallView } from './views/wall-view';
import './wall.css';

startConsoleSync(getConsoleApi(), onBridgeConnection);

const container = document.getElementById('root');
if (!container) throw new Error('Watchfloor: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <WallView />
  </StrictMode>,
);
