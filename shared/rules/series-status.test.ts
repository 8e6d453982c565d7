import { describe, expect, it } from 'vitest';
import type { Thresholds } from '../protocol';
import { STALE_INTERVALS, consoleTime, seriesStatus, thresholdStatus } from './series-status';

const cpu: Thresholds = { warning: 70, critical: 90, direction: 'above' };
const availability: Thresholds = { warning: 99.9, critical: 99.5, direction: 'below' };

describe('thresholdStatus', () => {
  it('is ok without thresholds, whatever the value', () => {
    expect(thresholdStatus(1e9)).toBe('ok');
    expect(thresholdStatus(-1e9)).toBe('ok');
  });

  it.each([
    [0, 'ok'],
    [69.99, 'ok'],
    [70, 'warning'],
    [89.99, 'warning'],
    [90, 'critical'],
    [150, 'critical'],
  ] as const)("direction 'above': %s is %s", (value, expected) => {
    expect(thresholdStatus(value, cpu)).toBe(expected);
  });

  it.each([
    [100, 'ok'],
    [99.91, 'ok'],
    [99.9, 'warning'],
    [99.51, 'warning'],
    [99.5, 'critical'],
    [0, 'critical'],
  ] as const)("direction 'below': %s is %s", (value, expected) => {
    expect(thresholdStatus(value, availability)).toBe(expected);
  });
});

describe('seriesStatus', () => {
  const interval = 1000;

  it('is nodata without a last sample', () => {
    expect(seriesStatus(undefined, undefined, interval, 10_000, cpu)).toBe('nodata');
    expect(seriesStatus(5_000, undefined, interval, 10_000, cpu)).toBe('nodata');
    expect(seriesStatus(undefined, 50, interval, 10_000, cpu)).toBe('nodata');
  });

  it('counts three intervals before a series goes stale', () => {
    expect(STALE_INTERVALS).toBe(3);
  });

  it('is not stale at exactly three intervals, stale just after', () => {
    expect(seriesStatus(10_000, 50, interval, 13_000, cpu)).toBe('ok');
    expect(seriesStatus(10_000, 50, interval, 13_001, cpu)).toBe('stale');
  });

  it('scales staleness with the series interval', () => {
    expect(seriesStatus(0, 50, 60_000, 150_000, cpu)).toBe('ok');
    expect(seriesStatus(0, 50, 60_000, 180_001, cpu)).toBe('stale');
  });

  it('stale wins over critical', () => {
    expect(seriesStatus(0, 95, interval, 10_000, cpu)).toBe('stale');
  });

  it('reports the threshold status of a fresh value', () => {
    expect(seriesStatus(10_000, 95, interval, 10_500, cpu)).toBe('critical');
    expect(seriesStatus(10_000, 75, interval, 10_500, cpu)).toBe('warning');
    expect(seriesStatus(10_000, 99.7, interval, 10_500, availability)).toBe('warning');
    expect(seriesStatus(10_000, 5, interval, 10_500)).toBe('ok');
  });

  it('a value of zero is data, not nodata', () => {
    expect(seriesStatus(0, 0, interval, 0, availability)).toBe('critical');
  });
});

describe('one clock for STALE and ages', () => {
  const interval = 1000;

  it('reads an endpoint ahead of the console on the console clock', () => {
    // The endpoint's clock runs 10 s ahead: its "now" sample is stamped now + 10 s.
    expect(consoleTime(20_000, 10_000)).toBe(10_000);
    expect(seriesStatus(20_000, 50, interval, 10_500, cpu, 10_000)).toBe('ok');
    expect(seriesStatus(20_000, 50, interval, 13_001, cpu, 10_000)).toBe('stale');
  });

  it('does not call a fresh sample from an endpoint behind the console stale', () => {
    // 10 s behind: a sample taken just now is stamped 10 s ago.
    expect(seriesStatus(500, 50, interval, 10_600, cpu, -10_000)).toBe('ok');
    expect(seriesStatus(500, 50, interval, 10_600, cpu)).toBe('stale');
  });
});
