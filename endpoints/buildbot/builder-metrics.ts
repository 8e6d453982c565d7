// The technical-band series of each mapped builder (failing tests, build
// duration, queue length, success rate) and their values from what the
// poller last read.
import type { SeriesInfo } from '../../shared/protocol';
import type { BuilderMapping } from './bridge-config';
import type { BuildSummary } from './build-summary';

export const METRICS = ['failing', 'duration', 'queue', 'successRate'] as const;
export type Metric = (typeof METRICS)[number];

/** What the poller knows of one builder, enough to compute its series. */
export interface BuilderReading {
  /** The latest finished build. */
  lastFinished: BuildSummary | undefined;
  /** Builds waiting for a worker. */
  queued: number;
  /** Finished builds in the success window, passed or not. */
  finished: number;
  passed: number;
}

const PREFIX: Record<Metric, string> = {
  failing: 'ci.tests.failing',
  duration: 'ci.build.duration',
  queue: 'ci.build.queue',
  successRate: 'ci.build.success_rate',
};

export function seriesId(metric: Metric, mapping: BuilderMapping): string {
  return `${PREFIX[metric]}.${mapping.service}.${mapping.environment}`.slice(0, 128);
}

/** The catalog entries of one builder. */
export function builderSeries(mapping: BuilderMapping, intervalMs: number): SeriesInfo[] {
  const where = `${mapping.service} ${mapping.environment}`;
  const common = {
    level: 'technical' as const,
    kind: 'gauge' as const,
    intervalMs,
    service: mapping.service,
    attributes: {
      builder: mapping.builder.slice(0, 200),
      'deployment.environment.name': mapping.environment,
    },
  };
  const retry = {
    title: `Retry ${mapping.service}'s ${mapping.environment} build`,
    action: 'build.retry' as const,
    args: { service: mapping.service, environment: mapping.environment },
  };
  return [
    {
      ...common,
      id: seriesId('failing', mapping),
      title: `Failing tests · ${where}`,
      unit: '{test}',
      description: `Failing tests of the latest finished build of Buildbot's ${mapping.builder}`,
      thresholds: { warning: 1, critical: 1, direction: 'above' },
      procedures: [{ when: 'critical', ...retry }],
    },
    {
      ...common,
      id: seriesId('duration', mapping),
      title: `Build duration · ${where}`,
      unit: 's',
      description: `How long the latest finished build of ${mapping.builder} took`,
    },
    {
      ...common,
      id: seriesId('queue', mapping),
      title: `Build queue · ${where}`,
      unit: '{build}',
      description: `Build requests of ${mapping.builder} waiting for a worker`,
      thresholds: { warning: 3, critical: 10, direction: 'above' },
    },
    {
      ...common,
      id: seriesId('successRate', mapping),
      title: `Build success rate · ${where}`,
      unit: '%',
      description: `Share of the recent finished builds of ${mapping.builder} that passed`,
      thresholds: { warning: 80, critical: 50, direction: 'below' },
    },
  ];
}

/** The current value of each series of a builder; a series with nothing to say is left out. */
export function builderValues(reading: BuilderReading): Partial<Record<Metric, number>> {
  const last = reading.lastFinished;
  const values: Partial<Record<Metric, number>> = { queue: reading.queued };
  if (last) {
    values.failing = last.status === 'failed' ? last.failingTests.length : 0;
    if (last.durationMs !== undefined) values.duration = last.durationMs / 1000;
  }
  if (reading.finished > 0) values.successRate = (100 * reading.passed) / reading.finished;
  return values;
}
