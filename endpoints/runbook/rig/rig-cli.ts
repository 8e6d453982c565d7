// `npx tsx endpoints/runbook/rig/rig-cli.ts [--dir DIR] [--port P]`: starts the
// whole rig (the shop on two instances, Prometheus, load, the runbook bridge)
// on 127.0.0.1 and prints how to watch it; Ctrl-C stops everything.
import { parseArgs } from 'node:util';
import { loadRunbookConfig } from '../runbook-config';
import { startRunbookBridge } from '../runbook-server';
import { startShopRig } from './shop-rig';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, port: { type: 'string', default: '7800' } },
  });
  console.error('rig: deploying shop 1.0.0 with ansible-playbook and starting Prometheus...');
  const rig = await startShopRig(values.dir ? { dir: values.dir } : {});
  const bridge = await startRunbookBridge({
    config: loadRunbookConfig(rig.configFile),
    port: Number(values.port),
  });
  console.error(
    `rig: folder ${rig.dir}, Prometheus ${rig.prometheusUrl}, config ${rig.configFile}`,
  );
  console.log(`runbook bridge: ${bridge.url}`);
  console.error(`rig: watch it with  npm run web -- --endpoint ${bridge.url}`);
  const shutdown = () =>
    void bridge
      .close()
      .then(() => rig.stop())
      .then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  console.error(`rig: ${err.message}`);
  process.exit(1);
});
