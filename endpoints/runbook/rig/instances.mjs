// Keeps N instances of the current release running, as a process supervisor
// would: `--restart` replaces them all (a deploy), otherwise it starts or
// stops the difference (a scale). It then rewrites the Prometheus file_sd
// targets file, atomically, so Prometheus follows the instances.
//   node instances.mjs --root DIR --count N [--restart]
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    count: { type: 'string' },
    restart: { type: 'boolean', default: false },
  },
});
const root = values.root;
const count = Number(values.count);
if (!root || !Number.isInteger(count) || count < 0 || count > 16) {
  console.error('usage: instances.mjs --root DIR --count N (0-16) [--restart]');
  process.exit(2);
}
const runDir = join(root, 'run');
const targetsDir = join(root, 'targets');
mkdirSync(runDir, { recursive: true });
mkdirSync(targetsDir, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function running() {
  return readdirSync(runDir)
    .filter((name) => /^instance-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(runDir, name), 'utf8')))
    .sort((a, b) => a.index - b.index);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(instance) {
  if (alive(instance.pid)) process.kill(instance.pid, 'SIGTERM');
  for (let waited = 0; alive(instance.pid) && waited < 5_000; waited += 50) await sleep(50);
  if (alive(instance.pid)) process.kill(instance.pid, 'SIGKILL');
  rmSync(join(runDir, `instance-${instance.index}.json`), { force: true });
  console.log(
    `stopped instance ${instance.index} (127.0.0.1:${instance.port}, ${instance.version})`,
  );
}

async function start(index) {
  const portFile = join(runDir, `instance-${index}.port`);
  rmSync(portFile, { force: true });
  const log = openSync(join(runDir, `instance-${index}.log`), 'a');
  const current = join(root, 'current');
  const child = spawn(
    process.execPath,
    [join(current, 'shop-service.mjs'), '--port', '0', '--port-file', portFile],
    {
      cwd: current,
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  child.unref();
  for (let waited = 0; !existsSync(portFile); waited += 50) {
    if (waited > 10_000 || !alive(child.pid))
      throw new Error(
        `instance ${index} did not start (see ${join(runDir, `instance-${index}.log`)})`,
      );
    await sleep(50);
  }
  const port = Number(readFileSync(portFile, 'utf8'));
  const version = JSON.parse(readFileSync(join(current, 'release.json'), 'utf8')).version;
  const instance = { index, pid: child.pid, port, version };
  writeFileSync(join(runDir, `instance-${index}.json`), JSON.stringify(instance));
  console.log(`started instance ${index} on 127.0.0.1:${port} (${version})`);
  return instance;
}

function writeTargets(instances) {
  const file = join(targetsDir, 'shop.json');
  const groups = [
    {
      targets: instances.map((i) => `127.0.0.1:${i.port}`),
      labels: { service: 'shop', environment: 'production' },
    },
  ];
  writeFileSync(`${file}.tmp`, JSON.stringify(groups, null, 2));
  renameSync(`${file}.tmp`, file);
  console.log(`prometheus targets: ${instances.length} instance(s)`);
}

const before = running();
const keep = values.restart ? [] : before.filter((i) => i.index < count && alive(i.pid));
for (const instance of before.filter((i) => !keep.includes(i))) await stop(instance);
const after = [...keep];
for (let index = 0; index < count; index += 1) {
  if (!after.some((i) => i.index === index)) after.push(await start(index));
}
writeTargets(after.sort((a, b) => a.index - b.index));
