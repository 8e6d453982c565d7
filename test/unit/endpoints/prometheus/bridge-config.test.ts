// The config file: the ready node-exporter config is valid, and every mistake
// names the file and the field it is in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  NODE_EXPORTER_CONFIG,
  loadBridgeConfig,
  parseBridgeConfig,
} from '../../../../endpoints/prometheus/bridge-config';
import { seriesInfoSchema } from '../../../../shared/protocol';

const dir = mkdtempSync(join(tmpdir(), 'wf-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minimal = {
  id: 'app.signups.rate',
  title: 'Signups',
  level: 'business',
  query: 'sum(rate(signups_total[5m])) * 60',
};

function problem(value: unknown): string {
  try {
    parseBridgeConfig(value, 'ops.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('the ready node-exporter config', () => {
  const config = loadBridgeConfig(NODE_EXPORTER_CONFIG);

  it('holds valid catalog entries with OpenTelemetry names and units', () => {
    const ids = config.series.map((s) => s.info.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'system.cpu.utilization',
        'system.cpu.load_average.1m',
        'system.memory.utilization',
        'system.filesystem.utilization',
        'system.network.connections',
      ]),
    );
    for (const { info, query } of config.series) {
      expect(seriesInfoSchema.safeParse(info).success, info.id).toBe(true);
      expect(['%', '1', '{connection}']).toContain(info.unit);
      expect(query.length).toBeGreaterThan(0);
    }
    const cpu = config.series.find((s) => s.info.id === 'system.cpu.utilization');
    expect(cpu?.info).toMatchObject({ title: 'CPU utilization', unit: '%', intervalMs: 1000 });
    expect(config.endpoint.id).toBe('node-exporter');
  });
});

describe('parseBridgeConfig', () => {
  it('fills in defaults: gauge, no unit, the file-wide interval, 15 min of backfill', () => {
    const config = parseBridgeConfig({ intervalMs: 30_000, series: [minimal] }, 'ops.json');
    expect(config.series[0]).toEqual({
      query: minimal.query,
      info: {
        id: 'app.signups.rate',
        title: 'Signups',
        level: 'business',
        unit: '',
        kind: 'gauge',
        intervalMs: 30_000,
      },
    });
    expect(config).toMatchObject({
      backfillMs: 900_000,
      timeoutMs: 10_000,
      maxConcurrentQueries: 8,
    });
  });

  it('names the file, the series (with its id) and the field', () => {
    expect(problem({ series: [minimal, { ...minimal, id: 'b', level: 'critical' }] })).toMatch(
      /^ops\.json: invalid config:\n {2}series\[1\] \("b"\)\.level: /,
    );
    expect(problem({ series: [{ ...minimal, query: ' ' }] })).toContain(
      'series[0] ("app.signups.rate").query: a query is required',
    );
    expect(
      problem({
        series: [{ ...minimal, thresholds: { warning: '5', critical: 1, direction: 'below' } }],
      }),
    ).toContain('series[0] ("app.signups.rate").thresholds.warning:');
  });

  it('catches typos, duplicates, too-fast intervals and an empty list', () => {
    expect(problem({ series: [{ ...minimal, treshold: {} }] })).toMatch(
      /series\[0\] \("app\.signups\.rate"\): .*treshold/,
    );
    expect(problem({ series: [minimal, minimal] })).toContain(
      'series[1] ("app.signups.rate").id: duplicate id "app.signups.rate" (also series[0])',
    );
    expect(problem({ series: [{ ...minimal, intervalMs: 200 }] })).toContain(
      'intervalMs: at least 1000 ms',
    );
    expect(problem({ series: [] })).toContain('series: list at least one series');
    expect(problem({ serie: [minimal] })).toContain(`(top level): Unrecognized key: "serie"`);
  });

  it("checks a procedure's arguments against its action", () => {
    const message = problem({
      series: [
        {
          ...minimal,
          procedures: [
            {
              when: 'critical',
              title: 'Add a server',
              action: 'capacity.scale',
              args: {
                service: 'billing',
                environment: 'production',
                resource: 'servers',
                change: 0,
              },
            },
          ],
        },
      ],
    });
    expect(message).toContain(
      'series[0] ("app.signups.rate").procedures[0].args.change: change must not be zero (arguments of capacity.scale)',
    );
  });
});

describe('loadBridgeConfig', () => {
  it('says when the file is missing or not JSON', () => {
    expect(() => loadBridgeConfig(join(dir, 'nope.json'))).toThrow(
      /nope\.json: cannot read the config: .*ENOENT/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "series": [ }');
    expect(() => loadBridgeConfig(broken)).toThrow(/broken\.json: not valid JSON/);
  });
});
