// All series the console knows, from every endpoint, each in its own bounded
// buffer. Samples older than the newest one are kept in arrival order: an
// endpoint's clock is its own business, and re-sorting would cost every append.
import { seriesKey, type ConsoleSeries, type Points } from '../../shared/console-api';
import type { SampleBatch, SeriesInfo } from '../../shared/protocol';
import { SeriesBuffer } from './series-buffer';

export interface AppendResult {
  key: string;
  points: Points;
}

export class SeriesStore {
  private readonly info = new Map<string, ConsoleSeries>();
  private readonly buffers = new Map<string, SeriesBuffer>();

  constructor(private readonly capacity: number) {}

  /** Registers or updates catalog entries; returns those that are new or changed. */
  upsertCatalog(endpointId: string, catalog: SeriesInfo[]): ConsoleSeries[] {
    const changed: ConsoleSeries[] = [];
    for (const entry of catalog) {
      const key = seriesKey(endpointId, entry.id);
      const next: ConsoleSeries = { ...entry, key, endpointId };
      const before = this.info.get(key);
      if (before && JSON.stringify(before) === JSON.stringify(next)) continue;
      this.info.set(key, next);
      if (!this.buffers.has(key)) this.buffers.set(key, new SeriesBuffer(this.capacity));
      changed.push(next);
    }
    return changed;
  }

  /** Appends batches for known series; unknown series ids are reported, not stored. */
  append(endpointId: string, batches: SampleBatch[]): { added: AppendResult[]; unknown: string[] } {
    const added: AppendResult[] = [];
    const unknown: string[] = [];
    for (const batch of batches) {
      const key = seriesKey(endpointId, batch.series);
      const buffer = this.buffers.get(key);
      if (!buffer) {
        unknown.push(batch.series);
        continue;
      }
      const points: Points = { t: [], v: [] };
      for (const [t, v] of batch.points) {
        buffer.push(t, v);
        points.t.push(t);
        points.v.push(v);
      }
      added.push({ key, points });
    }
    return { added, unknown };
  }

  catalog(): ConsoleSeries[] {
    return [...this.info.values()];
  }

  pointsSince(since: number): Record<string, Points> {
    const out: Record<string, Points> = {};
    for (const [key, buffer] of this.buffers) out[key] = buffer.pointsSince(since);
    return out;
  }

  last(key: string): { t: number; v: number } | undefined {
    return this.buffers.get(key)?.last();
  }
}
