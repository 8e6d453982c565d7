// The page has no Node: every window the app opens is isolated, sandboxed,
// without Node integration, with web security and no middle-click windows.
// Electron is replaced by a recorder of what BrowserWindow is given (the
// Electron binary is not here); the smoke test checks the running app.
import { describe, expect, it, vi } from 'vitest';
import type { BootedConsole } from '../../../main/core/console-boot';

const made = vi.hoisted(() => [] as { webPreferences?: Record<string, unknown> }[]);
vi.mock('electron', () => ({
  screen: {},
  BrowserWindow: class {
    readonly webContents = { send: () => undefined };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      made.push(options);
    }
    isDestroyed = () => false;
    on = () => undefined;
    loadURL = () => Promise.resolve();
  },
}));

const { openWindow } = await import('../../../main/electron/window-manager');

describe('window web preferences', () => {
  it('locks every window down, whatever the options', () => {
    const booted = { core: { onDelta: () => () => undefined } } as unknown as BootedConsole;
    const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
    for (const devTools of [true, false]) {
      openWindow(booted, { display, view: 'wall' } as never, {
        rendererUrl: 'app://watchfloor/index.html',
        preloadPath: '/app/preload.js',
        kiosk: false,
        devTools,
      });
    }
    expect(made).toHaveLength(2);
    for (const { webPreferences } of made) {
      expect(webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      });
      expect(webPreferences).not.toHaveProperty('nodeIntegrationInWorker', true);
      expect(webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
      expect(webPreferences).not.toHaveProperty('webviewTag', true);
    }
  });
});
