import { describe, expect, it } from 'vitest';
import type { ReleaseGate } from '../../../../shared/api/releases';
import {
  formatDifference,
  formatDuration,
  formatShare,
  formatTolerance,
  gateLimit,
  gateName,
} from './release-format';

// A ring-rollout gate as the main process judges it (main/core/deploys/release-gates.ts).
const failedRequests: ReleaseGate = {
  metric: 'app.requests.failed',
  title: 'Failed requests (beta on 5.9.0)',
  unit: '%',
  releaseKey: 'demo/app.requests.failed{ring=beta,version=5.9.0}',
  baselineKey: 'demo/app.requests.failed{ring=beta,version=5.8.3}',
  releaseValue: 4.2,
  baselineValue: 0.4,
  difference: 9.5,
  tolerance: 0.5,
  direction: 'above',
  verdict: 'worse',
};

describe('formatShare', () => {
  it('writes a ring of users as a percentage of everyone', () => {
    expect(formatShare(0.05)).toBe('5 %');
    expect(formatShare(0.001)).toBe('0.1 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0.125)).toBe('12.5 %');
  });
});

describe('formatDuration', () => {
  it('writes time in a ring with the smaller unit padded to two digits', () => {
    expect(formatDuration(8_400)).toBe('8 s');
    expect(formatDuration(312_000)).toBe('5 min 12 s');
    expect(formatDuration(7_380_000)).toBe('2 h 03 min');
    expect(formatDuration(47 * 3_600_000)).toBe('47 h 00 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('counts only whole seconds elapsed and never goes below zero', () => {
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(-2_000)).toBe('0 s');
  });
});

describe('formatDifference', () => {
  it('signs a difference from the baseline with a true minus', () => {
    expect(formatDifference(0.0085)).toBe('+0.9 %');
    expect(formatDifference(-0.12)).toBe('−12 %');
    expect(formatDifference(-0.034)).toBe('−3.4 %');
  });

  it('drops the decimal of a large difference and groups its thousands', () => {
    expect(formatDifference(9.5)).toBe('+950 %');
    expect(formatDifference(0.0996)).toBe('+10 %');
    expect(formatDifference(12.345)).toBe('+1,235 %');
  });

  it('reads a difference that rounds away as no difference, unsigned', () => {
    expect(formatDifference(0.0004)).toBe('0 %');
    expect(formatDifference(-0.0004)).toBe('0 %');
  });

  it('shows a dash when there is no baseline to compare with', () => {
    expect(formatDifference(undefined)).toBe('–');
    expect(formatDifference(NaN)).toBe('–');
    expect(formatDifference(Infinity)).toBe('–');
  });
});

describe('formatTolerance', () => {
  it('says which way the release may drift before it fails', () => {
    expect(formatTolerance(failedRequests)).toBe('up to +50 %');
    expect(formatTolerance({ tolerance: 0.02, direction: 'below' })).toBe('down to −2 %');
  });
});

describe('gateLimit', () => {
  it('puts the failing line at the baseline plus or minus the tolerance', () => {
    expect(gateLimit(failedRequests)).toBeCloseTo(0.6, 10);
    const signups = { ...failedRequests, direction: 'below' as const, baselineValue: 14 };
    expect(gateLimit({ ...signups, tolerance: 0.25 })).toBeCloseTo(10.5, 10);
  });

  it('has no line without a baseline', () => {
    expect(gateLimit({ ...failedRequests, baselineValue: undefined })).toBeUndefined();
  });
});

describe('gateName', () => {
  it('drops the ring and version the table already shows', () => {
    expect(gateName(failedRequests)).toBe('Failed requests');
    expect(gateName({ title: 'Response time p95' })).toBe('Response time p95');
  });

  it('keeps a title that is nothing but parentheses', () => {
    expect(gateName({ title: '(beta)' })).toBe('(beta)');
  });
});
