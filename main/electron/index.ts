// The Electron shell: boots the console core, opens the wall window, and
// serves the ConsoleApi contract over IPC. All logic lives in main/core.
import { BrowserWindow, Menu, app, powerMonitor, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditLog } from '../core/actions/audit-log';
import { bootConsole, type BootedConsole } from '../core/console-boot';
import { OptionsError, parseConsoleOptions } from '../core/console-options';
import { EndpointRegistry } from '../core/links/endpoint-registry';
import { SecretFileVault } from '../core/settings/secret-file-vault';
import { SettingsStore } from '../core/settings/settings-store';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { chooseRendererUrl } from './app-scheme';
import { removeDevTools } from './menu-devtools';
import { rendererFrameCheck, serveContract } from './validated-ipc';
import {
  claimSingleInstance,
  installMenu,
  offerSnapshots,
  snapshotPathsIn,
} from './snapshot-launcher';
import { openWindow, planWindows } from './window-manager';
import { lockDownWebContents } from './window-security';

// A packaged app never loads a URL from its environment: that would hand any
// page the full API, since the sender check trusts the renderer's origin.
const rendererUrl = chooseRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
registerAppScheme();
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const isOurFrame = rendererFrameCheck(rendererUrl);
const isAppUrl = (url: string) => isOurFrame({ url, parent: null } as Electron.WebFrameMain);

let booted: BootedConsole | undefined;

function openWindows(console: BootedConsole, kiosk: boolean): void {
  for (const plan of planWindows(console.core.settingsValue().windows)) {
    openWindow(console, plan, { rendererUrl, preloadPath, kiosk, devTools: !app.isPackaged });
  }
}

async function start(): Promise<void> {
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  const options = parseConsoleOptions(argv, true);
  const pending = snapshotPathsIn(argv);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (booted) offerSnapshots(booted, [path]);
    else pending.push(path);
  });
  if (!claimSingleInstance((second) => booted && offerSnapshots(booted, snapshotPathsIn(second)))) {
    app.quit();
    return;
  }
  await app.whenReady();
  serveAppScheme(rendererDir);
  lockDownWebContents(isAppUrl);
  const userData = options.userData ?? app.getPath('userData');
  const settings = SettingsStore.open(
    userData,
    (cwd) => new ElectronStore({ cwd, name: 'settings', clearInvalidConfig: false }),
  );
  const registry = new EndpointRegistry(
    settings,
    new SecretFileVault(join(userData, 'secrets'), safeStorage),
  );
  booted = await bootConsole(options, {
    clientVersion: app.getVersion(),
    settings,
    registry,
    userData,
    core: { audit: new AuditLog(userData) },
  });
  serveContract(booted.core, isOurFrame);
  installMenu(booted);
  if (app.isPackaged) removeDevTools(Menu.getApplicationMenu()?.items ?? []);
  openWindows(booted, options.kiosk);
  offerSnapshots(booted, pending);
  // After sleep every socket is suspect: dial again rather than wait for heartbeats.
  powerMonitor.on('resume', () => booted?.core.reconnectAll());
  app.on('activate', () => {
    if (booted && BrowserWindow.getAllWindows().length === 0) openWindows(booted, options.kiosk);
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
