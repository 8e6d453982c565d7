// The Electron shell: boots the console core, opens the wall window, and
// bridges the ConsoleApi over IPC. All logic lives in main/core.
import { BrowserWindow, app } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  actionRequestSchema,
  endpointConfigSchema,
  endpointIdParamSchema,
  endpointUpdateSchema,
  alertIdParamSchema,
  auditQuerySchema,
} from '../shared/console-api';
import { settingsPatchSchema } from '../shared/settings';
import { IPC } from '../shared/ipc-channels';
import { AuditLog } from './core/audit-log';
import { bootConsole, type BootedConsole } from './core/console-boot';
import { OptionsError, parseConsoleOptions } from './core/console-options';
import { EndpointRegistry } from './core/endpoint-registry';
import { SettingsStore } from './core/settings-store';
import { SafeStorageVault } from './safe-storage-vault';
import { handleValidated, rendererFrameCheck } from './validated-ipc';
import { lockDownWebContents } from './window-security';

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
      // reviewed: the preload exposes only the ConsoleApi allowlist, no Node APIs
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click must not open links in new windows behind our navigation lock.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const unsubscribe = console.core.onDelta((delta) => {
    if (!window.isDestroyed()) window.webContents.send(IPC.delta, delta);
  });
  window.on('closed', unsubscribe);
  void window.loadURL(rendererUrl);
  return window;
}

function registerIpc({ core }: BootedConsole): void {
  const handle = <S extends z.ZodType>(
    channel: string,
    schema: S,
    run: (p: z.infer<S>) => unknown,
  ) => handleValidated(channel, schema, isOurFrame, (payload) => run(payload));
  handle(IPC.getState, z.undefined(), () => core.getState());
  handle(IPC.submitAction, actionRequestSchema, (request) => core.submitAction(request));
  handle(IPC.addEndpoint, endpointConfigSchema, (config) => core.addEndpoint(config));
  handle(IPC.updateEndpoint, endpointUpdateSchema, (p) => core.updateEndpoint(p.id, p.config));
  handle(IPC.removeEndpoint, endpointIdParamSchema, (p) => core.removeEndpoint(p.id));
  handle(IPC.reconnectEndpoint, endpointIdParamSchema, (p) => core.reconnectEndpoint(p.id));
  handle(IPC.acknowledgeAlert, alertIdParamSchema, (p) => core.acknowledgeAlert(p.id));
  handle(IPC.queryAudit, auditQuerySchema, (query) => core.queryAudit(query));
  handle(IPC.updateSettings, settingsPatchSchema, (patch) => core.updateSettings(patch));
}

async function start(): Promise<void> {
  const options = parseConsoleOptions(process.argv.slice(app.isPackaged ? 1 : 2), true);
  await app.whenReady();
  lockDownWebContents(isAppUrl);
  const userData = options.userData ?? app.getPath('userData');
  const settings = SettingsStore.open(
    userData,
    (cwd) => new ElectronStore({ cwd, name: 'settings', clearInvalidConfig: false }),
  );
  const registry = new EndpointRegistry(settings, new SafeStorageVault(join(userData, 'secrets')));
  booted = await bootConsole(options, {
    clientVersion: app.getVersion(),
    settings,
    registry,
    core: { audit: new AuditLog(userData) },
  });
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
