// `npm run bridge:runbook -- --config FILE [--port P] [--host ADDR] [--token T]`:
// the runbook bridge. Prints one line, `runbook bridge: ws://HOST:PORT`, when ready.
import { parseArgs } from 'node:util';
import { RunbookConfigError, loadRunbookConfig } from './runbook-config';
import { startRunbookBridge } from './runbook-server';

export const RUNBOOK_USAGE = `usage: npm run bridge:runbook -- --config FILE [options]

  --config FILE   the runbook config (JSON; see docs/runbook.md)
  --port N        port consoles connect to (default 7800; 0 picks a free one)
  --host ADDR     address to listen on (default 127.0.0.1)
  --token TOKEN   bearer token consoles must send (or env BRIDGE_TOKEN)
  --help          this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(RUNBOOK_USAGE);
  if (!values.config) throw new Error(`--config FILE is required\n\n${RUNBOOK_USAGE}`);
  const port = Number(values.port ?? 7800);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port ${values.port}: not a port`);
  const bridge = await startRunbookBridge({
    config: loadRunbookConfig(values.config),
    port,
    host: values.host ?? '127.0.0.1',
    token: values.token ?? process.env.BRIDGE_TOKEN,
  });
  console.log(`runbook bridge: ${bridge.url}`);
  const shutdown = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  const prefix = err instanceof RunbookConfigError ? 'runbook bridge: config' : 'runbook bridge';
  console.error(`${prefix}: ${err.message}`);
  process.exit(1);
});
