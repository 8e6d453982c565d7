// The Electron shell: boots the console core, opens the wall window, and
// bridges the ConsoleApi over IPC. All logic lives in main/core.
import { BrowserWindow, app } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { actionRequestSchema } from '../shared/console-api';
import { IPC } from '../shared/ipc-channels';
import { bootConsole, type BootedConsole } from './core/console-boot';
import { OptionsError, parseConsoleOptions } from './core/console-options';
import { handleValidated, rendererFrameCheck } from './validated-ipc';
import { lockDownWebContents } from './window-security';
import { z } from 'zod';

const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ??
  pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).toString();
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const isOurFrame = rendererFrameCheck(rendererUrl);
const isAppUrl = (url: string) => isOurFrame({ url, parent: null } as Electron.WebFrameMain);

let booted: BootedConsole | undefined;

function createWindow(console: BootedConsole): BrowserWindow {
  const window = new BrowserWindow({
    width: 1600,
    height: 900,
    backgroundColor: '#0b0f14',
    title: 'Watchfloor',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const unsubscribe = console.core.onDelta((delta) => {
    if (!window.isDestroyed()) window.webContents.send(IPC.delta, delta);
  });
  window.on('closed', unsubscribe);
  void window.loadURL(rendererUrl);
  return window;
}

function registerIpc(console: BootedConsole): void {
  handleValidated(IPC.getState, z.undefined(), isOurFrame, () => console.core.getState());
  handleValidated(IPC.submitAction, actionRequestSchema, isOurFrame, (request) =>
    console.core.submitAction(request),
  );
}

async function start(): Promise<void> {
  const options = parseConsoleOptions(process.argv.slice(app.isPackaged ? 1 : 2), true);
  await app.whenReady();
  lockDownWebContents(isAppUrl);
  booted = await bootConsole(options, app.getVersion());
  registerIpc(booted);
  createWindow(booted);
  app.on('activate', () => {
    if (booted && BrowserWindow.getAllWindows().length === 0) createWindow(booted);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => void booted?.stop());

start().catch((err: Error) => {
  const prefix = err instanceof OptionsError ? 'watchfloor: bad option' : 'watchfloor';
  console.error(`${prefix}: ${err.message}`);
  app.exit(1);
});
