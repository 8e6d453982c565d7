// The Electron shell: boots the console core, opens the wall window, and
// bridges the ConsoleApi over IPC. All logic lives in main/core.
import { BrowserWindow, app, powerMonitor, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { actionRequestSchema } from '../../shared/api/actions';
import {
  endpointConfigSchema,
  endpointIdParamSchema,
  endpointUpdateSchema,
} from '../../shared/api/links';
import { alertIdParamSchema } from '../../shared/api/console-api';
import { auditQuerySchema } from '../../shared/api/audit';
import {
  snapshotAnnotateSchema,
  snapshotExportSchema,
  snapshotFileNameSchema,
  snapshotOpenSchema,
} from '../../shared/api/snapshot-files';
import { settingsPatchSchema } from '../../shared/api/settings';
import { IPC } from '../../shared/api/ipc-channels';
import { AuditLog } from '../core/actions/audit-log';
import { bootConsole, type BootedConsole } from '../core/console-boot';
import { OptionsError, parseConsoleOptions } from '../core/console-options';
import { EndpointRegistry } from '../core/links/endpoint-registry';
import { SecretFileVault } from '../core/settings/secret-file-vault';
import { SettingsStore } from '../core/settings/settings-store';
import { handleValidated, rendererFrameCheck } from './validated-ipc';
import {
  claimSingleInstance,
  installMenu,
  offerSnapshots,
  snapshotPathsIn,
} from './snapshot-launcher';
import { openWindow, planWindows } from './window-manager';
import { lockDownWebContents } from './window-security';

const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ??
  pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).toString();
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const isOurFrame = rendererFrameCheck(rendererUrl);
const isAppUrl = (url: string) => isOurFrame({ url, parent: null } as Electron.WebFrameMain);

let booted: BootedConsole | undefined;

function openWindows(console: BootedConsole, kiosk: boolean): void {
  for (const plan of planWindows(console.core.settingsValue().windows)) {
    openWindow(console, plan, { rendererUrl, preloadPath, kiosk });
  }
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
  handle(IPC.exportSnapshot, snapshotExportSchema, (request) => core.exportSnapshot(request));
  handle(IPC.openSnapshot, snapshotOpenSchema, (request) => core.openSnapshot(request));
  handle(IPC.annotateSnapshot, snapshotAnnotateSchema, (request) => core.annotateSnapshot(request));
  handle(IPC.exportReport, z.object({ fileName: snapshotFileNameSchema }), (request) =>
    core.exportReport(request),
  );
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
  registerIpc(booted);
  installMenu(booted);
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
