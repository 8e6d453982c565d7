// Optional series from Prometheus, served by the runbook bridge itself: the
// Prometheus bridge's config format and poller, so that a tile's procedure
// (a rollback) goes to the endpoint that can carry it out. The console sends
// a procedure to the endpoint of the series that suggests it.
import type { SampleBatch, SeriesInfo } from '../../shared/protocol';
import { loadBridgeConfig } from '../prometheus/bridge-config';
import { PrometheusClient } from '../prometheus/prometheus-client';
import { QueryPoller, type PollerListener } from '../prometheus/query-poller';

export interface MetricsFeed {
  catalog: SeriesInfo[];
  poller: QueryPoller;
  close(): void;
}

export function startMetricsFeed(
  metrics: { prometheus: string; config: string },
  warn: (message: string) => void,
): MetricsFeed {
  const config = loadBridgeConfig(metrics.config);
  const client = new PrometheusClient({
    url: metrics.prometheus,
    headers: {},
    timeoutMs: config.timeoutMs,
    maxConcurrent: config.maxConcurrentQueries,
  });
  const poller = new QueryPoller({
    series: config.series.map(({ info, query }) => ({
      id: info.id,
      query,
      intervalMs: info.intervalMs,
    })),
    source: client,
    backfillMs: config.backfillMs,
    warn,
  });
  return {
    catalog: config.series.map((series) => series.info),
    poller,
    close: () => {
      poller.stop();
      client.close();
    },
  };
}

/** Per console: only points later than the last one it got, per series. */
export class SampleFilter {
  private readonly lastSent = new Map<string, number>();

  fresh(batches: SampleBatch[]): SampleBatch[] {
    const out: SampleBatch[] = [];
    for (const batch of batches) {
      const after = this.lastSent.get(batch.series) ?? -Infinity;
      const points = batch.points.filter(([time]) => time > after);
      const last = points.at(-1);
      if (!last) continue;
      this.lastSent.set(batch.series, last[0]);
      out.push({ series: batch.series, points });
    }
    return out;
  }
}

export type { PollerListener };
