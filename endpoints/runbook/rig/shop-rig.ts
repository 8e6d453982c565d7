// The whole rig in a throwaway folder on 127.0.0.1: the shop deployed by the
// real deploy playbook (1.0.0 on two instances), real Prometheus scraping it
// through file_sd, the bounded load generator, and the runbook bridge's config.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoad, type LoadGenerator } from './load-generator';
import { startPrometheus, type PrometheusProcess } from './prometheus-process';
import { RIG_DIR, playbookVars, writeInitialState, writeRunbookConfig } from './rig-config';

const INSTALL_HINT =
  "run `sudo bash scripts/test-setup.sh`, or `apt-get install ansible-core prometheus` (Debian's)";

export interface ShopRigOptions {
  /** The folder to work in; a new temporary one when absent (and removed on stop). */
  dir?: string;
  prometheusBin?: string;
  servers?: number;
  rps?: number;
  version?: string;
}

export interface ShopRig {
  dir: string;
  /** The shop's Capistrano root: releases/, current, state.json, run/, targets/. */
  root: string;
  prometheusUrl: string;
  /** The runbook bridge's config, with the rig's series from Prometheus. */
  configFile: string;
  load: LoadGenerator;
  stop(): Promise<void>;
}

export async function startShopRig(options: ShopRigOptions = {}): Promise<ShopRig> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'wf-runbook-rig-'));
  const root = join(dir, 'shop');
  mkdirSync(join(root, 'targets'), { recursive: true });
  writeInitialState(root, options.servers ?? 2);
  let prometheus: PrometheusProcess | undefined;
  let load: LoadGenerator | undefined;
  const stop = async () => {
    load?.stop();
    await prometheus?.stop();
    await run(process.execPath, [
      join(RIG_DIR, 'instances.mjs'),
      '--root',
      root,
      '--count',
      '0',
    ]).catch(() => {});
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run('ansible-playbook', [
      '-i',
      'localhost,',
      join(RIG_DIR, 'playbooks', 'deploy.yml'),
      '-e',
      JSON.stringify({ ...playbookVars(root), version: options.version ?? '1.0.0' }),
    ]);
    prometheus = await startPrometheus({
      binary: options.prometheusBin ?? process.env.PROMETHEUS_BIN ?? 'prometheus',
      dir,
      port: await freePort(),
      targetsGlob: join(root, 'targets', '*.json'),
    });
    load = startLoad({ targetsFile: join(root, 'targets', 'shop.json'), rps: options.rps ?? 40 });
  } catch (err) {
    await stop();
    throw err;
  }
  const configFile = writeRunbookConfig({ dir, root, prometheusUrl: prometheus.url });
  return { dir, root, prometheusUrl: prometheus.url, configFile, load, stop };
}

function run(command: string, args: string[]): Promise<string> {
  const env = { ...process.env, ANSIBLE_NOCOLOR: '1' };
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 120_000 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(new Error(`${command} is not installed: ${INSTALL_HINT}`));
      const said = `${stdout.slice(-2000)}${stderr.slice(-2000)}`;
      reject(new Error(`${command} failed: ${err.message}\n${said}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
