// The same folder Electron's app.getPath('userData') gives the desktop app,
// so browser mode shares its settings and audit log.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Watchfloor');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Watchfloor');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Watchfloor');
}
