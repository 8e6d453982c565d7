// What the renderer benches share: a built renderer, child processes that are
// always cleaned up, endpoints, browser mode on 127.0.0.1 and Debian's Chromium.
import { execSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  // A bench page is never in the background: keep its timers and frames at full rate.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  children.delete(child);
}

/** Kills every child this module started and removes its temp folders; safe to call twice. */
export function cleanUp(): void {
  for (const child of [...children]) stopChild(child);
  for (const dir of [...tempDirs]) {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

async function stopAndWait(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

// ---------------------------------------------------------------- build

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the renderer when out/renderer is missing (or when `force`, from
 * `--build`). A build older than renderer/ or shared/ is measured as it is,
 * with a warning and `stale: true` in the figures: rebuilding under other
 * people's feet would swap the files their end-to-end tests are loading.
 */
export function ensureRendererBuilt(force = false): { built: boolean; stale: boolean } {
  const index = 'out/renderer/index.html';
  const have = existsSync(index);
  const stale =
    have && Math.max(newestIn('renderer'), newestIn('shared')) > statSync(index).mtimeMs;
  if (have && !force) {
    if (stale) {
      console.error(
        'bench: out/renderer is older than renderer/ or shared/: measuring it anyway (`--build` rebuilds first)',
      );
    }
    return { built: false, stale };
  }
  console.error(have ? 'bench: building the renderer…' : 'bench: no built renderer: building…');
  try {
    execSync('npx electron-vite build --logLevel error', {
      stdio: ['ignore', process.stderr, process.stderr],
      timeout: 300_000,
    });
    return { built: true, stale: false };
  } catch (error) {
    if (!have) throw error;
    console.error('bench: the build failed; measuring the previous build in out/renderer');
    return { built: false, stale: true };
  }
}

// ---------------------------------------------------------------- endpoints and host

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** A child-process endpoint that sends its ws:// address over IPC. */
export async function startEndpoint(script: string, args: string[]): Promise<Running> {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 20_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(String(message));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  return { url, stop: () => stopAndWait(child) };
}

/** Browser mode, demo off, pointed at one endpoint, on 127.0.0.1 with a throwaway user-data folder. */
export async function startBrowserMode(endpoint: string): Promise<Running & { pid: number }> {
  const userData = tempDir('wf-bench-');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/web/web-cli.ts',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--no-demo',
      '--endpoint',
      endpoint,
      '--user-data',
      userData,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start: ${output.join('')}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Watchfloor \(browser mode\): (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited ${code}: ${output.join('')}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    stop: async () => {
      await stopAndWait(child);
      removeTempDir(userData);
    },
  };
}

// ---------------------------------------------------------------- Chromium

let browser: Browser | undefined;

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `no Chromium at ${chromiumPath()}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH; never \`npx playwright install\``,
    );
  }
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  });
  return browser;
}

export async function closeChromium(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface PageMetrics {
  /** Seconds the renderer's main thread spent in tasks, since the page's start. */
  taskDuration: number;
  jsHeapUsedSize: number;
  timestamp: number;
}

export async function pageMetrics(cdp: CDPSession): Promise<PageMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    taskDuration: get('TaskDuration'),
    jsHeapUsedSize: get('JSHeapUsedSize'),
    timestamp: get('Timestamp'),
  };
}

/** Main-thread busy share (0–1) between two metric readings: task seconds per wall second. */
export function busyShare(from: PageMetrics, to: PageMetrics): number {
  return (to.taskDuration - from.taskDuration) / (to.timestamp - from.timestamp);
}

/** JS heap after a full collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await cdp.send('HeapProfiler.enable');
  return cdp;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- statistics

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: number[]) => percentile(values, 50);

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------- the machine's other work

interface Proc {
  ppid: number;
  /** Start time in clock ticks since boot: tells a reused pid apart. */
  start: number;
  /** CPU seconds, its own and its reaped children's. */
  cpu: number;
}

export interface CpuReading {
  at: number;
  procs: Map<number, Proc>;
}

const TICKS_PER_SECOND = 100;

/** Every process's CPU time, from /proc (Linux only; undefined elsewhere). */
export function readCpu(): CpuReading | undefined {
  try {
    const procs = new Map<number, Proc>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // After "pid (comm) ": state ppid … utime(11) stime(12) cutime(13) cstime(14) … starttime(19)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      procs.set(Number(name), {
        ppid: Number(fields[1]),
        start: Number(fields[19]),
        cpu: cpu / TICKS_PER_SECOND,
      });
    }
    return { at: Date.now(), procs };
  } catch {
    return undefined;
  }
}

/**
 * Cores' worth of CPU that processes outside this bench used between two
 * readings: every process at the end that is not this one or its descendant,
 * less what it had used at the start. Short-lived processes count through
 * their parents, which reap them.
 */
export function otherCores(from: CpuReading | undefined, to: CpuReading | undefined): number {
  if (!from || !to || to.at <= from.at) return NaN;
  const ours = (pid: number) => {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; hops += 1) {
      if (at === process.pid) return true;
      at = to.procs.get(at)?.ppid;
    }
    return false;
  };
  let others = 0;
  for (const [pid, proc] of to.procs) {
    if (ours(pid)) continue;
    const before = from.procs.get(pid);
    others += before && before.start === proc.start ? proc.cpu - before.cpu : proc.cpu;
  }
  return Math.round((Math.max(0, others) / ((to.at - from.at) / 1000)) * 100) / 100;
}
