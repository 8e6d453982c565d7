// `npm start`: the desktop app, or browser mode when the Electron binary
// cannot be had (offline, or a machine without it). Arguments pass through.
import { spawn, spawnSync } from 'node:child_process';
import { fetchElectron, installedElectron } from './electron-binary.mjs';

const args = process.argv.slice(2);
const onWindows = process.platform === 'win32';

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', shell: onWindows });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

let binary = installedElectron();
let reason;
if (!binary) ({ binary, reason } = fetchElectron());

if (binary) {
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: 'inherit',
    shell: onWindows,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(binary, ['.', ...args]);
} else {
  console.log(`Electron binary unavailable (${reason}); starting browser mode instead.`);
  run('npm', ['run', '--silent', 'web', '--', ...args]);
}
