// All series the console knows, from every endpoint, each in its own bounded
// buffer; how much of each stays exact follows the shared raw budget
// (series-raw-budget.ts) and the number of series held. Points that go back
// in time, repeat a timestamp, or lie far outside any plausible clock are
// dropped and counted rather than stored.
import { dequal } from 'dequal';
import { seriesKey, type ConsoleSeries, type Points } from '../../../shared/api/series';
import type { SampleBatch, SeriesInfo } from '../../../shared/protocol';
import { SeriesBuffer } from './series-buffer';
import { RAW_BUDGET_BYTES, rawSamplesFor } from './series-raw-budget';

export interface AppendResult {
  key: string;
  points: Points;
}

export interface AppendReport {
  added: AppendResult[];
  unknown: string[];
  /** Points dropped for repeating or going back in time within their batch: an endpoint bug. */
  outOfOrder: number;
  /** Points already stored (a backfill overlapping what we have): skipped quietly. */
  overlap: number;
  /** Points dropped for an absurd timestamp. */
  absurd: number;
}

export interface CatalogReport {
  changed: ConsoleSeries[];
  removed: string[];
  /** Catalog entries refused because the endpoint reached its series cap. */
  overCap: number;
}

/** Timestamps before this (2001-09-09) or more than a day ahead are absurd. */
const EARLIEST = 1e12;
const MAX_AHEAD_MS = 86_400_000;

export class SeriesStore {
  private readonly info = new Map<string, ConsoleSeries>();
  private readonly buffers = new Map<string, SeriesBuffer>();
  private readonly perEndpoint = new Map<string, Set<string>>();
  /** Samples each buffer keeps exactly, for `limitCount` series. */
  private rawLimit: number;
  private limitCount = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxSeriesPerEndpoint = 5_000,
    private readonly now: () => number = Date.now,
    /** Bytes for the raw tiers of all series together. */
    private readonly rawBudgetBytes = RAW_BUDGET_BYTES,
  ) {
    this.rawLimit = rawSamplesFor(0, capacity, rawBudgetBytes);
  }

  /** Newest samples every series keeps exactly at the moment (older ones are decimated). */
  get rawSamplesPerSeries(): number {
    return this.rawLimit;
  }

  upsertCatalog(endpointId: string, catalog: SeriesInfo[], replace = false): CatalogReport {
    const keys = this.keysOf(endpointId);
    const report: CatalogReport = { changed: [], removed: [], overCap: 0 };
    if (replace) {
      const listed = new Set(catalog.map((entry) => seriesKey(endpointId, entry.id)));
      for (const key of keys) if (!listed.has(key)) this.remove(endpointId, key, report);
    }
    for (const entry of catalog) {
      const key = seriesKey(endpointId, entry.id);
      if (!keys.has(key) && keys.size >= this.maxSeriesPerEndpoint) {
        report.overCap += 1;
        continue;
      }
      const before = this.info.get(key);
      const next: ConsoleSeries = { ...entry, key, endpointId, ...errorOf(before) };
      // By value, not by serialization: a catalog re-sent in another key order is no change.
      if (before && dequal(before, next)) continue;
      this.info.set(key, next);
      keys.add(key);
      if (!this.buffers.has(key)) {
        this.buffers.set(key, new SeriesBuffer(this.capacity, this.rawLimit));
      }
      report.changed.push(next);
    }
    this.fitRawLimit();
    return report;
  }

  /** Sets or clears a series' error; returns the entry when it changed. */
  setError(endpointId: string, seriesId: string, message?: string): ConsoleSeries | undefined {
    const key = seriesKey(endpointId, seriesId);
    const before = this.info.get(key);
    if (!before || before.error === message) return undefined;
    const next: ConsoleSeries = { ...before };
    if (message === undefined) delete next.error;
    else next.error = message;
    this.info.set(key, next);
    return next;
  }

  append(endpointId: string, batches: SampleBatch[], skewMs = 0): AppendReport {
    const report: AppendReport = { added: [], unknown: [], outOfOrder: 0, overlap: 0, absurd: 0 };
    const latest = this.now() + skewMs + MAX_AHEAD_MS;
    for (const batch of batches) {
      const lookup = seriesKey(endpointId, batch.series);
      const buffer = this.buffers.get(lookup);
      if (!buffer) {
        report.unknown.push(batch.series);
        continue;
      }
      // The catalog's string, not the one just built: the feed makes keys
      // object properties, and V8 interns a fresh string every time (a delta
      // of 1,100 keys: 4.3-4.9 ms fresh, 0.6-1.0 ms reused; B6 in docs/performance.md).
      const key = this.info.get(lookup)?.key ?? lookup;
      const points: Points = { t: [], v: [] };
      const stored = buffer.last()?.t ?? -Infinity;
      let previous = -Infinity;
      // Times keep their fraction: a 10 kHz series spaces samples 0.1 ms apart
      // (each such time costs the raw tier an exact-time entry: docs/performance.md B6).
      for (const [t, v] of batch.points) {
        if (t < EARLIEST || t > latest) {
          report.absurd += 1;
          continue;
        }
        if (t <= previous) {
          report.outOfOrder += 1;
          continue;
        }
        previous = t;
        if (t <= stored) {
          report.overlap += 1;
          continue;
        }
        buffer.push(t, v);
        points.t.push(t);
        points.v.push(v);
      }
      if (points.t.length) report.added.push({ key, points });
    }
    return report;
  }

  countOf(endpointId: string): number {
    return this.perEndpoint.get(endpointId)?.size ?? 0;
  }

  /** Forgets every series of an endpoint (it was removed); returns their keys. */
  dropEndpoint(endpointId: string): string[] {
    const report: CatalogReport = { changed: [], removed: [], overCap: 0 };
    for (const key of [...this.keysOf(endpointId)]) this.remove(endpointId, key, report);
    this.perEndpoint.delete(endpointId);
    this.fitRawLimit();
    return report.removed;
  }

  catalog(): ConsoleSeries[] {
    return [...this.info.values()];
  }

  pointsSince(since: number): Record<string, Points> {
    const out: Record<string, Points> = {};
    for (const [key, buffer] of this.buffers) out[key] = buffer.pointsSince(since);
    return out;
  }

  pointsOf(key: string, since: number): Points {
    return this.buffers.get(key)?.pointsSince(since) ?? { t: [], v: [] };
  }

  /** Mean of the values with time >= since; undefined when there are none. */
  meanSince(key: string, since: number): number | undefined {
    const points = this.buffers.get(key)?.pointsSince(since);
    if (!points?.v.length) return undefined;
    let sum = 0;
    for (const v of points.v) sum += v;
    return sum / points.v.length;
  }

  last(key: string): { t: number; v: number } | undefined {
    return this.buffers.get(key)?.last();
  }

  /**
   * Shares the raw budget among the series now held. Only a change of count
   * can move the limit, and only a moved limit walks the buffers. At first
   * connect they are nearly empty and this costs nothing; when a console
   * whose buffers are full gains thousands of series it is a one-off cost,
   * every buffer moving its oldest raw samples into its buckets at once:
   * 2,000 full buffers joined by 18,000 series move 6 M samples, 0.26-0.35 s
   * of blocked event loop on a loaded two-core machine (B6 in docs/performance.md).
   */
  private fitRawLimit(): void {
    if (this.buffers.size === this.limitCount) return;
    this.limitCount = this.buffers.size;
    const limit = rawSamplesFor(this.limitCount, this.capacity, this.rawBudgetBytes);
    if (limit === this.rawLimit) return;
    this.rawLimit = limit;
    for (const buffer of this.buffers.values()) buffer.setRawLimit(limit);
  }

  private keysOf(endpointId: string): Set<string> {
    let keys = this.perEndpoint.get(endpointId);
    if (!keys) this.perEndpoint.set(endpointId, (keys = new Set()));
    return keys;
  }

  private remove(endpointId: string, key: string, report: CatalogReport): void {
    this.info.delete(key);
    this.buffers.delete(key);
    this.perEndpoint.get(endpointId)?.delete(key);
    report.removed.push(key);
  }
}

function errorOf(before: ConsoleSeries | undefined): { error?: string } {
  return before?.error === undefined ? {} : { error: before.error };
}
