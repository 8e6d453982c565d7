// B1: ingest in main/core on one core — parse, validate, ring-buffer append,
// threshold check, coalescing — through the console's real notification path.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ConsoleCore } from '../main/core/console-core';
import type { EndpointLink } from '../main/core/links/endpoint-link';
import { decodeFrame } from '../main/core/links/frame-decoder';

const SERIES = 100;

function pipeline() {
  const core = new ConsoleCore({
    endpoints: [{ id: 'bench', url: 'ws://127.0.0.1:9', source: 'cli' }],
    clientVersion: 'bench',
    flushMs: 200,
    seriesCapacity: 3_600,
  });
  const link = core.links.get('bench') as EndpointLink;
  const series = Array.from({ length: SERIES }, (_, i) => ({
    id: `s${i}`,
    title: `Series ${i}`,
    level: 'technical' as const,
    unit: '%',
    kind: 'gauge' as const,
    intervalMs: 1000,
    thresholds: { warning: 70, critical: 90, direction: 'above' as const },
  }));
  link.emit('notification', { jsonrpc: '2.0', method: 'catalog', params: { series } });
  let deltas = 0;
  core.onDelta(() => (deltas += 1));
  const feed = (raw: string) => {
    const frame = decodeFrame(raw);
    if (!frame.ok || frame.kind !== 'notification') throw new Error('bench frame rejected');
    link.emit('notification', frame.message);
  };
  return {
    core,
    feed,
    flush: () => (core as unknown as { feed: { flush(): void } }).feed.flush(),
    deltas: () => deltas,
  };
}

function frames(
  pointsPerSeries: number,
  seriesPerFrame: number,
  count: number,
  start: number,
): string[] {
  const out: string[] = [];
  let t = start;
  for (let f = 0; f < count; f += 1) {
    const batches = Array.from({ length: seriesPerFrame }, (_, s) => ({
      series: `s${(f * seriesPerFrame + s) % SERIES}`,
      // a realistic wave, mostly within bounds with an occasional breach
      points: Array.from({ length: pointsPerSeries }, (_, i) => [
        t + i,
        55 + 20 * Math.sin((t + i) / 900),
      ]),
    }));
    t += pointsPerSeries;
    out.push(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
  }
  return out;
}

/** Samples per second through the whole path, frames serialised beforehand, flushing as the core would. */
function throughput(pointsPerSeries: number, seriesPerFrame: number, totalSamples: number): number {
  const { feed, flush } = pipeline();
  const perFrame = pointsPerSeries * seriesPerFrame;
  const pool = frames(
    pointsPerSeries,
    seriesPerFrame,
    Math.ceil(totalSamples / perFrame),
    Date.now() - 7_200_000,
  );
  const began = performance.now();
  let lastFlush = began;
  for (const frame of pool) {
    feed(frame);
    const now = performance.now();
    if (now - lastFlush > 200) {
      flush();
      lastFlush = now;
    }
  }
  flush();
  return (pool.length * perFrame) / ((performance.now() - began) / 1000);
}

/** Event-loop lag while 100,000 samples a second arrive in 20 ms batches. */
async function lagAt(
  samplesPerSecond: number,
  seconds: number,
): Promise<{ p99: number; max: number }> {
  const { feed, core } = pipeline();
  core.start();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let t = Date.now() - 600_000;
  const perTick = samplesPerSecond / 50 / 10;
  histogram.enable();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const batches = Array.from({ length: 10 }, (_, s) => ({
        series: `s${s}`,
        points: Array.from({ length: perTick }, (_, k) => [t + k, k % 100]),
      }));
      t += perTick;
      feed(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
    }, 20);
    setTimeout(() => {
      clearInterval(timer);
      resolve();
    }, seconds * 1000);
  });
  histogram.disable();
  core.stop();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

export async function runIngestBench(quick = false) {
  const batched = throughput(500, 10, quick ? 1_000_000 : 5_000_000);
  const single = throughput(1, 1, quick ? 100_000 : 500_000);
  const lag = await lagAt(100_000, quick ? 2 : 5);
  return {
    batchedSamplesPerSecond: Math.round(batched),
    singleFramesPerSecond: Math.round(single),
    batchedOverSingle: Math.round((batched / single) * 10) / 10,
    lagP99Ms: Math.round(lag.p99 * 10) / 10,
    lagMaxMs: Math.round(lag.max * 10) / 10,
  };
}

if (process.argv[1]?.endsWith('ingest-bench.ts')) console.log(await runIngestBench());
