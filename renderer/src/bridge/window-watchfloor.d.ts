// The Electron preload exposes the ConsoleApi as `window.watchfloor`; in the
// browser host it is absent and the WebSocket bridge stands in.
import type { ConsoleApi } from '../../../shared/api/console-api';

declare global {
  interface Window {
    watchfloor?: ConsoleApi;
  }
}

export {};
