// `npm run bridge:prometheus -- --prometheus http://127.0.0.1:9090 [--config FILE] ...`:
// the Prometheus bridge. Prints one line, `prometheus bridge: ws://HOST:PORT`, when ready.
import { readFileSync } from 'node:fs';
import { ConfigError, NODE_EXPORTER_CONFIG, loadBridgeConfig } from './bridge-config';
import { BRIDGE_USAGE, BridgeOptionsError, parseBridgeOptions } from './bridge-options';
import { startPrometheusBridge } from './bridge-server';

async function main(): Promise<void> {
  const options = parseBridgeOptions(process.argv.slice(2));
  if (options.help) {
    console.log(BRIDGE_USAGE);
    return;
  }
  const config = loadBridgeConfig(options.configFile ?? NODE_EXPORTER_CONFIG);
  let ca: Buffer | undefined;
  if (options.caFile !== undefined) {
    try {
      ca = readFileSync(options.caFile);
    } catch (err) {
      throw new BridgeOptionsError(`--prom-ca ${options.caFile}: ${(err as Error).message}`);
    }
  }
  for (const warning of options.warnings) console.error(`prometheus bridge: warning: ${warning}`);
  const bridge = await startPrometheusBridge({
    config,
    prometheus: { url: options.prometheusUrl, headers: options.headers, ca },
    port: options.port,
    host: options.host,
    token: options.token,
  });
  console.error(`prometheus bridge: ${config.series.length} series from ${options.prometheusUrl}`);
  console.log(`prometheus bridge: ${bridge.url}`);
  const shutdown = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  const hint = err instanceof BridgeOptionsError ? `\n\n${BRIDGE_USAGE}` : '';
  const prefix = err instanceof ConfigError ? 'prometheus bridge: config' : 'prometheus bridge';
  console.error(`${prefix}: ${err.message}${hint}`);
  process.exit(1);
});
