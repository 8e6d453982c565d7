// `npm run web -- [--port 7300] [--endpoint ws://...]... [--no-demo]`:
// browser mode. Prints exactly one line, the address with its session token
// (or, with --help, the options from main/core/console-options.ts).
import Conf from 'conf';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AuditLog } from '../core/actions/audit-log';
import { bootConsole } from '../core/console-boot';
import {
  OptionsError,
  consoleHelpText,
  parseConsoleOptions,
  wantsHelp,
} from '../core/console-options';
import { EndpointRegistry } from '../core/links/endpoint-registry';
import { SettingsStore } from '../core/settings/settings-store';
import { defaultUserDataDir } from '../core/settings/user-data-dir';
import { startWebHost } from './web-host';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = `${root}out/renderer`;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(consoleHelpText('browser'));
    return;
  }
  const options = parseConsoleOptions(argv);
  if (!existsSync(`${staticDir}/index.html`)) {
    throw new Error(`no built renderer in ${staticDir}: run \`npm run build\` first`);
  }
  if (!LOOPBACK.has(options.host)) {
    console.error(
      `warning: binding ${options.host} exposes the console beyond this machine; the token is all that guards it`,
    );
  }
  const userData = options.userData ?? defaultUserDataDir();
  mkdirSync(userData, { recursive: true });
  const settings = SettingsStore.open(
    userData,
    (cwd) =>
      new Conf({
        cwd,
        configName: 'settings',
        projectName: 'watchfloor',
        clearInvalidConfig: false,
      }),
  );
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  const booted = await bootConsole(options, {
    clientVersion: pkg.version,
    settings,
    // Browser mode has no safeStorage: tokens are used for the session only, and it says so.
    registry: new EndpointRegistry(settings, undefined),
    userData,
    core: { audit: new AuditLog(userData) },
  });
  const host = await startWebHost({
    api: booted.core,
    staticDir,
    port: options.port,
    host: options.host,
    files: (fileName) => booted.core.snapshotPath(fileName),
  });
  console.log(`Watchfloor (browser mode): ${host.url}`);
  const shutdown = () => {
    void Promise.all([host.close(), booted.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  const prefix = err instanceof OptionsError ? 'watchfloor: bad option' : 'watchfloor';
  console.error(`${prefix}: ${err.message}`);
  process.exit(1);
});
