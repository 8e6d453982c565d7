// The renderer's own benches, in Debian's Chromium through browser mode
// (the same renderer bundle the desktop app loads), without touching its code:
//
//   B2  socket to pixel: endpoint send time → first canvas draw of the sample
//       on its tile, 100 series at 1 Hz, 1920×1080; p50 ≤ 25 ms, p99 ≤ 50 ms;
//       and (b2-flood) 50 series at 1 Hz measured while 50 more carry 10,000
//       samples/s on the same wall: p99 ≤ 100 ms
//   B3  100 charts at 1 Hz at 3840×2160: no long task over 50 ms, main thread
//       busy under 50 % (CDP TaskDuration per wall second)
//   B4  renderer JS heap growth after warm-up at 10,000 samples/s: < 1 MB/10 min
//
//   B7  the wall at the series cap (5,000 series at 1 Hz): first paint, no task
//       over 200 ms, heap, and a search and a page turn timed
//
//   npx tsx bench/renderer-bench.ts [b2|b2-flood|b3|b4|b7] [--quick] [--profile] [--build]
//
// --profile adds a 20 s CPU profile of the 4K wall to B3's figures, by function;
// to b2-flood's, 20 s of the flooded wall after its window; to B4's, 20 s after
// its window and a 6 s trace of the main thread by kind of work; to B7's, a profile of the load as well (navigation to a full page; the whole
// profile is written to the temp folder for DevTools).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from '@playwright/test';
import {
  busyShare,
  cleanUp,
  closeChromium,
  ensureRendererBuilt,
  heapAfterGc,
  launchChromium,
  openCdp,
  pageMetrics,
  percentile,
  round1,
  round2,
  sleep,
  startBrowserMode,
  startEndpoint,
  watchOtherCpu,
  type Running,
} from './browser-harness';
import {
  recordCpuProfile,
  summariseProfile,
  type CpuProfile,
  type ProfileSummary as CpuProfileSummary,
} from './cpu-profile-summary';
import { traceMainThread, type MainThreadTrace } from './main-thread-trace';
import { LATENCY_PROBE, LONG_TASK_PROBE } from './page-probes';

const SERIES = 100;
const TILE = '[data-testid="tile"]';
const PULSE = 'test/support/pulse-endpoint.ts';
const FLOOD = 'test/support/flood-endpoint.ts';

interface Wall {
  browser: Browser;
  page: Page;
  tiles: number;
  /** The median tile chart's canvas size in CSS px: what the charts really draw into. */
  chartPx: { width: number; height: number };
  close(): Promise<void>;
}

const CHART_SIZES = `[...document.querySelectorAll('${TILE} canvas')].map((c) => {
  const box = c.getBoundingClientRect();
  return [box.width, box.height];
})`;

/** An endpoint, browser mode pointed at it, and Chromium on the wall with `probes` injected. */
async function openWall(
  endpointArgs: { script: string; args: string[] },
  viewport: { width: number; height: number },
  probes: string[],
  chromiumArgs: string[] = [],
): Promise<Wall> {
  const running: Running[] = [];
  let browser: Browser | undefined;
  const close = async () => {
    await closeChromium();
    for (const r of running.reverse()) await r.stop();
  };
  try {
    const endpoint = await startEndpoint(endpointArgs.script, endpointArgs.args);
    running.push(endpoint);
    const host = await startBrowserMode(endpoint.url);
    running.push(host);
    browser = await launchChromium(chromiumArgs);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const probe of probes) await page.addInitScript({ content: probe });
    // Once more if the host resets the very first connection (it has, rarely, on this machine).
    await page.goto(host.url).catch(async () => {
      await sleep(1_000);
      await page.goto(host.url);
    });
    // Polled from here: the page's CSP forbids the eval that waitForFunction would need.
    const deadline = Date.now() + 60_000;
    while ((await page.locator(`${TILE} canvas`).count()) < SERIES) {
      if (Date.now() > deadline) throw new Error(`the wall did not show ${SERIES} charts`);
      await sleep(250);
    }
    const tiles = await page.locator(TILE).count();
    await sleep(2_000);
    const sizes = (await page.evaluate(CHART_SIZES)) as [number, number][];
    const chartPx = {
      width: Math.round(
        percentile(
          sizes.map(([w]) => w),
          50,
        ),
      ),
      height: Math.round(
        percentile(
          sizes.map(([, h]) => h),
          50,
        ),
      ),
    };
    return { browser, page, tiles, chartPx, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------- B2

export interface LatencyFigures {
  tiles: number;
  viewport: string;
  chartPx: { width: number; height: number };
  seconds: number;
  /** Samples drawn (one per series per delta: its newest). */
  samples: number;
  /** Points that reached the page per second, every series: the load actually delivered. */
  pointsPerSecond: number;
  deltas: number;
  /** Samples that arrived but were not drawn by the end (the last fraction of a second). */
  undrawn: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Endpoint send → delta arrival in the page (endpoint link, main's 200 ms coalescing, host socket). */
  hostP50Ms: number;
  hostP99Ms: number;
  /** Delta arrival → first draw of it on the tile's canvas (the renderer's own share). */
  pageP50Ms: number;
  pageP99Ms: number;
  busyPercent: number;
  /** Date.now() − (timeOrigin + performance.now()) in the page at the end: clock agreement. */
  clockSkewMs: number;
}

interface LatencyRecord {
  latencies: number[];
  hostMs: number[];
  pageMs: number[];
  deltas: number;
  samples: number;
  points: number;
  undrawn: number;
  skewMs: number;
}

/** B2's row under load: 50 series at 1 Hz measured while 50 more carry 10,000 samples/s. */
const FLOOD_MIX = { hz: 1, measured: 50, floodHz: 200, flooded: 50 };

export async function runLatencyBench(
  quick = false,
  flood = false,
  profileSeconds = 0,
): Promise<LatencyFigures & { profile?: ProfileSummary }> {
  const seconds = quick ? 10 : 30;
  const viewport = { width: 1920, height: 1080 };
  const { hz, measured, floodHz, flooded } = FLOOD_MIX;
  const args = flood ? [hz, measured, floodHz, flooded].map(String) : ['1', String(SERIES)];
  const wall = await openWall({ script: PULSE, args }, viewport, [LATENCY_PROBE]);
  try {
    const cdp = await openCdp(wall.page);
    await sleep(10_000);
    // Keys are `<endpoint>/<series>`: pulse series `s0…`, the flood's `f0…`.
    await wall.page.evaluate(`window.__latency.start(${JSON.stringify(flood ? '/s\\d+$' : '')})`);
    const before = await pageMetrics(cdp);
    await sleep(seconds * 1000);
    const after = await pageMetrics(cdp);
    const record = (await wall.page.evaluate('window.__latency.stop()')) as LatencyRecord;
    const figures = latencyFigures(wall, viewport, seconds, record, busyShare(before, after));
    if (profileSeconds === 0) return figures;
    return { ...figures, profile: await profilePage(cdp, profileSeconds) };
  } finally {
    await wall.close();
  }
}

function latencyFigures(
  wall: Wall,
  viewport: { width: number; height: number },
  seconds: number,
  record: LatencyRecord,
  busy: number,
): LatencyFigures {
  const ms = (values: number[], p: number) => round1(percentile(values, p));
  return {
    tiles: wall.tiles,
    viewport: `${viewport.width}×${viewport.height}`,
    chartPx: wall.chartPx,
    seconds,
    samples: record.latencies.length,
    pointsPerSecond: Math.round(record.points / seconds),
    deltas: record.deltas,
    undrawn: record.undrawn,
    p50Ms: ms(record.latencies, 50),
    p90Ms: ms(record.latencies, 90),
    p99Ms: ms(record.latencies, 99),
    maxMs: ms(record.latencies, 100),
    hostP50Ms: ms(record.hostMs, 50),
    hostP99Ms: ms(record.hostMs, 99),
    pageP50Ms: ms(record.pageMs, 50),
    pageP99Ms: ms(record.pageMs, 99),
    busyPercent: round1(busy * 100),
    clockSkewMs: round2(record.skewMs),
  };
}

// ---------------------------------------------------------------- profile (investigation)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface ProfileSummary {
  seconds: number;
  /** Share of the sampled time, by function: self time and time on the stack. */
  self: { name: string; percent: number }[];
  inclusive: { name: string; percent: number }[];
}

/** A CPU profile of the page's main thread for `seconds`, summarised by function name. */
async function profilePage(cdp: CDPSession, seconds: number): Promise<ProfileSummary> {
  const profile = await recordCpuProfile(cdp, seconds, 500);
  const nodes = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes as ProfileNode[]) {
    nodes.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const name = (node: ProfileNode) =>
    node.callFrame.functionName ||
    (node.callFrame.url ? `(anonymous):${node.callFrame.lineNumber + 1}` : '(root)');
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    const leaf = nodes.get(id);
    if (!leaf) return;
    total += dt;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at);
      if (node) seen.add(name(node));
    }
    for (const n of seen) inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([n, t]) => ({ name: n, percent: round1((t / total) * 100) }));
  return { seconds, self: top(self, 25), inclusive: top(inclusive, 40) };
}

/** Starts a fine-grained CPU profile of the page from before navigation (load investigation). */
async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Stops it, writes the whole profile to the temp folder (for DevTools) and summarises it. */
async function stopProfile(cdp: CDPSession, name: string): Promise<CpuProfileSummary> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const file = join(tmpdir(), `${name}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { ...summariseProfile(profile as CpuProfile, 25), file };
}

// ---------------------------------------------------------------- B3

export interface LoadFigures {
  tiles: number;
  viewport: string;
  chartPx: { width: number; height: number };
  seconds: number;
  /** Long tasks in the window (each over 50 ms by definition). */
  longTasks: number;
  maxLongTaskMs: number;
  busyPercent: number;
  /** Long tasks during load and warm-up, for the record (not against the target). */
  longTasksBeforeWindow: number;
  maxLongTaskBeforeWindowMs: number;
  /** Long animation frames (over 50 ms) in the window, and what ran in them. */
  longFrames: number;
  /** Median, over those frames, of the time spent in style, layout and paint after scripts. */
  longFrameRenderMsMedian: number;
  /** Script time in long frames by invoker (rAF callback, timer, socket message…), largest first. */
  longFrameScripts: { invoker: string; count: number; totalMs: number; maxMs: number }[];
}

interface LongFrame {
  start: number;
  duration: number;
  renderMs: number;
  styleAndLayoutMs: number;
  scripts: { invoker: string; invokerType: string; duration: number }[];
}

function scriptsByInvoker(frames: LongFrame[]): LoadFigures['longFrameScripts'] {
  const by = new Map<string, { invoker: string; count: number; totalMs: number; maxMs: number }>();
  for (const frame of frames) {
    for (const script of frame.scripts) {
      const invoker = script.invoker || script.invokerType;
      const entry = by.get(invoker) ?? { invoker, count: 0, totalMs: 0, maxMs: 0 };
      entry.count += 1;
      entry.totalMs += script.duration;
      entry.maxMs = Math.max(entry.maxMs, script.duration);
      by.set(invoker, entry);
    }
  }
  return [...by.values()]
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, 8)
    .map((e) => ({ ...e, totalMs: Math.round(e.totalMs), maxMs: Math.round(e.maxMs) }));
}

export async function runLoadBench(
  quick = false,
  profileSeconds = 0,
): Promise<LoadFigures & { profile?: ProfileSummary }> {
  const seconds = quick ? 10 : 30;
  const viewport = { width: 3840, height: 2160 };
  const wall = await openWall({ script: PULSE, args: ['1', String(SERIES)] }, viewport, [
    LONG_TASK_PROBE,
  ]);
  try {
    const cdp = await openCdp(wall.page);
    await sleep(10_000);
    const from = (await wall.page.evaluate('performance.now()')) as number;
    const before = await pageMetrics(cdp);
    await sleep(seconds * 1000);
    const after = await pageMetrics(cdp);
    const tasks = (await wall.page.evaluate('window.__longTasks')) as {
      start: number;
      duration: number;
    }[];
    const frames = ((await wall.page.evaluate('window.__longFrames')) as LongFrame[]).filter(
      (frame) => frame.start >= from,
    );
    const inWindow = tasks.filter((task) => task.start >= from);
    const earlier = tasks.filter((task) => task.start < from);
    const max = (list: { duration: number }[]) =>
      round1(list.reduce((m, task) => Math.max(m, task.duration), 0));
    return {
      tiles: wall.tiles,
      viewport: `${viewport.width}×${viewport.height}`,
      chartPx: wall.chartPx,
      seconds,
      longTasks: inWindow.length,
      maxLongTaskMs: max(inWindow),
      busyPercent: round1(busyShare(before, after) * 100),
      longTasksBeforeWindow: earlier.length,
      maxLongTaskBeforeWindowMs: max(earlier),
      longFrames: frames.length,
      longFrameRenderMsMedian: round1(
        percentile(
          frames.map((f) => f.renderMs),
          50,
        ),
      ),
      longFrameScripts: scriptsByInvoker(frames),
      // After the window, so the profiler's overhead is not in the figures above.
      ...(profileSeconds > 0 ? { profile: await profilePage(cdp, profileSeconds) } : {}),
    };
  } finally {
    await wall.close();
  }
}

// ---------------------------------------------------------------- B4 (renderer)

export interface RendererMemoryFigures {
  minutes: number;
  tiles: number;
  warmUpSeconds: number;
  heapAfterWarmUpMb: number;
  heapAtEndMb: number;
  /** Least-squares slope of the retained heap over the run, per 10 minutes. */
  growthMbPer10Min: number;
  /** The slope's standard error: how far this machine's noise lets us see. */
  growthStandardErrorMbPer10Min: number;
  /** (last − first) over the run, per 10 minutes: what main's B4 reports. */
  endToEndMbPer10Min: number;
  /** The same slope from single CDP readings (collectGarbage, then getHeapUsage). */
  cdpGrowthMbPer10Min: number;
  /** Main-thread busy share over BUSY_WINDOW_MS with nothing but the stream. */
  busyPercent: number;
  /** Over the heap-sampling window, forced collections included (the figure before session 7). */
  busyWhileSamplingPercent: number;
  /** The least retained heap of each minute: the floor under the collections' sawtooth. */
  floorByMinuteMb: number[];
  samples: { atSeconds: number; heapMb: number; cdpHeapMb: number }[];
}

/** B4's busy share is read over this window, after the heap readings. */
const BUSY_WINDOW_MS = 20_000;

/** After two full collections in one task: nothing the page allocates can land in between. */
const RETAINED_HEAP = '(() => { gc(); gc(); return performance.memory.usedJSHeapSize; })()';

/**
 * The page's retained JS heap: the least of three in-page readings of
 * RETAINED_HEAP. At 10,000 samples/s the page allocates some 35 MB/s, so a
 * CDP collectGarbage followed by a separate getHeapUsage reads 28 or 41 MB
 * (bimodal) depending on what ran in between, and one full GC leaves ~8 MB
 * that the second frees; two gc() calls and the read in one task vary by ±1.5 MB.
 */
async function retainedHeap(page: Page): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await sleep(200);
    least = Math.min(least, (await page.evaluate(RETAINED_HEAP)) as number);
  }
  return least;
}

export async function runRendererMemoryBench(
  minutes: number,
  profileSeconds = 0,
): Promise<RendererMemoryFigures & { profile?: ProfileSummary; trace?: MainThreadTrace }> {
  const totalMs = minutes * 60_000;
  // The store's point buffers fill (2,400 points a series) within 30 s at this rate.
  const warmUpMs = Math.min(120_000, Math.max(30_000, totalMs / 5));
  const wall = await openWall(
    { script: FLOOD, args: ['10000', String(SERIES)] },
    { width: 1920, height: 1080 },
    [],
    // gc() in the page, and performance.memory to the byte instead of in buckets.
    ['--js-flags=--expose-gc', '--enable-precise-memory-info'],
  );
  try {
    const cdp = await openCdp(wall.page);
    await sleep(warmUpMs);
    const samples: { at: number; heap: number; cdp: number }[] = [];
    const began = Date.now();
    const before = await pageMetrics(cdp);
    const step = Math.min(5_000, (totalMs - warmUpMs) / 10);
    for (;;) {
      const heap = await retainedHeap(wall.page);
      samples.push({ at: Date.now() - began, heap, cdp: await heapAfterGc(cdp) });
      if (Date.now() - began >= totalMs - warmUpMs) break;
      await sleep(step);
    }
    const after = await pageMetrics(cdp);
    // Busy share in a window of its own: the heap readings above force six
    // full collections every few seconds, which the page would not do.
    const quiet = await pageMetrics(cdp);
    await sleep(BUSY_WINDOW_MS);
    const quietEnd = await pageMetrics(cdp);
    // After the window: where the busy time goes, by function and by kind of work.
    const profile = profileSeconds > 0 ? await profilePage(cdp, profileSeconds) : undefined;
    const trace = profileSeconds > 0 ? await traceMainThread(cdp, 6) : undefined;
    const first = samples[0] as { at: number; heap: number };
    const last = samples.at(-1) as { at: number; heap: number };
    const mb = (bytes: number) => bytes / 2 ** 20;
    const tenMinutes = 600_000;
    const fit = leastSquares(samples.map((s) => ({ x: s.at, y: s.heap })));
    const cdpFit = leastSquares(samples.map((s) => ({ x: s.at, y: s.cdp })));
    return {
      minutes,
      tiles: wall.tiles,
      warmUpSeconds: Math.round(warmUpMs / 1000),
      heapAfterWarmUpMb: round1(mb(first.heap)),
      heapAtEndMb: round1(mb(last.heap)),
      growthMbPer10Min: round2(mb(fit.slope * tenMinutes)),
      growthStandardErrorMbPer10Min: round2(mb(fit.standardError * tenMinutes)),
      endToEndMbPer10Min: round2(
        mb(((last.heap - first.heap) / Math.max(1, last.at - first.at)) * tenMinutes),
      ),
      cdpGrowthMbPer10Min: round2(mb(cdpFit.slope * tenMinutes)),
      busyPercent: round1(busyShare(quiet, quietEnd) * 100),
      busyWhileSamplingPercent: round1(busyShare(before, after) * 100),
      floorByMinuteMb: floorByMinute(samples).map((bytes) => round2(mb(bytes))),
      samples: samples.map((s) => ({
        atSeconds: Math.round(s.at / 1000),
        heapMb: round2(mb(s.heap)),
        cdpHeapMb: round2(mb(s.cdp)),
      })),
      ...(profile ? { profile, trace } : {}),
    };
  } finally {
    await wall.close();
  }
}

/** The least heap reading in each whole minute of the run. */
function floorByMinute(samples: { at: number; heap: number }[]): number[] {
  const floors: number[] = [];
  for (const { at, heap } of samples) {
    const minute = Math.floor(at / 60_000);
    floors[minute] = Math.min(floors[minute] ?? Infinity, heap);
  }
  return floors;
}

// ---------------------------------------------------------------- B7 (the series cap)

export interface CapFigures {
  series: number;
  viewport: string;
  /** Navigation → the first tile chart on screen, and → a whole page of them. */
  firstChartMs: number;
  fullPageMs: number;
  tiles: number;
  /** Long tasks from navigation to the end (load, live window, search, paging). */
  longTasks: number;
  maxLongTaskMs: number;
  seconds: number;
  busyPercent: number;
  heapMb: number;
  /** Typing a title into the search → the wall shows only what matches. */
  searchMs: number;
  searchTiles: number;
  /** Next page → its tiles on screen. */
  nextPageMs: number;
  pager: string;
  /** The longest task in each phase: load to a full page, the live window, search, page turn. */
  longestByPhase: Record<string, number>;
  /** What ran in the page turn's longest animation frame (long-animation-frame scripts). */
  longestFrame?: { durationMs: number; scripts: string[] };
  /** The same for each phase: what the longest frame of load, live, search and page turn ran. */
  longestFrameByPhase: Record<string, string>;
  /**
   * Timer handlers over 5 ms in long frames of the live window: the wall's 1 s
   * clock (the charts' timers only queue draws). How many, and the longest.
   */
  liveTimers: { count: number; longestMs: number; forcedLayoutMs: number };
}

const CAP_SERIES = 5_000;

async function until(page: Page, check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > limitMs) throw new Error(`not within ${limitMs} ms`);
    await sleep(20);
  }
  return Date.now() - began;
}

/**
 * The wall at the endpoint's series cap: 5,000 series at 1 Hz (5,000 samples/s)
 * at 1920×1080. First paint, long tasks, busy share and heap, and whether it is
 * usable: a search and a page turn, each timed from the action to the tiles.
 */
export async function runCapBench(
  quick = false,
  profileSeconds = 0,
): Promise<CapFigures & { profile?: ProfileSummary; loadProfile?: CpuProfileSummary }> {
  const seconds = quick ? 10 : 30;
  const viewport = { width: 1920, height: 1080 };
  const endpoint = await startEndpoint(PULSE, ['1', String(CAP_SERIES)]);
  const host = await startBrowserMode(endpoint.url);
  try {
    const browser = await launchChromium();
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.addInitScript({ content: LONG_TASK_PROBE });
    const charts = () => page.locator(`${TILE} canvas`).count();
    const loadProfiler = profileSeconds > 0 ? await startProfile(page) : undefined;
    const began = Date.now();
    await page.goto(host.url);
    await until(page, async () => (await charts()) > 0, 120_000);
    const firstChartMs = Date.now() - began;
    await until(page, async () => (await charts()) >= SERIES, 120_000);
    const fullPageMs = Date.now() - began;
    const loadProfile = loadProfiler ? await stopProfile(loadProfiler, 'b7-load') : undefined;
    const marks: [string, number][] = [['load', 0]];
    const mark = async (phase: string) =>
      marks.push([phase, (await page.evaluate('performance.now()')) as number]);
    await mark('live');
    const tiles = await page.locator(TILE).count();
    const cdp = await openCdp(page);
    await sleep(5_000);
    const before = await pageMetrics(cdp);
    await sleep(seconds * 1000);
    const after = await pageMetrics(cdp);
    const heap = await heapAfterGc(cdp);
    await mark('search');
    let t = Date.now();
    await page.getByTestId('wall-search').fill('Pulse 4242');
    await until(page, async () => (await page.locator(TILE).count()) === 1, 30_000);
    const searchMs = Date.now() - t;
    const searchTiles = await page.locator(TILE).count();
    await page.getByTestId('wall-search').fill('');
    await until(page, async () => (await charts()) >= SERIES, 30_000);
    const firstKey = await page.locator(TILE).first().getAttribute('data-series-key');
    await mark('page turn');
    t = Date.now();
    await page.getByTestId('wall-page-next').click();
    await until(
      page,
      async () =>
        (await page.locator(TILE).first().getAttribute('data-series-key')) !== firstKey &&
        (await charts()) >= SERIES,
      30_000,
    );
    const nextPageMs = Date.now() - t;
    const pager = (await page.getByTestId('wall-pager-count').textContent()) ?? '';
    await sleep(1_000);
    const tasks = (await page.evaluate('window.__longTasks')) as LongEntry[];
    const frames = (await page.evaluate('window.__longFrames')) as CapFrame[];
    return {
      series: CAP_SERIES,
      viewport: `${viewport.width}×${viewport.height}`,
      firstChartMs,
      fullPageMs,
      tiles,
      longTasks: tasks.length,
      maxLongTaskMs: round1(tasks.reduce((m, task) => Math.max(m, task.duration), 0)),
      seconds,
      busyPercent: round1(busyShare(before, after) * 100),
      heapMb: round1(heap / 2 ** 20),
      searchMs,
      searchTiles,
      nextPageMs,
      pager,
      longestByPhase: longestByPhase(tasks, marks),
      longestFrameByPhase: longestFrameByPhase(frames, marks),
      liveTimers: liveTimers(frames, marks),
      ...longestFrame(frames.filter((frame) => frame.start >= (marks.at(-1)?.[1] ?? 0))),
      ...(loadProfile ? { loadProfile } : {}),
      ...(profileSeconds > 0 ? { profile: await profilePage(cdp, profileSeconds) } : {}),
    };
  } finally {
    await closeChromium();
    await host.stop();
    await endpoint.stop();
  }
}

interface LongEntry {
  start: number;
  duration: number;
}

interface CapFrame extends LongEntry {
  /** From the frame's style and layout start to its end: layout not forced by a script. */
  styleAndLayoutMs: number;
  scripts: { invoker: string; duration: number; forcedStyleAndLayoutDuration: number }[];
}

/** Each phase (named at its start, in page time) with its longest task. */
function longestByPhase(tasks: LongEntry[], marks: [string, number][]): Record<string, number> {
  const longest: Record<string, number> = {};
  for (const [index, [phase, from]] of marks.entries()) {
    const to = marks[index + 1]?.[1] ?? Infinity;
    const inPhase = tasks.filter((task) => task.start >= from && task.start < to);
    longest[phase] = round1(inPhase.reduce((m, task) => Math.max(m, task.duration), 0));
  }
  return longest;
}

/** Each phase's longest animation frame, in one line: its length, its layout, its scripts. */
function longestFrameByPhase(
  frames: CapFrame[],
  marks: [string, number][],
): Record<string, string> {
  const longest: Record<string, string> = {};
  for (const [index, [phase, from]] of marks.entries()) {
    const to = marks[index + 1]?.[1] ?? Infinity;
    const frame = longestOf(frames.filter((f) => f.start >= from && f.start < to));
    if (!frame) continue;
    const scripts = scriptsOf(frame).join('; ') || 'no scripts';
    longest[phase] =
      `${round1(frame.duration)} ms, style and layout ${round1(frame.styleAndLayoutMs)} ms: ${scripts}`;
  }
  return longest;
}

function liveTimers(frames: CapFrame[], marks: [string, number][]): CapFigures['liveTimers'] {
  const [from, to] = [marks[1]?.[1] ?? 0, marks[2]?.[1] ?? Infinity];
  const timers = frames
    .filter((frame) => frame.start >= from && frame.start < to)
    .flatMap((frame) => frame.scripts)
    .filter((script) => script.invoker.startsWith('TimerHandler:setTimeout'));
  const longest = timers.reduce<(typeof timers)[number] | undefined>(
    (m, t) => (m && m.duration >= t.duration ? m : t),
    undefined,
  );
  return {
    count: timers.length,
    longestMs: round1(longest?.duration ?? 0),
    forcedLayoutMs: round1(longest?.forcedStyleAndLayoutDuration ?? 0),
  };
}

const longestOf = (frames: CapFrame[]): CapFrame | undefined =>
  frames.reduce<CapFrame | undefined>((m, f) => (m && m.duration >= f.duration ? m : f), undefined);

const scriptsOf = (frame: CapFrame): string[] =>
  frame.scripts.map(
    (s) =>
      `${s.invoker} ${round1(s.duration)} ms (forced layout ${round1(s.forcedStyleAndLayoutDuration)})`,
  );

function longestFrame(frames: CapFrame[]): { longestFrame?: CapFigures['longestFrame'] } {
  const frame = longestOf(frames);
  if (!frame) return {};
  return { longestFrame: { durationMs: round1(frame.duration), scripts: scriptsOf(frame) } };
}

/** Slope (y per x) by least squares, with its standard error. */
function leastSquares(points: { x: number; y: number }[]): {
  slope: number;
  standardError: number;
} {
  const n = points.length;
  if (n < 3) return { slope: 0, standardError: NaN };
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  if (sxx === 0) return { slope: 0, standardError: NaN };
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = points.reduce((s, p) => s + (p.y - intercept - slope * p.x) ** 2, 0);
  return { slope, standardError: Math.sqrt(residuals / (n - 2) / sxx) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const which = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const want = (name: string) => which.length === 0 || which.includes(name);
  try {
    ensureRendererBuilt(process.argv.includes('--build'));
    const profile = process.argv.includes('--profile') ? 20 : 0;
    if (want('b2')) console.log('B2', await runLatencyBench(quick));
    if (want('b2') || want('b2-flood')) {
      const otherCpu = watchOtherCpu();
      const figures = await runLatencyBench(quick, true, profile);
      const otherCores = round1(otherCpu.stop());
      console.dir({ b2UnderFlood: { ...figures, otherCores } }, { depth: 4 });
    }
    if (want('b3')) console.dir(await runLoadBench(quick, profile), { depth: 4 });
    if (want('b7')) {
      const otherCpu = watchOtherCpu();
      const figures = await runCapBench(quick, profile);
      console.dir({ ...figures, otherCores: round1(otherCpu.stop()) }, { depth: 4 });
    }
    if (want('b4')) {
      const otherCpu = watchOtherCpu();
      const minutes = quick ? 1 : Number(process.env.BENCH_B4_MINUTES ?? 10);
      const B4 = await runRendererMemoryBench(minutes, profile);
      console.dir({ B4, otherCores: round1(otherCpu.stop()) }, { depth: 4 });
    }
  } finally {
    cleanUp();
  }
}
