import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTimeRange } from './audit-time-range';

// An operator in New York: local time is five hours behind UTC in November.
const hostZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

describe('auditTimeRange', () => {
  it('reads datetime-local values as local time and includes the whole last minute', () => {
    const range = auditTimeRange({ from: '2026-11-26T09:30', to: '2026-11-26T10:15' });
    expect(range.since).toBe(new Date(2026, 10, 26, 9, 30).getTime());
    expect(range.until).toBe(new Date(2026, 10, 26, 10, 15, 59, 999).getTime());
  });

  it('asks the host for the instants the operator meant, not the same clock reading in UTC', () => {
    const range = auditTimeRange({ from: '2026-11-26T09:30', to: '2026-11-26T10:15' });
    expect(range.since).toBe(Date.UTC(2026, 10, 26, 14, 30));
    expect(range.until).toBe(Date.UTC(2026, 10, 26, 15, 15, 59, 999));
  });

  it('takes one minute, From and To alike, as that whole minute', () => {
    const range = auditTimeRange({ from: '2026-11-26T10:15', to: '2026-11-26T10:15' });
    expect((range.until ?? 0) - (range.since ?? 0)).toBe(59_999);
  });

  it('includes the last minute of a day up to its last millisecond', () => {
    expect(auditTimeRange({ from: '', to: '2026-11-26T23:59' }).until).toBe(
      new Date(2026, 10, 27).getTime() - 1,
    );
  });

  it('leaves out a blank or unreadable bound', () => {
    expect(auditTimeRange({ from: '', to: '' })).toEqual({});
    expect(auditTimeRange({ from: 'soon', to: '' })).toEqual({});
    expect(auditTimeRange({ from: '', to: '2026-11-26T10:15' })).toEqual({
      until: new Date(2026, 10, 26, 10, 15, 59, 999).getTime(),
    });
    expect(auditTimeRange({ from: '2026-11-26T09:30', to: '' })).toEqual({
      since: new Date(2026, 10, 26, 9, 30).getTime(),
    });
  });

  it('asks for any time once both bounds are cleared ("Any time")', () => {
    expect(auditTimeRange({ from: '', to: '' })).toEqual({});
  });

  it('passes a From after To through as typed: the range is empty, not swapped', () => {
    const range = auditTimeRange({ from: '2026-11-26T11:00', to: '2026-11-26T10:15' });
    expect(range).toEqual({
      since: new Date(2026, 10, 26, 11, 0).getTime(),
      until: new Date(2026, 10, 26, 10, 15, 59, 999).getTime(),
    });
    expect(range.since).toBeGreaterThan(range.until ?? Infinity);
  });
});
