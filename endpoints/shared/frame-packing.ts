// Splits big catalogs and sample backfills over several frames, each well
// under the protocol's 1 MiB limit.
import type { SampleBatch, SeriesInfo } from '../../shared/protocol';

/** What one frame's payload may weigh: half the limit leaves room for the envelope. */
export const FRAME_BUDGET_BYTES = 512 * 1024;

/** Groups catalog entries into frames of at most `budget` bytes of JSON. */
export function packCatalog(series: SeriesInfo[], budget = FRAME_BUDGET_BYTES): SeriesInfo[][] {
  return packBySize(series, (entry) => JSON.stringify(entry).length + 1, budget);
}

/**
 * Groups sample batches into frames of at most `budget` bytes of JSON; a
 * series with more points than one frame holds is cut into consecutive runs.
 */
export function packSamples(batches: SampleBatch[], budget = FRAME_BUDGET_BYTES): SampleBatch[][] {
  const pieces: SampleBatch[] = [];
  for (const batch of batches) {
    if (batch.points.length === 0) continue;
    const size = batchSize(batch);
    if (size <= budget) {
      pieces.push(batch);
      continue;
    }
    const perPiece = Math.max(1, Math.floor((batch.points.length * budget) / size / 1.1));
    for (let start = 0; start < batch.points.length; start += perPiece) {
      pieces.push({ series: batch.series, points: batch.points.slice(start, start + perPiece) });
    }
  }
  return packBySize(pieces, batchSize, budget);
}

function batchSize(batch: SampleBatch): number {
  return JSON.stringify(batch).length + 1;
}

function packBySize<T>(items: T[], sizeOf: (item: T) => number, budget: number): T[][] {
  const frames: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && used + size > budget) {
      frames.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  if (current.length > 0) frames.push(current);
  return frames;
}
