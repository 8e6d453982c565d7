// Runs one action's command for the runbook bridge and outlives it: the output
// goes to a log file and the exit status to a file (written atomically), so a
// bridge that restarted mid-action still learns how the command ended. The
// bridge starts this program as the leader of a new process group; the
// command runs in that group, so killing the group at the timeout kills it all.
//   node command-wrapper.mjs LOG_FILE EXIT_FILE COMMAND [ARG...]
import { spawn } from 'node:child_process';
import { appendFileSync, openSync, renameSync, writeFileSync } from 'node:fs';

const [logFile, exitFile, command, ...args] = process.argv.slice(2);
if (!logFile || !exitFile || !command) {
  console.error('usage: command-wrapper.mjs LOG_FILE EXIT_FILE COMMAND [ARG...]');
  process.exit(2);
}

const log = openSync(logFile, 'a');
let written = false;
const finish = (status) => {
  if (written) return;
  written = true;
  writeFileSync(`${exitFile}.tmp`, JSON.stringify({ ...status, at: Date.now() }));
  renameSync(`${exitFile}.tmp`, exitFile);
};

// No shell: the command and every argument are passed to execve as they are.
const child = spawn(command, args, { stdio: ['ignore', log, log], shell: false });
child.once('error', (err) => {
  appendFileSync(logFile, `cannot start ${command}: ${err.message}\n`);
  finish({ code: 127, signal: null, error: err.message });
});
child.once('exit', (code, signal) => finish({ code, signal }));
