// Big catalogs and backfills are split over frames under the budget, in order.
import { describe, expect, it } from 'vitest';
import { packCatalog, packSamples } from '../../../../endpoints/shared/frame-packing';
import type { SampleBatch } from '../../../../shared/protocol';

describe('packSamples', () => {
  it('keeps small batches in one frame', () => {
    const batches: SampleBatch[] = [
      { series: 'a', points: [[1, 1]] },
      { series: 'b', points: [[1, 2]] },
    ];
    expect(packSamples(batches)).toEqual([batches]);
    expect(packSamples([{ series: 'a', points: [] }])).toEqual([]);
  });

  it('cuts a long series into consecutive runs, every frame under the budget', () => {
    const points = Array.from({ length: 5000 }, (_, i): [number, number] => [
      1767268800000 + i * 1000,
      i / 7,
    ]);
    const frames = packSamples(
      [
        { series: 'long', points },
        { series: 'short', points: [[1, 1]] },
      ],
      20_000,
    );
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames)
      expect(JSON.stringify({ batches: frame }).length).toBeLessThan(20_000);
    const rejoined = frames
      .flat()
      .filter((b) => b.series === 'long')
      .flatMap((b) => b.points);
    expect(rejoined).toEqual(points);
    expect(frames.at(-1)?.at(-1)?.series).toBe('short');
  });
});

describe('packCatalog', () => {
  it('splits by size and keeps the order', () => {
    const series = Array.from({ length: 100 }, (_, i) => ({
      id: `s.${i}`,
      title: `Series ${i}`,
      level: 'technical' as const,
      unit: '%',
      kind: 'gauge' as const,
      intervalMs: 1000,
      description: 'x'.repeat(500),
    }));
    const frames = packCatalog(series, 10_000);
    expect(frames.length).toBeGreaterThan(5);
    expect(frames.flat()).toEqual(series);
    for (const frame of frames) expect(JSON.stringify(frame).length).toBeLessThan(10_000);
  });
});
