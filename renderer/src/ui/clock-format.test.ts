import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Module from './clock-format';

// A control room east of UTC (and half an hour off it), so "local" cannot pass for UTC.
const hostZone = process.env.TZ;
let clock: typeof Module;

beforeAll(async () => {
  process.env.TZ = 'Asia/Kolkata';
  // The formatters take the zone when the module loads.
  clock = await import('./clock-format');
});

afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

describe('formatClock', () => {
  it('shows a time today as a 24-hour local clock time', () => {
    const now = new Date(2026, 2, 3, 18, 0, 0).getTime();
    expect(clock.formatClock(new Date(2026, 2, 3, 14, 2, 11).getTime(), now)).toBe('14:02:11');
    expect(clock.formatClock(new Date(2026, 2, 3, 0, 5, 9).getTime(), now)).toBe('00:05:09');
  });

  it('reads the instant in local time, not UTC', () => {
    // 08:32:11 UTC is 14:02:11 in Kolkata.
    const at = Date.UTC(2026, 2, 3, 8, 32, 11);
    expect(clock.formatClock(at, at)).toBe('14:02:11');
  });

  it('adds the day to a time from another local day', () => {
    const now = new Date(2026, 2, 4, 0, 0, 1).getTime();
    expect(clock.formatClock(new Date(2026, 2, 3, 23, 59, 59).getTime(), now)).toBe(
      'Mar 3, 23:59:59',
    );
  });
});

describe('formatSpan', () => {
  it('writes a span in the two largest units', () => {
    expect(clock.formatSpan(45_000)).toBe('45 s');
    expect(clock.formatSpan(200_000)).toBe('3 min 20 s');
    expect(clock.formatSpan(180_000)).toBe('3 min');
    expect(clock.formatSpan(7_500_000)).toBe('2 h 5 min');
    expect(clock.formatSpan(7_200_000)).toBe('2 h');
  });

  it('rounds to the nearest second, carrying into the next unit', () => {
    expect(clock.formatSpan(59_600)).toBe('1 min');
    expect(clock.formatSpan(3_599_600)).toBe('1 h');
  });

  it('never shows a negative span', () => {
    expect(clock.formatSpan(-5_000)).toBe('0 s');
  });
});

describe('isoTime', () => {
  it('gives <time dateTime> the instant in UTC', () => {
    expect(clock.isoTime(Date.UTC(2026, 2, 3, 8, 32, 11))).toBe('2026-03-03T08:32:11.000Z');
  });
});
