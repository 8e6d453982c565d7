// Where the Electron binary is, or why it cannot be had. Electron 42 and later
// download it on first launch rather than at install, so `npm ci` works offline.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** The binary's path when it is already on disk, else undefined. */
export function installedElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return undefined;
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Tries Electron's own first-launch download, bounded in time. */
export function fetchElectron(timeoutMs = 120_000) {
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const binary = installedElectron();
  if (binary) return { binary };
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const line = output.split('\n').find((l) => /error|fail/i.test(l)) ?? `exit ${result.status}`;
  const why = result.error ? result.error.message : line.trim().replace(/^\w*Error: /, '');
  return { reason: `download failed: ${why.slice(0, 160)}` };
}
