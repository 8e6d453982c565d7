// `npm run demo-endpoint -- --port 7400 [--seed N] [--scenario NAME] [--action-ms N]`: the demo
// endpoint alone, running one scenario (bad-deploy unless told otherwise).
import { USAGE, parseDemoArgs } from './demo-cli-args';
import { startDemoEndpoint } from './demo-server';

async function main(): Promise<void> {
  const endpoint = await startDemoEndpoint(parseDemoArgs(process.argv.slice(2)));
  const { scenario } = endpoint.simulation;
  console.log(`demo endpoint: ${endpoint.url}`);
  console.log(`scenario ${scenario.name}: ${scenario.summary}`);
  const shutdown = () => void endpoint.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  console.error(`demo endpoint: ${err.message}`);
  console.error(`usage: ${USAGE}`);
  process.exit(1);
});
