// Picks the host bridge once: the Electron preload's API when present, the
// browser host's WebSocket otherwise.
import type { ConsoleApi } from '../../../shared/api/contract';
import type { ConnectionListener, ConsoleBridge } from './bridge-connection';
import { createBrowserBridge } from './browser-bridge';
import { createElectronBridge } from './electron-bridge';

let bridge: ConsoleBridge | undefined;

function getBridge(): ConsoleBridge {
  bridge ??= window.watchfloor ? createElectronBridge(window.watchfloor) : createBrowserBridge();
  return bridge;
}

export function getConsoleApi(): ConsoleApi {
  return getBridge().api;
}

/** The bridge's own link: 'connecting', then 'open' / 'lost' as it comes and goes. */
export function onBridgeConnection(listener: ConnectionListener): () => void {
  return getBridge().onConnection(listener);
}

/** Where the page can download a file the console wrote; undefined where the host serves none. */
export function fileLink(fileName: string): string | undefined {
  return getBridge().fileLink(fileName);
}
