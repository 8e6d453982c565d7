// `npm run bridge:unleash -- --unleash http://127.0.0.1:4242 --token ADMIN_TOKEN [--config FILE] [--port P]`:
// the Unleash bridge. Prints one line, `unleash bridge: ws://HOST:PORT`, when ready.
import { ConfigError, loadBridgeConfig } from './bridge-config';
import { BRIDGE_USAGE, BridgeOptionsError, parseBridgeOptions } from './bridge-options';
import { startUnleashBridge } from './bridge-server';

async function main(): Promise<void> {
  const options = parseBridgeOptions(process.argv.slice(2));
  if (options.help) {
    console.log(BRIDGE_USAGE);
    return;
  }
  const config = loadBridgeConfig(options.configFile);
  for (const warning of options.warnings) console.error(`unleash bridge: warning: ${warning}`);
  const bridge = await startUnleashBridge({
    config,
    unleash: { url: options.unleashUrl, token: options.unleashToken },
    port: options.port,
    host: options.host,
    token: options.consoleToken,
  });
  const services = bridge.watch.current.services;
  console.error(
    `unleash bridge: ${services.length} projects from ${options.unleashUrl}, rings by ${config.rings.mode}`,
  );
  console.log(`unleash bridge: ${bridge.url}`);
  const shutdown = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  const hint = err instanceof BridgeOptionsError ? `\n\n${BRIDGE_USAGE}` : '';
  const prefix = err instanceof ConfigError ? 'unleash bridge: config' : 'unleash bridge';
  console.error(`${prefix}: ${err.message}${hint}`);
  process.exit(1);
});
