// `npm run bridge:buildbot -- --buildbot http://127.0.0.1:8010/ [--config FILE] [--port P]`:
// the Buildbot bridge. Prints one line, `buildbot bridge: ws://HOST:PORT`, when ready.
import { ConfigError, DEFAULT_CONFIG, loadBridgeConfig } from './bridge-config';
import { BRIDGE_USAGE, BridgeOptionsError, parseBridgeOptions } from './bridge-options';
import { startBuildbotBridge } from './bridge-server';
import { BuildbotClient } from './buildbot-client';
import { PreflightError, preflight } from './preflight';

async function main(): Promise<void> {
  const options = parseBridgeOptions(process.argv.slice(2));
  if (options.help) {
    console.log(BRIDGE_USAGE);
    return;
  }
  const config = options.configFile ? loadBridgeConfig(options.configFile) : DEFAULT_CONFIG;
  const buildbot = { url: options.buildbotUrl, headers: options.headers };
  const warnings = [
    ...options.warnings,
    ...(await preflight(new BuildbotClient({ ...buildbot, timeoutMs: config.timeoutMs }), config)),
  ];
  for (const warning of warnings) console.error(`buildbot bridge: warning: ${warning}`);
  const bridge = await startBuildbotBridge({
    config,
    buildbot,
    port: options.port,
    host: options.host,
    token: options.token,
  });
  const mapped = config.builders ? `${config.builders.length} builders` : 'every builder';
  console.error(`buildbot bridge: ${mapped} of ${options.buildbotUrl}`);
  console.log(`buildbot bridge: ${bridge.url}`);
  const shutdown = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  const hint = err instanceof BridgeOptionsError ? `\n\n${BRIDGE_USAGE}` : '';
  const prefix = err instanceof ConfigError ? 'buildbot bridge: config' : 'buildbot bridge';
  const known =
    err instanceof BridgeOptionsError ||
    err instanceof ConfigError ||
    err instanceof PreflightError;
  console.error(`${prefix}: ${known ? err.message : (err.stack ?? err.message)}${hint}`);
  process.exit(1);
});
