// `npm start`: the desktop app, or browser mode when the Electron binary
// cannot be had (offline, or a machine without it). Arguments pass through;
// --help prints the options (from main/core/console-options.ts) and exits.
import { spawn, spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { fetchElectron, installedElectron } from './electron-binary.mjs';

const args = process.argv.slice(2);
const onWindows = process.platform === 'win32';

const options = await tsImport('../main/core/console-options.ts', import.meta.url);
if (options.wantsHelp(args)) {
  process.stdout.write(options.consoleHelpText('desktop'));
  process.exit(0);
}

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
