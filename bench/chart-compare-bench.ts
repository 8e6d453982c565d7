// ECharts against uPlot drawing the same 100-chart stream on the same page
// (bench/chart-compare): main-thread CPU (CDP TaskDuration per wall second)
// and JS heap after a full GC, each library in its own page load, plus the
// stream alone as the shared baseline. "echarts" is the console's own tile
// chart code; "echarts-before" its tile option as it was before performance
// round 2, so before and after share a run and its load. uPlot is a yardstick
// twice: "uplot-tile" draws the tile's picture (area, threshold lines, its y
// range), the like-for-like ratio; "uplot" the line and its axis only, as
// round 1 compared.
//
//   npx tsx bench/chart-compare-bench.ts [--quick]
//   BENCH_CMP_PROFILE=10 BENCH_CMP_TRY="echarts;uplot" npx tsx bench/chart-compare-bench.ts --quick
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { build } from 'vite';
import {
  busyShare,
  cleanUp,
  closeChromium,
  heapAfterGc,
  launchChromium,
  median,
  openCdp,
  pageMetrics,
  round1,
  round2,
  sleep,
  tempDir,
} from './browser-harness';
import { recordCpuProfile, summariseProfile } from './cpu-profile-summary';
import {
  snapshotHeap,
  summariseAllocations,
  type AllocationProfile,
} from './heap-snapshot-summary';

const LIBS = ['none', 'echarts', 'echarts-before', 'uplot', 'uplot-tile'] as const;
type Lib = (typeof LIBS)[number];
/** Experiments only: pages to load instead, e.g. "echarts&knobs=value,dirty" (see main.ts). */
const TRIES = process.env.BENCH_CMP_TRY?.split(';').filter(Boolean);
/** Experiments only: a folder to save a screenshot of each page in. */
const SHOTS = process.env.BENCH_CMP_SHOTS;
/**
 * Investigation only: after each page's window, a CPU profile of its main
 * thread (this many seconds, by function), a heap snapshot by constructor and
 * the live objects sampled since the page loaded, by allocating function,
 * printed. The page is then built unminified, so the names are ECharts' own.
 */
const PROFILE_SECONDS = Number(process.env.BENCH_CMP_PROFILE ?? 0);

export interface LibFigures {
  /** Main-thread busy share, % of wall time (median of the rounds). */
  cpuPercent: number;
  /** JS heap after a full GC at the end of the window, MB (median of the rounds). */
  heapMb: number;
  /** Chart updates per second, to check both did the same work. */
  updatesPerSecond: number;
  rounds: { cpuPercent: number; heapMb: number; updatesPerSecond: number }[];
}

export interface CompareFigures {
  seconds: number;
  rounds: number;
  charts: number;
  viewport: string;
  libs: Record<Lib, LibFigures>;
  /** ECharts ÷ uPlot, whole page: uPlot drawing the line and its axis only. */
  cpuRatio: number;
  heapRatio: number;
  /** ECharts ÷ uPlot drawing the tile's picture (area, threshold lines, its y range). */
  cpuRatioTile: number;
  heapRatioTile: number;
  /** The tile chart before round 2 ÷ uPlot, and before ÷ now, in the same run. */
  cpuRatioBefore: number;
  heapRatioBefore: number;
  cpuBeforeOverNow: number;
  /** ECharts ÷ uPlot once the stream-only baseline is taken off both. */
  cpuRatioOverBaseline: number;
  heapRatioOverBaseline: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Bundles the page with Vite into a temp folder. */
async function bundle(): Promise<string> {
  const outDir = tempDir('wf-chart-compare-');
  await build({
    root: resolve('bench/chart-compare'),
    base: './',
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, minify: PROFILE_SECONDS === 0 },
  });
  return outDir;
}

/** A static server for `dir` on 127.0.0.1. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const path = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts sampling the page's allocations before it loads (BENCH_CMP_PROFILE). */
async function startHeapSampling(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096 });
  return cdp;
}

/** Where a page's time and heap go: CPU profile, heap by constructor, live objects by allocation site. */
async function printProfiles(
  lib: string,
  cdp: CDPSession,
  heapSampling: CDPSession,
): Promise<void> {
  const cpu = summariseProfile(await recordCpuProfile(cdp, PROFILE_SECONDS, 200), 25);
  const heap = await snapshotHeap(cdp, 20);
  const { profile: sampled } = await heapSampling.send('HeapProfiler.getSamplingProfile');
  await heapSampling.send('HeapProfiler.stopSampling');
  const liveBy = summariseAllocations(sampled as AllocationProfile, 25);
  console.log(JSON.stringify({ page: lib, cpu, heap, liveBy }, null, 1));
}

export async function runChartCompare(quick = false): Promise<CompareFigures> {
  const seconds = quick ? 10 : 30;
  const rounds = quick ? 1 : 3;
  const warmUpMs = 5_000;
  const viewport = { width: 1920, height: 1080 };
  const dir = await bundle();
  const { server, origin } = await serve(dir);
  const runs: Record<Lib, LibFigures['rounds']> = {
    none: [],
    echarts: [],
    'echarts-before': [],
    uplot: [],
    'uplot-tile': [],
  };
  try {
    const browser = await launchChromium();
    for (let round = 0; round < rounds; round += 1) {
      for (const lib of TRIES ?? LIBS) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        // Investigation: what allocated the objects still live at the end, from the page's start.
        const heapSampling = PROFILE_SECONDS > 0 ? await startHeapSampling(page) : undefined;
        await page.goto(`${origin}/index.html?lib=${lib}`);
        const ready = async () =>
          (await page.evaluate('window.__chartCompare?.ready === true')) as boolean;
        const deadline = Date.now() + 30_000;
        while (!(await ready())) {
          if (Date.now() > deadline) throw new Error(`chart-compare ?lib=${lib} did not start`);
          await sleep(100);
        }
        const cdp = await openCdp(page);
        await sleep(warmUpMs);
        const updatesBefore = (await page.evaluate('window.__chartCompare.updates')) as number;
        const before = await pageMetrics(cdp);
        await sleep(seconds * 1000);
        const after = await pageMetrics(cdp);
        const updatesAfter = (await page.evaluate('window.__chartCompare.updates')) as number;
        const heap = await heapAfterGc(cdp);
        if (heapSampling) await printProfiles(lib, cdp, heapSampling);
        // Experiments: a look at what each page drew.
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/cmp-${lib.replace(/\W+/g, '-')}.png` });
        (runs[lib as Lib] ??= []).push({
          cpuPercent: busyShare(before, after) * 100,
          heapMb: heap / 2 ** 20,
          updatesPerSecond: (updatesAfter - updatesBefore) / (after.timestamp - before.timestamp),
        });
        await context.close();
      }
    }
  } finally {
    await closeChromium();
    await new Promise((done) => server.close(done));
  }
  if (TRIES) {
    for (const name of TRIES) console.log(name, JSON.stringify(runs[name as Lib]));
  }
  const summarise = (list: LibFigures['rounds']): LibFigures => ({
    cpuPercent: round1(median(list.map((r) => r.cpuPercent))),
    heapMb: round2(median(list.map((r) => r.heapMb))),
    updatesPerSecond: round1(median(list.map((r) => r.updatesPerSecond))),
    rounds: list.map((r) => ({
      cpuPercent: round1(r.cpuPercent),
      heapMb: round2(r.heapMb),
      updatesPerSecond: round1(r.updatesPerSecond),
    })),
  });
  const libs = {
    none: summarise(runs.none),
    echarts: summarise(runs.echarts),
    'echarts-before': summarise(runs['echarts-before']),
    uplot: summarise(runs.uplot),
    'uplot-tile': summarise(runs['uplot-tile']),
  };
  // Ratios from the unrounded medians.
  const cpu = (lib: Lib) => median(runs[lib].map((r) => r.cpuPercent));
  const heap = (lib: Lib) => median(runs[lib].map((r) => r.heapMb));
  return {
    seconds,
    rounds,
    charts: 100,
    viewport: `${viewport.width}×${viewport.height}`,
    libs,
    cpuRatio: round2(cpu('echarts') / cpu('uplot')),
    heapRatio: round2(heap('echarts') / heap('uplot')),
    cpuRatioTile: round2(cpu('echarts') / cpu('uplot-tile')),
    heapRatioTile: round2(heap('echarts') / heap('uplot-tile')),
    cpuRatioBefore: round2(cpu('echarts-before') / cpu('uplot')),
    heapRatioBefore: round2(heap('echarts-before') / heap('uplot')),
    cpuBeforeOverNow: round2(cpu('echarts-before') / cpu('echarts')),
    cpuRatioOverBaseline: round2((cpu('echarts') - cpu('none')) / (cpu('uplot') - cpu('none'))),
    heapRatioOverBaseline: round2(
      (heap('echarts') - heap('none')) / (heap('uplot') - heap('none')),
    ),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.dir(await runChartCompare(process.argv.includes('--quick')), { depth: 4 });
  } finally {
    cleanUp();
  }
}
