// What the renderer benches share: a built renderer, child processes that are
// always cleaned up, endpoints, browser mode on 127.0.0.1 and Debian's Chromium.
import { execSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { browserModeUrl } from '../test/e2e/browser-mode';
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, chromiumPath } from '../test/e2e/chromium-path';

export const CHROMIUM_ARGS = [
  ...E2E_CHROMIUM_ARGS,
  // A bench page is never in the background: keep its timers and frames at full rate.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

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
  const url = await browserModeUrl(child, [], 30_000);
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

const TICKS_PER_SECOND = 100;

/** Busy CPU seconds of the whole machine, all cores (Linux /proc/stat). */
function machineBusy(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
  // cpu user nice system idle iowait irq softirq steal
  return [1, 2, 3, 6, 7, 8].reduce((sum, i) => sum + Number(cpu[i] ?? 0), 0) / TICKS_PER_SECOND;
}

/** Own CPU seconds (no children) of this process and all its descendants, by pid:starttime. */
function ourTree(): Map<string, number> {
  const procs = new Map<number, { ppid: number; key: string; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (comm) ": state(0) ppid(1) … utime(11) stime(12) … starttime(19)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.set(Number(name), {
      ppid: Number(fields[1]),
      key: `${name}:${fields[19]}`,
      cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    });
  }
  const tree = new Map<string, number>();
  for (const [pid, proc] of procs) {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; hops += 1) {
      if (at === process.pid) {
        tree.set(proc.key, proc.cpu);
        break;
      }
      at = procs.get(at)?.ppid;
    }
  }
  return tree;
}

/**
 * Watches how much CPU processes outside this bench use: the machine's busy
 * time less this process tree's, sampled every second (so a child's CPU
 * counts as ours even if it is not reaped by us). stop() gives cores' worth;
 * NaN where there is no /proc.
 */
export function watchOtherCpu(): { stop(): number } {
  if (!existsSync('/proc/stat')) return { stop: () => NaN };
  const began = Date.now();
  const machineAtStart = machineBusy();
  const atStart = ourTree();
  const last = new Map(atStart);
  const sample = () => {
    for (const [key, cpu] of ourTree()) last.set(key, cpu);
  };
  const timer = setInterval(sample, 1_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      let ours = 0;
      // Alive at the start: what it used since; started later: all it used.
      for (const [key, cpu] of last) ours += cpu - (atStart.get(key) ?? 0);
      const seconds = (Date.now() - began) / 1000;
      const others = machineBusy() - machineAtStart - ours;
      return Math.round((Math.max(0, others) / seconds) * 100) / 100;
    },
  };
}
