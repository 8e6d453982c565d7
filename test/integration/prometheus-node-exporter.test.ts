// The bridge against the real thing: Debian's Prometheus scraping Debian's
// node-exporter on this machine, watched by the console core. Needs both
// binaries (scripts/test-setup.sh installs them); without them it fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleSeries } from '../../shared/api/series';
import type { ConsoleState } from '../../shared/api/console-state';
import { ConsoleCore } from '../../main/core/console-core';
import { NODE_EXPORTER_CONFIG, loadBridgeConfig } from '../../endpoints/prometheus/bridge-config';
import {
  startPrometheusBridge,
  type PrometheusBridge,
} from '../../endpoints/prometheus/bridge-server';
import {
  burnCpu,
  startPrometheusStack,
  type PrometheusStack,
} from '../support/prometheus-services';
import { makeTempDir, stopThenRemoveTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const CPU = 'system.cpu.utilization';
const BROKEN = 'app.broken.query';
const NODE_SERIES = [
  CPU,
  'system.cpu.load_average.1m',
  'system.cpu.load_average.15m',
  'system.memory.utilization',
  'system.filesystem.utilization',
  'system.network.connections',
];

let stack: PrometheusStack | undefined;
let bridge: PrometheusBridge | undefined;
let core: ConsoleCore | undefined;
let dir: string | undefined;
const warnings: string[] = [];

/** Why the setup failed, if it did: every test then fails with it (never a quiet skip). */
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    stack = await startPrometheusStack();
    // The ready node-exporter config, plus one series whose PromQL does not parse.
    dir = makeTempDir('wf-bridge-config-');
    const config = JSON.parse(readFileSync(NODE_EXPORTER_CONFIG, 'utf8')) as {
      series: unknown[];
    };
    config.series.push({
      id: BROKEN,
      title: 'Broken query',
      level: 'business',
      intervalMs: 1000,
      query: 'sum(rate(node_cpu_seconds_total[1m]',
    });
    const file = join(dir, 'bridge.json');
    writeFileSync(file, JSON.stringify(config));
    bridge = await startPrometheusBridge({
      config: loadBridgeConfig(file),
      prometheus: { url: stack.url },
      warn: (message) => warnings.push(message),
    });
    core = new ConsoleCore({
      endpoints: [{ url: bridge.url, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
    });
    core.start();
  } catch (err) {
    setupError = err as Error;
  }
}, 60_000);

afterAll(
  () =>
    stopThenRemoveTempDirs(
      () => core?.stop(),
      () => bridge?.close(),
      () => stack?.close(),
    ),
  30_000,
);

async function state(): Promise<ConsoleState> {
  if (setupError) throw setupError;
  if (!core) throw new Error('the console core did not start');
  return core.getState();
}

function seriesOf(s: ConsoleState, id: string): ConsoleSeries | undefined {
  return s.series.find((series) => series.id === id);
}

/** The series' points as [time, value] pairs. */
function pointsOf(s: ConsoleState, id: string): Array<[number, number]> {
  const points = s.points[seriesOf(s, id)?.key ?? ''];
  return (points?.t ?? []).map((t, i) => [t, points?.v[i] ?? NaN]);
}

function average(points: Array<[number, number]>): number {
  return points.reduce((sum, [, v]) => sum + v, 0) / points.length;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** CPU over the 5 s before a 7 s one-core burn, and during it (from 2.5 s in: irate lags a scrape). */
async function burnAndMeasure(): Promise<{ before: number; busy: number }> {
  // wait (a while) for a baseline with room to rise; a machine that stays busy is measured anyway
  const calmBy = Date.now() + 15_000;
  let start: number;
  let baseline: Array<[number, number]>;
  for (;;) {
    start = Date.now();
    baseline = pointsOf(await state(), CPU).filter(([t]) => t > start - 5_500 && t <= start);
    if ((baseline.length >= 4 && average(baseline) < 70) || Date.now() > calmBy) break;
    await sleep(500);
  }
  expect(baseline.length, 'CPU points in the 5 s before the burn').toBeGreaterThanOrEqual(3);
  const burn = burnCpu(7_000);
  try {
    await burn.done;
  } finally {
    burn.stop();
  }
  const end = start + 7_000;
  const during = await waitFor(
    'CPU points during the burn',
    async () => {
      const points = pointsOf(await state(), CPU);
      return (
        (points.at(-1)?.[0] ?? 0) >= end - 1_000 &&
        points.filter(([t]) => t >= start + 2_500 && t <= end)
      );
    },
    10_000,
  );
  expect(during.length, 'CPU points during the burn').toBeGreaterThanOrEqual(3);
  return { before: average(baseline), busy: average(during) };
}

describe('Prometheus bridge ↔ real Prometheus and node-exporter', () => {
  it("puts this machine's CPU, memory, disk, load and connections on the console", async () => {
    const s = await waitFor(
      'values for every node-exporter series, without errors',
      async () => {
        const s = await state();
        return (
          NODE_SERIES.every(
            (id) => pointsOf(s, id).length > 0 && seriesOf(s, id)?.error === undefined,
          ) && s
        );
      },
      20_000,
    );
    // the backfill worked for every series but the broken one
    expect(warnings.filter((w) => !w.includes(BROKEN))).toEqual([]);
    expect(s.endpoints[0]).toMatchObject({ state: 'open', framesRejected: 0, samplesDropped: 0 });
    expect(seriesOf(s, CPU)).toMatchObject({
      title: 'CPU utilization',
      unit: '%',
      level: 'technical',
    });
    const now = Date.now();
    for (const id of NODE_SERIES) {
      const [t, v] = pointsOf(s, id).at(-1) as [number, number];
      expect(now - t, `${id}: latest point is recent`).toBeLessThan(20_000);
      expect(v, id).toBeGreaterThanOrEqual(0);
    }
    for (const id of [CPU, 'system.memory.utilization', 'system.filesystem.utilization']) {
      for (const [, v] of pointsOf(s, id)) expect(v, id).toBeLessThanOrEqual(100);
    }
    // CPU flows at 1 Hz: a few seconds later there are newer points, every one within 0..100
    const before = pointsOf(s, CPU).at(-1)?.[0] ?? 0;
    const later = await waitFor(
      'three newer CPU points',
      async () => {
        const fresh = pointsOf(await state(), CPU).filter(([t]) => t > before);
        return fresh.length >= 3 && fresh;
      },
      10_000,
    );
    for (const [t, v] of later) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
      expect(Math.abs(Date.now() - t)).toBeLessThan(10_000);
    }
  }, 40_000);

  it('shows CPU utilization rising while a process burns one core', async () => {
    // Other work on this machine comes in bursts, so a burn may coincide with one:
    // up to three tries, each against the five seconds just before it. A bridge that
    // does not pass real values on fails all three.
    const tries: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { before, busy } = await burnAndMeasure();
      tries.push(`${before.toFixed(1)} % → ${busy.toFixed(1)} %`);
      // Two cores: one more busy core adds up to 50 points.
      if (busy - before > Math.min(10, (100 - before) / 2)) return;
      await sleep(6_500); // let the burn leave the next baseline
    }
    throw new Error(
      `CPU utilization did not rise during the burn (before → during): ${tries.join('; ')}`,
    );
  }, 110_000);

  it('shows a bad PromQL query as an error on that series only', async () => {
    const s = await waitFor(
      'the broken series to report its error',
      async () => {
        const s = await state();
        return seriesOf(s, BROKEN)?.error !== undefined && s;
      },
      10_000,
    );
    expect(seriesOf(s, BROKEN)?.error).toMatch(/Prometheus rejected the query: .*parse error/);
    for (const id of NODE_SERIES) expect(seriesOf(s, id)?.error, id).toBeUndefined();
  }, 20_000);

  it('shows every series unreachable while Prometheus is down, and clears that when it is back', async () => {
    if (setupError) throw setupError;
    if (!stack) throw new Error('no Prometheus');
    await stack.stopPrometheus();
    const down = await waitFor(
      'errors saying Prometheus is unreachable',
      async () => {
        const s = await state();
        return (
          [...NODE_SERIES, BROKEN].every((id) =>
            /unreachable/.test(seriesOf(s, id)?.error ?? ''),
          ) && s
        );
      },
      20_000,
    );
    expect(seriesOf(down, CPU)?.error).toContain(stack.url);
    // the link to the bridge itself stays up: it is Prometheus that is gone
    expect(down.endpoints[0]?.state).toBe('open');
    await stack.startPrometheus();
    const back = await waitFor(
      'the errors to clear once Prometheus is back',
      async () => {
        const s = await state();
        return NODE_SERIES.every((id) => seriesOf(s, id)?.error === undefined) && s;
      },
      30_000,
    );
    // the broken query is still broken, and says so again
    expect(seriesOf(back, BROKEN)?.error ?? '').toMatch(/rejected the query/);
    const cpu = pointsOf(back, CPU).at(-1);
    expect(Date.now() - (cpu?.[0] ?? 0)).toBeLessThan(15_000);
  }, 75_000);
});
