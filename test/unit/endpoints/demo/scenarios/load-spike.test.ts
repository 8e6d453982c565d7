import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../../../endpoints/demo/demo-catalog';
import {
  SCALE_UP,
  SPIKE_ONSET_TICK,
  trafficFactor,
} from '../../../../../endpoints/demo/scenarios/load-spike';
import { Drill } from '../simulation-drill';

const WEB = { service: 'web', environment: 'production' };
const scale = (resource: 'servers' | 'cpu' | 'storageGb', change: number) => ({
  action: 'capacity.scale' as const,
  args: { ...WEB, resource, change },
});

/** A drill at the spike's plateau, its series settled there. */
function atPeak(seed = 1): Drill {
  const drill = new Drill('load-spike', seed);
  drill.ticks(60);
  return drill;
}

describe('load-spike', () => {
  it('starts calm, with web on 8 servers (32 cores)', () => {
    const drill = new Drill('load-spike');
    expect(drill.env('web').capacity).toEqual({ servers: 8, cpu: 32, storageGb: 500 });
    expect(drill.value(SERIES.cpu)).toBeLessThan(60);
    expect(trafficFactor(0)).toBe(1);
    expect(trafficFactor(1000)).toBe(2.4);
  });

  it('users rise first, then CPU and response time', () => {
    const drill = new Drill('load-spike', 2);
    drill.ticks(SPIKE_ONSET_TICK);
    const users = drill.ticksUntil(() => drill.value(SERIES.users) > 6000);
    const rest = new Drill('load-spike', 2);
    rest.ticks(SPIKE_ONSET_TICK);
    const cpu = rest.ticksUntil(() => rest.value(SERIES.cpu) >= 90);
    expect(users).toBeLessThan(cpu);
    const p95 = new Drill('load-spike', 2);
    p95.ticks(SPIKE_ONSET_TICK);
    expect(p95.ticksUntil(() => p95.value(SERIES.p95) >= 800)).toBeGreaterThan(users);
  });

  it('at the peak: utilization, CPU, p95 and errors critical, all suggesting 8 more servers', () => {
    const drill = atPeak();
    expect(drill.mean(SERIES.users)).toBeGreaterThan(11_000);
    expect(drill.mean(SERIES.utilization)).toBeGreaterThan(95);
    expect(drill.mean(SERIES.cpu)).toBeGreaterThan(90);
    expect(drill.mean(SERIES.p95)).toBeGreaterThan(800);
    expect(drill.mean(SERIES.errors)).toBeGreaterThan(20);
    const cpu = drill.sim.catalog().find((s) => s.id === SERIES.cpu);
    expect(cpu?.procedures?.[0]).toMatchObject({ action: 'capacity.scale', args: SCALE_UP });
  });

  it('8 more servers bring CPU, utilization and p95 back within 15 ticks', () => {
    const drill = atPeak();
    const outcome = drill.act(scale('servers', 8));
    expect(outcome).toMatchObject({
      state: 'succeeded',
      message: 'web production scaled servers 8 → 16 (+8)',
      events: [
        {
          type: 'capacity.scaled',
          subject: 'web/production',
          data: { resource: 'servers', change: 8, total: 16 },
        },
      ],
    });
    expect(drill.env('web').capacity).toEqual({ servers: 16, cpu: 64, storageGb: 500 });
    const recovered = () =>
      drill.value(SERIES.cpu) < 70 &&
      drill.value(SERIES.utilization) < 75 &&
      drill.value(SERIES.p95) < 400;
    expect(drill.ticksUntil(recovered, 15)).toBeLessThanOrEqual(15);
    drill.ticks(10);
    expect(drill.value(SERIES.servers)).toBe(16);
    expect(drill.mean(SERIES.errors)).toBeLessThan(5);
  });

  it('the load falls in proportion to capacity', () => {
    const settledCpu = (servers: number) => {
      const drill = atPeak(3);
      if (servers) drill.act(scale('servers', servers));
      drill.ticks(40);
      return drill.mean(SERIES.cpu, 100);
    };
    const at16 = settledCpu(8);
    const at24 = settledCpu(16);
    // 64 and 96 cores: CPU two thirds as high
    expect(at24 / at16).toBeGreaterThan(0.6);
    expect(at24 / at16).toBeLessThan(0.73);
  });

  it('fails, changing nothing, when the order exceeds the quota', () => {
    const drill = atPeak();
    const outcome = drill.act(scale('servers', 30));
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toMatch(/quota allows 32 servers; 8 \+30 would be 38/);
    expect(outcome.changes).toEqual([]);
    expect(drill.env('web').capacity?.servers).toBe(8);
  });

  it.each([
    [scale('servers', -8), /cannot go from 8 to 0 servers: at least 1 server must stay/],
    [scale('storageGb', -400), /at least 320 GB of storage must stay/],
    [
      { action: 'capacity.scale' as const, args: { ...SCALE_UP, service: 'billing' } },
      /only web's capacity scales here/,
    ],
  ])('refuses %o', (call, reason) => {
    expect(new Drill('load-spike').refusal(call)).toMatch(reason);
  });

  it('scales cores and storage too', () => {
    const drill = new Drill('load-spike');
    drill.act(scale('cpu', 8));
    drill.act(scale('storageGb', 100));
    expect(drill.env('web').capacity).toEqual({ servers: 8, cpu: 40, storageGb: 600 });
  });
});
