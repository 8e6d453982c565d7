// One action's command as a process group: started through the wrapper (which
// records the exit status on disk), followed through its log file, and killed
// as a group at its deadline. Following works the same for a command this
// process started and for one a previous bridge process started.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { RunFacts } from './action-journal';

export const WRAPPER = new URL('./command-wrapper.mjs', import.meta.url).pathname;

export interface CommandSpec {
  command: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Where the log and exit files go, and their base name. */
  runsDir: string;
  name: string;
}

export type RunOutcome =
  | { kind: 'exited'; code: number | null; signal: string | null; error?: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'lost' };

export interface RunWatcher {
  lines(lines: string[]): void;
  done(outcome: RunOutcome): void;
}

/** Starts the command in a new process group; resolves once it has a pid. */
export function startCommand(spec: CommandSpec, now = Date.now()): RunFacts {
  const logFile = join(spec.runsDir, `${spec.name}.log`);
  const exitFile = join(spec.runsDir, `${spec.name}.exit`);
  const child = spawn(process.execPath, [WRAPPER, logFile, exitFile, spec.command, ...spec.argv], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: 'ignore',
    detached: true,
    shell: false,
  });
  if (child.pid === undefined) throw new Error(`cannot start ${process.execPath}`);
  child.unref();
  return {
    pid: child.pid,
    logFile,
    exitFile,
    deadline: now + spec.timeoutMs,
    timeoutMs: spec.timeoutMs,
  };
}

const POLL_MS = 150;
const KILL_GRACE_MS = 2_000;

/** Follows a run until it ends; returns a function that stops following (not the command). */
export function followCommand(run: RunFacts, watcher: RunWatcher): () => void {
  let offset = 0;
  let partial = '';
  let killedAt: number | undefined;
  let stopped = false;
  const readLines = (flush: boolean) => {
    const chunk = readFrom(run.logFile, offset);
    offset += chunk.length;
    const text = partial + chunk.toString('utf8');
    const parts = text.split(/\r?\n/);
    partial = flush ? '' : (parts.pop() ?? '');
    const lines = flush ? parts.filter((line) => line !== '') : parts;
    if (lines.length > 0) watcher.lines(lines);
  };
  const end = (outcome: RunOutcome) => {
    stopped = true;
    clearInterval(timer);
    readLines(true);
    watcher.done(outcome);
  };
  const tick = () => {
    if (stopped) return;
    readLines(false);
    const exit = readExit(run.exitFile);
    if (exit && killedAt === undefined) return end({ kind: 'exited', ...exit });
    const alive = groupAlive(run.pid);
    if (killedAt !== undefined) {
      if (alive && Date.now() - killedAt < KILL_GRACE_MS) return;
      signalGroup(run.pid, 'SIGKILL');
      return end({ kind: 'timeout', timeoutMs: run.timeoutMs });
    }
    if (Date.now() >= run.deadline) {
      killedAt = Date.now();
      signalGroup(run.pid, 'SIGTERM');
      return;
    }
    // Gone without an exit file: check once more (the rename may have just landed).
    if (!alive) {
      const late = readExit(run.exitFile);
      end(late ? { kind: 'exited', ...late } : { kind: 'lost' });
    }
  };
  const timer = setInterval(tick, POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function readFrom(file: string, offset: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const chunks: Buffer[] = [];
    let position = offset;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      chunks.push(buffer.subarray(0, read));
      position += read;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function readExit(
  file: string,
): { code: number | null; signal: string | null; error?: string } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as {
      code: number | null;
      signal: string | null;
      error?: string;
    };
    return {
      code: value.code,
      signal: value.signal,
      ...(value.error ? { error: value.error } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Whether any process of the group led by `pid` is still there. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
