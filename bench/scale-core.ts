// B6's console core, alone in a child process so that the CPU and RSS it
// reports are the core's own (not the endpoints', not the bench's). Driven
// by bench/scale-bench.ts over IPC: each request is answered with a message
// of the same type. Every delta is serialised to JSON, as the browser host
// does before it sends one (Electron's IPC clones it instead): its size is
// the byte rate to the renderer, its cost is in the CPU figure and also
// reported on its own.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConsoleCore } from '../main/core/console-core';
import { SeriesBuffer } from '../main/core/series/series-buffer';
import type { ConsoleDelta } from '../shared/api/console-state';
import { isLinkLive } from '../shared/rules/link-liveness';
import { summariseProfile, type CpuProfile } from './cpu-profile-summary';
import { summariseAllocations, type AllocationProfile } from './heap-snapshot-summary';

export type CoreRequest =
  | { type: 'connect'; urls: string[]; series: number; limitMs: number }
  | { type: 'fill' }
  | { type: 'begin' }
  | { type: 'end' }
  | { type: 'profile'; seconds: number }
  | { type: 'heap-sampling' }
  | { type: 'heap-profile' };

export interface FillFigures {
  /** RSS at the end of the warm-up, with history buffers barely touched. */
  rssFreshMb: number;
  /** Whether every series was given an hour of history (skipped when memory is short). */
  filled: boolean;
  /** Bytes of the history buffers' typed arrays with an hour in every one. */
  bufferMb: number;
  /** Newest samples each series keeps exactly (the store's share of its raw budget). */
  rawSamples: number;
  /** RSS just after the fill's full collection: the hour with no garbage, steadier than the window's. */
  rssCollectedMb?: number;
}

export interface WindowFigures {
  seconds: number;
  /** CPU time (user + system, all threads) per wall second, % of one core. */
  cpuPercent: number;
  /** Of which serialising deltas to JSON. */
  stringifyPercent: number;
  rssMb: number;
  rssMaxMb: number;
  heapUsedMb: number;
  /** Typed-array backing stores (the history buffers), outside the JS heap. */
  arrayBuffersMb: number;
  deltasPerSecond: number;
  bytesPerSecond: number;
  /** Samples that reached the renderer per second: below the offered rate, the core fell behind. */
  samplesPerSecond: number;
  eventLoopP99Ms: number;
}

const MB = 2 ** 20;
const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let core: ConsoleCore | undefined;
const counters = { deltas: 0, bytes: 0, samples: 0, stringifyMs: 0 };

function countDelta(delta: ConsoleDelta): void {
  const began = performance.now();
  const json = JSON.stringify(delta);
  counters.stringifyMs += performance.now() - began;
  counters.deltas += 1;
  counters.bytes += Buffer.byteLength(json);
  for (const points of Object.values(delta.points ?? {})) counters.samples += points.t.length;
}

/** Starts the core on the endpoints and waits until every link is open with its whole catalog. */
async function connect(urls: string[], expected: number, limitMs: number): Promise<{ ms: number }> {
  const began = Date.now();
  core = new ConsoleCore({
    endpoints: urls.map((url) => ({ url, source: 'cli' as const })),
    clientVersion: 'bench',
  });
  core.onDelta(countDelta);
  core.start();
  const links = [...core.links.values()];
  for (;;) {
    const ready =
      links.every((link) => isLinkLive(link.status.state)) &&
      links.reduce((sum, link) => sum + link.status.seriesCount, 0) >= expected;
    if (ready) return { ms: Date.now() - began };
    if (Date.now() - began > limitMs) {
      throw new Error(`links not open with their catalogs in ${limitMs / 1000} s`);
    }
    await sleep(100);
  }
}

const HOUR_AT_1HZ = 3_600;

/** An hour of 1 Hz samples ending at `end`, into a fresh buffer of the same shape and raw limit. */
function hourOf(buffer: SeriesBuffer, end: number, value: number): SeriesBuffer {
  const filled = new SeriesBuffer(buffer.shape, buffer.rawLimit);
  for (let k = HOUR_AT_1HZ - 1; k >= 0; k -= 1) filled.push(end - k * 1000, value + (k % 3));
  return filled;
}

/**
 * What an hour at 1 Hz does to memory, without waiting an hour: every
 * series' buffer is replaced by one that holds an hour of samples ending at
 * its last one (raw tier full at the store's limit, older buckets in use
 * when the limit is below the hour), so its pages are
 * resident as they are after an hour. Live samples go on after that last one.
 * Then one full collection, as an hour of running would have made many: the
 * replaced warm-up buffers and the fill's own garbage are not history.
 */
function fill(): FillFigures {
  const rssFreshMb = round1(process.memoryUsage.rss() / MB);
  const { series } = core as unknown as {
    series: { buffers: Map<string, SeriesBuffer>; rawSamplesPerSeries: number };
  };
  const { buffers, rawSamplesPerSeries: rawSamples } = series;
  const [first] = buffers.values();
  const bytes = first ? hourOf(first, Date.now(), 0).byteLength * buffers.size : 0;
  const bufferMb = round1(bytes / MB);
  // Filling must not push a shared machine into swapping or the OOM killer.
  if (bytes > freemem() / 2) return { rssFreshMb, filled: false, bufferMb, rawSamples };
  for (const [key, buffer] of buffers) {
    const last = buffer.last() ?? { t: Date.now(), v: 0 };
    buffers.set(key, hourOf(buffer, last.t, last.v));
  }
  collectGarbage();
  const rssCollectedMb = round1(process.memoryUsage.rss() / MB);
  return { rssFreshMb, filled: true, bufferMb, rawSamples, rssCollectedMb };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Measures from begin() to the returned function's call. */
function begin(): () => WindowFigures {
  const cpu = process.cpuUsage();
  const began = performance.now();
  Object.assign(counters, { deltas: 0, bytes: 0, samples: 0, stringifyMs: 0 });
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(process.memoryUsage.rss()), 500);
  return () => {
    const seconds = (performance.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    lag.disable();
    rss.push(process.memoryUsage.rss());
    const perSecond = (n: number) => Math.round(n / seconds);
    return {
      seconds: round1(seconds),
      cpuPercent: round1((used.user + used.system) / 1e4 / seconds),
      stringifyPercent: round1(counters.stringifyMs / 10 / seconds),
      rssMb: round1(rss.reduce((a, b) => a + b, 0) / rss.length / MB),
      rssMaxMb: round1(Math.max(...rss) / MB),
      heapUsedMb: round1(process.memoryUsage().heapUsed / MB),
      arrayBuffersMb: round1(process.memoryUsage().arrayBuffers / MB),
      deltasPerSecond: round1(counters.deltas / seconds),
      bytesPerSecond: perSecond(counters.bytes),
      samplesPerSecond: perSecond(counters.samples),
      eventLoopP99Ms: round1(lag.percentile(99) / 1e6),
    };
  };
}

/** The core's CPU for `seconds`, by function; taken after the window so it costs the figures nothing. */
async function profile(seconds: number) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  await sleep(seconds * 1000);
  const { profile: taken } = await session.post('Profiler.stop');
  session.disconnect();
  // Kept whole for DevTools (Performance > Load profile); the summary names the top functions.
  const file = join(tmpdir(), `scale-core-${process.pid}.cpuprofile`);
  writeFileSync(file, JSON.stringify(taken));
  return { ...summariseProfile(taken as CpuProfile, 15), file };
}

let heapSession: Session | undefined;

/**
 * Samples allocations from now on, keeping the objects a full collection
 * frees too: what is garbage by the window's end, and who made it.
 */
async function startHeapSampling() {
  heapSession = new Session();
  heapSession.connect();
  await heapSession.post('HeapProfiler.enable');
  await heapSession.post('HeapProfiler.startSampling', {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  });
  return {};
}

/** What was sampled since startHeapSampling, by allocating function. */
async function heapProfile() {
  if (!heapSession) throw new Error('heap-profile without heap-sampling');
  const { profile: sampled } = await heapSession.post('HeapProfiler.stopSampling');
  heapSession.disconnect();
  heapSession = undefined;
  return summariseAllocations(sampled as unknown as AllocationProfile, 15);
}

let end: (() => WindowFigures) | undefined;

async function answer(request: CoreRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      return connect(request.urls, request.series, request.limitMs);
    case 'fill':
      return fill();
    case 'begin':
      end = begin();
      return {};
    case 'end':
      if (!end) throw new Error('end without begin');
      return end();
    case 'profile':
      return profile(request.seconds);
    case 'heap-sampling':
      return startHeapSampling();
    case 'heap-profile':
      return heapProfile();
  }
}

process.on('message', (request: CoreRequest) => {
  answer(request).then(
    (figures) => process.send?.({ type: request.type, figures }),
    (error: unknown) =>
      process.send?.({ type: request.type, error: error instanceof Error ? error.message : error }),
  );
});
// The parent going away ends us too, whatever the way it went.
process.on('disconnect', () => {
  core?.stop();
  process.exit(0);
});
process.send?.({ type: 'started' });
