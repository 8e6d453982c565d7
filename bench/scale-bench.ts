// B6 (issue 22): how the console core's cost grows with endpoints and series.
//
//   npx tsx bench/scale-bench.ts [--quick] [--all | --max-rate=N] [--only=20x1000,1x100]
//                                [--profile[=seconds]] [--heap-profile] [--no-plot] [--replot=saved-stdout]
//
// For 1, 5 and 20 endpoints × 100, 1,000 and 5,000 series each at 1 Hz: the
// endpoints (bench/scale-endpoint.ts, one child process, one loopback
// WebSocket server each) and the core (bench/scale-core.ts, another child,
// so its CPU and RSS are its own) run for a warm-up, the history buffers are
// filled to an hour's worth, then a window measures the core's CPU share,
// RSS and the deltas it hands the renderer. 10 s + 15 s a cell (5 s + 8 s
// with --quick). Cells over --max-rate samples/s (default 50,000: 20 × 5,000,
// 100,000 samples/s, saturates the core on two shared cores and takes ~6 GB
// of a shared machine's memory) are skipped and listed; --all runs them. Prints a table, the cost
// per series (least squares over the cells), the verdict on the target, a
// markdown table, and writes the plot to docs/performance-b6.svg; the last
// line of stdout is the run as JSON, which --replot=FILE reads back (table,
// fits and plot again without measuring).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { watchOtherCpu } from './browser-harness';
import type { CoreRequest, FillFigures, WindowFigures } from './scale-core';
import type { ProfileSummary } from './cpu-profile-summary';
import type { AllocationSummary } from './heap-snapshot-summary';
import { scalePlotSvg, type Fit, type PlotCell } from './scale-plot';

const ENDPOINTS = [1, 5, 20];
const SERIES_PER_ENDPOINT = [100, 1_000, 5_000];
/** The target: at 20 × 1,000 the core stays under these. */
const TARGET = { endpoints: 20, series: 1_000, cpuPercent: 25, rssMb: 400 };
const PLOT_PATH = 'docs/performance-b6.svg';
/** After the fill (a second or more of blocked event loop), for the core to catch up. */
const SETTLE_MS = 5_000;

/** How long links may take to open with their catalogs: longer for more series on a busy machine. */
const connectLimitMs = (totalSeries: number) => 30_000 + totalSeries;

interface Timing {
  warmUpMs: number;
  measureMs: number;
  profileSeconds: number;
  /** Sample the core's allocations from its start to the window's end (garbage included). */
  heapProfile: boolean;
}

export interface CellFigures extends WindowFigures {
  endpoints: number;
  seriesPerEndpoint: number;
  totalSeries: number;
  offeredSamplesPerSecond: number;
  connectMs: number;
  fill: FillFigures;
  /** The endpoints' process, % of one core: it shares the machine with the core. */
  endpointCpuPercent: number;
  /** Cores' worth of CPU other processes used during the window. */
  otherCores: number;
  profile?: ProfileSummary;
  heapProfile?: AllocationSummary;
}

interface Skipped {
  endpoints: number;
  seriesPerEndpoint: number;
  reason: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------- children

const children = new Set<ChildProcess>();

function start(script: string, args: string[]): ChildProcess {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function stopAll(): void {
  for (const child of children) child.kill('SIGKILL');
}
process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** The child's next message of `type`, its `figures` (or its `error` thrown), within `timeoutMs`. */
function reply<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`no ${type} reply in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: { type?: string; figures?: T; error?: unknown }) => {
      if (message.type !== type) return;
      if (message.error !== undefined) done(new Error(`${type}: ${String(message.error)}`));
      else done(undefined, (message.figures ?? message) as T);
    };
    const onExit = (code: number | null) =>
      done(new Error(`child exited (${code}) before ${type}`));
    function done(error: Error | undefined, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function ask<T>(child: ChildProcess, request: CoreRequest, timeoutMs = 30_000): Promise<T> {
  const answer = reply<T>(child, request.type, timeoutMs);
  child.send(request);
  return answer;
}

async function endpointCpuSeconds(endpoint: ChildProcess): Promise<number> {
  const answer = reply<{ cpu: NodeJS.CpuUsage }>(endpoint, 'cpu', 10_000);
  endpoint.send({ type: 'cpu' });
  const { cpu } = await answer;
  return (cpu.user + cpu.system) / 1e6;
}

// ---------------------------------------------------------------- one cell

async function runCell(
  endpoints: number,
  seriesPerEndpoint: number,
  timing: Timing,
): Promise<CellFigures> {
  const totalSeries = endpoints * seriesPerEndpoint;
  const endpoint = start('bench/scale-endpoint.ts', [String(endpoints), String(seriesPerEndpoint)]);
  const core = start('bench/scale-core.ts', []);
  try {
    const { urls } = await reply<{ urls: string[] }>(endpoint, 'urls', 30_000);
    await reply(core, 'started', 30_000);
    if (timing.heapProfile) await ask(core, { type: 'heap-sampling' });
    const connected = await ask<{ ms: number }>(
      core,
      { type: 'connect', urls, series: totalSeries, limitMs: connectLimitMs(totalSeries) },
      connectLimitMs(totalSeries) + 10_000,
    );
    await sleep(timing.warmUpMs);
    const fill = await ask<FillFigures>(core, { type: 'fill' }, 120_000);
    await sleep(SETTLE_MS);
    const otherCpu = watchOtherCpu();
    const endpointBefore = await endpointCpuSeconds(endpoint);
    await ask(core, { type: 'begin' });
    await sleep(timing.measureMs);
    const window = await ask<WindowFigures>(core, { type: 'end' });
    const endpointCpu = (await endpointCpuSeconds(endpoint)) - endpointBefore;
    const heapProfile = timing.heapProfile
      ? await ask<AllocationSummary>(core, { type: 'heap-profile' }, 60_000)
      : undefined;
    const otherCores = otherCpu.stop();
    const profile =
      timing.profileSeconds > 0
        ? await ask<ProfileSummary>(
            core,
            { type: 'profile', seconds: timing.profileSeconds },
            timing.profileSeconds * 1000 + 30_000,
          )
        : undefined;
    return {
      endpoints,
      seriesPerEndpoint,
      totalSeries,
      offeredSamplesPerSecond: totalSeries,
      connectMs: connected.ms,
      fill,
      ...window,
      endpointCpuPercent: round1((endpointCpu / window.seconds) * 100),
      otherCores,
      ...(profile ? { profile } : {}),
      ...(heapProfile ? { heapProfile } : {}),
    };
  } finally {
    await Promise.all([stop(core), stop(endpoint)]);
  }
}

// ---------------------------------------------------------------- statistics

interface LeastSquares extends Fit {
  standardError: number;
  r2: number;
}

/** y = intercept + slope × x by least squares, the slope's standard error and R². */
export function leastSquares(points: { x: number; y: number }[]): LeastSquares | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
    syy += (p.y - meanY) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = points.reduce((s, p) => s + (p.y - intercept - slope * p.x) ** 2, 0);
  return {
    slope,
    intercept,
    standardError: Math.sqrt(residuals / (n - 2) / sxx),
    r2: syy === 0 ? 1 : 1 - residuals / syy,
  };
}

/**
 * y = intercept + perSeries × series + perEndpoint × endpoints, by least
 * squares (normal equations, Cramer's rule): what an endpoint costs beyond its series.
 */
export function fitSeriesAndEndpoints(
  points: { series: number; endpoints: number; y: number }[],
): { intercept: number; perSeries: number; perEndpoint: number } | undefined {
  if (points.length < 4) return undefined;
  const a: Matrix3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const b: Row3 = [0, 0, 0];
  for (const p of points) {
    const row: Row3 = [1, p.series, p.endpoints];
    for (const i of INDICES) {
      b[i] += row[i] * p.y;
      for (const j of INDICES) a[i][j] += row[i] * row[j];
    }
  }
  const d = det3(a);
  if (Math.abs(d) < 1e-9) return undefined;
  const solve = (col: number) =>
    det3(a.map((row, i) => row.map((v, j) => (j === col ? (b[i] as number) : v))) as Matrix3) / d;
  return { intercept: solve(0), perSeries: solve(1), perEndpoint: solve(2) };
}

type Row3 = [number, number, number];
type Matrix3 = [Row3, Row3, Row3];
const INDICES = [0, 1, 2] as const;
const det3 = ([[p, q, r], [s, t, u], [v, w, x]]: Matrix3) =>
  p * (t * x - u * w) - q * (s * x - u * v) + r * (s * w - t * v);

function fitsOf(cells: CellFigures[]) {
  const fit = (pick: (c: CellFigures) => number | undefined) =>
    leastSquares(
      cells.flatMap((c) => {
        const y = pick(c);
        return y === undefined ? [] : [{ x: c.totalSeries, y }];
      }),
    );
  return {
    cpu: fit((c) => c.cpuPercent),
    rssFresh: fit((c) => c.fill.rssFreshMb),
    rssHour: fit((c) => (c.fill.filled ? c.rssMb : undefined)),
    bytes: fit((c) => c.bytesPerSecond / 1024),
    cpuBySeriesAndEndpoints: fitSeriesAndEndpoints(
      cells.map((c) => ({ series: c.totalSeries, endpoints: c.endpoints, y: c.cpuPercent })),
    ),
  };
}

/** "0.51 ± 0.02 per 1,000 series (+ 3.1 fixed), R² 0.99". */
function describeFit(fit: LeastSquares | undefined, unit: string): string {
  if (!fit) return 'too few cells to fit';
  const per1000 = (n: number) => (n * 1000).toFixed(n * 1000 < 10 ? 2 : 1);
  return `${per1000(fit.slope)} ± ${per1000(fit.standardError)} ${unit} per 1,000 series (+ ${round1(fit.intercept)} ${unit} fixed), R² ${fit.r2.toFixed(3)}`;
}

// ---------------------------------------------------------------- report

function printTable(cells: CellFigures[]): void {
  console.table(
    cells.map((c) => ({
      'endpoints × series': `${c.endpoints} × ${fmt(c.seriesPerEndpoint)}`,
      'samples/s': fmt(c.offeredSamplesPerSecond),
      delivered: fmt(c.samplesPerSecond),
      'CPU %': c.cpuPercent,
      'JSON %': c.stringifyPercent,
      'RSS MB fresh': c.fill.rssFreshMb,
      'RSS MB 1 h': c.fill.filled ? c.rssMb : 'not filled',
      'after GC': c.fill.rssCollectedMb,
      'raw s': c.fill.rawSamples,
      'history MB': c.fill.bufferMb,
      'buffers MB': c.arrayBuffersMb,
      'deltas/s': c.deltasPerSecond,
      'KB/s': round1(c.bytesPerSecond / 1024),
      'loop p99 ms': c.eventLoopP99Ms,
      'endpoints CPU %': c.endpointCpuPercent,
      'other cores': c.otherCores,
    })),
  );
}

function markdownTable(cells: CellFigures[]): string {
  const lines = [
    '| endpoints × series | samples/s | delivered/s | CPU % (of which JSON) | RSS MB, warm-up | RSS MB, 1 h of history | history MB (raw s) | deltas/s | KB/s | event-loop p99 | other cores |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of cells) {
    const hour = c.fill.filled ? fmt(c.rssMb) : `not filled (${fmt(c.fill.bufferMb)} MB)`;
    lines.push(
      `| ${c.endpoints} × ${fmt(c.seriesPerEndpoint)} | ${fmt(c.offeredSamplesPerSecond)} | ${fmt(c.samplesPerSecond)} | ${c.cpuPercent} (${c.stringifyPercent}) | ${fmt(c.fill.rssFreshMb)} | ${hour} | ${fmt(c.fill.bufferMb)} (${c.fill.rawSamples ?? '?'}) | ${c.deltasPerSecond} | ${fmt(round1(c.bytesPerSecond / 1024))} | ${c.eventLoopP99Ms} ms | ${c.otherCores} |`,
    );
  }
  return lines.join('\n');
}

function verdict(cells: CellFigures[]): string[] {
  const cell = cells.find(
    (c) => c.endpoints === TARGET.endpoints && c.seriesPerEndpoint === TARGET.series,
  );
  if (!cell) return [`target: ${TARGET.endpoints} × ${fmt(TARGET.series)} was not measured`];
  const judge = (value: number, limit: number, unit: string) =>
    value < limit
      ? `${value} ${unit} < ${limit}: met`
      : `${value} ${unit}: MISSED by ${round1(value - limit)} ${unit} (${(value / limit).toFixed(2)}×)`;
  const hour = cell.fill.filled
    ? judge(cell.rssMb, TARGET.rssMb, 'MB')
    : `not measured (buffers of ${cell.fill.bufferMb} MB not filled)`;
  return [
    `target at ${TARGET.endpoints} × ${fmt(TARGET.series)} (${fmt(cell.offeredSamplesPerSecond)} samples/s):`,
    `  CPU ${judge(cell.cpuPercent, TARGET.cpuPercent, '% of a core')}`,
    `  RSS after warm-up ${judge(cell.fill.rssFreshMb, TARGET.rssMb, 'MB')}`,
    `  RSS with an hour of history ${hour}`,
  ];
}

/** One run's figures: printed as the last line of stdout, read back by --replot. */
interface RunRecord {
  quick: boolean;
  load: string;
  cores: number;
  otherCores: number;
  cells: CellFigures[];
  skipped: Skipped[];
}

function report({ quick, load, cores, otherCores, cells, skipped }: RunRecord) {
  console.log(
    `\nB6 scale, ${quick ? 'quick' : 'full'}: ${cores} CPUs, load average ${load}, other processes ${otherCores} cores over the run`,
  );
  printTable(cells);
  for (const s of skipped) {
    console.log(`skipped ${s.endpoints} × ${fmt(s.seriesPerEndpoint)}: ${s.reason}`);
  }
  for (const c of cells.filter((c) => c.samplesPerSecond < c.offeredSamplesPerSecond * 0.9)) {
    console.log(
      `note: ${c.endpoints} × ${fmt(c.seriesPerEndpoint)} delivered ${fmt(c.samplesPerSecond)} of ${fmt(c.offeredSamplesPerSecond)} samples/s: the core (or the endpoints) fell behind`,
    );
  }
  const fits = fitsOf(cells);
  console.log('cost per series (least squares over the cells, against total series):');
  console.log(`  CPU: ${describeFit(fits.cpu, '% of a core')}`);
  console.log(`  RSS after warm-up: ${describeFit(fits.rssFresh, 'MB')}`);
  console.log(`  RSS with an hour of history: ${describeFit(fits.rssHour, 'MB')}`);
  console.log(`  to the renderer: ${describeFit(fits.bytes, 'KB/s')}`);
  const both = fits.cpuBySeriesAndEndpoints;
  if (both) {
    console.log(
      `  CPU against series and endpoints together: ${(both.perSeries * 1000).toFixed(2)} % per 1,000 series + ${both.perEndpoint.toFixed(2)} % per endpoint + ${round1(both.intercept)} % fixed`,
    );
  }
  for (const line of verdict(cells)) console.log(line);
  const busy = cells.filter((c) => c.otherCores > 0.25);
  if (busy.length) {
    const list = busy.map((c) => `${c.endpoints} × ${c.seriesPerEndpoint} ${c.otherCores}`);
    console.log(
      `note: other processes used CPU (cores) during ${list.join(', ')} of ${cpus().length}: figures are pessimistic`,
    );
  }
  for (const c of cells.filter((c) => c.profile)) {
    console.log(
      `\nprofile of the core at ${c.endpoints} × ${fmt(c.seriesPerEndpoint)} (${c.profile?.file}), self time:`,
    );
    for (const f of c.profile?.self ?? [])
      console.log(`  ${String(f.percent).padStart(5)} %  ${f.name}`);
    console.log('  inclusive:');
    for (const f of c.profile?.inclusive ?? [])
      console.log(`  ${String(f.percent).padStart(5)} %  ${f.name}`);
  }
  for (const c of cells.filter((c) => c.heapProfile)) {
    const heap = c.heapProfile as AllocationSummary;
    console.log(
      `\nallocations of the core at ${c.endpoints} × ${fmt(c.seriesPerEndpoint)} from its start, garbage included (${heap.totalMb} MB sampled), by allocating function:`,
    );
    for (const f of heap.self) console.log(`  ${String(f.mb).padStart(7)} MB  ${f.name}`);
    console.log('  inclusive:');
    for (const f of heap.inclusive) console.log(`  ${String(f.mb).padStart(7)} MB  ${f.name}`);
  }
  console.log(`\n${markdownTable(cells)}\n`);
  return fits;
}

// ---------------------------------------------------------------- main

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

function plannedCells(): { endpoints: number; series: number }[] {
  const only = option('only');
  if (only) {
    return only.split(',').map((cell) => {
      const [endpoints, series] = cell.split('x').map(Number);
      return { endpoints: endpoints ?? 1, series: series ?? 100 };
    });
  }
  return ENDPOINTS.flatMap((endpoints) =>
    SERIES_PER_ENDPOINT.map((series) => ({ endpoints, series })),
  );
}

export async function runScaleBench(quick: boolean) {
  const profileOption = option('profile');
  const timing: Timing = {
    warmUpMs: quick ? 5_000 : 10_000,
    measureMs: quick ? 8_000 : 15_000,
    profileSeconds: profileOption === undefined ? 0 : Number(profileOption || 10),
    heapProfile: option('heap-profile') !== undefined,
  };
  const maxRate = option('all') !== undefined ? Infinity : Number(option('max-rate') ?? 50_000);
  const cells: CellFigures[] = [];
  const skipped: Skipped[] = [];
  for (const { endpoints, series } of plannedCells()) {
    const rate = endpoints * series;
    if (rate > maxRate) {
      const reason = `${fmt(rate)} samples/s is over --max-rate ${fmt(maxRate)} for ${cpus().length} shared cores (--all runs it)`;
      skipped.push({ endpoints, seriesPerEndpoint: series, reason });
      console.error(`scale: skipping ${endpoints} × ${series}: ${reason}`);
      continue;
    }
    console.error(`scale: ${endpoints} × ${fmt(series)} (${fmt(rate)} samples/s)…`);
    try {
      const cell = await runCell(endpoints, series, timing);
      cells.push(cell);
      console.error(
        `scale:   CPU ${cell.cpuPercent} %, RSS ${cell.fill.rssFreshMb} → ${cell.rssMb} MB, ${cell.deltasPerSecond} deltas/s, other cores ${cell.otherCores}, free ${fmt(Math.round(freemem() / 2 ** 20))} MB`,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      skipped.push({ endpoints, seriesPerEndpoint: series, reason: `failed: ${reason}` });
      console.error(`scale: ${endpoints} × ${series} failed: ${reason}`);
    }
  }
  return { cells, skipped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  // A backstop: every wait above has its own limit, this bounds the whole run.
  const limitMinutes = quick ? 12 : 25;
  setTimeout(() => {
    console.error(`scale: still running after ${limitMinutes} min; stopping`);
    stopAll();
    process.exit(1);
  }, limitMinutes * 60_000).unref();
  const replot = option('replot');
  const record = replot ? readRecord(replot) : await measure(quick);
  const fits = report(record);
  if (option('no-plot') === undefined && record.cells.length > 0) {
    const plotCells: PlotCell[] = record.cells.map((c) => ({
      endpoints: c.endpoints,
      totalSeries: c.totalSeries,
      cpuPercent: c.cpuPercent,
      rssFreshMb: c.fill.rssFreshMb,
      rssHourMb: c.fill.filled ? c.rssMb : undefined,
    }));
    const subtitle = `${record.quick ? 'quick run' : 'full run'}, ${record.cores} shared cores, load average ${record.load}, other processes ${record.otherCores} cores`;
    writeFileSync(PLOT_PATH, scalePlotSvg(plotCells, fits, subtitle));
    console.log(`wrote ${PLOT_PATH}`);
  }
  if (!replot) console.log(JSON.stringify(record));
  process.exit(record.skipped.some((s) => s.reason.startsWith('failed')) ? 1 : 0);
}

async function measure(quick: boolean): Promise<RunRecord> {
  const otherCpu = watchOtherCpu();
  const { cells, skipped } = await runScaleBench(quick);
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return { quick, load, cores: cpus().length, otherCores: otherCpu.stop(), cells, skipped };
}

/** The last line of a run's saved stdout: table, fits and plot again without measuring. */
function readRecord(path: string): RunRecord {
  const last = readFileSync(path, 'utf8').trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as RunRecord;
}
