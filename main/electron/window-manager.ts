// The desktop app's windows: by default one, or one per display with the view
// each shows (remembered in settings.windows). --kiosk makes them fullscreen
// with no chrome. Each window gets the delta stream; closing one unsubscribes.
import { BrowserWindow, screen, type Display } from 'electron';
import { IPC_CHANNELS } from '../../shared/api/console-channels';
import type { ViewName } from '../../shared/api/settings';
import type { BootedConsole } from '../core/console-boot';

export interface WindowPlan {
  display: Display;
  view: ViewName;
}

export interface WindowOptions {
  rendererUrl: string;
  preloadPath: string;
  kiosk: boolean;
  /** False in packaged builds: no DevTools however they are asked for. */
  devTools: boolean;
}

/** Which windows to open: the remembered ones whose display is still attached, else one on the primary. */
export function planWindows(remembered: { displayId: number; view: ViewName }[]): WindowPlan[] {
  const displays = screen.getAllDisplays();
  const plans = remembered.flatMap(({ displayId, view }) => {
    const display = displays.find((d) => d.id === displayId);
    return display ? [{ display, view }] : [];
  });
  return plans.length ? plans : [{ display: screen.getPrimaryDisplay(), view: 'wall' }];
}

export function openWindow(
  booted: BootedConsole,
  plan: WindowPlan,
  options: WindowOptions,
): BrowserWindow {
  const { x, y, width, height } = plan.display.workArea;
  const window = new BrowserWindow({
    x,
    y,
    width: Math.min(width, 1600),
    height: Math.min(height, 900),
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: options.kiosk,
    backgroundColor: '#0b0f14',
    title: 'Watchfloor',
    webPreferences: {
      // reviewed: the preload exposes only one contract-checked call and the deltas, no Node APIs
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: options.devTools,
      // Middle-click must not open links in new windows behind our navigation lock.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const unsubscribe = booted.core.onDelta((delta) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.delta, delta);
  });
  window.on('closed', unsubscribe);
  // The view travels in the hash: same page, so the navigation lock still holds.
  void window.loadURL(`${options.rendererUrl}#view=${plan.view}`);
  return window;
}
