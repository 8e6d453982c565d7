// `npm run demo-endpoint -- --port 7400 [--seed N]`: the demo endpoint alone.
import { parseArgs } from 'node:util';
import { startDemoEndpoint } from './demo-server';

function parseWhole(raw: string | undefined, fallback: number, name: string, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new Error(`${name} ${raw}: expected a whole number from 0 to ${max}`);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, seed: { type: 'string' }, host: { type: 'string' } },
  });
  const endpoint = await startDemoEndpoint({
    port: parseWhole(values.port, 7400, '--port', 65535),
    seed: values.seed === undefined ? undefined : parseWhole(values.seed, 1, '--seed', 2 ** 32 - 1),
    host: values.host ?? '127.0.0.1',
  });
  console.log(`demo endpoint: ${endpoint.url}`);
  const shutdown = () => void endpoint.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  console.error(`demo endpoint: ${err.message}`);
  process.exit(1);
});
