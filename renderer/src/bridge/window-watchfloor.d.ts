// The Electron preload exposes a generic call and the delta stream as
// `window.watchfloor`; in the browser host it is absent and the WebSocket
// bridge stands in. Both become the ConsoleApi through the contract.
import type { WatchfloorPreload } from '../../../shared/api/console-channels';

declare global {
  interface Window {
    watchfloor?: WatchfloorPreload;
  }
}

export {};
