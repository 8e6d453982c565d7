import { describe, expect, it } from 'vitest';
import { RAW_BUDGET_BYTES, rawSamplesFor } from './series-raw-budget';

describe('rawSamplesFor: the budget shared among the series held', () => {
  it('gives the whole capacity while the budget holds an hour for every series', () => {
    expect(rawSamplesFor(0, 3_600)).toBe(3_600);
    expect(rawSamplesFor(1, 3_600)).toBe(3_600);
    expect(rawSamplesFor(50, 3_600)).toBe(3_600);
    // 64 MiB ÷ (1,864 × 10 B) = 3,600.3: the last count that keeps the hour whole.
    expect(rawSamplesFor(1_864, 3_600)).toBe(3_600);
    expect(rawSamplesFor(1_865, 3_600)).toBe(3_598);
  });

  it('gives the budget share, floored, in between', () => {
    expect(rawSamplesFor(20_000, 3_600)).toBe(Math.floor(RAW_BUDGET_BYTES / 200_000));
    expect(rawSamplesFor(20_000, 3_600)).toBe(335);
    expect(rawSamplesFor(4, 3_600, 4 * 10 * 1_000 + 39)).toBe(1_000);
  });

  it('never gives fewer than 300, nor more than a capacity below 300', () => {
    // 64 MiB ÷ (22,369 × 10 B) = 300.008; one more series would be under 300.
    expect(rawSamplesFor(22_369, 3_600)).toBe(300);
    expect(rawSamplesFor(22_370, 3_600)).toBe(300);
    expect(rawSamplesFor(1_000_000, 3_600)).toBe(300);
    expect(rawSamplesFor(3, 3_600, 0)).toBe(300);
    expect(rawSamplesFor(1_000_000, 120)).toBe(120);
    expect(rawSamplesFor(1, 120)).toBe(120);
  });
});
