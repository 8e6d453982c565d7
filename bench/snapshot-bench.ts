// Snapshot export/import against the targets: 2,000 series × 1 hour at
// 1 s (7.2 M points): export ≤ 1 s, file ≤ 60 MB, read ≤ 1.5 s, and no
// event-loop stall over 100 ms while exporting or reading.
//
//   npx tsx bench/snapshot-bench.ts [--quick]
//
// Three value profiles, since the encoding depends on the values:
//   decimal  values rounded to 0-3 decimals (the demo endpoint, most gauges),
//            times stamped live, so every step jitters by a few ms
//   float    full-precision doubles (Prometheus rates), step-aligned times:
//            the worst case for size
//   mixed    three quarters decimal, one quarter float
// Points sit in the console's own SeriesBuffer rings and are read with
// pointsSince, as a ConsoleCore-backed source would today. `mixed-typed`
// hands over typed-array copies instead (SnapshotSource.points allows it),
// to show what a ring-copying accessor on SeriesBuffer would save (so far:
// less than the run-to-run noise of this shared machine).
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ConsoleSeries } from '../shared/api/series';
import type { SnapshotSource } from '../shared/api/snapshot';
import { SeriesBuffer } from '../main/core/series/series-buffer';
import { exactShape } from '../main/core/series/series-history-shape';
import { readSnapshot } from '../main/core/snapshot/snapshot-reader';
import { snapshotToState } from '../shared/rules/snapshot-view';
import { writeSnapshot } from '../main/core/snapshot/snapshot-writer';
import { ConsoleHistory } from '../main/core/snapshot/console-history';
import { watchOtherCpu } from './browser-harness';
import type { EndpointDeployments } from '../shared/api/console-state';

export const TARGETS = { exportMs: 1_000, fileMB: 60, readMs: 1_500, stallMs: 100 };

export type Profile = 'decimal' | 'float' | 'mixed' | 'mixed-typed';

export interface BenchFigures {
  profile: Profile;
  series: number;
  points: number;
  exportMs: number;
  fileMB: number;
  exportStallMs: number;
  readMs: number;
  readStallMs: number;
  /** snapshotToState at the end of the window: the review mode's first frame. */
  viewMs: number;
  pass: boolean;
}

const SERIES = 2_000;
const POINTS = 3_600;
const END = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Park-Miller: the same data on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

function isFloat(profile: Profile, index: number): boolean {
  return profile === 'float' || (profile !== 'decimal' && index % 4 === 3);
}

/** The same points in the console's ring and in plain typed arrays (for `mixed-typed`). */
interface Stored {
  buffer: SeriesBuffer;
  t: Float64Array;
  v: Float64Array;
}

function fillSeries(float: boolean, random: () => number): Stored {
  const stored = {
    // Every point exact, whatever the console's raw budget: the bench times the hour at 1 s.
    buffer: new SeriesBuffer(exactShape(POINTS)),
    t: new Float64Array(POINTS),
    v: new Float64Array(POINTS),
  };
  const decimals = Math.floor(random() * 4);
  let value = 10 + random() * 500;
  for (let i = 0; i < POINTS; i += 1) {
    value = Math.max(0, value + (random() - 0.5) * 4);
    const step = END - (POINTS - i) * 1_000;
    const time = float ? step : step + Math.floor(random() * 7);
    const sample = float ? value / 3 : Number(value.toFixed(decimals));
    stored.buffer.push(time, sample);
    stored.t[i] = time;
    stored.v[i] = sample;
  }
  return stored;
}

/** What a ring-buffer copy would give: two memcpy-like slices instead of per-point pushes. */
function typedSince(stored: Stored, from: number) {
  let first = 0;
  while (first < stored.t.length && (stored.t[first] as number) < from) first += 1;
  return { t: stored.t.slice(first), v: stored.v.slice(first) };
}

export function syntheticSource(profile: Profile): SnapshotSource {
  const random = prng(42);
  const series: ConsoleSeries[] = [];
  const stores = new Map<string, Stored>();
  for (let i = 0; i < SERIES; i += 1) {
    const endpointId = `region-${i % 4}`;
    const id = `svc-${i % 50}.metric-${i}`;
    const key = `${endpointId}/${id}`;
    const level = (['business', 'service', 'technical'] as const)[i % 3] ?? 'technical';
    series.push({
      id,
      key,
      endpointId,
      title: `Metric ${i}`,
      level,
      unit: 'ms',
      kind: 'gauge',
      intervalMs: 1_000,
    });
    stores.set(key, fillSeries(isFloat(profile, i), random));
  }
  const endpoints = [0, 1, 2, 3].map((n) => ({
    id: `region-${n}`,
    url: `wss://region-${n}.example:7400`,
    name: `Region ${n}`,
    state: 'open' as const,
  }));
  const history = busyHistory(endpoints.map((e) => e.id));
  return {
    state: (from) => ({
      history: history.since(from),
      endpoints,
      series,
      deployments: [],
      actions: [],
      events: [],
      alerts: [],
      alertTimeline: [],
    }),
    points: (key, from) => {
      const stored = stores.get(key);
      if (!stored) return { t: [], v: [] };
      return profile === 'mixed-typed' ? typedSince(stored, from) : stored.buffer.pointsSince(from);
    },
    audit: () => [],
    appVersion: 'bench',
    operator: () => 'bench',
    now: () => END,
  };
}

/**
 * A busy hour's timeline, through the console's own bounded recorder: every
 * 10 s one of 20 services per endpoint changes (a deploy, a status), and the
 * links flap every 5 minutes.
 */
function busyHistory(endpointIds: string[]): ConsoleHistory {
  const history = new ConsoleHistory();
  for (let at = END - 3_600_000; at <= END; at += 10_000) {
    for (const endpointId of endpointIds) {
      const step = (at - END) / 10_000;
      const deployments: EndpointDeployments = {
        endpointId,
        resourceVersion: step + 1_000,
        services: Array.from({ length: 20 }, (_, i) => ({
          id: `svc-${i}`,
          name: `Service ${i}`,
          environments: [
            {
              id: 'production',
              version: `1.${i}.${Math.floor(step / 20) + (i === step % 20 ? 1 : 0)}`,
              previousVersions: [`1.${i}.0`],
              status: i === step % 20 ? 'deploying' : 'healthy',
              updatedAt: at,
            },
          ],
        })),
      };
      history.deploymentsChanged(at, deployments);
      if (at % 300_000 === 0) history.linkState(at, endpointId, 'open');
    }
  }
  return history;
}

/** Runs `work` while sampling event-loop delay; returns its duration and the longest stall. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  histogram.disable();
  return { value, ms, stallMs: histogram.max / 1e6 };
}

type RunFigures = Omit<BenchFigures, 'profile' | 'series' | 'points' | 'pass'> & {
  series: number;
  points: number;
};

async function runOnce(source: SnapshotSource, profile: Profile): Promise<RunFigures> {
  const written = await measured(() => writeSnapshot(source, { title: `bench ${profile}` }));
  const read = await measured(() => readSnapshot(written.value));
  const viewStart = performance.now();
  snapshotToState(read.value);
  // Mid-window as well: the instant a scrubber shows, rebuilt from the timeline.
  snapshotToState(read.value, END - 1_800_000);
  const viewMs = performance.now() - viewStart;
  return {
    series: read.value.series.length,
    points: Object.values(read.value.points).reduce((sum, p) => sum + p.t.length, 0),
    exportMs: written.ms,
    fileMB: written.value.length / 1e6,
    exportStallMs: written.stallMs,
    readMs: read.ms,
    readStallMs: read.stallMs,
    viewMs,
  };
}

/** The median of each figure over `runs` runs: this machine is shared, single runs are noisy. */
async function benchProfile(profile: Profile, runs: number): Promise<BenchFigures> {
  const source = syntheticSource(profile);
  const all: RunFigures[] = [];
  for (let i = 0; i < runs; i += 1) all.push(await runOnce(source, profile));
  const median = (pick: (r: RunFigures) => number) => {
    const sorted = all.map(pick).sort((a, b) => a - b);
    return round(sorted[Math.floor(sorted.length / 2)] ?? NaN);
  };
  const figures = {
    profile,
    series: median((r) => r.series),
    points: median((r) => r.points),
    exportMs: median((r) => r.exportMs),
    fileMB: median((r) => r.fileMB),
    exportStallMs: median((r) => r.exportStallMs),
    readMs: median((r) => r.readMs),
    readStallMs: median((r) => r.readStallMs),
    viewMs: median((r) => r.viewMs),
  };
  return { ...figures, pass: meetsTargets(figures) };
}

function meetsTargets(f: Omit<BenchFigures, 'pass'>): boolean {
  return (
    f.points === SERIES * POINTS &&
    f.exportMs <= TARGETS.exportMs &&
    f.fileMB <= TARGETS.fileMB &&
    f.readMs <= TARGETS.readMs &&
    Math.max(f.exportStallMs, f.readStallMs) <= TARGETS.stallMs
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Like the other benches' run functions: `quick` takes one run per profile instead of five. */
export async function runSnapshotBench(
  quick = false,
  profiles: Profile[] = ['decimal', 'mixed', 'float', 'mixed-typed'],
): Promise<BenchFigures[]> {
  const runs = quick ? 1 : 5;
  // One untimed run so the timed ones measure optimised code, as a long-running app has.
  await runOnce(syntheticSource('mixed'), 'mixed');
  const results: BenchFigures[] = [];
  for (const profile of profiles) results.push(await benchProfile(profile, runs));
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const otherCpu = watchOtherCpu();
  const results = await runSnapshotBench(quick);
  const otherCores = otherCpu.stop();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const runs = quick ? 'one run' : 'medians of 5 runs';
  console.log(
    `${cpus().length} CPUs (${cpus()[0]?.model}), load average ${load}, other processes ${otherCores} cores, ${runs}`,
  );
  console.log(
    `targets: export ≤ ${TARGETS.exportMs} ms, file ≤ ${TARGETS.fileMB} MB, read ≤ ${TARGETS.readMs} ms, stall ≤ ${TARGETS.stallMs} ms`,
  );
  console.table(results);
  console.log(JSON.stringify(results));
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}
