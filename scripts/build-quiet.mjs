// Builds the app without printing, so `npm run web` prints only its address.
// On failure the build's own output is shown, then the exit code passed on.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  process.exit(result.status ?? 1);
}
