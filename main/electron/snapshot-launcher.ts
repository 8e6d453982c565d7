// Snapshots reaching the desktop app from outside the page: a path on the
// command line (`watchfloor incident.wfsnap`), a second launch while one runs
// (the single-instance lock hands its argv over), macOS's open-file, and
// File > Open. Each is read and validated, then kept in the snapshots folder
// (never over another file there: a taken name gets " (2)") and offered to the page.
import { BrowserWindow, Menu, app, dialog } from 'electron';
import type { BootedConsole } from '../core/console-boot';

const isSnapshotPath = (arg: string) =>
  arg.toLowerCase().endsWith('.wfsnap') && !arg.startsWith('-');

export function snapshotPathsIn(argv: string[]): string[] {
  return argv.filter(isSnapshotPath);
}

export function offerSnapshots(booted: BootedConsole, paths: string[]): void {
  for (const path of paths) {
    booted.core.offerSnapshot(path).catch((err: unknown) => {
      const reason = err instanceof Error && err.message ? err.message : String(err);
      void dialog.showMessageBox({
        type: 'error',
        message: `Cannot open ${path}`,
        detail: reason || 'the file could not be read',
      });
    });
  }
}

/** Returns false when another instance runs: it gets our arguments and we quit. */
export function claimSingleInstance(onSecond: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window?.isMinimized()) window.restore();
    window?.focus();
    onSecond(argv);
  });
  return true;
}

export function installMenu(booted: BootedConsole): void {
  const open = async () => {
    const result = await dialog.showOpenDialog({
      title: 'Open incident snapshot',
      filters: [{ name: 'Watchfloor snapshot', extensions: ['wfsnap'] }],
      properties: ['openFile'],
    });
    if (!result.canceled) offerSnapshots(booted, result.filePaths);
  };
  const menu = Menu.buildFromTemplate([
    {
      label: 'File',
      submenu: [
        { label: 'Open Snapshot…', accelerator: 'CmdOrCtrl+O', click: () => void open() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
  Menu.setApplicationMenu(menu);
}
